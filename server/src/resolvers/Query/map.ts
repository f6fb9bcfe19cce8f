/**
 * Query.map: the whole graph laid out in bands (server/src/map/), read and laid out once per graph
 * version (cache/per-version.ts).
 */
import { perGraphVersion } from "../../cache/per-version.js";
import type { Context } from "../../context.js";
import { readQueries } from "../../db/queries.js";
import { toList } from "../../db/records.js";
import { layoutMap, type MapRect } from "../../map/layout.js";
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

async function computeMap(ctx: Context, version: string | null): Promise<GraphMap> {
  const [row] = await runRead(ctx, readQueries.map);
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

const cachedMap = perGraphVersion(computeMap);

export function map(_parent: unknown, _args: unknown, ctx: Context): Promise<GraphMap> {
  return cachedMap(ctx);
}

/** Lays out the current version ahead of the first reader (after start and after a reload); failures wait for a request. */
export function warmMap(ctx: Context): void {
  map(undefined, undefined, ctx).catch(() => {});
}
