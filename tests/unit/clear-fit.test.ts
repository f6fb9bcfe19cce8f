/** Fitting the working canvas clear of the open legend (web/src/graph/clearFit.ts). */
import { describe, expect, it } from "vitest";
import { clearFit, type Rect, type Viewport } from "../../web/src/graph/clearFit.js";

/** Where a box in drawing units lands on screen under a view. */
const drawnBy = (box: Rect, v: Viewport): Rect => ({
  x1: box.x1 * v.zoom + v.pan.x,
  y1: box.y1 * v.zoom + v.pan.y,
  x2: box.x2 * v.zoom + v.pan.x,
  y2: box.y2 * v.zoom + v.pan.y,
});
const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const inside = (a: Rect, b: Rect) => a.x1 >= b.x1 - 1e-6 && a.y1 >= b.y1 - 1e-6 && a.x2 <= b.x2 + 1e-6 && a.y2 <= b.y2 + 1e-6;

describe("clearFit", () => {
  // A 1000 × 800 canvas; the open legend in its lower-left corner (12 px from the left, 36 from the bottom).
  const size = { width: 1000, height: 800 };
  const legend = { x1: 12, y1: 534, x2: 262, y2: 764 };
  const padding = 48;

  it("keeps the plain fit when it leaves the legend clear (a few entities, drawn at most at 1.25)", () => {
    expect(clearFit({ x1: 0, y1: 0, x2: 300, y2: 200 }, size, padding, legend, 1.25)).toBeUndefined();
  });

  it("draws a graph that fills the canvas beside or above the legend, inside the canvas, as large as it can", () => {
    const box = { x1: -600, y1: -400, x2: 600, y2: 400 };
    const view = clearFit(box, size, padding, legend, 1.25);
    if (!view) throw new Error("expected a view clear of the legend");
    const drawn = drawnBy(box, view);
    expect(overlaps(drawn, legend)).toBe(false);
    expect(inside(drawn, { x1: padding, y1: padding, x2: size.width - padding, y2: size.height - padding })).toBe(true);
    // The plain fit's zoom is (1000 - 96) / 1200 = 0.753; beside the legend (1000 - 48 - 270) / 1200 =
    // 0.568; above it (534 - 8 - 48) / 800 = 0.598, the larger.
    expect(view.zoom).toBeCloseTo((legend.y1 - 8 - padding) / 800, 5);
  });

  it("puts a wide graph above the legend when that draws it larger than beside it", () => {
    const box = { x1: 0, y1: 0, x2: 2000, y2: 800 };
    const view = clearFit(box, size, padding, legend, 1.25);
    if (!view) throw new Error("expected a view clear of the legend");
    const drawn = drawnBy(box, view);
    expect(overlaps(drawn, legend)).toBe(false);
    expect(drawn.y2).toBeLessThanOrEqual(legend.y1);
  });

  it("keeps the plain fit on a phone, where beside the legend the graph would be drawn less than 0.6 as large", () => {
    const phone = { width: 400, height: 500 };
    const box = { x1: 0, y1: 0, x2: 600, y2: 600 };
    expect(clearFit(box, phone, padding, { x1: 12, y1: 200, x2: 262, y2: 464 }, 1.25)).toBeUndefined();
  });
});
