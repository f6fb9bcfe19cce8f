/**
 * Lets every Neo4j the tests start boot on less than half the CPU time: the classes Neo4j loads come
 * from a class-data archive (made once per Java and set of jars, by one boot that also syncs a
 * fixture seed, kept under node_modules/.cache), and only the quick C1 compiler runs (a test's Neo4j
 * lives for seconds or minutes, too short for C2 to pay back). The options reach every `java` the
 * tests start, the ones `npm start` starts in tests/processes included, through JDK_JAVA_OPTIONS.
 * Neither changes what Neo4j does; a missing or stale archive only makes the boots slower again.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../server/src/config.js";
import { createDriver } from "../server/src/db/driver.js";
import { startEmbeddedNeo4j } from "../server/src/neo4j/embedded.js";
import { installEmbeddedNeo4j, javaBinary, launcherJar, libDir } from "../server/src/neo4j/install.js";
import { loadOntology } from "../server/src/ontology.js";
import { syncSeed } from "../server/src/seed/sync.js";
import { validateSeed } from "../server/src/seed/validate.js";

const CACHE = path.join(repoRoot, "node_modules/.cache/atlas-neo4j-cds");
// JVM warnings (e.g. an archive made for other jars) go to stderr, never into the launcher's READY line.
const QUIET = ["-Xlog:disable", "-Xlog:all=warning:stderr"];
const MARK = "-XX:TieredStopAtLevel=1";

/** The archive is only valid for this Java and these exact jars (the JVM checks their sizes and times). */
function archiveFile(): string {
  const hash = createHash("sha256").update(spawnSync(javaBinary(), ["-version"], { encoding: "utf8" }).stderr ?? "");
  for (const jar of [launcherJar, ...fs.readdirSync(libDir).map((name) => path.join(libDir, name))]) {
    const stat = fs.statSync(jar);
    hash.update(`${jar}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return path.join(CACHE, `neo4j-${hash.digest("hex").slice(0, 16)}.jsa`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Boots Neo4j once, syncs a fixture seed through it, and keeps every class it loaded on the way. */
async function makeArchive(file: string): Promise<void> {
  fs.rmSync(CACHE, { recursive: true, force: true });
  fs.mkdirSync(CACHE, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-cds-"));
  const neo4j = await startEmbeddedNeo4j({
    boltPort: await freePort(),
    dataDir,
    heapMiB: 512,
    pageCacheMiB: 64,
    jvmOptions: [`-XX:ArchiveClassesAtExit=${partial}`, MARK, ...QUIET],
    // The archive is written as the JVM exits, after Neo4j has stopped.
    stopGraceMs: 120_000,
  });
  try {
    const driver = createDriver(neo4j);
    try {
      const seedDir = path.join(repoRoot, "tests/fixtures/api-seed");
      const ontology = loadOntology(path.join(repoRoot, "seed"));
      const { graph } = validateSeed({ seedDir, ontology });
      if (graph) await syncSeed(graph, { driver, ontology });
    } finally {
      await driver.close();
    }
  } finally {
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (fs.existsSync(partial)) fs.renameSync(partial, file);
}

let before: string | undefined;
let changed = false;

export async function setup(): Promise<void> {
  // Both projects that start Neo4j list this file; the first one does the work.
  if (process.env.JDK_JAVA_OPTIONS?.includes(MARK)) return;
  installEmbeddedNeo4j();
  const file = archiveFile();
  if (!fs.existsSync(file)) {
    const started = Date.now();
    try {
      await makeArchive(file);
      process.stderr.write(`Made the class-data archive of the test Neo4j in ${((Date.now() - started) / 1000).toFixed(0)} s: ${file}\n`);
    } catch (error) {
      process.stderr.write(`Could not make the class-data archive of the test Neo4j (its boots will be slower): ${(error as Error).message}\n`);
    }
  }
  const archive = fs.existsSync(file) && !/\s/.test(file) ? [`-XX:SharedArchiveFile=${file}`] : [];
  before = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = [before, ...archive, MARK, ...QUIET].filter(Boolean).join(" ");
  changed = true;
}

export function teardown(): void {
  if (!changed) return;
  if (before === undefined) delete process.env.JDK_JAVA_OPTIONS;
  else process.env.JDK_JAVA_OPTIONS = before;
}
