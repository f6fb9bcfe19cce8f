/**
 * Whole-response caching keyed by the graph's version: the graph changes only when a sync
 * commits, so any read can be reused until the version moves (and, for answers that default to
 * today, until the day does). GraphQL over GET gets an ETag (304 Not Modified when it still holds)
 * and Cache-Control that lets browsers and CDNs revalidate instead of recomputing.
 */

import { createHash } from "node:crypto";
import zlib from "node:zlib";
import { createInMemoryCache, useResponseCache as responseCachePlugin } from "@graphql-yoga/plugin-response-cache";
import type { Plugin } from "graphql-yoga";
import Negotiator from "negotiator";
import type { GraphVersion } from "./graph-version.js";

/** Most answers kept in memory at once (least recently used go first), so memory stays flat. */
export const RESPONSE_CACHE_ENTRIES = 5_000;

const DAY_MS = 86_400_000;

/** The last tag made: of which version, and the UTC day it holds for (every request asks twice). */
let lastTag = { version: null as string | null, from: 0, until: 0, tag: "" };

/** A short tag of the current version (and UTC day): the first part of every key and ETag. */
function tagOf(version: string | null): string {
  const now = Date.now();
  if (lastTag.version !== version || now >= lastTag.until || now < lastTag.from) {
    const from = Math.floor(now / DAY_MS) * DAY_MS;
    const day = new Date(from).toISOString().slice(0, 10);
    lastTag = { version, from, until: from + DAY_MS, tag: createHash("sha256").update(`${version}|${day}`).digest("base64url").slice(0, 16) };
  }
  return lastTag.tag;
}

type CachedResult = Parameters<ReturnType<typeof createInMemoryCache>["set"]>[1];

/** Answers from this size on are sent compressed (the threshold of the compression middleware, http.ts). */
export const COMPRESS_FROM_BYTES = 1024;

const ENCODINGS = ["br", "gzip", "identity"] as const;
type Encoding = (typeof ENCODINGS)[number];

/**
 * A cached answer's body, made once: its JSON, its UTF-8 bytes and, for clients that accept them,
 * its brotli and gzip bytes. A hit used to be serialised, encoded to UTF-8 and, for a browser,
 * compressed again on every request (the map's answer is about half a megabyte of JSON).
 */
class CachedBody {
  private json: string | undefined;
  private readonly bytes = new Map<Encoding, Buffer>();

  constructor(private readonly data: unknown) {}

  text(): string {
    this.json ??= JSON.stringify({ data: this.data });
    return this.json;
  }

  /** The body in `encoding`, or identity when it is too small to be worth compressing. */
  encoded(encoding: Encoding): { encoding: Encoding; bytes: Buffer } {
    const plain = this.bytesIn("identity");
    return plain.length < COMPRESS_FROM_BYTES ? { encoding: "identity", bytes: plain } : { encoding, bytes: this.bytesIn(encoding) };
  }

  private bytesIn(encoding: Encoding): Buffer {
    let bytes = this.bytes.get(encoding);
    if (!bytes) {
      const plain = encoding === "identity" ? Buffer.from(this.text()) : this.bytesIn("identity");
      // Made once per answer and graph version, so a little slower than per-request compression (quality 4).
      if (encoding === "br")
        bytes = zlib.brotliCompressSync(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.length } });
      else if (encoding === "gzip") bytes = zlib.gzipSync(plain);
      else bytes = plain;
      this.bytes.set(encoding, bytes);
    }
    return bytes;
  }
}

/** Bodies of the cached answers that are only their data (no errors, no extensions but yoga's HTTP ones). */
const bodies = new WeakMap<object, CachedBody>();

/**
 * A cached answer that carries its body: yoga serialises an answer with its `stringify` when it has
 * one (under `npm run soak`, a fifth of the server's time once went to JSON.stringify of cached
 * answers). What a hit is serialised from is a copy of the cached answer without its HTTP
 * extensions (yoga's), sharing its `data`; anything else is serialised as usual.
 */
function withItsBody(result: CachedResult): CachedResult {
  const { data, errors, extensions } = result as { data?: unknown; errors?: unknown; extensions?: Record<string, unknown> };
  const onlyData =
    data !== undefined &&
    errors === undefined &&
    Object.keys(result).every((k) => k === "data" || k === "extensions") &&
    Object.keys(extensions ?? {}).every((k) => k === "http");
  if (!onlyData) return result;
  const body = new CachedBody(data);
  bodies.set(result, body);
  const stringify = (r: { data?: unknown; errors?: unknown; extensions?: unknown }): string => {
    const same =
      r.data === data &&
      r.errors === undefined &&
      r.extensions === undefined &&
      Object.keys(r).every((k) => k === "data" || k === "extensions" || k === "stringify");
    return same ? body.text() : JSON.stringify(r);
  };
  return Object.assign(result, { stringify });
}

/** The encoding to send: the client's preference among brotli, gzip and none (as the compression middleware negotiates). */
function encodingFor(acceptEncoding: string | null): Encoding {
  if (!acceptEncoding) return "identity";
  // negotiator 0.6.4 takes the server's order for ties (its typings predate the argument).
  const negotiator = new Negotiator({ headers: { "accept-encoding": acceptEncoding } }) as unknown as {
    encoding(available: string[], preferred: string[]): string | undefined;
  };
  const chosen = negotiator.encoding([...ENCODINGS], ["br", "gzip"]);
  return (ENCODINGS as readonly string[]).includes(chosen ?? "") ? (chosen as Encoding) : "identity";
}

export function responseCachePlugins(version: GraphVersion): Plugin[] {
  const inner = createInMemoryCache({ max: RESPONSE_CACHE_ENTRIES });
  // An ETag from before a sync names an answer of an older graph: never serve or confirm it.
  const current = (key: string) => key.startsWith(`${tagOf(version.current)}.`);
  const cache: typeof inner = {
    get: (key) => (current(key) ? inner.get(key) : undefined),
    set: (key, result, ...rest) => inner.set(key, withItsBody(result), ...rest),
    invalidate: (...args) => inner.invalidate(...args),
  };
  /** Cache-Control on GET answers that have an ETag, and cached answers sent as their bytes made once. */
  const sendCached: Plugin = {
    onResponse({ request, response, setResponse, fetchAPI }) {
      const etag = response.headers.get("etag");
      if (!etag) return;
      // Shared caches may keep it, but must ask again (a cheap 304) before reusing it.
      if (request.method === "GET") response.headers.set("cache-control", "public, max-age=0, must-revalidate");
      // A cached answer (the miss that filled the cache, or a hit) is sent as bytes made once.
      const stored = response.status === 200 && current(etag) ? inner.get(etag) : undefined;
      const body = stored && !(stored instanceof Promise) ? bodies.get(stored) : undefined;
      if (!body) return;
      const { encoding, bytes } = body.encoded(encodingFor(request.headers.get("accept-encoding")));
      // A plain object: yoga's own answers carry one too, and whatwg-node then writes the head in one call.
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
      if (encoding !== "identity") headers["content-encoding"] = encoding;
      headers["content-length"] = String(bytes.length);
      setResponse(new fetchAPI.Response(bytes as unknown as BodyInit, { status: 200, headers }));
    },
  };
  return [
    responseCachePlugin({
      session: () => null,
      cache,
      // No version (no seed yet, or Neo4j away): answer from the database, cache nothing.
      enabled: () => version.current !== null,
      // Mutations do not exist; suggestRelation reads the live graph and is keyed like the rest.
      buildResponseCacheKey: ({ documentString, variableValues, operationName }) =>
        `${tagOf(version.current)}.${createHash("sha256")
          .update(JSON.stringify([documentString, variableValues ?? {}, operationName ?? null]))
          .digest("base64url")}`,
      ttl: Number.POSITIVE_INFINITY,
      invalidateViaMutation: false,
    }),
    sendCached,
  ];
}
