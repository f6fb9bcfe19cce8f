/**
 * Analysis benchmark: the six dependency-analysis fields (dependencies, dependents, exposure,
 * chokepoints, loss, impact) at concurrency 1 and 32 against our server over HTTP, beside their floor —
 * the dependency-layer Cypher run straight through the driver (what an uncached answer must read).
 * On the real seed it also times the supply-chain view (`dependencies`, depth 6) of every entity,
 * one after another: what a reader waits for when opening it.
 */
import type { Driver } from "neo4j-driver";
import { createDriver } from "../server/src/db/driver.js";
import { readQueries } from "../server/src/db/queries.js";
import type { Ontology } from "../server/src/ontology.js";
import type { SeedGraph } from "../server/src/seed/model.js";
import { BENCH_PASSWORD } from "./neo4j.js";
import { hammer, rawLoop, startServer } from "./query.js";

export const ANALYSIS_NAMES = ["dependencies", "dependents", "exposure", "chokepoints", "loss", "impact", "layer-raw"] as const;
export type AnalysisName = (typeof ANALYSIS_NAMES)[number];

export interface AnalysisCell {
  query: AnalysisName;
  concurrency: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

export interface AnalysisResults {
  cells: AnalysisCell[];
  /** Per field, the first answer after the server started (ms): the cold cost before any memo. */
  firstAnswerMs?: Record<string, number>;
  /** `dependencies(depth: 6)` of every entity, one at a time (cache warm). */
  everyEntity?: { entities: number; p50: number; p99: number; max: number; slowest: string };
}

const DOCS: Record<Exclude<AnalysisName, "layer-raw">, string> = {
  dependencies: `query($id: ID!) { dependencies(id: $id, depth: 6, first: 300) { truncated nodes { id kind name country } edges { id type status } inputs { relationType dependent { id } providers { entity { id } share } } } }`,
  dependents: `query($id: ID!) { dependents(id: $id, depth: 6, first: 300) { truncated nodes { id kind name } } }`,
  exposure: `query($id: ID!) { exposure(id: $id) { cut cause since dependent { id } input { id name } rules { id } providersLeft { id } } }`,
  chokepoints: `query($scope: ID) { chokepoints(scope: $scope, first: 20) { score dependents leftWithout countries input { id name } } }`,
  loss: `query($id: ID!) { loss(id: $id, first: 200) { total failing leftWithout { distance fails entity { id name } } } }`,
  impact: `query($policy: ID!) { impact(policy: $policy, depth: 6) { restricted { id } cuts { dependent { id } } affected { distance entity { id } } } }`,
};

function stats(latencies: number[]): { p50: number; p99: number; max: number } {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { p50: r(at(0.5)), p99: r(at(0.99)), max: r(s[s.length - 1] ?? 0) };
}

function cell(query: AnalysisName, concurrency: number, seconds: number, latencies: number[], errors: number): AnalysisCell {
  return {
    query,
    concurrency,
    seconds,
    requests: latencies.length,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    ...stats(latencies),
    errors,
  };
}

/** The floor: the dependency layer's Cypher through the driver, as an uncached answer reads it. */
function rawLayer(driver: Driver, ontology: Ontology, concurrency: number, seconds: number): Promise<{ latencies: number[]; errors: number }> {
  const types = ontology.relationTypes.filter((t) => t.dependency || t.restriction || t.exemption).map((t) => t.type);
  const q = readQueries.analysisLayer(types);
  return rawLoop(driver, [{ cypher: q.cypher, params: q.params }], concurrency, seconds);
}

/** Entities for the variants: products with relations (what a reader opens a supply chain for), and every policy. */
function sample(graph: SeedGraph): { ids: string[]; policies: string[]; scopes: (string | null)[] } {
  const degree = new Map<string, number>();
  for (const r of graph.relations) for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const products = graph.entities.filter(
    (e) => ["CHIP", "MODEL", "SYSTEM", "TECHNOLOGY", "MATERIAL", "FACILITY"].includes(e.kind) && (degree.get(e.id) ?? 0) > 0,
  );
  const step = Math.max(1, Math.floor(products.length / 50));
  const ids = products.filter((_, i) => i % step === 0).map((e) => e.id);
  const policies = graph.entities.filter((e) => e.kind === "POLICY").map((e) => e.id);
  return { ids, policies: policies.length ? policies : ids.slice(0, 1), scopes: [null, "CN", "US", ...ids.slice(0, 7)] };
}

export async function benchAnalysis(
  uri: string,
  graph: SeedGraph,
  ontology: Ontology,
  options: { concurrencies: number[]; seconds: number; warmupSeconds: number; everyEntity: boolean; log: (line: string) => void },
): Promise<AnalysisResults> {
  const { ids, policies, scopes } = sample(graph);
  const bodies: Record<Exclude<AnalysisName, "layer-raw">, string[]> = {
    dependencies: ids.map((id) => JSON.stringify({ query: DOCS.dependencies, variables: { id } })),
    dependents: ids.map((id) => JSON.stringify({ query: DOCS.dependents, variables: { id } })),
    exposure: ids.map((id) => JSON.stringify({ query: DOCS.exposure, variables: { id } })),
    chokepoints: scopes.map((scope) => JSON.stringify({ query: DOCS.chokepoints, variables: { scope } })),
    loss: ids.map((id) => JSON.stringify({ query: DOCS.loss, variables: { id } })),
    impact: policies.map((policy) => JSON.stringify({ query: DOCS.impact, variables: { policy } })),
  };
  const cells: AnalysisCell[] = [];
  const firstAnswerMs: Record<string, number> = {};
  const results: AnalysisResults = { cells, firstAnswerMs };
  const server = await startServer("atlas", uri);
  try {
    for (const name of Object.keys(bodies) as (keyof typeof bodies)[]) {
      const started = performance.now();
      const first = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: bodies[name][0] });
      const answer = (await first.json()) as { errors?: { message: string }[] };
      firstAnswerMs[name] = Math.round(performance.now() - started);
      if (answer.errors?.length) throw new Error(`${name}: ${answer.errors[0]?.message}`);
      options.log(`  ${name}: first answer in ${firstAnswerMs[name]} ms`);
      await hammer(server.url, bodies[name], 4, options.warmupSeconds);
      for (const c of options.concurrencies) {
        const { latencies, errors } = await hammer(server.url, bodies[name], c, options.seconds);
        cells.push(cell(name, c, options.seconds, latencies, errors));
        const last = cells[cells.length - 1] as AnalysisCell;
        options.log(`  ${name} c=${c}: ${last.requestsPerSecond} req/s, p50 ${last.p50} ms, p99 ${last.p99} ms`);
      }
    }
    if (options.everyEntity) {
      const latencies: number[] = [];
      let slowest = { id: "", ms: 0 };
      for (const e of graph.entities) {
        const started = performance.now();
        const res = await fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: DOCS.dependencies, variables: { id: e.id } }),
        });
        await res.json();
        const ms = performance.now() - started;
        latencies.push(ms);
        if (ms > slowest.ms) slowest = { id: e.id, ms };
      }
      results.everyEntity = { entities: latencies.length, ...stats(latencies), slowest: slowest.id };
      options.log(
        `  supply-chain view of all ${latencies.length} entities: p50 ${results.everyEntity.p50} ms, p99 ${results.everyEntity.p99} ms, max ${results.everyEntity.max} ms (${slowest.id})`,
      );
    }
  } finally {
    await server.stop();
  }
  const driver = createDriver({ uri, user: "neo4j", password: BENCH_PASSWORD });
  try {
    // On a graph of a million relations, 32 copies of the whole layer at once would only measure
    // the database's heap: the floor is then taken at c=1 alone.
    const big = graph.relations.length > 200_000;
    if (!big) await rawLayer(driver, ontology, 4, options.warmupSeconds);
    for (const c of big ? [1] : options.concurrencies) {
      const { latencies, errors } = await rawLayer(driver, ontology, c, options.seconds);
      cells.push(cell("layer-raw", c, options.seconds, latencies, errors));
      const last = cells[cells.length - 1] as AnalysisCell;
      options.log(`  layer-raw c=${c}: ${last.requestsPerSecond} req/s, p50 ${last.p50} ms, p99 ${last.p99} ms`);
    }
  } finally {
    await driver.close();
  }
  return results;
}

export function analysisMarkdown(r: AnalysisResults, source: string, heading = "## Analysis"): string[] {
  const lines = [
    heading,
    "",
    `On ${source}. Each cell: requests cycling through variants (about 50 product entities, for loss too; chokepoints over the whole graph, CN, US and 7 entities; impact over every policy). ` +
      "`layer-raw` is the floor: the dependency-layer Cypher through the driver, which an answer reads only when the graph version changed (the layer is cached per version).",
    "",
    "| field | c | req/s | p50 ms | p99 ms | max ms | errors |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...r.cells.map((c) =>
      // No answer came within the cell: its latency columns would read 0 ms, which is the opposite.
      c.requests === 0
        ? `| ${c.query} | ${c.concurrency} | none finished in ${c.seconds} s | – | – | – | ${c.errors} |`
        : `| ${c.query} | ${c.concurrency} | ${c.requestsPerSecond} | ${c.p50} | ${c.p99} | ${c.max} | ${c.errors} |`,
    ),
    "",
  ];
  if (r.firstAnswerMs)
    lines.push(
      `First answer of each field after the server started (the first one also reads the layer; a chokepoint ranking is then kept per graph version and day): ${Object.entries(
        r.firstAnswerMs,
      )
        .map(([k, v]) => `${k} ${v} ms`)
        .join(", ")}.`,
      "",
    );
  if (r.everyEntity)
    lines.push(
      `Supply-chain view (\`dependencies\`, depth 6) of every one of the ${r.everyEntity.entities} entities, one at a time: p50 ${r.everyEntity.p50} ms, p99 ${r.everyEntity.p99} ms, max ${r.everyEntity.max} ms (${r.everyEntity.slowest}). Target (issue 15): under 1 s for every entity.`,
      "",
    );
  return lines;
}
