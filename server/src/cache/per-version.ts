/**
 * Answers computed once per graph version: the graph changes only when a sync writes a new
 * version, so a whole-graph answer (the map, the stats) is read and computed once, served from
 * memory until then, and computed once at a time (concurrent first requests share it). Keyed by
 * ontology too, since a reload with a changed ontology changes what the answer holds.
 */
import type { Context } from "../context.js";
import { readQueries } from "../db/queries.js";
import type { Ontology } from "../ontology.js";
import { runRead } from "../resolvers/run.js";

export function perGraphVersion<T>(compute: (ctx: Context, version: string | null) => Promise<T>): (ctx: Context) => Promise<T> {
  const cache = new WeakMap<Ontology, { version: string; value: Promise<T> }>();
  return async (ctx) => {
    const [meta] = await runRead(ctx, { name: "graphVersion", cypher: readQueries.graphVersion, params: {} });
    const version = typeof meta?.version === "string" ? meta.version : null;
    // No version (no seed loaded through a sync): nothing to key a cache by, so compute every time.
    if (version === null) return compute(ctx, null);
    const entry = cache.get(ctx.ontology);
    if (entry?.version === version) return entry.value;
    const value = compute(ctx, version);
    cache.set(ctx.ontology, { version, value });
    // A failed read is not kept: the next request tries again.
    value.catch(() => {
      if (cache.get(ctx.ontology)?.value === value) cache.delete(ctx.ontology);
    });
    return value;
  };
}
