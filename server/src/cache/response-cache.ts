/**
 * Whole-response caching keyed by the graph's version: the graph changes only when a sync
 * commits, so any read can be reused until the version moves (and, for answers that default to
 * today, until the day does). GraphQL over GET gets an ETag (304 Not Modified when it still holds)
 * and Cache-Control that lets browsers and CDNs revalidate instead of recomputing.
 */

import { createHash } from "node:crypto";
import { createInMemoryCache, useResponseCache as responseCachePlugin } from "@graphql-yoga/plugin-response-cache";
import type { Plugin } from "graphql-yoga";
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

/**
 * A cached answer that carries its JSON: yoga serialises an answer with its `stringify` when it has
 * one, and a hit used to be serialised again each time (under `npm run soak`, a fifth of the
 * server's time went to JSON.stringify of cached answers). What a hit is serialised from is a copy
 * of the cached answer without its HTTP extensions (yoga's), sharing its `data`; anything else
 * (another shape, errors, other extensions) is serialised as usual.
 */
function withItsJson(result: CachedResult): CachedResult {
  const { data } = result as { data?: unknown };
  let json: string | undefined;
  const stringify = (r: { data?: unknown; errors?: unknown; extensions?: unknown }): string => {
    const same =
      data !== undefined &&
      r.data === data &&
      r.errors === undefined &&
      r.extensions === undefined &&
      Object.keys(r).every((k) => k === "data" || k === "extensions" || k === "stringify");
    if (!same) return JSON.stringify(r);
    if (json === undefined) json = JSON.stringify({ data });
    return json;
  };
  return Object.assign(result, { stringify });
}

export function responseCachePlugins(version: GraphVersion): Plugin[] {
  const inner = createInMemoryCache({ max: RESPONSE_CACHE_ENTRIES });
  // An ETag from before a sync names an answer of an older graph: never serve or confirm it.
  const current = (key: string) => key.startsWith(`${tagOf(version.current)}.`);
  const cache: typeof inner = {
    get: (key) => (current(key) ? inner.get(key) : undefined),
    set: (key, result, ...rest) => inner.set(key, withItsJson(result), ...rest),
    invalidate: (...args) => inner.invalidate(...args),
  };
  const cacheControl: Plugin = {
    onResponse({ request, response }) {
      if (request.method !== "GET" || !response.headers.get("etag")) return;
      // Shared caches may keep it, but must ask again (a cheap 304) before reusing it.
      response.headers.set("cache-control", "public, max-age=0, must-revalidate");
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
    cacheControl,
  ];
}
