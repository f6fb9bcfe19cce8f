/**
 * `npm run soak`: drives a running Atlas server with many concurrent clients on the query mix (a
 * warm-up first, 20 s by default) and reports requests/s, latency percentiles, errors, and the
 * server's memory, sampled each second after the warm-up. Exits 1 on any error. Only for servers on this machine (loopback).
 */
import autocannon from "autocannon";
import { Command } from "commander";
import { simulatedClientAddress } from "./client-addresses.js";

interface Health {
  rssBytes?: number;
  heapUsedBytes?: number;
}

export const QUERY_MIX = [
  { name: "search", query: 'query { search(query: "hua", first: 10) { score entity { id name nameZh kind } } }' },
  {
    name: "entity",
    query:
      'query { entity(id: "huawei") { id name nameZh kind country relations(direction: BOTH) { id type status from { id name } to { id name } sources { id title url } } } }',
  },
  {
    name: "neighborhood",
    query: 'query { neighborhood(id: "nvidia", depth: 2, limit: 200) { truncated nodes { id name kind } edges { id type from { id } to { id } } } }',
  },
  { name: "paths", query: 'query { paths(from: "deepseek", to: "tsmc", maxHops: 4, first: 5) { length nodes { id name } edges { type } } }' },
];

/**
 * The server's /health; memory figures come only with its admin token (ADMIN_TOKEN in the
 * environment). null when nothing answers at `base`.
 */
async function health(base: string, token = process.env.ADMIN_TOKEN): Promise<Health | null> {
  let response: Response;
  try {
    response = await fetch(`${base}/health`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    return null;
  }
  return ((await response.json().catch(() => ({}))) ?? {}) as Health;
}

const mb = (bytes: number | undefined) => (bytes === undefined ? "n/a" : `${(bytes / 2 ** 20).toFixed(0)} MiB`);

let addresses = 0;
/** One address per simulated user. */
function nextAddress(): string {
  return simulatedClientAddress(++addresses);
}

/** One load run: every connection sends the query mix in turn for `duration` seconds. */
async function drive(base: string, connections: number, duration: number, acceptEncoding?: string) {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `${base}/graphql`,
    connections,
    duration,
    timeout: 10,
    requests: QUERY_MIX.map((q) => ({
      method: "POST" as const,
      path: "/graphql",
      headers: { "content-type": "application/json", ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}) },
      body: JSON.stringify({ query: q.query }),
      // Each connection is one user behind the (trusted, loopback) reverse proxy, with its own
      // address: the server's per-client turns and rate limit apply to each, as in production.
      setupRequest: (request: autocannon.Request, context: { address?: string }) => {
        context.address ??= nextAddress();
        return { ...request, headers: { ...request.headers, "x-forwarded-for": context.address } };
      },
      onResponse: (status: number, body: string) => {
        if (status !== 200 || body.includes('"errors"')) graphqlErrors++;
      },
    })),
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    /** Bytes received per response, headers included (smaller with --accept-encoding). */
    bytesPerResponse: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    detail: { socketErrors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphqlErrors },
  };
}

const growth = (from: number | undefined, to: number | undefined) =>
  from === undefined || to === undefined || from === 0 ? undefined : Math.round(((to - from) / from) * 1000) / 10;

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined;
}

/**
 * The server's RSS once a second while `work` runs (with the admin token; none without). V8's heap
 * saws up and down under load, so growth is the median of the last quarter of the samples against
 * the median of the first quarter, not one reading against another.
 */
async function sampledRss<T>(base: string, token: string | undefined, work: Promise<T>): Promise<{ result: T; rss: number[] }> {
  const rss: number[] = [];
  let done = false;
  const sampling = (async () => {
    while (!done) {
      const h = await health(base, token);
      if (h?.rssBytes !== undefined) rss.push(h.rssBytes);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  try {
    return { result: await work, rss };
  } finally {
    done = true;
    await sampling;
  }
}

export async function soak(options: {
  url: string;
  connections: number;
  duration: number;
  warmup?: number;
  quiet?: boolean;
  adminToken?: string;
  /** Sent as Accept-Encoding, as a browser does ("gzip, deflate, br"); unset: answers come uncompressed. */
  acceptEncoding?: string;
}) {
  const base = options.url.replace(/\/$/, "");
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(base))
    throw new Error(`soak only drives servers on this machine (loopback); got ${base}`);
  const before = await health(base, options.adminToken);
  // Said before the run: a minute of refused connections would only count errors.
  if (!before)
    throw new Error(
      `no server answers at ${base}. Start one first (RATE_LIMIT_PER_MINUTE=0 PORT=4000 npm start; ADMIN_TOKEN set for its memory figures), or pass --url.`,
    );
  // The warm-up fills the server's caches and lets V8 size its heap; memory growth is counted after
  // it, and its errors count like any others.
  const warmupSeconds = options.warmup ?? 0;
  const warmup = warmupSeconds > 0 ? await drive(base, options.connections, warmupSeconds, options.acceptEncoding) : undefined;
  const warm = warmup ? ((await health(base, options.adminToken)) ?? {}) : before;
  const { result: run, rss } = await sampledRss(base, options.adminToken, drive(base, options.connections, options.duration, options.acceptEncoding));
  const after = (await health(base, options.adminToken)) ?? {};
  const quarter = Math.max(1, Math.floor(rss.length / 4));
  const summary = {
    connections: options.connections,
    durationSeconds: options.duration,
    ...run,
    errors: run.errors + (warmup?.errors ?? 0),
    warmup: warmup && { seconds: warmupSeconds, requests: warmup.requests, errors: warmup.errors, latencyMs: warmup.latencyMs },
    serverMemory: {
      rssStart: mb(before.rssBytes),
      rssAfterWarmup: mb(warm.rssBytes),
      rssPeak: mb(rss.length ? Math.max(...rss) : undefined),
      rssEnd: mb(after.rssBytes),
      /** Median RSS of the run's last quarter against its first quarter (sampled each second), in percent. */
      rssGrowthPercent: rss.length >= 4 ? growth(median(rss.slice(0, quarter)), median(rss.slice(-quarter))) : undefined,
      heapStart: mb(before.heapUsedBytes),
      heapEnd: mb(after.heapUsedBytes),
    },
  };
  if (!options.quiet) {
    const w = summary.warmup;
    if (w) console.log(`soak: warm-up ${w.seconds} s: ${w.requests} requests, p99 ${w.latencyMs.p99} ms, max ${w.latencyMs.max} ms, ${w.errors} errors`);
    const encoding = options.acceptEncoding ? ` (Accept-Encoding: ${options.acceptEncoding})` : "";
    console.log(`soak: ${summary.connections} clients for ${summary.durationSeconds} s on ${QUERY_MIX.map((q) => q.name).join(", ")}${encoding}`);
    console.log(
      `  ${summary.requests} requests, ${summary.requestsPerSecond} req/s, p50 ${summary.latencyMs.p50} ms, p99 ${summary.latencyMs.p99} ms, max ${summary.latencyMs.max} ms, ${summary.bytesPerResponse} bytes a response`,
    );
    const d = summary.detail;
    console.log(
      `  errors: ${summary.errors} (socket ${d.socketErrors}, timeouts ${d.timeouts}, non-2xx ${d.non2xx}, GraphQL ${d.graphqlErrors}${w ? `; ${w.errors} in the warm-up` : ""})`,
    );
    const m = summary.serverMemory;
    const since = w ? `after warm-up ${m.rssAfterWarmup}` : `at the start ${m.rssStart}`;
    const pct =
      m.rssGrowthPercent === undefined
        ? ""
        : `; growth ${m.rssGrowthPercent >= 0 ? "+" : ""}${m.rssGrowthPercent} % (median of the run's last quarter against its first)`;
    console.log(`  server memory: RSS ${since}, peak ${m.rssPeak}, end ${m.rssEnd}${pct}; heap ${m.heapStart} → ${m.heapEnd}`);
  }
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  new Command("soak")
    .description("Drive a running Atlas server with concurrent clients on the query mix; exit 1 on any error.")
    .option("--url <url>", "server base URL (loopback only)", `http://127.0.0.1:${process.env.PORT ?? 4000}`)
    .option("--connections <n>", "concurrent clients", (v) => Number(v), 100)
    .option("--duration <seconds>", "how long, after the warm-up", (v) => Number(v), 60)
    .option("--warmup <seconds>", "load first, not measured (errors still count); memory growth is counted after it", (v) => Number(v), 20)
    .option(
      "--accept-encoding <list>",
      'ask for compressed answers as a browser does, e.g. "gzip, deflate, br" (GraphQL errors are then seen only in answers under 1 KiB, which stay uncompressed)',
    )
    .action(async (o: { url: string; connections: number; duration: number; warmup: number; acceptEncoding?: string }) => {
      try {
        const summary = await soak(o);
        if (summary.errors > 0) process.exitCode = 1;
      } catch (error) {
        console.error(`soak: ${(error as Error).message}`);
        process.exitCode = 1;
      }
    })
    .parseAsync();
}
