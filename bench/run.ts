/**
 * `npm run bench`: load, query and render benchmarks on a synthetic atlas, each beside its floor or
 * peer, written to bench/results/<size>.json and <size>.md with a description of the machine.
 *   npm run bench -- --size M --only load --seconds 10
 * Targets from the benchmarks issue are reported against the figures, never asserted.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command, Option } from "commander";
import { repoRoot } from "../server/src/config.js";
import { createDriver } from "../server/src/db/driver.js";
import { libDir } from "../server/src/neo4j/install.js";
import { loadOntology } from "../server/src/ontology.js";
import type { SeedGraph } from "../server/src/seed/model.js";
import { syncSeed } from "../server/src/seed/sync.js";
import { validateSeed } from "../server/src/seed/validate.js";
import { benchAnalysis } from "./analysis.js";
import { degreeStats, generateGraph, SIZES } from "./generate.js";
import type { LoadWorkerResult } from "./load-worker.js";
import { BENCH_BOLT_PORT, BENCH_PASSWORD, HEAP_MIB, PAGE_CACHE_MIB, startApocNeo4j, startPlainNeo4j, wipeDataDir } from "./neo4j.js";
import { benchAtlas, benchPeer, type Cell } from "./query.js";
import { benchRender, type RenderResult } from "./render.js";
import { BENCH_PARTS, type BenchPart, type BenchResults, writeResults } from "./report.js";

const log = (line: string) => process.stderr.write(`${line}\n`);

function machine(): BenchResults["machine"] {
  const javaText = execFileSyncText("java", ["-version"]);
  const neo4jJar = fs.existsSync(libDir) ? fs.readdirSync(libDir).find((f) => /^neo4j-kernel-\d/.test(f)) : undefined;
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    java: javaText.split("\n")[0]?.trim() ?? "unknown",
    neo4j: neo4jJar ? `Community ${neo4jJar.replace(/^neo4j-kernel-|\.jar$/g, "")} embedded` : "unknown",
    neo4jMemory: `heap ${HEAP_MIB} MiB, page cache ${PAGE_CACHE_MIB} MiB`,
    // Debian's wrapper script may print a shell warning before the version line.
    chromium:
      execFileSyncText("/usr/bin/chromium", ["--version"])
        .split("\n")
        .find((l) => l.startsWith("Chromium")) ?? "not found",
  };
}

function execFileSyncText(command: string, args: string[]): string {
  // `java -version` writes to stderr, `chromium --version` to stdout.
  const result = spawnSync(command, args, { encoding: "utf8" });
  return `${result.stdout ?? ""}${result.stderr ?? ""}`;
}

/** Runs bench/load-worker.ts in its own Node process; a crash there is a result, not our crash. */
function loadWorker(uri: string, size: string, mode: "sync" | "floor"): Promise<LoadWorkerResult | { error: string }> {
  const heap = size === "M" ? 8192 : 2048;
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${heap}`, "--expose-gc", "--import", "tsx", path.join(repoRoot, "bench/load-worker.ts"), uri, size, mode],
      {
        cwd: repoRoot,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      out += c;
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      err = (err + c).slice(-3000);
    });
    child.on("exit", (code, signal) => {
      const line = out.trim().split("\n").pop();
      if (code === 0 && line) resolve(JSON.parse(line) as LoadWorkerResult);
      else resolve({ error: `load worker (${mode}) exited with ${signal ?? code}: ${err.trim().split("\n").slice(-4).join(" | ")}` });
    });
  });
}

async function withNeo4j<T, N extends { stop(): Promise<void> }>(start: () => Promise<N>, work: (neo4j: N) => Promise<T>): Promise<T> {
  const neo4j = await start();
  try {
    return await work(neo4j);
  } finally {
    await neo4j.stop();
  }
}

async function main(): Promise<void> {
  const program = new Command()
    .name("bench")
    .description("Load, query and render benchmarks on a synthetic atlas (results in bench/results/).")
    .addOption(new Option("--size <size>", "graph size: S = 10k entities / 50k relations, M = 100k / 1M").choices(["S", "M"]).default("S"))
    .addOption(new Option("--only <part>", "run one part only").choices([...BENCH_PARTS]))
    .option("--seconds <n>", "seconds per query cell", (v) => Number(v), 10)
    .option("--warmup <n>", "warm-up seconds before each query's cells", (v) => Number(v), 2)
    .option("--map-only", "render: only the real seed's front-page map beside its floors (no synthetic graphs)")
    .addOption(
      new Option("--response-cache <state>", "our server's response cache in the query benchmark (off: cold reads)").choices(["on", "off"]).default("off"),
    )
    .parse();
  const opts = program.opts<{
    size: "S" | "M";
    only?: BenchPart;
    seconds: number;
    warmup: number;
    mapOnly?: boolean;
    responseCache: "on" | "off";
  }>();
  // Read by bench/server-worker.ts, which our server runs in.
  process.env.RESPONSE_CACHE = opts.responseCache;
  const size = SIZES[opts.size];
  const parts: BenchPart[] = opts.only ? [opts.only] : [...BENCH_PARTS];
  const started = performance.now();
  const ontology = loadOntology();
  const results: BenchResults = {
    size: size.name,
    date: new Date().toISOString(),
    machine: machine(),
    // Every part run starts with no notes, so that its notes from an earlier run do not outlive it.
    notes: Object.fromEntries(parts.map((part) => [part, []])),
  };
  const note = (part: BenchPart, text: string) => {
    results.notes[part] = [...(results.notes[part] ?? []), text];
  };
  log(`bench ${size.name} (${size.entities} entities, ${size.relations} relations): ${parts.join(", ")} on ${results.machine.cpu} × ${results.machine.cores}`);

  if (parts.includes("load") || parts.includes("query")) {
    const graph = generateGraph(ontology, size);
    results.graph = { entities: graph.entities.length, relations: graph.relations.length, sources: graph.sources.length, degree: degreeStats(graph) };
    const uri = `bolt://127.0.0.1:${BENCH_BOLT_PORT}`;
    wipeDataDir();
    let loaded = false;
    await withNeo4j(
      () => startPlainNeo4j(undefined, log),
      async (neo4j) => {
        log("load: full sync and no-op re-sync…");
        const sync = await loadWorker(uri, size.name, "sync");
        // A query-only run loads the graph too, but reports only its own part: the load part (sync
        // beside its floor) is measured by runs that include it.
        if (parts.includes("load")) results.load = { ...results.load, sync };
        loaded = "phases" in sync && sync.phases.fullSync?.ok === true;
        if (!loaded) {
          const why = "error" in sync ? sync.error : sync.phases.fullSync?.error;
          note("load", `The full sync at ${size.name} failed: ${why}`);
          log(`  sync failed: ${why}`);
          if (parts.includes("query")) {
            log("  loading the graph with the floor loader instead, for the query benchmark…");
            const floor = await loadWorker(uri, size.name, "floor");
            loaded = "phases" in floor && floor.phases.floor?.ok === true;
            note("query", "The query benchmark ran on the graph written by the floor loader.");
          }
        }
        if (parts.includes("query") && loaded) {
          log("query: our GraphQL server and the same Cypher through the driver…");
          const atlas = await benchAtlas(uri, {
            graph,
            ontology,
            concurrencies: [1, 32],
            seconds: opts.seconds,
            warmupSeconds: opts.warmup,
            log,
            neo4jPid: neo4j.pid,
          });
          results.query = atlas.cells;
          results.neighborhoodRounds = atlas.rounds;
          note(
            "query",
            opts.responseCache === "on"
              ? "Our server ran with its response cache on (answers kept per graph version): after the warm-up, the repeated mix is answered from memory."
              : "Our server ran with its response cache off (RESPONSE_CACHE=off): every request is a cold read.",
          );
        }
      },
    );
    if (parts.includes("query") && loaded) {
      log("query: @neo4j/graphql (the peer) on the same data, Neo4j with APOC…");
      const peer = await withNeo4j(
        () => startApocNeo4j(undefined, log),
        (neo4j) => benchPeer(uri, { graph, ontology, concurrencies: [1, 32], seconds: opts.seconds, warmupSeconds: opts.warmup, log, neo4jPid: neo4j.pid }),
      ).catch((error: unknown) => {
        note("query", `The peer benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
        log(`  peer failed: ${error instanceof Error ? error.message : String(error)}`);
        return [] as Cell[];
      });
      results.query = [...(results.query ?? []), ...peer];
    }
    if (parts.includes("load")) {
      log("load: the floor (UNWIND … CREATE, 10k rows a transaction) into an empty database…");
      wipeDataDir();
      const floor = await withNeo4j(
        () => startPlainNeo4j(undefined, log),
        () => loadWorker(uri, size.name, "floor"),
      );
      results.load = { ...results.load, floor };
    }
    wipeDataDir();
  }

  if (parts.includes("render")) {
    log("render: Cytoscape.js in headless Chromium…");
    results.render = await benchRender(ontology, log, opts.mapOnly ? [] : undefined).catch((error: unknown): RenderResult => {
      const message = error instanceof Error ? error.message : String(error);
      log(`  render failed: ${message}`);
      return { source: "none", cells: [], error: message };
    });
  }

  if (parts.includes("analysis")) {
    /** Loads `graph` into a fresh Neo4j and times the six fields on it. */
    const analyse = async (graph: SeedGraph, everyEntity: boolean) => {
      wipeDataDir();
      const uri = `bolt://127.0.0.1:${BENCH_BOLT_PORT}`;
      const analysis = await withNeo4j(
        () => startPlainNeo4j(undefined, log),
        async () => {
          const driver = createDriver({ uri, user: "neo4j", password: BENCH_PASSWORD });
          try {
            await syncSeed(graph, { driver, ontology });
          } finally {
            await driver.close();
          }
          return benchAnalysis(uri, graph, ontology, { concurrencies: [1, 32], seconds: opts.seconds, warmupSeconds: opts.warmup, everyEntity, log });
        },
      );
      wipeDataDir();
      return analysis;
    };
    // The analysis answers questions about the real supply chain: measure it on the real seed.
    log("analysis: the six dependency-analysis fields on the real seed, beside the layer Cypher…");
    const { graph, problems } = validateSeed({ seedDir: path.join(repoRoot, "seed"), ontology });
    if (!graph) note("analysis", `The analysis benchmark needs a valid seed; npm run validate reports ${problems.length} problems.`);
    else
      results.analysis = {
        ...(await analyse(graph, true)),
        source: `the real seed (${graph.entities.length} entities, ${graph.relations.length} relations)`,
      };
    log(`analysis: the same fields on the synthetic graph ${size.name}…`);
    const synthetic = generateGraph(ontology, size);
    results.analysisSynthetic = {
      ...(await analyse(synthetic, false)),
      source: `the synthetic graph ${size.name} (${synthetic.entities.length.toLocaleString("en")} entities, ${synthetic.relations.length.toLocaleString("en")} relations)`,
    };
  }

  results.totalSeconds = Math.round((performance.now() - started) / 1000);
  const files = writeResults(results, path.join(repoRoot, "bench/results"));
  log(`done in ${results.totalSeconds} s: ${files.join(", ")}`);
}

main().catch((error: unknown) => {
  log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
