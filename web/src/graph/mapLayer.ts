/**
 * The canvas the front-page map is painted on, following the view. It holds the part of the map in
 * the view and half a view around it (never more than the map itself); while the view moves, or is
 * being zoomed, the canvas is shifted or scaled by a CSS transform, which costs the page nothing; it
 * is painted afresh once the view settles at another zoom, moves past what the canvas holds, or its
 * contents change. The canvas's box must clip it (`overflow: hidden`).
 *
 * The picture is painted off screen and handed to the canvas as a finished bitmap (a `bitmaprenderer`
 * context): Chromium, drawing without a GPU, copies a 2D canvas to the screen at every frame even when
 * nothing was drawn on it; a handed-over bitmap is copied once. Without OffscreenCanvas it paints the
 * canvas directly.
 */
import { type Box, boxOnScreen, contains, intersect } from "./mapCamera.js";
import type { MapViewportLike } from "./mapRegion.js";

export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A view of a box `width` × `height` CSS pixels, at `pixelRatio` device pixels per CSS pixel. */
export interface Viewport extends MapViewportLike {
  width: number;
  height: number;
  pixelRatio: number;
}

/** Paints the map for a view of the canvas (its top-left corner is 0,0; its size is the view's). */
export type PaintMap = (ctx: Context2D, view: Viewport) => void;

/** `moving`: the view is moving (a zoom in progress reuses the picture); `settled`: it rests; `fresh`: what is painted changed. */
export type PaintMode = "moving" | "settled" | "fresh";

const shift = (box: Box, dx: number, dy: number): Box => ({ x1: box.x1 + dx, y1: box.y1 + dy, x2: box.x2 + dx, y2: box.y2 + dy });

/** What the canvas must hold for a view: the view and half a view around it, within the map (whole CSS pixels; undefined: nothing of the map near). */
export function layerArea(view: Viewport, bounds: Box): Box | undefined {
  const [mx, my] = [view.width / 2, view.height / 2];
  const area = intersect({ x1: -mx, y1: -my, x2: view.width + mx, y2: view.height + my }, boxOnScreen(view, bounds));
  return area && { x1: Math.floor(area.x1), y1: Math.floor(area.y1), x2: Math.ceil(area.x2), y2: Math.ceil(area.y2) };
}

/** Whether a picture painted for `base` over `area` still shows all of the map that is in `view` (same zoom). */
export function layerCovers(base: Viewport, area: Box | undefined, view: Viewport, bounds: Box): boolean {
  const needed = intersect({ x1: 0, y1: 0, x2: view.width, y2: view.height }, boxOnScreen(view, bounds));
  if (!needed) return true;
  return area !== undefined && contains(shift(area, view.pan.x - base.pan.x, view.pan.y - base.pan.y), needed);
}

/** A picture being painted for a view over several tasks (LayerPainter.begin). */
export interface LayerJob {
  /** Where to paint, and the view as seen from the canvas's corner. */
  ctx: Context2D;
  view: Viewport;
  /**
   * Paints what the context was given so far. Chromium records a canvas's commands and paints them
   * all when the picture is handed over; flushed after each step, each task pays for its own.
   */
  flush(): void;
  /** Shows the picture; false when the canvas was painted afresh meanwhile (this picture is then dropped). */
  commit(): boolean;
}

export interface LayerPainter {
  /** Places the picture for a view, painting it first (with `paint`, at once) when the one shown will not do. */
  (view: Viewport, mode: PaintMode): void;
  /** Starts a fresh picture for a view, painted by the caller (undefined: nothing of the map is near the view). */
  begin(view: Viewport): LayerJob | undefined;
}

/** A painter for `canvas`: call it with each view; `bounds` is what the map covers, in map units. */
export function layerPainter(canvas: HTMLCanvasElement, paint: PaintMap, bounds: Box): LayerPainter {
  /** The view the picture shown was painted for, the part of the screen it covers, and the view now. */
  let base: Viewport | undefined;
  let area: Box | undefined;
  let latest: Viewport | undefined;
  let generation = 0;
  canvas.style.transformOrigin = "0 0";
  const offScreen = typeof OffscreenCanvas === "function";

  // A canvas point c (CSS pixels from its corner, at a) shows the map point (c + a - base.pan) / base.zoom;
  // on screen now at a + t + s × c, which must be that point × zoom + pan.
  const place = () => {
    if (!base || !latest) return;
    const a = area ?? { x1: 0, y1: 0 };
    const s = latest.zoom / base.zoom;
    const [tx, ty] = [latest.pan.x - a.x1 - s * (base.pan.x - a.x1), latest.pan.y - a.y1 - s * (base.pan.y - a.y1)];
    canvas.style.transform = s === 1 && tx === 0 && ty === 0 ? "" : `translate(${tx}px, ${ty}px) scale(${s})`;
  };

  const begin = (view: Viewport): LayerJob | undefined => {
    const gen = ++generation;
    latest = view;
    const target = layerArea(view, bounds);
    const a = target ?? { x1: 0, y1: 0, x2: 0, y2: 0 };
    const [cw, ch] = [a.x2 - a.x1, a.y2 - a.y1];
    const [w, h] = [Math.round(cw * view.pixelRatio), Math.round(ch * view.pixelRatio)];
    const show = () => {
      canvas.width = w;
      canvas.height = h;
      Object.assign(canvas.style, { left: `${a.x1}px`, top: `${a.y1}px`, width: `${cw}px`, height: `${ch}px` });
      base = { ...view, pan: { ...view.pan } };
      area = target;
    };
    // Nothing of the map near: no context (a 2D one would keep the bitmap renderer from the canvas).
    if (w <= 0 || h <= 0) {
      show();
      place();
      return undefined;
    }
    const surface = offScreen ? new OffscreenCanvas(w, h) : undefined;
    if (!surface) show();
    const ctx = surface ? surface.getContext("2d") : canvas.getContext("2d");
    if (!ctx) return undefined;
    return {
      ctx,
      view: { ...view, pan: { x: view.pan.x - a.x1, y: view.pan.y - a.y1 }, width: cw, height: ch },
      // Reading a pixel back is what makes the canvas paint its recorded commands.
      flush: () => void ctx.getImageData(0, 0, 1, 1),
      commit() {
        if (gen !== generation) return false;
        if (surface) {
          show();
          canvas.getContext("bitmaprenderer")?.transferFromImageBitmap(surface.transferToImageBitmap());
        }
        place();
        return true;
      },
    };
  };

  const painter = (view: Viewport, mode: PaintMode) => {
    latest = view;
    const reusable =
      mode !== "fresh" &&
      base !== undefined &&
      base.width === view.width &&
      base.height === view.height &&
      base.pixelRatio === view.pixelRatio &&
      (view.zoom === base.zoom ? layerCovers(base, area, view, bounds) : mode === "moving");
    if (reusable) return place();
    const job = begin(view);
    if (!job) return;
    paint(job.ctx, job.view);
    job.commit();
  };
  return Object.assign(painter, { begin });
}
