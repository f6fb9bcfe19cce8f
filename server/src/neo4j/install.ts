/**
 * Installs the embedded Neo4j: resolves its jars from Maven Central into .neo4j/lib and
 * compiles the launcher into .neo4j/classes. Skips both when a stamp says they are current.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../config.js";

export const neo4jHome = path.join(repoRoot, ".neo4j");
export const libDir = path.join(neo4jHome, "lib");
export const classesDir = path.join(neo4jHome, "classes");
const pomPath = path.join(repoRoot, "server/neo4j/pom.xml");
const launcherSource = path.join(repoRoot, "server/neo4j/Launcher.java");
const stampPath = path.join(neo4jHome, "install.stamp");

const ALTERNATIVES =
  "Alternatives: run `docker compose up` (uses the official neo4j:5.26-community image), " +
  "or set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to an existing Neo4j 5 server.";

export class EmbeddedNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedNeo4jError";
  }
}

/** Returns the major version of `java` on PATH (or JAVA_HOME), or undefined when absent. */
export function javaMajorVersion(java = javaBinary()): number | undefined {
  const result = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export function javaBinary(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, "bin", "java") : "java";
}

function javacBinary(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, "bin", "javac") : "javac";
}

function hasCommand(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return !result.error && result.status === 0;
}

function installFingerprint(): string {
  return createHash("sha256").update(fs.readFileSync(pomPath)).update(fs.readFileSync(launcherSource)).digest("hex");
}

export function isInstalled(): boolean {
  try {
    return fs.readFileSync(stampPath, "utf8") === installFingerprint();
  } catch {
    return false;
  }
}

/** Checks the prerequisites and throws one clear message naming the alternatives. */
export function checkPrerequisites(needMaven: boolean): void {
  const major = javaMajorVersion();
  if (major === undefined) {
    throw new EmbeddedNeo4jError(`Java 17 or newer is needed to run the embedded Neo4j, and \`java\` was not found. ${ALTERNATIVES}`);
  }
  if (major < 17) {
    throw new EmbeddedNeo4jError(`Java 17 or newer is needed to run the embedded Neo4j; found Java ${major}. ${ALTERNATIVES}`);
  }
  if (needMaven && !hasCommand("mvn", ["-v"])) {
    throw new EmbeddedNeo4jError(`Maven (\`mvn\`) is needed once, to download the embedded Neo4j from Maven Central, and was not found. ${ALTERNATIVES}`);
  }
  if (needMaven && !hasCommand(javacBinary(), ["-version"])) {
    throw new EmbeddedNeo4jError(`A JDK (\`javac\`) is needed once, to compile the embedded Neo4j launcher, and was not found. ${ALTERNATIVES}`);
  }
}

export function installEmbeddedNeo4j(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  if (isInstalled()) return;
  checkPrerequisites(true);
  log("Installing the embedded Neo4j 5.26 from Maven Central into .neo4j/lib (first run only, about 1–2 minutes)…");
  fs.rmSync(libDir, { recursive: true, force: true });
  fs.mkdirSync(libDir, { recursive: true });
  try {
    execFileSync("mvn", ["-q", "-B", "-f", pomPath, "dependency:copy-dependencies", `-DoutputDirectory=${libDir}`, "-DincludeScope=runtime"], {
      stdio: ["ignore", "inherit", "inherit"],
    });
  } catch {
    throw new EmbeddedNeo4jError(`Maven could not download Neo4j (see its output above). Check your network access to Maven Central. ${ALTERNATIVES}`);
  }
  fs.rmSync(classesDir, { recursive: true, force: true });
  fs.mkdirSync(classesDir, { recursive: true });
  try {
    execFileSync(javacBinary(), ["-cp", `${libDir}${path.sep}*`, "-d", classesDir, launcherSource], {
      stdio: ["ignore", "inherit", "inherit"],
    });
  } catch {
    throw new EmbeddedNeo4jError("Compiling server/neo4j/Launcher.java failed (see above).");
  }
  fs.writeFileSync(stampPath, installFingerprint());
  log("Embedded Neo4j installed.");
}

export { ALTERNATIVES };
