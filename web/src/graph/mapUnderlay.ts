/**
 * What lies under the map's entities: the band rectangles and the relations (drawMap.ts paints
 * the entities and names over them). On the map relations are only seen, never clicked: a few
 * thousand strokes, grouped by colour and dash, painted with the view. Looks as the map's relations
 * always have: straight lines between centres, one map unit wide, the relation type's colour at
 * 35% opacity, dashed when claimed or disputed; rows alternately tinted, sides framed by dashes.
 */
import type { GraphMap } from "../api/documents.js";
import type { OntologyInfo } from "../api/types.js";
import type { Context2D, Viewport } from "./mapLayer.js";

export interface UnderlayRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface UnderlayGeometry {
  /** The tinted rows (every other one, from the second). */
  tinted: UnderlayRect[];
  /** The sides' dashed frames. */
  columns: UnderlayRect[];
  /** Relations grouped by how they are stroked; `segments` holds x1, y1, x2, y2 for each. */
  edges: { colour: string; dashed: boolean; segments: number[] }[];
}

const ROW_TINT = "#dfe6f0";
const ROW_TINT_ALPHA = 0.35;
const COLUMN_BORDER = "#c3ccd9";
const COLUMN_BORDER_WIDTH = 3;
const COLUMN_DASH = [4, 2];
const EDGE_ALPHA = 0.35;
const EDGE_DASH = [6, 3];
const FALLBACK_COLOUR = "#9aa4b5";

/** Rows reach 40 map units past the sides' outer edges and 20 above and below; sides 40 above and below. */
export function rowRect(r: UnderlayRect): UnderlayRect {
  return { x: r.x - 40, y: r.y - 20, width: r.width + 80, height: r.height + 40 };
}

export function columnRect(c: UnderlayRect): UnderlayRect {
  return { x: c.x, y: c.y - 40, width: c.width, height: c.height + 80 };
}

export function underlayGeometry(map: GraphMap, ontology: OntologyInfo): UnderlayGeometry {
  const at = new Map(map.nodes.map((n) => [n.id, n]));
  const colours = new Map(ontology.relationTypes.map((t) => [t.type, t.colour]));
  const groups = new Map<string, UnderlayGeometry["edges"][number]>();
  for (const e of map.edges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) continue;
    const colour = colours.get(e.type) ?? FALLBACK_COLOUR;
    const dashed = e.status === "CLAIMED" || e.status === "DISPUTED";
    const key = `${colour}${dashed ? " dashed" : ""}`;
    let group = groups.get(key);
    if (!group) {
      group = { colour, dashed, segments: [] };
      groups.set(key, group);
    }
    group.segments.push(a.x, a.y, b.x, b.y);
  }
  return {
    tinted: map.rows.filter((_, i) => i % 2 === 1).map(rowRect),
    columns: map.columns.map(columnRect),
    edges: [...groups.values()],
  };
}

/** The number of relations painted by paintRelations. */
export function relationCount(geometry: UnderlayGeometry): number {
  return geometry.edges.reduce((n, g) => n + g.segments.length / 4, 0);
}

/** Sets a context to draw in map units for a view. */
export function mapTransform(ctx: Context2D, view: Viewport): void {
  const { zoom, pan, pixelRatio: px } = view;
  ctx.setTransform(px * zoom, 0, 0, px * zoom, px * pan.x, px * pan.y);
}

/** Paints the tinted rows and the sides' frames for a view. */
export function paintBands(ctx: Context2D, geometry: UnderlayGeometry, view: Viewport): void {
  mapTransform(ctx, view);
  ctx.globalAlpha = ROW_TINT_ALPHA;
  ctx.fillStyle = ROW_TINT;
  for (const r of geometry.tinted) ctx.fillRect(r.x, r.y, r.width, r.height);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = COLUMN_BORDER;
  ctx.lineWidth = COLUMN_BORDER_WIDTH;
  ctx.setLineDash(COLUMN_DASH);
  for (const c of geometry.columns) ctx.strokeRect(c.x, c.y, c.width, c.height);
  ctx.setLineDash([]);
}

/**
 * Paints the relations numbered from `from` up to `to` (all by default; counted group after group),
 * so that a large map can be painted over several tasks.
 */
export function paintRelations(ctx: Context2D, geometry: UnderlayGeometry, view: Viewport, from = 0, to = Number.POSITIVE_INFINITY): void {
  mapTransform(ctx, view);
  ctx.globalAlpha = EDGE_ALPHA;
  ctx.lineWidth = 1;
  let n = 0;
  for (const group of geometry.edges) {
    const count = group.segments.length / 4;
    const [first, last] = [Math.max(from - n, 0), Math.min(to - n, count)];
    n += count;
    if (first >= last) continue;
    ctx.strokeStyle = group.colour;
    ctx.setLineDash(group.dashed ? EDGE_DASH : []);
    // One stroke per relation, as Cytoscape drew them: where relations cross, their colours add up.
    const s = group.segments;
    for (let i = first * 4; i < last * 4; i += 4) {
      ctx.beginPath();
      ctx.moveTo(s[i] as number, s[i + 1] as number);
      ctx.lineTo(s[i + 2] as number, s[i + 3] as number);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}
