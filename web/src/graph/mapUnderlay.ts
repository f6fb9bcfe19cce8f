/**
 * What lies under the map's entities: the band rectangles and the relations, painted on one plain
 * canvas beneath Cytoscape's. On the map relations are only seen, never clicked, and as Cytoscape
 * elements the three thousand of them cost most of the first frame (style, geometry, caches); here
 * they are a few strokes (one path per colour) redrawn with the view. Looks as the map's relations
 * always have: straight lines between centres, one map unit wide, the relation type's colour at
 * 35% opacity, dashed when claimed or disputed; rows alternately tinted, sides framed by dashes.
 */
import type { GraphMap } from "../api/documents.js";
import type { OntologyInfo } from "../api/types.js";

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

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
  /** CSS pixels. */
  width: number;
  height: number;
  pixelRatio: number;
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

/** Paints the underlay for a view (Cytoscape's zoom and pan), on a canvas sized width × height × pixelRatio. */
export function paintUnderlay(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, geometry: UnderlayGeometry, view: Viewport): void {
  const { zoom, pan, pixelRatio: px } = view;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, view.width * px, view.height * px);
  ctx.setTransform(px * zoom, 0, 0, px * zoom, px * pan.x, px * pan.y);
  ctx.globalAlpha = ROW_TINT_ALPHA;
  ctx.fillStyle = ROW_TINT;
  for (const r of geometry.tinted) ctx.fillRect(r.x, r.y, r.width, r.height);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = COLUMN_BORDER;
  ctx.lineWidth = COLUMN_BORDER_WIDTH;
  ctx.setLineDash(COLUMN_DASH);
  for (const c of geometry.columns) ctx.strokeRect(c.x, c.y, c.width, c.height);
  ctx.globalAlpha = EDGE_ALPHA;
  ctx.lineWidth = 1;
  for (const group of geometry.edges) {
    ctx.strokeStyle = group.colour;
    ctx.setLineDash(group.dashed ? EDGE_DASH : []);
    // One stroke per relation, as Cytoscape drew them: where relations cross, their colours add up.
    const s = group.segments;
    for (let i = 0; i < s.length; i += 4) {
      ctx.beginPath();
      ctx.moveTo(s[i] as number, s[i + 1] as number);
      ctx.lineTo(s[i + 2] as number, s[i + 3] as number);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

/**
 * Paints the underlay onto `canvas` for a view. The canvas holds the view and half a view around
 * it; while the view only moves, or is being zoomed, the canvas is shifted or scaled by a CSS
 * transform (as Cytoscape shows a picture of its own drawing), which costs the page nothing; it is
 * painted afresh once the view settles at another zoom, or moves past what the canvas holds.
 * The canvas's box must clip it (`overflow: hidden`).
 *
 * The picture is painted off screen and handed to the canvas as a finished bitmap (a `bitmaprenderer`
 * context): Chromium, drawing without a GPU, copies a 2D canvas to the screen at every frame even when
 * nothing was drawn on it, which for this canvas (four times the view) cost a third of each frame of a
 * pan; a handed-over bitmap is copied once. Without OffscreenCanvas it paints the canvas directly.
 */
export function underlayPainter(canvas: HTMLCanvasElement, geometry: UnderlayGeometry): (view: Viewport, settled: boolean) => void {
  let base: Viewport | undefined;
  canvas.style.transformOrigin = "0 0";
  const offScreen = typeof OffscreenCanvas === "function";
  return (view, settled) => {
    const { width, height, pixelRatio: px } = view;
    const [mx, my] = [width / 2, height / 2];
    const fits =
      base !== undefined &&
      base.width === width &&
      base.height === height &&
      base.pixelRatio === px &&
      (view.zoom === base.zoom ? Math.abs(view.pan.x - base.pan.x) <= mx && Math.abs(view.pan.y - base.pan.y) <= my : !settled);
    if (!fits || !base) {
      const [w, h] = [Math.round((width + 2 * mx) * px), Math.round((height + 2 * my) * px)];
      const surface = offScreen ? new OffscreenCanvas(w, h) : undefined;
      const ctx = surface ? surface.getContext("2d") : canvas.getContext("2d");
      if (!ctx) return;
      canvas.width = w;
      canvas.height = h;
      Object.assign(canvas.style, { left: `${-mx}px`, top: `${-my}px`, width: `${width + 2 * mx}px`, height: `${height + 2 * my}px` });
      paintUnderlay(ctx, geometry, { ...view, pan: { x: view.pan.x + mx, y: view.pan.y + my }, width: width + 2 * mx, height: height + 2 * my });
      if (surface) canvas.getContext("bitmaprenderer")?.transferFromImageBitmap(surface.transferToImageBitmap());
      // A copy: Cytoscape's pan() is its live object.
      base = { ...view, pan: { ...view.pan } };
    }
    // A canvas point p (CSS pixels from its corner, which sits at -margin) is the map point
    // (p - base.pan - margin) / base.zoom; on screen now, (p - base.pan - margin) × s + pan.
    const s = view.zoom / base.zoom;
    const [tx, ty] = [view.pan.x - (base.pan.x + mx) * s + mx, view.pan.y - (base.pan.y + my) * s + my];
    canvas.style.transform = s === 1 && tx === 0 && ty === 0 ? "" : `translate(${tx}px, ${ty}px) scale(${s})`;
  };
}
