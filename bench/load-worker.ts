/**
 * One load measurement in a process of its own, so that its peak memory is the loader's alone:
 *   tsx bench/load-worker.ts <uri> <S|M> sync   full sync into the (empty) database, then a no-op re-sync
 *   tsx bench/load-worker.ts <uri> <S|M> floor  the same rows by plain UNWIND ... CREATE, 10k rows a transaction
 * Prints one JSON line (LoadWorkerResult) on stdout.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { allowLabel, allowType, ENTITY_LABEL, SOURCE_LABEL } from "../server/src/db/queries.js";
import { loadOntology } from "../server/src/ontology.js";
import { openQuestionsOf } from "../server/src/seed/gaps.js";
import { citingEnds, ensureSchema, entityProps, relationProps, sourceProps, syncSeed } from "../server/src/seed/sync.js";
import { generateGraph, SIZES } from "./generate.js";
import { BENCH_PASSWORD } from "./neo4j.js";

export interface PhaseResult {
  ok: boolean;
  error?: string;
  seconds: number;
  rows: { entities: number; relations: number; sources: number };
  relationsPerSecond: number;
  /** Highest resident set size seen while this phase ran (sampled every 20 ms), MiB. */
  peakRssMiB: number;
  /** Highest V8 heap in use while this phase ran, MiB. */
  peakHeapMiB: number;
  /** Seconds per step, where the loader reports them. */
  steps?: Record<string, number>;
  created?: number;
  updated?: number;
  deleted?: number;
}

export interface LoadWorkerResult {
  size: string;
  mode: "sync" | "floor";
  generateSeconds: number;
  /** RSS once the graph is generated and before loading starts: the floor under every peak. */
  baselineRssMiB: number;
  heapLimitMiB: number;
  phases: Record<string, PhaseResult>;
  maxRssMiB: number;
}

const MiB = 1024 * 1024;
const FLOOR_BATCH = 10_000;

class PeakMemory {
  rss = 0;
  heap = 0;
  private timer: NodeJS.Timeout;
  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 20);
  }
  private sample(): void {
    const m = process.memoryUsage();
    this.rss = Math.max(this.rss, m.rss);
    this.heap = Math.max(this.heap, m.heapUsed);
  }
  stop(): { peakRssMiB: number; peakHeapMiB: number } {
    clearInterval(this.timer);
    this.sample();
    return { peakRssMiB: Math.round(this.rss / MiB), peakHeapMiB: Math.round(this.heap / MiB) };
  }
}

async function phase(rows: PhaseResult["rows"], work: () => Promise<Partial<PhaseResult>>): Promise<PhaseResult> {
  const memory = new PeakMemory();
  const started = performance.now();
  let extra: Partial<PhaseResult> = {};
  let error: string | undefined;
  try {
    extra = await work();
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    ok: error === undefined,
    ...(error ? { error: error.split("\n").slice(0, 3).join(" ").slice(0, 600) } : {}),
    seconds,
    rows,
    relationsPerSecond: error ? 0 : Math.round(rows.relations / seconds),
    ...memory.stop(),
    ...extra,
  };
}

/** Writes the rows as simply as Cypher allows; returns seconds per step (schema, nodes, relationships). */
async function floorLoad(driver: Driver, graph: ReturnType<typeof generateGraph>): Promise<Record<string, number>> {
  const ontology = loadOntology();
  const steps: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    steps[name] = Math.round(performance.now() - mark) / 1000;
    mark = performance.now();
  };
  await ensureSchema(driver);
  lap("schemaSeconds");
  const session = driver.session();
  try {
    const cited = citingEnds(graph.relations);
    const write = async (cypher: string, rows: unknown[]) => {
      for (let i = 0; i < rows.length; i += FLOOR_BATCH) await session.executeWrite((tx) => tx.run(cypher, { rows: rows.slice(i, i + FLOOR_BATCH) }));
    };
    await write(
      `UNWIND $rows AS row CREATE (s:${SOURCE_LABEL}) SET s = row`,
      graph.sources.map((s) => sourceProps(s, cited.get(s.id))),
    );
    const openQuestions = openQuestionsOf(graph, ontology);
    for (const kind of ontology.kinds) {
      const rows = graph.entities.filter((e) => e.kind === kind.kind).map((e) => entityProps(e, openQuestions.get(e.id)));
      await write(`UNWIND $rows AS row CREATE (n:${ENTITY_LABEL}:${allowLabel(ontology, kind.kind)}) SET n = row`, rows);
    }
    lap("nodesSeconds");
    for (const type of ontology.relationTypes) {
      const rows = graph.relations.filter((r) => r.type === type.type).map((r) => ({ from: r.from, to: r.to, props: relationProps(r) }));
      await write(
        `UNWIND $rows AS row MATCH (a:${ENTITY_LABEL} {id: row.from}) MATCH (b:${ENTITY_LABEL} {id: row.to}) CREATE (a)-[r:${allowType(ontology, type.type)}]->(b) SET r = row.props`,
        rows,
      );
    }
    lap("relationshipsSeconds");
  } finally {
    await session.close();
  }
  return steps;
}

async function main(): Promise<void> {
  const [uri, sizeName, mode] = process.argv.slice(2);
  const size = SIZES[sizeName as "S" | "M"];
  if (!uri || !size || (mode !== "sync" && mode !== "floor")) throw new Error("usage: load-worker.ts <bolt-uri> <S|M> <sync|floor>");
  const ontology = loadOntology();
  const started = performance.now();
  const graph = generateGraph(ontology, size);
  const generateSeconds = (performance.now() - started) / 1000;
  const rows = { entities: graph.entities.length, relations: graph.relations.length, sources: graph.sources.length };
  global.gc?.();
  const baselineRssMiB = Math.round(process.memoryUsage().rss / MiB);
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", BENCH_PASSWORD), { disableLosslessIntegers: true, logging: { level: "error", logger: () => {} } });
  const phases: Record<string, PhaseResult> = {};
  try {
    if (mode === "sync") {
      const options = { driver, ontology, progressThreshold: Number.POSITIVE_INFINITY };
      phases.fullSync = await phase(rows, async () => {
        const s = await syncSeed(graph, options);
        return { created: s.created, updated: s.updated, deleted: s.deleted };
      });
      if (phases.fullSync.ok) {
        global.gc?.();
        phases.noopResync = await phase(rows, async () => {
          const s = await syncSeed(graph, options);
          return { created: s.created, updated: s.updated, deleted: s.deleted };
        });
      }
    } else {
      phases.floor = await phase(rows, async () => ({ steps: await floorLoad(driver, graph) }));
    }
  } finally {
    await driver.close();
  }
  const { default: v8 } = await import("node:v8");
  const result: LoadWorkerResult = {
    size: size.name,
    mode,
    generateSeconds,
    baselineRssMiB,
    heapLimitMiB: Math.round(v8.getHeapStatistics().heap_size_limit / MiB),
    phases,
    maxRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / MiB),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
