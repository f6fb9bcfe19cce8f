/**
 * The embedded Neo4j's class-data archive: every class a boot and a sync load, kept by the JVM in
 * one file (AppCDS) so that later boots map them instead of loading and verifying each jar entry.
 * Measured here it saves a fifth to a third of a boot's CPU time. `npm run neo4j:install` makes it
 * once per Java and set of jars; every start uses it when it is there, and boots as before when it
 * is not (or when the JVM finds it does not match, which it checks itself).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { javaBinary, launcherJar, libDir, neo4jHome } from "./install.js";
import { freePort } from "./ports.js";

const archiveDir = path.join(neo4jHome, "cds");

/** JVM warnings (e.g. an archive made for other jars) go to stderr, never into the launcher's READY line. */
export const QUIET_JVM_LOG = ["-Xlog:disable", "-Xlog:all=warning:stderr"];

/** The archive's file: its name changes with the Java version and with every jar (the JVM checks their sizes and times too). */
export function classArchiveFile(): string {
  // Without the options a caller may have put in the environment: `java -version` would name them,
  // and the same Java would get another archive (the tests set JDK_JAVA_OPTIONS).
  const { JDK_JAVA_OPTIONS: _jdk, JAVA_TOOL_OPTIONS: _tool, ...env } = process.env;
  const version = spawnSync(javaBinary(), ["-version"], { encoding: "utf8", env }).stderr ?? "";
  const hash = createHash("sha256").update(version.replace(/^(NOTE: Picked up|Picked up) .*$/gm, ""));
  const jars = fs.existsSync(libDir) ? fs.readdirSync(libDir).map((name) => path.join(libDir, name)) : [];
  for (const jar of [launcherJar, ...jars]) {
    if (!fs.existsSync(jar)) continue;
    const stat = fs.statSync(jar);
    hash.update(`${jar}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return path.join(archiveDir, `neo4j-${hash.digest("hex").slice(0, 16)}.jsa`);
}

/** The JVM options that use the archive, or none when it has not been made (a path with spaces is not supported by the JVM option). */
export function classArchiveOptions(): string[] {
  const file = classArchiveFile();
  return fs.existsSync(file) && !/\s/.test(file) ? [`-XX:SharedArchiveFile=${file}`, ...QUIET_JVM_LOG] : [];
}

/** What a boot needs to make the archive: start it with these options, do some work, stop it. */
export interface ArchiveBoot {
  boltPort: number;
  dataDir: string;
  jvmOptions: string[];
  /** The JVM writes the archive as it exits, after Neo4j has stopped. */
  stopGraceMs: number;
}

/**
 * Makes the archive unless it exists: `boot` starts Neo4j with the options given, does the work whose
 * classes should be kept (a sync, some reads) and stops it. Written under a temporary name and
 * renamed, so that a start beside it never maps a half-written file. Returns whether it was made.
 */
export async function makeClassArchive(boot: (options: ArchiveBoot) => Promise<void>): Promise<boolean> {
  const file = classArchiveFile();
  if (fs.existsSync(file)) return false;
  fs.mkdirSync(archiveDir, { recursive: true });
  // Archives of other jars or another Java are of no use any more.
  for (const old of fs.readdirSync(archiveDir)) if (old.endsWith(".jsa")) fs.rmSync(path.join(archiveDir, old), { force: true });
  const partial = `${file}.${process.pid}.partial`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-cds-"));
  try {
    await boot({
      boltPort: await freePort(),
      dataDir,
      jvmOptions: [`-XX:ArchiveClassesAtExit=${partial}`, "-XX:TieredStopAtLevel=1", ...QUIET_JVM_LOG],
      stopGraceMs: 120_000,
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (!fs.existsSync(partial)) return false;
  fs.renameSync(partial, file);
  return true;
}
