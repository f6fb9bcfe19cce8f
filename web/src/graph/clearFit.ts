/**
 * Fitting the working canvas around what floats over it (pure: tested without a browser). The open
 * legend sits in the canvas's lower-left corner; a plain fit fills the whole canvas and puts the
 * lower-left entities under it. When it would, the graph is fitted beside the legend or above it,
 * whichever draws it larger.
 */

import type { Viewport } from "./supplyCamera.js";

export type { Viewport };

/** A rectangle in pixels of the canvas, or in drawing units for a bounding box. */
export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Room kept between the graph and the overlay, in pixels. */
const GAP = 8;
/** Beside the overlay the graph may be drawn this much smaller than a plain fit, no smaller: below
 * that (a phone, where the legend takes most of the width) it is better drawn large, partly under
 * the legend the reader can fold. */
const MIN_SHRINK = 0.6;

/** The view that fits `box` (drawing units) in `area` (pixels), centred, no larger than `maxZoom`. */
function fitIn(box: Rect, area: Rect, maxZoom: number): Viewport {
  const w = Math.max(box.x2 - box.x1, 1);
  const h = Math.max(box.y2 - box.y1, 1);
  const zoom = Math.min((area.x2 - area.x1) / w, (area.y2 - area.y1) / h, maxZoom);
  return {
    zoom,
    pan: { x: (area.x1 + area.x2) / 2 - ((box.x1 + box.x2) / 2) * zoom, y: (area.y1 + area.y2) / 2 - ((box.y1 + box.y2) / 2) * zoom },
  };
}

const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * The view fitting `box` into a canvas of `size` with `padding` that keeps it clear of `cover`
 * (pixels of the canvas); undefined when the plain fit (at most `maxZoom`) already does, or when no
 * side of the cover has room for it at MIN_SHRINK of the plain fit's zoom.
 */
export function clearFit(box: Rect, size: { width: number; height: number }, padding: number, cover: Rect, maxZoom: number): Viewport | undefined {
  const inner = { x1: padding, y1: padding, x2: size.width - padding, y2: size.height - padding };
  const plain = fitIn(box, inner, maxZoom);
  const drawn = {
    x1: box.x1 * plain.zoom + plain.pan.x,
    y1: box.y1 * plain.zoom + plain.pan.y,
    x2: box.x2 * plain.zoom + plain.pan.x,
    y2: box.y2 * plain.zoom + plain.pan.y,
  };
  if (!overlaps(drawn, cover)) return undefined;
  const sides: Rect[] = [
    { ...inner, x1: Math.max(inner.x1, cover.x2 + GAP) },
    { ...inner, x2: Math.min(inner.x2, cover.x1 - GAP) },
    { ...inner, y1: Math.max(inner.y1, cover.y2 + GAP) },
    { ...inner, y2: Math.min(inner.y2, cover.y1 - GAP) },
  ].filter((r) => r.x2 - r.x1 > 0 && r.y2 - r.y1 > 0);
  const best = sides.map((area) => fitIn(box, area, maxZoom)).reduce<Viewport | undefined>((a, v) => (!a || v.zoom > a.zoom ? v : a), undefined);
  return best && best.zoom >= plain.zoom * MIN_SHRINK ? best : undefined;
}
