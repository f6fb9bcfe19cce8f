/**
 * Query.map: the whole graph laid out in bands (server/src/map/). The graph's version is read (one
 * tiny query); while it is unchanged, the layout computed for it is served from memory, so the
 * map query and the layout run once per version (and once at a time: concurrent first requests
 * share one computation).
 */
import type { Context } from "../../context.js";
import { readQueries } from "../../db/queries.js";
import { toList } from "../../db/records.js";
import { layoutMap, type MapRect } from "../../map/layout.js";
import type { Ontology } from "../../ontology.js";
import { runRead } from "../run.js";

interface MapNode {
  id: string;
  kind: string;
  name: string;
  nameZh: string | null;
  country: string | null;
  x: number;
  y: number;
  row: string;
  column: string;
}

interface MapEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  status: string;
}

export interface GraphMap {
  version: string | null;
  nodes: MapNode[];
  edges: MapEdge[];
  rows: MapRect[];
  columns: MapRect[];
}

const cache = new WeakMap<Ontology, { version: string; map: Promise<GraphMap> }>();

async function computeMap(ctx: Context, version: string | null): Promise<GraphMap> {
  const [row] = await runRead(ctx.db, readQueries.map);
  const known = new Set(ctx.ontology.kinds.map((k) => k.kind));
  const entities = toList(row?.nodes)
    .map((n) => ({
      id: String(n.id),
      kind: String(n.kind),
      name: String(n.name),
      nameZh: (n.nameZh as string | null) ?? null,
      country: (n.country as string | null) ?? null,
    }))
    .filter((n) => known.has(n.kind));
  const ids = new Set(entities.map((n) => n.id));
  const edges = toList(row?.edges)
    .map((e) => ({ id: String(e.id), type: String(e.type), from: String(e.from), to: String(e.to), status: String(e.status ?? "confirmed") }))
    .filter((e) => ids.has(e.from) && ids.has(e.to) && ctx.ontology.relationType(e.type));
  const layout = layoutMap(entities, edges);
  const nodes = entities.map((n) => {
    const p = layout.positions.get(n.id) ?? { x: 0, y: 0, row: "", column: "" };
    return { ...n, ...p };
  });
  return { version, nodes, edges, rows: layout.rows, columns: layout.columns };
}

export async function map(_parent: unknown, _args: unknown, ctx: Context): Promise<GraphMap> {
  const [meta] = await runRead(ctx.db, { name: "graphVersion", cypher: readQueries.graphVersion, params: {} });
  const version = typeof meta?.version === "string" ? meta.version : null;
  // No version (no seed loaded through a sync): nothing to key a cache by, so compute every time.
  if (version === null) return computeMap(ctx, null);
  const entry = cache.get(ctx.ontology);
  if (entry?.version === version) return entry.map;
  const computed = computeMap(ctx, version);
  cache.set(ctx.ontology, { version, map: computed });
  // A failed read is not kept: the next request tries again.
  computed.catch(() => {
    if (cache.get(ctx.ontology)?.map === computed) cache.delete(ctx.ontology);
  });
  return computed;
}

/** Lays out the current version ahead of the first reader (after start and after a reload); failures wait for a request. */
export function warmMap(ctx: Context): void {
  map(undefined, undefined, ctx).catch(() => {});
}
