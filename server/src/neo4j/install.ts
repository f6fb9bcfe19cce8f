/**
 * Installs the embedded Neo4j: resolves its jars from Maven Central into .neo4j/lib and
 * compiles the launcher into .neo4j/launcher.jar. Skips both when a stamp says they are current.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../config.js";

export const neo4jHome = path.join(repoRoot, ".neo4j");
export const libDir = path.join(neo4jHome, "lib");
/** A jar, not a folder of classes: the JVM can then keep every class it loads in a class-data archive (tests/jvm-setup.ts). */
export const launcherJar = path.join(neo4jHome, "launcher.jar");
const pomPath = path.join(repoRoot, "server/neo4j/pom.xml");
const launcherSource = path.join(repoRoot, "server/neo4j/Launcher.java");
export const unsignSource = path.join(repoRoot, "server/neo4j/UnsignJars.java");
const stampPath = path.join(neo4jHome, "install.stamp");
const unsignedStampPath = path.join(neo4jHome, "unsigned.stamp");

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

/** A tool of the JDK in JAVA_HOME, or on PATH. */
export function jdkTool(name: "javac" | "jar" | "jarsigner" | "keytool"): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, "bin", name) : name;
}

function hasCommand(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return !result.error && result.status === 0;
}

/** A step done once per content of its inputs: its stamp file holds their hash. */
function stampOf(stamp: string, inputs: string[]) {
  const fingerprint = () => {
    const hash = createHash("sha256");
    for (const input of inputs) hash.update(fs.readFileSync(input));
    return hash.digest("hex");
  };
  return {
    holds(): boolean {
      try {
        return fs.readFileSync(stamp, "utf8") === fingerprint();
      } catch {
        return false;
      }
    },
    write(): void {
      fs.writeFileSync(stamp, fingerprint());
    },
  };
}

/** The download and the launcher. */
const installed = stampOf(stampPath, [pomPath, launcherSource]);
/** The jars' signatures removed, by this UnsignJars.java. */
const unsigned = stampOf(unsignedStampPath, [unsignSource]);

export function isInstalled(): boolean {
  return installed.holds();
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
  if (needMaven) requireJdk();
}

function requireJdk(): void {
  if (!hasCommand(jdkTool("javac"), ["-version"])) {
    throw new EmbeddedNeo4jError(`A JDK (\`javac\`) is needed once, to compile the embedded Neo4j launcher, and was not found. ${ALTERNATIVES}`);
  }
}

export function installEmbeddedNeo4j(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  if (isInstalled()) {
    // Installed before the launcher came as a jar: compile it, with no new download.
    if (!fs.existsSync(launcherJar)) {
      requireJdk();
      compileLauncher();
    }
    // Installed before the jars were unsigned: unsign them, with no new download. Without a JDK
    // (a Java runtime runs Neo4j, but cannot run a source file) Neo4j boots from them as they are.
    if (!unsigned.holds()) {
      try {
        unsignJars();
      } catch (error) {
        log(`${(error as Error).message} The embedded Neo4j starts anyway, from the jars as they are.`);
      }
    }
    return;
  }
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
  unsignJars();
  compileLauncher();
  installed.write();
  log("Embedded Neo4j installed.");
}

/**
 * Rewrites the signed jars Maven copied without their signatures (server/neo4j/UnsignJars.java says
 * why: a fifth of a boot's CPU, measured on 2026-12-03). Run as a source file by the JDK's own launcher.
 */
function unsignJars(): void {
  try {
    execFileSync(javaBinary(), [unsignSource, libDir], { stdio: ["ignore", "ignore", "inherit"] });
    unsigned.write();
  } catch {
    throw new EmbeddedNeo4jError(
      `Removing the signatures of the downloaded jars in ${libDir} failed (see above). Delete .neo4j and run \`npm run neo4j:install\` again.`,
    );
  }
}

/** Compiles Launcher.java into launcher.jar, replacing it in one rename (another process may be starting from it). */
function compileLauncher(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-launcher-"));
  try {
    const classes = path.join(work, "classes");
    execFileSync(jdkTool("javac"), ["-cp", `${libDir}${path.sep}*`, "-d", classes, launcherSource], { stdio: ["ignore", "inherit", "inherit"] });
    const jar = path.join(work, "launcher.jar");
    execFileSync(jdkTool("jar"), ["--create", "--file", jar, "-C", classes, "."], { stdio: ["ignore", "inherit", "inherit"] });
    fs.copyFileSync(jar, `${launcherJar}.${process.pid}`);
    fs.renameSync(`${launcherJar}.${process.pid}`, launcherJar);
  } catch {
    throw new EmbeddedNeo4jError("Compiling server/neo4j/Launcher.java into .neo4j/launcher.jar failed (see above).");
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export { ALTERNATIVES };
