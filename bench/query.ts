/**
 * Query benchmark: the mix (search, entity with its relations, neighbourhood depth 2, paths up to
 * 4 hops) at concurrency 1 and 32, against our server over HTTP (autocannon), against the very same
 * Cypher run straight through neo4j-driver (the floor), against that Cypher served by bare node:http
 * (the HTTP floor: what any HTTP API pays on top of the read), and against @neo4j/graphql (the peer).
 */

import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import type { Driver } from "neo4j-driver";
import { simulatedClientAddress } from "../scripts/client-addresses.js";
import { repoRoot } from "../server/src/config.js";
import { createDriver } from "../server/src/db/driver.js";
import { Database, withoutCallerStack } from "../server/src/db/run.js";
import { freePort } from "../server/src/neo4j/ports.js";
import type { Ontology } from "../server/src/ontology.js";
import { createAtlasYoga } from "../server/src/yoga.js";
import type { GeneratedGraph } from "./generate.js";
import { neighborhoodBefore } from "./neighborhood-before.js";
import { BENCH_PASSWORD } from "./neo4j.js";
import { peerDocuments } from "./peer.js";
import { perRequest, processCpuMs, selfCpuMs } from "./process-cpu.js";

export const QUERY_NAMES = ["search", "entity", "neighborhood", "paths"] as const;
export type QueryName = (typeof QUERY_NAMES)[number];
/**
 * before: the neighbourhood query as it stood when issue 16 was filed, raw (bench/neighborhood-before.ts);
 * http: the HTTP floor, the same Cypher served by bare node:http (bench/server-worker.ts floor).
 */
export type Target = "graphql" | "raw" | "peer" | "before" | "http";

export interface Cell {
  target: Target;
  query: QueryName;
  concurrency: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** CPU milliseconds per request answered (bench/process-cpu.ts), where /proc can tell. */
  cpu?: CellCpu;
}

export interface CellCpu {
  /** The process that served the requests: our server, the HTTP floor's, the peer's; for raw reads, the load generator itself. */
  servingMsPerRequest?: number;
  neo4jMsPerRequest?: number;
}

/** One question with its variables, as GraphQL for us and for the peer. */
interface Variant {
  ours: { query: string; variables: Record<string, unknown> };
  peer: { query: string; variables: Record<string, unknown> };
}

/** The neighbourhood every run asks for, by our document and by the pre-#16 query beside it. */
const NEIGHBORHOOD = { depth: 2, limit: 200 };

const OURS: Record<QueryName, string> = {
  search: `query Search($q: String!) { search(query: $q, first: 10) { score entity { id kind name nameZh country } } }`,
  entity: `query Entity($id: ID!) { entity(id: $id) { id kind name nameZh country description relations(first: 50) { id type status since until from { id kind name } to { id kind name } } } }`,
  neighborhood: `query Neighborhood($id: ID!) { neighborhood(id: $id, depth: ${NEIGHBORHOOD.depth}, limit: ${NEIGHBORHOOD.limit}) { truncated nodes { id kind name } edges { id type from { id } to { id } } } }`,
  paths: `query Paths($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, first: 5) { length nodes { id kind name } edges { id type from { id } to { id } } } }`,
};

/** The requests of each question: mostly ordinary entities, one in ten a hub (as real traffic is). */
export function variants(graph: GeneratedGraph, ontology: Ontology): Record<QueryName, Variant[]> {
  const peer = peerDocuments(ontology);
  const ids = [...graph.ordinary.slice(0, 45), ...graph.hubs.slice(0, 5)];
  const both = (name: QueryName, variables: Record<string, unknown>, peerVariables = variables): Variant => ({
    ours: { query: OURS[name], variables },
    peer: { query: peer[name], variables: peerVariables },
  });
  return {
    search: graph.searchTerms.map((q) => both("search", { q })),
    entity: ids.map((id) => both("entity", { id })),
    neighborhood: ids.map((id) => both("neighborhood", { id })),
    paths: ids.map((from, i) => both("paths", { from, to: graph.ordinary[(i * 7 + 100) % graph.ordinary.length] })),
  };
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

/**
 * Starts counting the CPU of the serving process (the load generator itself when `servingPid` is
 * undefined: raw reads) and of Neo4j; the returned function gives both per request answered.
 */
function cpuMeter(servingPid: number | undefined, neo4jPid: number | undefined): (requests: number) => CellCpu {
  const serving = () => (servingPid === undefined ? selfCpuMs() : processCpuMs(servingPid));
  const start = { serving: serving(), neo4j: processCpuMs(neo4jPid) };
  return (requests) => ({
    servingMsPerRequest: perRequest(start.serving, serving(), requests),
    neo4jMsPerRequest: perRequest(start.neo4j, processCpuMs(neo4jPid), requests),
  });
}

/** After a cell's deadline, how long the server is given to finish the answers still on their way before its CPU is read. */
const DRAIN_MS = 500;

/** Waits until the answers still on their way when a cell over HTTP ended are served (and charged to that cell). */
async function drain(driver: Driver, log: (line: string) => void): Promise<void> {
  await settle(driver, log);
  await sleep(DRAIN_MS);
}

function cell(target: Target, query: QueryName, concurrency: number, seconds: number, latencies: number[], errors: number): Cell {
  const sorted = latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    target,
    query,
    concurrency,
    seconds,
    requests: sorted.length,
    requestsPerSecond: round(sorted.length / seconds),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    errors,
  };
}

/** Starts bench/server-worker.ts; resolves once it listens. */
export async function startServer(target: "atlas" | "peer" | "floor", uri: string): Promise<{ url: string; pid: number | undefined; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "bench/server-worker.ts"), target, uri, String(port)], {
    stdio: ["pipe", "pipe", "inherit"],
    cwd: repoRoot,
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      out += chunk;
      if (out.includes("READY")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`The ${target} server exited (code ${code}) before it listened.`)));
  });
  child.removeAllListeners("exit");
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        child.once("exit", () => {
          clearTimeout(killer);
          resolve();
        });
        child.stdin?.end();
        child.kill("SIGTERM");
      }),
  };
}

async function post(url: string, body: { query: string; variables: Record<string, unknown> }): Promise<{ errors?: { message: string }[] }> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await response.json()) as { errors?: { message: string }[] };
}

/** Sends every variant once; throws with the first GraphQL error, so no cell measures failures. */
async function preflight(url: string, list: Variant[], side: "ours" | "peer", name: QueryName): Promise<void> {
  for (const v of list) {
    const result = await post(url, v[side]);
    if (result.errors?.length) throw new Error(`${side} ${name} ${JSON.stringify(v[side].variables)} failed: ${result.errors[0]?.message}`);
  }
}

/**
 * autocannon for `seconds`, cycling through the variants; latency of every response kept. Each
 * connection is one reader with an address of its own (X-Forwarded-For through the loopback proxy
 * the server trusts), as `npm run soak` does: at c=32, thirty-two readers, each with the server's
 * per-client turns, not one reader sending 32 at once (whom the server would serve 8 at a time).
 */
export async function hammer(
  url: string,
  bodies: string[],
  concurrency: number,
  seconds: number,
): Promise<{ latencies: number[]; errors: number; sent: number }> {
  let next = 0;
  let clients = 0;
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections: concurrency,
        pipelining: 1,
        duration: seconds,
        timeout: 30,
        setupClient: (client: autocannon.Client) =>
          client.setHeaders({ "content-type": "application/json", "x-forwarded-for": simulatedClientAddress(++clients) }),
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
          },
        ],
      },
      (error: unknown, result: autocannon.Result) => (error ? reject(error) : resolve(result)),
    );
    // The instance emits (client, statusCode, bytes, ms) per response; its typings only know the client's event.
    (instance as unknown as NodeJS.EventEmitter).on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else errors++;
    });
  });
  // `next` counts the requests autocannon built: those answered after the deadline too.
  return { latencies, errors: errors + result.errors + result.timeouts, sent: next };
}

export interface QueryBenchOptions {
  graph: GeneratedGraph;
  ontology: Ontology;
  concurrencies: number[];
  seconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
  /** Neo4j's process, whose CPU per request each cell reports beside the serving process's. */
  neo4jPid?: number;
}

/** The neighbourhood at one concurrency, measured in turns: each target once per round. */
export interface Rounds {
  concurrency: number;
  /** Seconds of each target in each round. */
  seconds: number;
  targets: { target: Target; perRoundP50: number[]; pooled: Cell }[];
}

/** The longest a cell's leftovers are waited for (the server's reads time out well before). */
const SETTLE_LIMIT_MS = 60_000;

/**
 * Waits until Neo4j runs nothing but this check. autocannon ends a cell at its deadline without
 * waiting for the answers still on their way, so the reads those requests started go on inside
 * Neo4j; on a heavy question (paths at c=32 on M: some reads take seconds) they ran into the next
 * cell and slowed whichever target came after (in one run, ours at 888 ms p50 against the HTTP
 * floor's 479 ms measured just before it). Every cell now starts on an idle database.
 */
export async function settle(driver: Driver, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  let running = 0;
  for (;;) {
    const session = driver.session({ defaultAccessMode: "READ" });
    try {
      const result = await session.run(
        "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS running",
      );
      running = Number(result.records[0]?.get("running") ?? 0);
    } finally {
      await session.close();
    }
    const waited = performance.now() - started;
    if (running === 0) {
      if (waited > 500) log(`  (waited ${Math.round(waited)} ms for reads left running by the last cell)`);
      return;
    }
    if (waited > SETTLE_LIMIT_MS) {
      log(`  (${running} reads still running after ${SETTLE_LIMIT_MS / 1000} s; measuring anyway)`);
      return;
    }
    await sleep(100);
  }
}

/** Seconds each question is asked through each target before any cell counts (a fresh Neo4j's JIT). */
const JVM_WARMUP_SECONDS = 10;

/** Rounds of the neighbourhood comparison, and the concurrency they run at (issue 16's: c=32). */
const ROUNDS = 3;
const ROUND_CONCURRENCY = 32;

/** Our server over HTTP, and the same Cypher straight through the driver. */
export async function benchAtlas(uri: string, options: QueryBenchOptions): Promise<{ cells: Cell[]; rounds: Rounds }> {
  const all = variants(options.graph, options.ontology);
  const cells: Cell[] = [];
  const driver = createDriver({ uri, user: "neo4j", password: BENCH_PASSWORD });
  const before = all.neighborhood.map((v) => neighborhoodBefore(String(v.ours.variables.id), NEIGHBORHOOD.depth, NEIGHBORHOOD.limit));
  let rounds: Rounds;
  try {
    const cypher = await captureCypher(driver, options.ontology, all);
    const server = await startServer("atlas", uri);
    const floor = await startServer("floor", uri);
    try {
      const floorBodies = Object.fromEntries(QUERY_NAMES.map((name) => [name, cypher[name].map((q) => JSON.stringify(q))])) as Record<QueryName, string[]>;
      const bodies = Object.fromEntries(QUERY_NAMES.map((name) => [name, all[name].map((v) => JSON.stringify(v.ours))])) as Record<QueryName, string[]>;
      for (const name of QUERY_NAMES) await preflight(server.url, all[name], "ours", name);
      // Neo4j's JIT keeps getting faster for the first minute or two of a fresh server (a search
      // took 16 ms on the first pass and 5 ms on the third here): every question is asked both
      // ways before any cell counts, and the two ways are then measured side by side, never one
      // all through before the other (which let the later one run on a warmer JVM).
      for (const name of QUERY_NAMES) {
        await hammer(server.url, bodies[name], 4, JVM_WARMUP_SECONDS);
        await rawLoop(driver, cypher[name], 4, JVM_WARMUP_SECONDS);
        await hammer(floor.url, floorBodies[name], 4, JVM_WARMUP_SECONDS);
      }
      const measure = async (target: Target, name: QueryName, c: number, queries: CapturedQuery[]) => {
        await settle(driver, options.log);
        const cpu = cpuMeter(target === "graphql" ? server.pid : target === "http" ? floor.pid : undefined, options.neo4jPid);
        const overHttp = target === "graphql" || target === "http";
        const result: { latencies: number[]; errors: number; sent?: number } = overHttp
          ? await hammer(target === "graphql" ? server.url : floor.url, (target === "graphql" ? bodies : floorBodies)[name], c, options.seconds)
          : await rawLoop(driver, queries, c, options.seconds);
        const { latencies, errors, sent } = result;
        if (overHttp) await drain(driver, options.log);
        const answered = sent ?? latencies.length + errors;
        cells.push({ ...cell(target, name, c, options.seconds, latencies, errors), cpu: cpu(answered) });
        options.log(`  ${target.padEnd(7)} ${name} c=${c}: ${describe(cells[cells.length - 1] as Cell)}`);
      };
      for (const name of QUERY_NAMES) {
        await hammer(server.url, bodies[name], 4, options.warmupSeconds);
        await rawLoop(driver, cypher[name], 4, options.warmupSeconds);
        await hammer(floor.url, floorBodies[name], 4, options.warmupSeconds);
        // Which goes first rotates, so none is always the one measured on a warmer server.
        for (const [i, c] of options.concurrencies.entries()) {
          const targets: Target[] = ["graphql", "raw", "http"];
          const order = targets.map((_, k) => targets[(i + k) % targets.length] as Target);
          for (const target of order) await measure(target, name, c, cypher[name]);
        }
      }
      // Today's query beside the one issue 16 was filed against, on the same requests.
      await rawLoop(driver, before, 4, options.warmupSeconds);
      for (const c of options.concurrencies) await measure("before", "neighborhood", c, before);
      rounds = await neighborhoodRounds(server.url, driver, all.neighborhood, { raw: cypher.neighborhood, before }, options);
    } finally {
      await Promise.all([server.stop(), floor.stop()]);
    }
  } finally {
    await driver.close();
  }
  return { cells, rounds };
}

/**
 * The neighbourhood through our server, the pre-#16 query and today's query raw, in turns at
 * ROUND_CONCURRENCY (the order rotating each round): a slow spell of a shared machine then falls
 * on all three alike, where the cells above measure each target minutes apart from the others.
 */
async function neighborhoodRounds(
  url: string,
  driver: Driver,
  list: Variant[],
  queries: { raw: CapturedQuery[]; before: CapturedQuery[] },
  options: QueryBenchOptions,
): Promise<Rounds> {
  const bodies = list.map((v) => JSON.stringify(v.ours));
  const run: Record<"graphql" | "before" | "raw", () => Promise<{ latencies: number[]; errors: number }>> = {
    graphql: () => hammer(url, bodies, ROUND_CONCURRENCY, options.seconds),
    before: () => rawLoop(driver, queries.before, ROUND_CONCURRENCY, options.seconds),
    raw: () => rawLoop(driver, queries.raw, ROUND_CONCURRENCY, options.seconds),
  };
  const order = ["graphql", "before", "raw"] as const;
  const got = { graphql: [], before: [], raw: [] } as Record<(typeof order)[number], { latencies: number[]; errors: number }[]>;
  await rawLoop(driver, queries.before, 4, options.warmupSeconds);
  await rawLoop(driver, queries.raw, 4, options.warmupSeconds);
  for (let round = 0; round < ROUNDS; round++)
    for (let i = 0; i < order.length; i++) {
      const target = order[(i + round) % order.length] as (typeof order)[number];
      await settle(driver, options.log);
      const result = await run[target]();
      got[target].push(result);
      const one = cell(target, "neighborhood", ROUND_CONCURRENCY, options.seconds, [...result.latencies], result.errors);
      options.log(`  round ${round + 1} ${target.padEnd(7)} neighborhood c=${ROUND_CONCURRENCY}: ${describe(one)}`);
    }
  return {
    concurrency: ROUND_CONCURRENCY,
    seconds: options.seconds,
    targets: order.map((target) => ({
      target,
      perRoundP50: got[target].map((r) => cell(target, "neighborhood", ROUND_CONCURRENCY, options.seconds, [...r.latencies], r.errors).p50),
      pooled: cell(
        target,
        "neighborhood",
        ROUND_CONCURRENCY,
        options.seconds * ROUNDS,
        got[target].flatMap((r) => r.latencies),
        got[target].reduce((n, r) => n + r.errors, 0),
      ),
    })),
  };
}

/** @neo4j/graphql over the same graph (its Neo4j must have APOC). */
export async function benchPeer(uri: string, options: QueryBenchOptions): Promise<Cell[]> {
  const all = variants(options.graph, options.ontology);
  const cells: Cell[] = [];
  const server = await startServer("peer", uri);
  const driver = createDriver({ uri, user: "neo4j", password: BENCH_PASSWORD });
  try {
    // The same warm-up of a fresh Neo4j as ours gets (benchAtlas).
    for (const name of QUERY_NAMES) {
      await preflight(server.url, all[name], "peer", name);
      await hammer(
        server.url,
        all[name].map((v) => JSON.stringify(v.peer)),
        4,
        JVM_WARMUP_SECONDS * 2,
      );
    }
    for (const name of QUERY_NAMES) {
      const bodies = all[name].map((v) => JSON.stringify(v.peer));
      await hammer(server.url, bodies, 4, options.warmupSeconds);
      for (const c of options.concurrencies) {
        await settle(driver, options.log);
        const cpu = cpuMeter(server.pid, options.neo4jPid);
        const { latencies, errors, sent } = await hammer(server.url, bodies, c, options.seconds);
        await drain(driver, options.log);
        cells.push({ ...cell("peer", name, c, options.seconds, latencies, errors), cpu: cpu(sent) });
        options.log(`  peer    ${name} c=${c}: ${describe(cells[cells.length - 1] as Cell)}`);
      }
    }
  } finally {
    await Promise.all([server.stop(), driver.close()]);
  }
  return cells;
}

export function describe(c: Cell): string {
  return `${c.requestsPerSecond} req/s, p50 ${c.p50} ms, p95 ${c.p95} ms, p99 ${c.p99} ms${c.errors ? `, ${c.errors} errors` : ""}`;
}

export interface CapturedQuery {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * The exact Cypher and parameters our resolvers send for each variant: the GraphQL documents are
 * run in process through createAtlasYoga over a Database that records what it is asked to read.
 */
async function captureCypher(driver: Driver, ontology: Ontology, all: Record<QueryName, Variant[]>): Promise<Record<QueryName, CapturedQuery[]>> {
  let last: CapturedQuery | undefined;
  class RecordingDatabase extends Database {
    override read<T extends Record<string, unknown>>(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
      last = { cypher, params };
      return super.read<T>(name, cypher, params);
    }
  }
  const yoga = createAtlasYoga({ db: new RecordingDatabase(driver, { timeoutMs: 30_000 }), ontology });
  const out = {} as Record<QueryName, CapturedQuery[]>;
  for (const name of QUERY_NAMES) {
    out[name] = [];
    for (const v of all[name]) {
      last = undefined;
      const response = await yoga.fetch("http://bench/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(v.ours),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (body.errors?.length || !last) throw new Error(`Capturing the Cypher of ${name} failed: ${body.errors?.[0]?.message ?? "no query was sent"}`);
      out[name].push(last);
    }
  }
  return out;
}

/** `concurrency` loops sending the captured queries through the driver, as Database does. */
export async function rawLoop(
  driver: Driver,
  queries: CapturedQuery[],
  concurrency: number,
  seconds: number,
): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const q = queries[next++ % queries.length] as CapturedQuery;
      const started = performance.now();
      const session = driver.session({ defaultAccessMode: "READ" });
      try {
        // An auto-commit read, as Database sends it (db/run.ts): without the caller's stack, which
        // the driver would otherwise format (through tsx's source maps) at every query.
        const result = await withoutCallerStack(() => session.run(q.cypher, q.params, { timeout: 30_000 }));
        result.records.map((r) => r.toObject());
        latencies.push(performance.now() - started);
      } catch {
        errors++;
      } finally {
        await session.close();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors };
}
