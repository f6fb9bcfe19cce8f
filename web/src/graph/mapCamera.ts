/**
 * The front-page map's view arithmetic (pure: tested without a browser). A view is a zoom and a
 * pan: the map point (x, y) is drawn at (x × zoom + pan.x, y × zoom + pan.y) CSS pixels from the
 * map box's top-left corner, as Cytoscape counts them (so links and the region codec keep meaning
 * the same). Zooming keeps the point under the pointer (or the middle of the view) in place.
 */
import type { GraphMap } from "../api/documents.js";
import { MAP_MAX_ZOOM, MAP_MIN_ZOOM, type MapViewportLike } from "./mapRegion.js";
import { columnRect, rowRect } from "./mapUnderlay.js";

export interface Point {
  x: number;
  y: number;
}

/** A rectangle by its edges (x1 < x2, y1 < y2). */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Room the row names take left of the rows (their widest, wrapped, and their gap), and the side names above the sides, in map units. */
export const ROW_NAME_GAP = 16;
export const ROW_NAME_WIDTH = 320;
export const ROW_NAME_SIZE = 40;
export const SIDE_NAME_GAP = 12;
export const SIDE_NAME_SIZE = 64;
const ROW_NAME_ROOM = ROW_NAME_GAP + ROW_NAME_WIDTH;
const SIDE_NAME_ROOM = SIDE_NAME_GAP + SIDE_NAME_SIZE * 1.25;

/** What the whole map covers, band names included, in map units (infinite when it has no bands). */
export function mapBounds(map: Pick<GraphMap, "rows" | "columns">): Box {
  const rows = map.rows.map(rowRect);
  const sides = map.columns.map(columnRect);
  return {
    x1: Math.min(...rows.map((r) => r.x)) - ROW_NAME_ROOM,
    x2: Math.max(...rows.map((r) => r.x + r.width), ...sides.map((c) => c.x + c.width)),
    y1: Math.min(...sides.map((c) => c.y)) - SIDE_NAME_ROOM,
    y2: Math.max(...sides.map((c) => c.y + c.height), ...rows.map((r) => r.y + r.height)),
  };
}

/** The view that shows the whole map with its band names in a width × height box, `padding` pixels clear on every side. */
export function mapViewport(map: Pick<GraphMap, "rows" | "columns">, width: number, height: number, padding: number): MapViewportLike {
  const { x1, x2, y1, y2 } = mapBounds(map);
  if (!Number.isFinite(x1 + x2 + y1 + y2) || width <= 0 || height <= 0) return { zoom: 1, pan: { x: 0, y: 0 } };
  const zoom = Math.min((width - 2 * padding) / (x2 - x1), (height - 2 * padding) / (y2 - y1));
  return { zoom, pan: { x: (width - zoom * (x1 + x2)) / 2, y: (height - zoom * (y1 + y2)) / 2 } };
}

export function clampZoom(zoom: number): number {
  return Math.min(MAP_MAX_ZOOM, Math.max(MAP_MIN_ZOOM, zoom));
}

/** The view zoomed by `factor` (within the map's limits), the screen point `at` staying over the same map point. */
export function zoomAbout(view: MapViewportLike, factor: number, at: Point): MapViewportLike {
  const zoom = clampZoom(view.zoom * factor);
  const s = zoom / view.zoom;
  return { zoom, pan: { x: at.x - (at.x - view.pan.x) * s, y: at.y - (at.y - view.pan.y) * s } };
}

/** The view with the picture moved by dx, dy screen pixels. */
export function panBy(view: MapViewportLike, dx: number, dy: number): MapViewportLike {
  return { zoom: view.zoom, pan: { x: view.pan.x + dx, y: view.pan.y + dy } };
}

export function toScreen(view: MapViewportLike, p: Point): Point {
  return { x: p.x * view.zoom + view.pan.x, y: p.y * view.zoom + view.pan.y };
}

export function toMap(view: MapViewportLike, p: Point): Point {
  return { x: (p.x - view.pan.x) / view.zoom, y: (p.y - view.pan.y) / view.zoom };
}

/** A map-unit box on screen, in CSS pixels. */
export function boxOnScreen(view: MapViewportLike, box: Box): Box {
  const [a, b] = [toScreen(view, { x: box.x1, y: box.y1 }), toScreen(view, { x: box.x2, y: box.y2 })];
  return { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
}

/** The overlap of two boxes, or undefined when they do not overlap. */
export function intersect(a: Box, b: Box): Box | undefined {
  const box = { x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), x2: Math.min(a.x2, b.x2), y2: Math.min(a.y2, b.y2) };
  return box.x1 < box.x2 && box.y1 < box.y2 ? box : undefined;
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.x1 >= outer.x1 && inner.y1 >= outer.y1 && inner.x2 <= outer.x2 && inner.y2 <= outer.y2;
}
