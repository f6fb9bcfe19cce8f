/**
 * Gives the whole test run one temporary folder and removes it at the end: every test's
 * `os.tmpdir()` (and that of the processes it starts) is inside it, through TMPDIR. A run then
 * leaves nothing behind in /tmp, however many seed copies, Neo4j data folders or builds its files
 * make, and a file that forgets to clean up costs nothing after the run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const MARK = "atlas-test-run-";
let made: string | undefined;
let before: string | undefined;

export function setup(): void {
  // Every project lists this file; the first one does the work.
  if (path.basename(os.tmpdir()).startsWith(MARK)) return;
  before = process.env.TMPDIR;
  made = fs.mkdtempSync(path.join(os.tmpdir(), MARK));
  process.env.TMPDIR = made;
}

export function teardown(): void {
  if (!made) return;
  if (before === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = before;
  fs.rmSync(made, { recursive: true, force: true });
  made = undefined;
}
