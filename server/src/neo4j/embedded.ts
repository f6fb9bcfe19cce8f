/**
 * Starts the embedded Neo4j (server/neo4j/Launcher.java) as a child process, waits until Bolt
 * answers, and stops it. The child also stops by itself when our end of its stdin closes, so
 * a crash or a kill of this Node process never leaves a Java process behind.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { classArchiveOptions } from "./class-archive.js";
import { ALTERNATIVES, checkPrerequisites, EmbeddedNeo4jError, installEmbeddedNeo4j, javaBinary, launcherJar, libDir } from "./install.js";
import { portIsFree } from "./ports.js";

export interface EmbeddedOptions {
  boltPort: number;
  dataDir: string;
  heapMiB: number;
  pageCacheMiB: number;
  /** Server-side cap on any transaction, in seconds. */
  txTimeoutSeconds?: number;
  /** More jars for the classpath, and a plugin folder (the benchmark's APOC peer uses these). */
  extraClasspath?: string[];
  pluginDir?: string;
  /** The password to set; a new random one by default (a restart under a running driver passes the old). */
  password?: string;
  /** More options for the JVM, before the class path (e.g. -XX:ArchiveClassesAtExit=…). */
  jvmOptions?: string[];
  /** More Neo4j settings by name (e.g. `dbms.cypher.min_replan_interval`), handed to the launcher. */
  settings?: Record<string, string>;
  /** How long stop() waits for a clean shutdown before killing (default 8 s). */
  stopGraceMs?: number;
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  /** Authentication is always on: user `neo4j` with a random password made for this start. */
  user: string;
  password: string;
  pid: number;
  stop(): Promise<void>;
  /** Calls `listener` if the Java process ends without stop() having been asked. */
  onUnexpectedExit(listener: (code: number | null, signal: string | null) => void): void;
}

const START_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 8_000;

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  checkPrerequisites(false);
  installEmbeddedNeo4j(log);
  if (!(await portIsFree(options.boltPort))) {
    throw new EmbeddedNeo4jError(
      `Port ${options.boltPort} on 127.0.0.1 is already in use, so the embedded Neo4j cannot listen there. ` +
        `Stop whatever holds it (another \`npm start\`?), or set NEO4J_EMBEDDED_PORT to a free port, ` +
        `or set NEO4J_URI=bolt://127.0.0.1:${options.boltPort} if that is a Neo4j you want to use.`,
    );
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const args = [
    `-Xms${Math.min(256, options.heapMiB)}m`,
    `-Xmx${options.heapMiB}m`,
    "-XX:+UseG1GC",
    "-XX:ActiveProcessorCount=2",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    ...classArchiveOptions(),
    ...(options.jvmOptions ?? []),
    "-cp",
    [launcherJar, path.join(libDir, "*"), ...(options.extraClasspath ?? [])].join(path.delimiter),
    "Launcher",
    options.dataDir,
    String(options.boltPort),
    String(options.pageCacheMiB),
    String(options.txTimeoutSeconds ?? 600),
    ...(options.pluginDir ? [options.pluginDir] : []),
  ];
  // A new random password at every start, handed to Java by environment (not visible in `ps`).
  const password = options.password ?? randomBytes(24).toString("base64url");
  // More settings go in a file beside the data, which the launcher loads.
  const settingsFile = path.join(options.dataDir, "atlas-settings.conf");
  const settings = Object.entries(options.settings ?? {});
  if (settings.length > 0) fs.writeFileSync(settingsFile, settings.map(([name, value]) => `${name}=${value}\n`).join(""));
  const child = spawn(javaBinary(), args, {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, ATLAS_NEO4J_PASSWORD: password, ATLAS_NEO4J_SETTINGS_FILE: settings.length > 0 ? settingsFile : "" },
  });
  const stderrTail: string[] = [];
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderrTail.push(chunk);
    if (stderrTail.length > 50) stderrTail.shift();
  });

  await new Promise<void>((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new EmbeddedNeo4jError(`The embedded Neo4j did not start within ${START_TIMEOUT_MS / 1000} s.`));
    }, START_TIMEOUT_MS);
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      stdout += chunk;
      if (/^READY \d+$/m.test(stdout)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`Could not run Java: ${error.message}. ${ALTERNATIVES}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(explainFailure(stderrTail.join(""), code, options.dataDir)));
    });
  });
  child.removeAllListeners("exit");
  child.stdout?.resume();

  let stopping = false;
  return {
    uri: `bolt://127.0.0.1:${options.boltPort}`,
    user: "neo4j",
    password,
    pid: child.pid ?? -1,
    stop: () => {
      stopping = true;
      return stopChild(child, options.stopGraceMs ?? STOP_GRACE_MS);
    },
    onUnexpectedExit(listener) {
      child.once("exit", (code, signal) => {
        if (!stopping) listener(code, signal);
      });
    },
  };
}

function explainFailure(stderr: string, code: number | null, dataDir: string): string {
  const failed = /FAILED (.*)/.exec(stderr)?.[1] ?? stderr.trim().split("\n").slice(-3).join(" ");
  if (/lock|Lock/.test(failed)) {
    return (
      `The embedded Neo4j could not lock its data folder ${dataDir}: another Neo4j is using it. ` +
      `Stop the other \`npm start\` (or its java process), or set NEO4J_DATA_DIR to another folder. (${failed})`
    );
  }
  if (/[Aa]ddress already in use|BindException/.test(failed)) {
    return `The embedded Neo4j could not bind its Bolt port: ${failed}. Set NEO4J_EMBEDDED_PORT to a free port.`;
  }
  return `The embedded Neo4j exited (code ${code}) before it was ready: ${failed || "no message"}. If the data folder ${dataDir} is damaged, move it away and start again.`;
}

function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.stdin?.end();
    child.kill("SIGTERM");
  });
}
