/**
 * The front-page map's entities: each at the server's position (Query.map), in its kind's colour
 * and shape (shapes.ts, as the legend and Cytoscape draw them), with its short name in the reader's
 * language; which one a pointer is on. Painted as one canvas path per kind, built once in map units
 * and filled at each view's transform.
 */
import type { GraphMap } from "../api/documents.js";
import type { OntologyInfo } from "../api/types.js";
import type { Lang } from "../state/view.js";
import type { Point } from "./mapCamera.js";
import type { Context2D, Viewport } from "./mapLayer.js";
import { mapShortLabel } from "./mapNames.js";
import { mapTransform } from "./mapUnderlay.js";
import { nodeShape, shapePath } from "./shapes.js";

/** An entity's width and height on the map, in map units. */
export const MAP_NODE_SIZE = 12;
/** A pointer this close to an entity's centre (in screen pixels) is on it, however small the entity is drawn. */
export const HIT_PX = 8;
const FALLBACK_COLOUR = "#8a94a6";

export type MapNode = GraphMap["nodes"][number];

export interface MapEntity {
  node: MapNode;
  x: number;
  y: number;
  colour: string;
  shape: string;
  /** Its name, cut short (mapShortLabel), in the reader's language. */
  label: string;
}

export function mapEntities(nodes: readonly MapNode[], ontology: OntologyInfo, lang: Lang): MapEntity[] {
  const kinds = new Map(ontology.kinds.map((k) => [k.kind, k]));
  return nodes.map((node) => {
    const kind = kinds.get(node.kind);
    return {
      node,
      x: node.x,
      y: node.y,
      colour: kind?.colour ?? FALLBACK_COLOUR,
      shape: nodeShape(kind?.shape ?? "ellipse"),
      label: mapShortLabel(lang === "zh" && node.nameZh ? node.nameZh : node.name),
    };
  });
}

/**
 * The entity whose centre is nearest `at` (map units) within `radius` map units, or undefined.
 * Nearest rather than topmost: where entities overlap, the pointer picks the one it is closest to.
 */
export function entityAt<E extends Point>(entities: readonly E[], at: Point, radius: number): E | undefined {
  let best: E | undefined;
  let bestDistance = radius * radius;
  for (const e of entities) {
    const d = (e.x - at.x) ** 2 + (e.y - at.y) ** 2;
    if (d <= bestDistance) {
      best = e;
      bestDistance = d;
    }
  }
  return best;
}

/** How far from a pointer an entity may be, in map units, to be under it at this zoom: its own half size, or HIT_PX on screen. */
export function hitRadius(zoom: number): number {
  return Math.max(MAP_NODE_SIZE / 2, HIT_PX / zoom);
}

/** Entities grouped by how they are filled: colour and shape. */
function entityGroups(entities: readonly MapEntity[]): { colour: string; shape: string; at: Point[] }[] {
  const groups = new Map<string, { colour: string; shape: string; at: Point[] }>();
  for (const e of entities) {
    const key = `${e.colour} ${e.shape}`;
    let group = groups.get(key);
    if (!group) {
      group = { colour: e.colour, shape: e.shape, at: [] };
      groups.set(key, group);
    }
    group.at.push({ x: e.x, y: e.y });
  }
  return [...groups.values()];
}

/** Paints the entities for a view; the paths (one per colour and shape, in map units) are built on the first call. */
export function entityPainter(entities: readonly MapEntity[]): (ctx: Context2D, view: Viewport) => void {
  let paths: { colour: string; path: Path2D }[] | undefined;
  return (ctx, view) => {
    paths ??= entityGroups(entities).map((g) => {
      const one = new Path2D(shapePath(g.shape, MAP_NODE_SIZE));
      const path = new Path2D();
      for (const p of g.at) path.addPath(one, { a: 1, b: 0, c: 0, d: 1, e: p.x, f: p.y });
      return { colour: g.colour, path };
    });
    mapTransform(ctx, view);
    for (const { colour, path } of paths) {
      ctx.fillStyle = colour;
      ctx.fill(path);
    }
  };
}
