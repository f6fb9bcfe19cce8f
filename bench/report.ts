/**
 * Writes bench/results/<size>.json and <size>.md. A partial run (--only) replaces its own sections
 * and keeps the others from the previous file, each section saying when it was measured.
 */
import fs from "node:fs";
import path from "node:path";
import { type AnalysisResults, analysisMarkdown } from "./analysis.js";
import type { LoadWorkerResult, PhaseResult } from "./load-worker.js";
import { type Cell, QUERY_NAMES, type Rounds } from "./query.js";
import type { RenderResult } from "./render.js";

export interface BenchResults {
  size: string;
  date: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    os: string;
    node: string;
    java: string;
    neo4j: string;
    neo4jMemory: string;
    chromium: string;
  };
  graph?: { entities: number; relations: number; sources: number; degree: { max: number; p50: number; p99: number; top10Share: number } };
  load?: { sync?: LoadWorkerResult | { error: string }; floor?: LoadWorkerResult | { error: string } };
  query?: Cell[];
  /** The neighbourhood through our server beside the pre-#16 query and today's raw, in turns. */
  neighborhoodRounds?: Rounds;
  render?: RenderResult;
  /** The dependency-analysis fields, on the real seed (`--only analysis`). */
  analysis?: AnalysisResults & { source: string };
  /** The same fields on the synthetic graph of this size. */
  analysisSynthetic?: AnalysisResults & { source: string };
  /** What a reader must know about a part's figures, by part: a partial run (--only) replaces its own part's notes. */
  notes: Partial<Record<BenchPart, string[]>>;
  totalSeconds?: number;
}

export const BENCH_PARTS = ["load", "query", "render", "analysis"] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

/** Notes in part order (a file written before notes were kept by part has none to keep). */
function allNotes(notes: BenchResults["notes"] | string[] | undefined): string[] {
  if (!notes || Array.isArray(notes)) return [];
  return BENCH_PARTS.flatMap((part) => notes[part] ?? []);
}

export function writeResults(results: BenchResults, dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const jsonPath = path.join(dir, `${results.size}.json`);
  let merged = results;
  if (fs.existsSync(jsonPath)) {
    const previous = JSON.parse(fs.readFileSync(jsonPath, "utf8")) as BenchResults & { measured?: Record<string, string> };
    const measured = { ...(previous.measured ?? {}) };
    for (const key of ["load", "query", "render", "analysis", "analysisSynthetic"] as const) if (results[key]) measured[key] = results.date;
    merged = {
      ...previous,
      ...Object.fromEntries(Object.entries(results).filter(([, v]) => v !== undefined)),
      notes: { ...(Array.isArray(previous.notes) ? {} : previous.notes), ...results.notes },
      measured,
    } as BenchResults;
    if (!results.graph && previous.graph) merged.graph = previous.graph;
  } else {
    (merged as BenchResults & { measured?: Record<string, string> }).measured = Object.fromEntries(
      (["load", "query", "render", "analysis", "analysisSynthetic"] as const).filter((k) => results[k]).map((k) => [k, results.date]),
    );
  }
  const mdPath = path.join(dir, `${results.size}.md`);
  fs.writeFileSync(jsonPath, `${JSON.stringify(merged, null, 2)}\n`);
  fs.writeFileSync(mdPath, markdown(merged));
  return [path.relative(process.cwd(), jsonPath), path.relative(process.cwd(), mdPath)];
}

const fmt = (x: number | undefined, digits = 1) => (x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? "–" : `${(a / b).toFixed(2)}×`);

function phaseRow(name: string, p: PhaseResult | undefined, fallback?: string): string {
  if (!p) return `| ${name} | ${fallback ?? "not run"} | | | |`;
  if (!p.ok) return `| ${name} | failed after ${fmt(p.seconds)} s: ${p.error?.replace(/\|/g, "/")} | | | ${p.peakRssMiB} |`;
  const detail = p.steps
    ? ` (${Object.entries(p.steps)
        .map(([k, v]) => `${k.replace("Seconds", "")} ${fmt(v)} s`)
        .join(", ")})`
    : "";
  return `| ${name} | ${fmt(p.seconds, 2)}${detail} | ${p.relationsPerSecond.toLocaleString("en")} | ${p.created ?? "–"}/${p.updated ?? "–"}/${p.deleted ?? "–"} | ${p.peakRssMiB} |`;
}

export function markdown(r: BenchResults & { measured?: Record<string, string> }): string {
  const m = r.machine;
  const lines: string[] = [
    `# Benchmarks, size ${r.size}`,
    "",
    `Written by \`npm run bench -- --size ${r.size}\` on ${r.date.slice(0, 16).replace("T", " ")} UTC${r.totalSeconds ? ` in ${r.totalSeconds} s` : ""}.`,
    "Absolute figures depend on the machine; what carries over is the ratio to the floor or peer measured in the same run.",
    "",
    "## Machine",
    "",
    "| CPU | cores | memory | OS | Node | Java | Neo4j | Chromium |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    `| ${m.cpu} | ${m.cores} | ${m.memoryGiB} GiB | ${m.os} | ${m.node} | ${m.java} | ${m.neo4j} (${m.neo4jMemory}) | ${m.chromium.trim()} |`,
    "",
  ];
  if (r.graph) {
    const d = r.graph.degree;
    lines.push(
      "## Graph",
      "",
      `Synthetic (bench/generate.ts, seeded): ${r.graph.entities.toLocaleString("en")} entities of every kind, ${r.graph.relations.toLocaleString("en")} relations of every type, ${r.graph.sources.toLocaleString("en")} sources. ` +
        `Degrees follow a power law: median ${d.p50}, p99 ${d.p99}, max ${d.max}; the top 10% of entities hold ${(d.top10Share * 100).toFixed(0)}% of relation ends.`,
      "",
    );
  }
  if (r.load) {
    lines.push("## Load", "", "| step | seconds | relations/s | created/updated/deleted | loader peak RSS (MiB) |", "| --- | --- | --- | --- | --- |");
    const sync = r.load.sync;
    if (sync && "error" in sync) lines.push(`| full sync | failed: ${sync.error.replace(/\|/g, "/")} | | | |`);
    else if (sync) {
      lines.push(phaseRow("full sync into an empty database (syncSeed: 10k-row batches)", sync.phases.fullSync));
      lines.push(phaseRow("no-op re-sync", sync.phases.noopResync, "not run (the full sync failed)"));
    }
    const floor = r.load.floor;
    if (floor && "error" in floor) lines.push(`| floor | failed: ${floor.error.replace(/\|/g, "/")} | | | |`);
    else if (floor) lines.push(phaseRow("floor: UNWIND … CREATE, 10k rows a transaction", floor.phases.floor));
    const full = sync && !("error" in sync) ? sync.phases.fullSync : undefined;
    const base = floor && !("error" in floor) ? floor.phases.floor : undefined;
    lines.push("");
    if (full?.ok && base?.ok)
      lines.push(
        `Full sync / floor time: **${ratio(full.seconds, base.seconds)}**. Target (issue 9): sync ≥ 50,000 relations/s; measured ${full.relationsPerSecond.toLocaleString("en")}.`,
      );
    if (sync && !("error" in sync))
      lines.push(`Loader RSS before loading (graph generated): ${sync.baselineRssMiB} MiB; Node heap limit ${sync.heapLimitMiB} MiB.`);
    lines.push("");
  }
  if (r.query?.length) {
    const get = (target: string, query: string, c: number) => r.query?.find((x) => x.target === target && x.query === query && x.concurrency === c);
    const concurrencies = [...new Set(r.query.map((x) => x.concurrency))].sort((a, b) => a - b);
    lines.push(
      "## Query",
      "",
      `Each cell: ${r.query[0]?.seconds} s of requests cycling through 30–50 variants (mostly median-degree entities, one in ten a hub). c readers at once, each with an address of its own (X-Forwarded-For through the loopback proxy: the server's per-client turns, 8 queries at once, apply to each reader). Latencies in ms.`,
      "GraphQL = our server over HTTP (autocannon); raw = the same Cypher and parameters through neo4j-driver in the load generator's process; HTTP floor = the same Cypher served by bare node:http in a process of its own (read, rows as plain objects, JSON.stringify; autocannon), what any HTTP API pays at least; peer = @neo4j/graphql over the same data.",
      "",
      "| query | c | GraphQL req/s | p50 | p95 | p99 | raw req/s | raw p50 | raw p99 | **GraphQL/raw p50** | HTTP floor req/s | HTTP floor p50 | HTTP floor/raw p50 | GraphQL/HTTP floor p50 | peer req/s | peer p50 | peer p99 | **ours/peer p50** (< 1: ours faster) |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const q of QUERY_NAMES)
      for (const c of concurrencies) {
        const g = get("graphql", q, c);
        const raw = get("raw", q, c);
        const peer = get("peer", q, c);
        const floor = get("http", q, c);
        lines.push(
          `| ${q} | ${c} | ${fmt(g?.requestsPerSecond)} | ${fmt(g?.p50)} | ${fmt(g?.p95)} | ${fmt(g?.p99)} | ${fmt(raw?.requestsPerSecond)} | ${fmt(raw?.p50)} | ${fmt(raw?.p99)} | ${ratio(g?.p50, raw?.p50)} | ${fmt(floor?.requestsPerSecond)} | ${fmt(floor?.p50)} | ${ratio(floor?.p50, raw?.p50)} | ${ratio(g?.p50, floor?.p50)} | ${fmt(peer?.requestsPerSecond)} | ${fmt(peer?.p50)} | ${fmt(peer?.p99)} | ${ratio(g?.p50, peer?.p50)} |`,
        );
      }
    const cpuOf = (target: string, query: string, c: number) => get(target, query, c)?.cpu;
    if (r.query.some((x) => x.cpu?.servingMsPerRequest !== undefined)) {
      lines.push(
        "",
        "CPU per request answered (ms of user + system time over the cell, from /proc; a process waiting for a core is not charged, so these are steadier than latencies on a shared machine). Serving: the process that answered (our server, the HTTP floor's, the peer's; for raw, the load generator running the driver). Neo4j: the database's process in the same cell.",
        "",
        "| query | c | GraphQL serving | HTTP floor serving | raw (driver in the load generator) | peer serving | **GraphQL/HTTP floor serving** | Neo4j: GraphQL | Neo4j: HTTP floor | Neo4j: raw | Neo4j: peer |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      );
      for (const q of QUERY_NAMES)
        for (const c of concurrencies) {
          const [g, floor, raw, peer] = ["graphql", "http", "raw", "peer"].map((t) => cpuOf(t, q, c));
          lines.push(
            `| ${q} | ${c} | ${fmt(g?.servingMsPerRequest, 2)} | ${fmt(floor?.servingMsPerRequest, 2)} | ${fmt(raw?.servingMsPerRequest, 2)} | ${fmt(peer?.servingMsPerRequest, 2)} | ${ratio(g?.servingMsPerRequest, floor?.servingMsPerRequest)} | ${fmt(g?.neo4jMsPerRequest, 2)} | ${fmt(floor?.neo4jMsPerRequest, 2)} | ${fmt(raw?.neo4jMsPerRequest, 2)} | ${fmt(peer?.neo4jMsPerRequest, 2)} |`,
          );
        }
    }
    const before = concurrencies.map((c) => ({
      c,
      before: get("before", "neighborhood", c),
      ours: get("graphql", "neighborhood", c),
      raw: get("raw", "neighborhood", c),
    }));
    if (before.some((b) => b.before))
      lines.push(
        "",
        "Neighbourhood beside the query issue 16 was filed against (bench/neighborhood-before.ts: it read every relation of every node it expanded), on the same requests, raw through the driver: " +
          before
            .filter((b) => b.before)
            .map(
              (b) =>
                `c=${b.c}: before p50 ${fmt(b.before?.p50)} ms (p99 ${fmt(b.before?.p99)}, ${fmt(b.before?.requestsPerSecond)} req/s), today raw ${fmt(b.raw?.p50)} ms, today GraphQL ${fmt(b.ours?.p50)} ms: **GraphQL/before p50 ${ratio(b.ours?.p50, b.before?.p50)}**`,
            )
            .join("; ") +
          ". Target (issue 16): at most 0.5× at c=32 on M.",
      );
    const rounds = r.neighborhoodRounds;
    if (rounds) {
      const of = (target: string) => rounds.targets.find((t) => t.target === target);
      const [ours, before, raw] = [of("graphql"), of("before"), of("raw")];
      const describeTarget = (name: string, t: typeof ours) =>
        `${name} p50 ${fmt(t?.pooled.p50)} ms (rounds ${t?.perRoundP50.map((x) => fmt(x)).join(" / ")}; p99 ${fmt(t?.pooled.p99)})`;
      lines.push(
        "",
        `The same, in turns (${rounds.targets[0]?.perRoundP50.length} rounds of ${rounds.seconds} s per target at c=${rounds.concurrency}, the order rotating; all of a target's latencies pooled): ` +
          `${describeTarget("GraphQL", ours)}, ${describeTarget("before", before)}, ${describeTarget("raw", raw)}: ` +
          `**GraphQL/before p50 ${ratio(ours?.pooled.p50, before?.pooled.p50)}**, raw/before ${ratio(raw?.pooled.p50, before?.pooled.p50)}.`,
      );
    }
    const errors = r.query.filter((x) => x.errors > 0).map((x) => `${x.target} ${x.query} c=${x.concurrency}: ${x.errors}`);
    lines.push(
      "",
      "Targets (issue 9): GraphQL within 1.2× raw at p50; faster than the peer on every query; neighbourhood depth 2 p99 < 50 ms on M at c=32.",
      errors.length ? `Errors or timeouts: ${errors.join("; ")}.` : "No errors or timeouts.",
      "",
      "The peer answers `entity` and `search` with its generated API (56 relationship fields: one per type and direction; its @fulltext query on our index). " +
        "It cannot express a breadth-first neighbourhood or shortest paths, so those two are @cypher fields: paths as ours, the neighbourhood as ours was before issue 16 (see bench/peer.ts).",
      "",
    );
  }
  if (r.render) {
    lines.push("## Render", "");
    if (r.render.error) lines.push(`Failed: ${r.render.error}`, "");
    else {
      lines.push(
        `Source: ${r.render.source}. Layout = time from adding the elements to the end of the first complete layout; FPS = frames rendered per second while panning continuously for ${r.render.panSeconds ?? "–"} s.`,
        "",
        "| elements (nodes + edges) | renderer | layout | layout ms | pan FPS |",
        "| --- | --- | --- | --- | --- |",
      );
      for (const c of r.render.cells)
        lines.push(
          `| ${c.elements.toLocaleString("en")} (${c.nodes} + ${c.edges}) | ${c.renderer} | ${c.layout} | ${fmt(c.layoutMs, 0)}${c.runsMs ? ` (median of ${c.runsMs.join(", ")})` : ""} | ${fmt(c.fps)} |`,
        );
      lines.push("", "Target (issue 9): 5k elements laid out in under 2 s.", "");
      const map = r.render.cells.find((c) => c.layout.startsWith("full map"));
      const floors = r.render.cells.filter((c) => c.layout.startsWith("floor"));
      if (map)
        lines.push(
          "The full map: the real seed's `map` answer drawn as the front page draws it; layout ms = from the answer to the first frame that shows it (elements, style, Cytoscape, first draw), in fresh pages taken in turns with the floors." +
            floors.map((f) => ` Map / ${f.layout.replace(/^floor: /, "floor (")}): **${ratio(map.layoutMs, f.layoutMs)}**.`).join(""),
          "",
        );
    }
  }
  if (r.analysis) lines.push(...analysisMarkdown(r.analysis, r.analysis.source));
  if (r.analysisSynthetic) lines.push(...analysisMarkdown(r.analysisSynthetic, r.analysisSynthetic.source, `## Analysis, synthetic graph ${r.size}`));
  const notes = allNotes(r.notes);
  if (notes.length) lines.push("## Notes", "", ...notes.map((n) => `- ${n}`), "");
  if (r.measured)
    lines.push(
      `Sections measured: ${Object.entries(r.measured)
        .map(([k, v]) => `${k} ${v.slice(0, 16).replace("T", " ")}`)
        .join(", ")}.`,
      "",
    );
  return `${lines.join("\n")}\n`;
}
