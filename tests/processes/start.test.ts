/**
 * `npm start` as a user runs it: it starts the embedded Neo4j, answers GraphQL, stops on SIGTERM
 * and SIGINT without leaving Java behind, restarts over its data folder, and fails clearly.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { startTestPort } from "../helpers/ports.js";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-start-"));
const children: ChildProcess[] = [];

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; url: Promise<string>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NEO4J_URI: "",
      PORT: "0",
      NEO4J_EMBEDDED_PORT: String(startTestPort),
      NEO4J_DATA_DIR: dataDir,
      NEO4J_HEAP_MB: "512",
      NEO4J_PAGECACHE_MB: "128",
      SEED_DIR: path.join(repoRoot, "tests/fixtures/sync-seed"),
      WEB_DIST: path.join(dataDir, "no-web"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let text = "";
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /GraphQL:\s+(http\S+)/.exec(text);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", () => reject(new Error(`exited before ready:\n${text}`)));
  });
  url.catch(() => {});
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => text, url, exit };
}

function javaRunningOn(dir: string): boolean {
  try {
    return execFileSync("pgrep", ["-f", `Launcher ${dir}`], { encoding: "utf8" }).trim().length > 0;
  } catch {
    return false;
  }
}

async function typename(url: string): Promise<unknown> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
  return response.json();
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("npm start on the embedded Neo4j", () => {
  it("answers { __typename } and stops on SIGTERM within 10 s, leaving no Java process", async () => {
    const app = start({});
    const url = await app.url;
    expect(await typename(url)).toEqual({ data: { __typename: "Query" } });
    expect(javaRunningOn(dataDir)).toBe(true);
    const stopAsked = Date.now();
    app.child.kill("SIGTERM");
    expect(await app.exit).toBe(0);
    expect(Date.now() - stopAsked).toBeLessThan(10_000);
    expect(javaRunningOn(dataDir)).toBe(false);
  });

  it("starts again over the existing data folder, with the graph still there, and stops on SIGINT", async () => {
    const app = start({});
    const url = await app.url;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ stats { entities } }" }),
    });
    expect(((await response.json()) as { data: { stats: { entities: number } } }).data.stats.entities).toBe(4);
    expect(app.output()).toContain("0 created, 0 updated, 0 deleted");
    app.child.kill("SIGINT");
    expect(await app.exit).toBe(0);
    expect(javaRunningOn(dataDir)).toBe(false);
  });

  it("stops its Java process even when the Node process is killed outright", async () => {
    const app = start({});
    await app.url;
    app.child.kill("SIGKILL");
    await app.exit;
    const deadline = Date.now() + 15_000;
    while (javaRunningOn(dataDir) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(javaRunningOn(dataDir)).toBe(false);
  });

  it("stops, saying why, when its embedded Neo4j dies under it", async () => {
    const app = start({});
    await app.url;
    execFileSync("pkill", ["-KILL", "-f", `Launcher ${dataDir}`]);
    expect(await app.exit).toBe(1);
    expect(app.output()).toContain("The embedded Neo4j stopped unexpectedly (SIGKILL); stopping the app.");
  });

  it("with NEO4J_URI pointing at nothing, exits non-zero with one clear line", async () => {
    const app = start({ NEO4J_URI: "bolt://127.0.0.1:1" });
    expect(await app.exit).not.toBe(0);
    const lines = app.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Error: Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: .*NEO4J_URI/);
  });

  it("without Java, says so and names the alternatives", async () => {
    const app = start({ JAVA_HOME: "/nonexistent-jdk" });
    expect(await app.exit).not.toBe(0);
    expect(app.output()).toMatch(/Java 17 or newer is needed.*docker compose up.*NEO4J_URI/);
  });

  it("with a bad configuration value, lists it and exits non-zero", async () => {
    const app = start({ PORT: "eighty", NEO4J_HEAP_MB: "-1" });
    expect(await app.exit).not.toBe(0);
    expect(app.output()).toContain('PORT="eighty" must be an integer');
    expect(app.output()).toContain('NEO4J_HEAP_MB="-1" must be an integer');
  });
});
