/**
 * The HTTP server: GraphQL at /graphql, /health and /ready, an authenticated /admin/reload, and
 * the built explorer at /. Exported without listening, so tests can start it on a free port.
 */

import { createHash, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import compression from "compression";
import { RateLimiterMemory } from "rate-limiter-flexible";
import sirv from "sirv";
import type { GraphVersion } from "./cache/graph-version.js";
import { COMPRESS_FROM_BYTES } from "./cache/response-cache.js";
import { problemText } from "./core/problems.js";
import { readQueries } from "./db/queries.js";
import type { Database } from "./db/run.js";
import { ClientGates, GATE_LIMITS, RateLimited } from "./guards/client-gate.js";
import { previewPage } from "./link-preview.js";
import type { Ontology } from "./ontology.js";
import { createAtlasYoga } from "./yoga.js";

export interface AtlasServerOptions {
  db: Database;
  ontology: Ontology;
  webDist: string;
  /** Largest GraphQL request body in bytes (default: the yoga default of this project, 64 KiB). */
  maxRequestBytes?: number;
  /** Repository whose web editor `suggestRelation` links to. */
  repoUrl?: string;
  /** Origins allowed to call the API from a browser (CORS); empty: same origin only. */
  corsOrigins?: string[];
  /** Requests per minute per client address (GraphQL, /ready, /admin/reload); 0 or unset: no limit. */
  rateLimitPerMinute?: number;
  /**
   * Addresses of reverse proxies whose X-Forwarded-For is believed (default: loopback only). From
   * anyone else the header is ignored, so a client cannot pick its own rate-limit bucket.
   */
  trustedProxies?: string[];
  /** With a graph version: GraphQL answers cached until it changes (see cache/response-cache.ts). */
  graphVersion?: GraphVersion;
  /** Bearer token for POST /admin/reload; unset: the endpoint does not exist. */
  adminToken?: string;
  /** Validates and syncs the seed again; resolves to a one-line summary, rejects with the reason. */
  reload?: () => Promise<string | { summary: string; ontology: Ontology }>;
}

/** The explorer runs no inline script; everything it loads comes from this origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * GraphQL answers over 1 KiB, compressed per request (the explorer's files are precompressed at
 * build; cached answers are compressed once, cache/response-cache.ts).
 */
const compress = compression({ threshold: COMPRESS_FROM_BYTES }) as (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

/** Compares digests, so neither the comparison time nor a length check tells how close a guess was. */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export const LOOPBACK_PROXIES = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];

/** The client's address: the peer's, or, behind a trusted proxy, the last address it was not given by a trusted hop. */
export function clientAddress(req: http.IncomingMessage, trusted: ReadonlySet<string>): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  const forwarded = req.headers["x-forwarded-for"];
  if (!trusted.has(peer) || typeof forwarded !== "string") return peer;
  const hops = forwarded
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i] as string)) return hops[i] as string;
  return hops[0] ?? peer;
}

function bearer(req: http.IncomingMessage): string {
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
}

export function createAtlasServer(options: AtlasServerOptions): http.Server {
  const { db, ontology, webDist, maxRequestBytes, repoUrl, corsOrigins, rateLimitPerMinute = 0, adminToken, reload } = options;
  const trusted = new Set(options.trustedProxies ?? LOOPBACK_PROXIES);
  const limiter = rateLimitPerMinute > 0 ? new RateLimiterMemory({ points: rateLimitPerMinute, duration: 60 }) : undefined;
  // A request pays one point at the door and, once its cost is estimated, one per OBJECTS_PER_POINT.
  const consume = async (client: string, points: number) => {
    try {
      await limiter?.consume(client, points);
    } catch (rejection) {
      throw new RateLimited(Math.ceil(((rejection as { msBeforeNext?: number }).msBeforeNext ?? 60_000) / 1000));
    }
  };
  const gates = new ClientGates(GATE_LIMITS, consume);
  const yogaFor = (o: Ontology) =>
    createAtlasYoga({
      db,
      ontology: o,
      maxRequestBytes,
      repoUrl,
      corsOrigins,
      graphVersion: options.graphVersion,
      gates,
      clientOf: (req) => clientAddress(req, trusted),
    });
  // Replaced when a reload brings a changed ontology: the schema's enums and kinds come from it.
  let yoga = yogaFor(ontology);
  const hasWeb = fs.existsSync(path.join(webDist, "index.html"));
  const statics = hasWeb
    ? sirv(webDist, {
        single: true,
        etag: true,
        // Precompressed at build (web/vite.config.ts): .br and .gz beside each asset.
        brotli: true,
        gzip: true,
        setHeaders: (res, pathname) => {
          res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
          // Hashed bundles never change; index.html always revalidates.
          res.setHeader("cache-control", pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
        },
      })
    : undefined;
  // Rewritten per shared link to name what it focuses on (link-preview.ts).
  const indexHtml = hasWeb ? fs.readFileSync(path.join(webDist, "index.html"), "utf8") : undefined;
  let reloading: Promise<string> | undefined;
  const reloadAll = async (): Promise<string> => {
    const done = await (reload as NonNullable<typeof reload>)();
    if (typeof done === "string") return done;
    yoga = yogaFor(done.ontology);
    return done.summary;
  };

  return http.createServer(async (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = new URL(req.url ?? "/", "http://localhost");
    // Health checks are never limited; the API, readiness and reloads are, per client.
    if (limiter && (url.pathname === "/graphql" || url.pathname === "/ready" || url.pathname === "/admin/reload")) {
      try {
        await consume(clientAddress(req, trusted), 1);
      } catch (rejection) {
        const wait = (rejection as RateLimited).retryAfterSeconds;
        res.setHeader("retry-after", String(wait));
        return json(res, 429, {
          errors: [
            {
              message: problemText("RATE_LIMITED", { seconds: wait }, "en"),
              extensions: { code: "RATE_LIMITED", problem: "RATE_LIMITED", params: { seconds: wait } },
            },
          ],
        });
      }
    }
    if (url.pathname === "/graphql") {
      // Answers compressed as the browser accepts (brotli, else gzip): the map's is ~0.5 MB of JSON.
      return compress(req, res, () => yoga(req, res));
    }
    // Alive: the process answers. Ready: Neo4j answers and a seed has been loaded.
    if (url.pathname === "/health") {
      // Memory figures help an operator and an attacker alike: only with the admin token.
      if (!adminToken || !sameToken(bearer(req), adminToken)) return json(res, 200, { status: "ok" });
      const memory = process.memoryUsage();
      return json(res, 200, { status: "ok", uptimeSeconds: Math.round(process.uptime()), rssBytes: memory.rss, heapUsedBytes: memory.heapUsed });
    }
    if (url.pathname === "/ready") {
      let loaded = false;
      try {
        const [row] = await db.read<{ loaded: boolean }>("ready", readQueries.ready);
        loaded = Boolean(row?.loaded);
      } catch {
        return json(res, 503, { ready: false, database: false, seed: false });
      }
      return json(res, loaded ? 200 : 503, { ready: loaded, database: true, seed: loaded });
    }
    if (url.pathname === "/admin/reload") {
      if (!adminToken || !reload) return json(res, 404, { error: "Not found" });
      if (req.method !== "POST") {
        res.setHeader("allow", "POST");
        return json(res, 405, { error: "Use POST." });
      }
      if (!sameToken(bearer(req), adminToken)) return json(res, 401, { error: "A valid `Authorization: Bearer <ADMIN_TOKEN>` header is required." });
      reloading ??= reloadAll().finally(() => {
        reloading = undefined;
      });
      try {
        return json(res, 200, { ok: true, summary: await reloading });
      } catch (error) {
        // A refused seed is the contributor's to fix: say where. Anything else stays in the log.
        if (error instanceof Error && (error.name === "InvalidSeedError" || error.name === "OntologyError"))
          return json(res, 422, { ok: false, error: error.message, serving: "the previous graph" });
        process.stderr.write(`[reload] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        return json(res, 500, { ok: false, error: "The reload failed; the server log says why.", serving: "the previous graph" });
      }
    }
    if (statics && indexHtml && url.pathname === "/" && (req.method === "GET" || req.method === "HEAD")) {
      const page = await previewPage(db, indexHtml, url);
      if (page) {
        res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
        return res.end(req.method === "HEAD" ? undefined : page);
      }
    }
    if (statics) return statics(req, res, () => json(res, 404, { error: "Not found" }));
    res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      "<!doctype html><title>AI Ecosystem Atlas</title><p>The explorer is not built yet: run <code>npm run build</code>. GraphQL is at <a href=/graphql>/graphql</a>.</p>",
    );
  });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
