/**
 * The benchmark's own Neo4j servers, on loopback ports no one else uses: the product's embedded
 * launcher (server/neo4j/Launcher.java) and, for the @neo4j/graphql peer, the same launcher with
 * APOC core on its classpath and in its plugin folder. Each stops when told, and by itself when we exit.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../server/src/config.js";
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from "../server/src/neo4j/embedded.js";
import { installEmbeddedNeo4j, libDir } from "../server/src/neo4j/install.js";

export const BENCH_BOLT_PORT = 7694;
export const BENCH_DATA_DIR = path.join(repoRoot, ".neo4j/bench-data");
export const HEAP_MIB = 2048;
export const PAGE_CACHE_MIB = 1024;
/** Authentication is always on; the benchmark's servers (loopback, short-lived) share one password. */
export const BENCH_PASSWORD = "atlas-bench-password";

const apocHome = path.join(repoRoot, ".neo4j/bench-apoc");
const apocLib = path.join(apocHome, "lib");
const apocPlugins = path.join(apocHome, "plugins");
const apocPom = path.join(repoRoot, "bench/neo4j-apoc/pom.xml");
const apocStamp = path.join(apocHome, "install.stamp");

export function wipeDataDir(dir = BENCH_DATA_DIR): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The product's embedded Neo4j, as `npm start` runs it, with the benchmark's memory settings. */
export function startPlainNeo4j(dataDir = BENCH_DATA_DIR, log?: (line: string) => void): Promise<EmbeddedNeo4j> {
  return startEmbeddedNeo4j({
    boltPort: BENCH_BOLT_PORT,
    dataDir,
    heapMiB: HEAP_MIB,
    pageCacheMiB: PAGE_CACHE_MIB,
    txTimeoutSeconds: 3600,
    password: BENCH_PASSWORD,
    log,
  });
}

/**
 * Resolves APOC core 5.26.12 from Maven Central (once), keeps the jars Neo4j's own lib lacks for
 * the classpath, puts apoc-core and apoc-common in the plugin folder, and compiles the launcher.
 */
export function installApoc(log: (line: string) => void): void {
  installEmbeddedNeo4j(log);
  const fingerprint = createHash("sha256").update(fs.readFileSync(apocPom)).digest("hex");
  if (fs.existsSync(apocStamp) && fs.readFileSync(apocStamp, "utf8") === fingerprint) return;
  log("Installing APOC core 5.26.12 for the @neo4j/graphql peer (first run only)…");
  const download = path.join(apocHome, "download");
  for (const dir of [download, apocLib, apocPlugins]) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  }
  execFileSync("mvn", ["-q", "-B", "-f", apocPom, "dependency:copy-dependencies", `-DoutputDirectory=${download}`, "-DincludeScope=runtime"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const artifact = (jar: string) => jar.replace(/-\d[\w.-]*\.jar$/, "");
  const neo4jHas = new Set(fs.readdirSync(libDir).map(artifact));
  for (const jar of fs.readdirSync(download)) {
    // Neo4j already ships newer copies of some (commons-lang3, slf4j): two versions on one classpath break things.
    if (!neo4jHas.has(artifact(jar))) fs.copyFileSync(path.join(download, jar), path.join(apocLib, jar));
    if (jar.startsWith("apoc-")) fs.copyFileSync(path.join(download, jar), path.join(apocPlugins, jar));
  }
  fs.rmSync(download, { recursive: true, force: true });
  fs.writeFileSync(apocStamp, fingerprint);
}

/** The same Neo4j with APOC, on the same port and data folder (run it when the plain one is stopped). */
export async function startApocNeo4j(dataDir = BENCH_DATA_DIR, log: (line: string) => void = () => {}): Promise<EmbeddedNeo4j> {
  installApoc(log);
  return startEmbeddedNeo4j({
    boltPort: BENCH_BOLT_PORT,
    dataDir,
    heapMiB: HEAP_MIB,
    pageCacheMiB: PAGE_CACHE_MIB,
    txTimeoutSeconds: 600,
    password: BENCH_PASSWORD,
    extraClasspath: [path.join(apocLib, "*")],
    pluginDir: apocPlugins,
    // A checkpoint after a big write can take a while; give it time before killing.
    stopGraceMs: 60_000,
    log,
  });
}
