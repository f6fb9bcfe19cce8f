/** How the front-page map is painted (web/src/graph/shapes.ts, mapLayer.ts, mapUnderlay.ts, mapGestures.ts): pure code, no browser. */
import { describe, expect, it } from "vitest";
import type { OntologyInfo } from "../../web/src/api/types.js";
import { attachGestures, TAP_SLOP, wheelFactor } from "../../web/src/graph/mapGestures.js";
import { layerArea, layerCovers, layerPainter, type Viewport } from "../../web/src/graph/mapLayer.js";
import { paintRelations, relationCount, underlayGeometry } from "../../web/src/graph/mapUnderlay.js";
import { NODE_SHAPES, nodeShape, shapePath } from "../../web/src/graph/shapes.js";

/** The corner and control points of SVG path data (numbers in pairs after M, L, Q; an arc's end point). */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  for (const [, command, args] of d.matchAll(/([MLQAZ])([^MLQAZ]*)/g)) {
    const n = (args ?? "")
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const pairs = command === "A" ? [n.slice(5, 7)] : Array.from({ length: n.length / 2 }, (_, i) => n.slice(2 * i, 2 * i + 2));
    for (const [x, y] of pairs) out.push([x as number, y as number]);
  }
  return out;
}

describe("entity shapes", () => {
  it("draws every shape Cytoscape names within its box, reaching its edges, each its own outline", () => {
    const seen = new Set<string>();
    for (const shape of [...NODE_SHAPES].filter((s) => s !== "ellipse")) {
      const d = shapePath(shape, 12);
      const ps = points(d);
      expect(ps.length, shape).toBeGreaterThan(1);
      const xs = ps.map(([x]) => x);
      const ys = ps.map(([, y]) => y);
      expect(Math.min(...xs), shape).toBeGreaterThanOrEqual(-6);
      expect(Math.max(...xs), shape).toBeLessThanOrEqual(6);
      expect(Math.max(...ys) - Math.min(...ys), shape).toBeGreaterThan(11);
      expect(Math.max(...xs) - Math.min(...xs), shape).toBeGreaterThan(11);
      expect(seen.has(d), `${shape} looks like another shape`).toBe(false);
      seen.add(d);
    }
  });

  it("draws the polygons as Cytoscape does, and an unknown shape as an ellipse", () => {
    expect(shapePath("rectangle", 12)).toBe("M-6 -6L6 -6L6 6L-6 6Z");
    expect(shapePath("diamond", 12)).toBe("M0 6L6 0L0 -6L-6 0Z");
    expect(shapePath("triangle", 12)).toBe("M0 -6L-6 6L6 6Z");
    // Cytoscape's hexagon has flat top and bottom edges.
    expect(shapePath("hexagon", 12)).toBe("M-3 -6L-6 0L-3 6L3 6L6 0L3 -6Z");
    expect(shapePath("tag", 12)).toBe("M-6 -6L1.5 -6L6 0L1.5 6L-6 6Z");
    expect(shapePath("no-such-shape", 12)).toBe(shapePath("ellipse", 12));
    expect(nodeShape("no-such-shape")).toBe("ellipse");
    expect(nodeShape("round-octagon")).toBe("round-octagon");
    // Rounded corners: a quarter of the size for round rectangles.
    expect(shapePath("round-rectangle", 12)).toBe("M-6 -3Q-6 -6 -3 -6L3 -6Q6 -6 6 -3L6 3Q6 6 3 6L-3 6Q-6 6 -6 3Z");
    expect(shapePath("ellipse", 12)).toMatch(/^M6 0A6 6 0 1 1 -6 0A6 6/);
  });
});

/** A canvas stand-in: what the painter sets on it, and the context a paint is given. */
function fakeCanvas() {
  const style: Record<string, string> = {};
  const ctx = new Proxy({}, { get: () => () => {}, set: () => true });
  return { style, canvas: { style, width: 0, height: 0, getContext: () => ctx } as unknown as HTMLCanvasElement };
}

describe("the map's canvas", () => {
  const bounds = { x1: -400, y1: -200, x2: 1100, y2: 600 };

  it("moves and scales the picture with the view, and paints it afresh only when it must", () => {
    let paints = 0;
    const { style, canvas } = fakeCanvas();
    const paint = layerPainter(canvas, () => paints++, bounds);
    // Where a map point lands on screen, through the canvas's position and transform.
    const onScreen = (q: { x: number; y: number }, base: Viewport) => {
      const [left, top] = [Number.parseFloat(style.left ?? "0"), Number.parseFloat(style.top ?? "0")];
      const p = { x: q.x * base.zoom + base.pan.x - left, y: q.y * base.zoom + base.pan.y - top };
      const t = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(style.transform ?? "");
      const [tx, ty, s] = t ? [Number(t[1]), Number(t[2]), Number(t[3])] : [0, 0, 1];
      return { x: left + tx + s * p.x, y: top + ty + s * p.y };
    };
    const pan = { x: 100, y: 50 };
    const base: Viewport = { zoom: 0.5, pan: { ...pan }, width: 800, height: 600, pixelRatio: 1 };
    paint({ ...base, pan }, "settled");
    expect(paints).toBe(1);
    const q = { x: 900, y: 300 };
    for (const [zoom, dx, dy, mode] of [
      [0.5, -120, 0, "moving"],
      [0.5, -120, 120, "settled"],
      [0.625, -200, 60, "moving"],
    ] as const) {
      pan.x = base.pan.x + dx;
      pan.y = base.pan.y + dy;
      paint({ ...base, zoom, pan: { ...pan } }, mode);
      const at = onScreen(q, base);
      expect(at.x).toBeCloseTo(q.x * zoom + pan.x, 6);
      expect(at.y).toBeCloseTo(q.y * zoom + pan.y, 6);
    }
    // Moves within what the canvas holds, and a zoom still in progress, reuse the picture.
    expect(paints).toBe(1);
    // Settled at another zoom: painted afresh, and shown as painted.
    paint({ ...base, zoom: 0.625, pan: { ...pan } }, "settled");
    expect(paints).toBe(2);
    expect(style.transform).toBe("");
    // Zoomed in so that the map outgrows the canvas, then moved past what it holds: painted afresh.
    const near = { ...base, zoom: 2, pan: { x: -400, y: -200 } };
    paint(near, "settled");
    expect(paints).toBe(3);
    paint({ ...near, pan: { x: -400 - 300, y: -200 } }, "moving");
    expect(paints).toBe(3);
    paint({ ...near, pan: { x: -400 - 500, y: -200 } }, "moving");
    expect(paints).toBe(4);
    // What is painted changed: painted afresh wherever the view is.
    paint({ ...near, pan: { x: -400 - 500, y: -200 } }, "fresh");
    expect(paints).toBe(5);
  });

  it("holds the view and half a view around it, no more than the map", () => {
    const view: Viewport = { zoom: 0.5, pan: { x: 300, y: 200 }, width: 800, height: 600, pixelRatio: 2 };
    // The map spans x -200..850 and y 100..500 on screen: all within the view and its margins.
    expect(layerArea(view, bounds)).toEqual({ x1: 100, y1: 100, x2: 850, y2: 500 });
    // Zoomed in, the margins bound it.
    expect(layerArea({ ...view, zoom: 4 }, bounds)).toEqual({ x1: -400, y1: -300, x2: 1200, y2: 900 });
    expect(layerArea({ ...view, pan: { x: 5000, y: 0 } }, bounds)).toBeUndefined();
    // A picture covers a moved view while what the view shows of the map lies within it.
    const area = layerArea({ ...view, zoom: 4 }, bounds);
    const zoomed = { ...view, zoom: 4 };
    expect(layerCovers(zoomed, area, { ...zoomed, pan: { x: 300 - 390, y: 200 } }, bounds)).toBe(true);
    expect(layerCovers(zoomed, area, { ...zoomed, pan: { x: 300 - 410, y: 200 } }, bounds)).toBe(false);
    // Nothing of the map in view: nothing to cover.
    expect(layerCovers(zoomed, undefined, { ...zoomed, pan: { x: 90_000, y: 0 } }, bounds)).toBe(true);
  });

  it("paints the relations in slices, each once, so a large map spreads over several tasks", () => {
    const map = {
      nodes: [
        { id: "a", x: 0, y: 0 },
        { id: "b", x: 10, y: 0 },
        { id: "c", x: 0, y: 10 },
      ],
      edges: [
        { type: "T", from: "a", to: "b", status: "CONFIRMED" },
        { type: "T", from: "b", to: "c", status: "CLAIMED" },
        { type: "U", from: "c", to: "a", status: "CONFIRMED" },
      ],
      rows: [],
      columns: [],
    };
    const ontology = { relationTypes: [{ type: "T", colour: "#111111" }] } as unknown as OntologyInfo;
    const g = underlayGeometry(map as never, ontology);
    expect(relationCount(g)).toBe(3);
    const stroked: string[] = [];
    let from: number[] = [];
    const ctx = new Proxy(
      {},
      {
        get: (_, key) =>
          key === "moveTo"
            ? (x: number, y: number) => (from = [x, y])
            : key === "lineTo"
              ? (x: number, y: number) => stroked.push(`${from}>${x},${y}`)
              : () => {},
        set: () => true,
      },
    ) as CanvasRenderingContext2D;
    const view: Viewport = { zoom: 1, pan: { x: 0, y: 0 }, width: 100, height: 100, pixelRatio: 1 };
    for (let i = 0; i < 3; i += 2) paintRelations(ctx, g, view, i, i + 2);
    const all: string[] = [];
    paintRelations(
      new Proxy(
        {},
        {
          get: (_, key) =>
            key === "moveTo"
              ? (x: number, y: number) => (from = [x, y])
              : key === "lineTo"
                ? (x: number, y: number) => all.push(`${from}>${x},${y}`)
                : () => {},
        },
      ) as never,
      g,
      view,
    );
    expect(stroked).toEqual(all);
    expect([...stroked].sort()).toEqual(["0,0>10,0", "0,10>0,0", "10,0>0,10"]);
  });
});

describe("map gestures", () => {
  it("zooms in as the wheel turns forward, out as it turns back, about 1.15 a notch", () => {
    const notch = { deltaY: -100, deltaMode: 0, ctrlKey: false };
    expect(wheelFactor(notch)).toBeCloseTo(2 ** 0.2, 9);
    expect(wheelFactor({ ...notch, deltaY: 100 })).toBeCloseTo(1 / wheelFactor(notch), 9);
    // Lines (Firefox) count as 25 pixels each; a trackpad pinch (Ctrl) zooms faster per pixel.
    expect(wheelFactor({ ...notch, deltaY: -3, deltaMode: 1 })).toBeCloseTo(wheelFactor({ ...notch, deltaY: -75 }), 9);
    expect(wheelFactor({ ...notch, deltaY: -10, ctrlKey: true })).toBeGreaterThan(wheelFactor({ ...notch, deltaY: -10 }));
    expect(TAP_SLOP).toBeGreaterThan(0);
  });

  /** An element stand-in 100 px from the page's left, 50 from its top: its listeners, and what the gestures asked for. */
  function gestureBox() {
    const listeners = new Map<string, (e: object) => void>();
    const el = {
      style: {} as Record<string, string>,
      addEventListener: (type: string, listener: (e: object) => void) => listeners.set(type, listener),
      removeEventListener: (type: string) => listeners.delete(type),
      getBoundingClientRect: () => ({ left: 100, top: 50 }),
      setPointerCapture: () => {},
    };
    const calls: string[] = [];
    const detach = attachGestures(el as unknown as HTMLElement, {
      panBy: (dx, dy) => calls.push(`pan ${dx},${dy}`),
      zoomAbout: (f, at) => calls.push(`zoom ${f.toFixed(3)} at ${at.x},${at.y}`),
      tap: (at) => calls.push(`tap ${at.x},${at.y}`),
      hover: (at) => calls.push(at ? `hover ${at.x},${at.y}` : "left"),
    });
    const fire = (type: string, e: object = {}) =>
      listeners.get(type)?.({ type, pointerType: "mouse", button: 0, pointerId: 1, preventDefault: () => calls.push("prevented"), ...e });
    return { el, listeners, calls, detach, fire };
  }

  it("pans with a drag past the slop, taps with a press that stays, hovers without a button", () => {
    const { el, calls, fire, detach, listeners } = gestureBox();
    expect(el.style.touchAction).toBe("none");
    fire("pointermove", { clientX: 110, clientY: 60 });
    fire("pointerdown", { clientX: 110, clientY: 60 });
    fire("pointermove", { clientX: 112, clientY: 61 });
    fire("pointerup", { clientX: 112, clientY: 61 });
    expect(calls).toEqual(["hover 10,10", "tap 12,11"]);
    calls.length = 0;
    fire("pointerdown", { clientX: 110, clientY: 60 });
    fire("pointermove", { clientX: 110 + TAP_SLOP + 5, clientY: 60 });
    fire("pointermove", { clientX: 130, clientY: 70 });
    fire("pointerup", { clientX: 130, clientY: 70 });
    expect(calls).toEqual([`pan ${TAP_SLOP + 5},0`, `pan ${20 - TAP_SLOP - 5},10`]);
    // A right button does nothing; the wheel zooms about the pointer, the page does not scroll.
    calls.length = 0;
    fire("pointerdown", { button: 2, clientX: 110, clientY: 60 });
    fire("pointerup", { button: 2, clientX: 110, clientY: 60 });
    fire("wheel", { deltaY: -100, deltaMode: 0, clientX: 150, clientY: 80 });
    expect(calls).toEqual(["prevented", "zoom 1.149 at 50,30"]);
    detach();
    expect(listeners.size).toBe(0);
  });

  it("zooms about the fingers' midpoint as they spread, and follows it as it moves", () => {
    const { calls, fire } = gestureBox();
    const touch = { pointerType: "touch" };
    fire("pointerdown", { ...touch, pointerId: 1, clientX: 200, clientY: 150 });
    fire("pointerdown", { ...touch, pointerId: 2, clientX: 300, clientY: 150 });
    // The second finger moves 100 px right: twice the spread, midpoint 50 px right.
    fire("pointermove", { ...touch, pointerId: 2, clientX: 400, clientY: 150 });
    fire("pointerup", { ...touch, pointerId: 2, clientX: 400, clientY: 150 });
    fire("pointerup", { ...touch, pointerId: 1, clientX: 200, clientY: 150 });
    // No tap: the press became a pinch.
    expect(calls).toEqual(["zoom 2.000 at 150,100", "pan 50,0"]);
  });
});
