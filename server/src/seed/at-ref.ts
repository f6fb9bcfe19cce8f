/** The seed as it was at a git ref: what `npm run kg -- diff` and `sample --since-ref` compare with. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Ontology } from "../ontology.js";
import { EditError } from "./edit.js";
import type { SeedGraph } from "./model.js";
import { validateSeed } from "./validate.js";

/** Reads the seed folder at `base` with `git archive` and checks it; throws an EditError saying why when git cannot. */
export function seedAtRef(seedDir: string, base: string, ontology: Ontology): SeedGraph {
  const seed = path.resolve(seedDir);
  let top: string;
  try {
    top = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: seed, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    throw new EditError(`${seed} is not in a git repository, so there is no "${base}" to compare with; run this from a clone of the atlas.`);
  }
  const inRepo = path.relative(top, seed) || ".";
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-diff-"));
  try {
    try {
      // git's own message is replaced by the one below.
      const archive = execFileSync("git", ["archive", "--format=tar", base, "--", inRepo], {
        cwd: top,
        maxBuffer: 1 << 30,
        stdio: ["ignore", "pipe", "ignore"],
      });
      execFileSync("tar", ["-x", "-C", tmp], { input: archive });
    } catch {
      throw new EditError(`Cannot read ${inRepo}/ at git ref "${base}"; is it a commit, branch or tag of this repository?`);
    }
    return validateSeed({ seedDir: path.join(tmp, inRepo), ontology, cwd: tmp }).partial;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
