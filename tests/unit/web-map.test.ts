/** The front-page map's drawing plan (web/src/graph/mapElements.ts, mapUnderlay.ts): pure code, no browser. */
import { describe, expect, it } from "vitest";
import type { GraphMap } from "../../web/src/api/documents.js";
import type { OntologyInfo } from "../../web/src/api/types.js";
import { MAP_LABEL_COLUMNS, mapElements, mapLabelsShown, mapShortLabel, mapStyle, mapViewport } from "../../web/src/graph/mapElements.js";
import { underlayGeometry, underlayPainter, type Viewport } from "../../web/src/graph/mapUnderlay.js";

const ontology = {
  kinds: [
    { kind: "CHIP", label: "Chip", labelZh: "芯片", colour: "#e15759", shape: "hexagon" },
    { kind: "ORGANIZATION", label: "Organisation", labelZh: "机构", colour: "#4e79a7", shape: "no-such-shape" },
  ],
  relationTypes: [
    { type: "DESIGNS", label: "designs", labelZh: "设计", colour: "#59a14f", symmetric: false },
    { type: "COMPETES_WITH", label: "competes with", labelZh: "竞争", colour: "#bab0ac", symmetric: true },
  ],
} as unknown as OntologyInfo;

const band = (id: string, x: number, y: number, width: number, height: number) => ({ id, label: id, labelZh: `${id}（中）`, x, y, width, height });

const map: GraphMap = {
  version: "v1",
  nodes: [
    { id: "huawei", kind: "ORGANIZATION", name: "Huawei Technologies Co., Ltd.", nameZh: "华为技术有限公司", country: "CN", x: 100, y: 300 },
    { id: "ascend-910c", kind: "CHIP", name: "Ascend 910C", nameZh: null, country: "CN", x: 120, y: 100 },
    { id: "nvidia", kind: "ORGANIZATION", name: "NVIDIA", nameZh: "英伟达", country: "US", x: 900, y: 300 },
  ],
  edges: [
    { type: "DESIGNS", from: "huawei", to: "ascend-910c", status: "CONFIRMED" },
    { type: "COMPETES_WITH", from: "huawei", to: "nvidia", status: "CLAIMED" },
    { type: "DESIGNS", from: "huawei", to: "gone", status: "CONFIRMED" },
  ],
  rows: [band("chips", 0, 0, 1000, 200), band("actors", 0, 280, 1000, 200)],
  columns: [band("china", 0, 0, 400, 480), band("allies", 600, 0, 400, 480)],
} as unknown as GraphMap;

describe("the front-page map", () => {
  it("draws every entity where the server put it, in its kind's colour and shape, with the bands' names", () => {
    const elements = mapElements(map, ontology, "en");
    const entities = elements.filter((e) => e.classes === "entity");
    expect(entities.map((e) => [e.data.id, e.position])).toEqual([
      ["huawei", { x: 100, y: 300 }],
      ["ascend-910c", { x: 120, y: 100 }],
      ["nvidia", { x: 900, y: 300 }],
    ]);
    expect(entities[1]?.data).toMatchObject({ colour: "#e15759", shape: "hexagon", label: "Ascend 910C" });
    // An unknown shape falls back to an ellipse, as on the canvas.
    expect(entities[0]?.data.shape).toBe("ellipse");
    expect(elements.filter((e) => String(e.classes).startsWith("band")).map((e) => e.data.label)).toEqual(["chips", "actors", "china", "allies"]);
    // Relations are painted beneath, not Cytoscape elements.
    expect(elements.every((e) => e.group === "nodes")).toBe(true);
  });

  it("names entities in the reader's language, cut short so no label is measured letter by letter", () => {
    const zh = mapElements(map, ontology, "zh").filter((e) => e.classes === "entity");
    expect(zh.map((e) => e.data.label)).toEqual(["华为技术有限公司", "Ascend 910C", "英伟达"]);
    expect(mapShortLabel("Huawei Technologies Co., Ltd.")).toBe("Huawei Technologi…");
    expect(mapShortLabel("Ascend 910C")).toBe("Ascend 910C");
    // A CJK character takes two columns.
    expect(mapShortLabel("中芯国际集成电路制造有限公司")).toBe("中芯国际集成电路…");
    expect(mapShortLabel("x".repeat(MAP_LABEL_COLUMNS))).toBe("x".repeat(MAP_LABEL_COLUMNS));
  });

  it("draws names only when zoomed in far enough to read them, and only on named entities", () => {
    expect(mapLabelsShown(0.2)).toBe(false);
    expect(mapLabelsShown(1)).toBe(true);
    const rules = mapStyle();
    const entityRule = rules.find((r) => "selector" in r && r.selector === "node.entity");
    expect(entityRule && "style" in entityRule && "label" in entityRule.style).toBe(false);
    expect(rules.some((r) => "selector" in r && r.selector === "node.entity.named")).toBe(true);
  });

  it("paints relations between their ends, by colour and dash, leaving out those with an end missing", () => {
    const g = underlayGeometry(map, ontology);
    expect(g.edges).toEqual([
      { colour: "#59a14f", dashed: false, segments: [100, 300, 120, 100] },
      { colour: "#bab0ac", dashed: true, segments: [100, 300, 900, 300] },
    ]);
    // Every other row is tinted; rows reach past the sides, sides past the rows.
    expect(g.tinted).toEqual([{ x: -40, y: 260, width: 1080, height: 240 }]);
    expect(g.columns[1]).toEqual({ x: 600, y: -40, width: 400, height: 560 });
  });

  it("opens on the whole map, band names included, centred in the box", () => {
    const { zoom, pan } = mapViewport(map, 800, 600, 24);
    // Left of the rows: room for the row names; above the sides: room for their names.
    const left = -40 - 336;
    const top = -40 - 92;
    expect(zoom).toBeCloseTo(Math.min((800 - 48) / (1040 - left), (600 - 48) / (520 - top)), 6);
    expect(pan.x + zoom * left).toBeGreaterThanOrEqual(23.9);
    expect(pan.y + zoom * top).toBeGreaterThanOrEqual(23.9);
    expect(pan.x + zoom * 1040).toBeLessThanOrEqual(800 - 23.9);
    expect(pan.y + zoom * 520).toBeLessThanOrEqual(600 - 23.9);
    expect(mapViewport(map, 0, 0, 24)).toEqual({ zoom: 1, pan: { x: 0, y: 0 } });
  });

  it("moves and scales the painted relations with the view, and paints them afresh only when it must", () => {
    // A canvas stand-in: what the painter sets, and how often it paints.
    let paints = 0;
    const style: Record<string, string> = {};
    const ctx = new Proxy({}, { get: (_, key) => (key === "setTransform" ? () => paints++ : () => {}), set: () => true });
    const canvas = { style, width: 0, height: 0, getContext: () => ctx } as unknown as HTMLCanvasElement;
    const paint = underlayPainter(canvas, underlayGeometry(map, ontology));
    // Where a map point lands on screen, through the canvas's position and transform.
    const onScreen = (q: { x: number; y: number }, base: Viewport) => {
      const m = { x: base.width / 2, y: base.height / 2 };
      const p = { x: q.x * base.zoom + base.pan.x + m.x, y: q.y * base.zoom + base.pan.y + m.y };
      const t = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(style.transform ?? "");
      const [tx, ty, s] = t ? [Number(t[1]), Number(t[2]), Number(t[3])] : [0, 0, 1];
      return { x: Number.parseFloat(style.left ?? "0") + tx + s * p.x, y: Number.parseFloat(style.top ?? "0") + ty + s * p.y };
    };
    // Cytoscape hands out its live pan object: the painter must not keep it.
    const pan = { x: 100, y: 50 };
    const base: Viewport = { zoom: 0.5, pan: { ...pan }, width: 800, height: 600, pixelRatio: 1 };
    paint({ ...base, pan }, true);
    expect(paints).toBeGreaterThan(0);
    const painted = paints;
    const q = { x: 900, y: 300 };
    for (const [zoom, dx, dy, settled] of [
      [0.5, -120, 0, false],
      [0.5, -120, 120, true],
      [0.625, -200, 60, false],
    ] as const) {
      pan.x = base.pan.x + dx;
      pan.y = base.pan.y + dy;
      paint({ ...base, zoom, pan }, settled);
      const at = onScreen(q, base);
      expect(at.x).toBeCloseTo(q.x * zoom + pan.x, 6);
      expect(at.y).toBeCloseTo(q.y * zoom + pan.y, 6);
    }
    // Moves within the margin and a zoom still in progress reuse the picture.
    expect(paints).toBe(painted);
    // Settled at another zoom: painted afresh, and shown as painted.
    paint({ ...base, zoom: 0.625, pan }, true);
    expect(paints).toBeGreaterThan(painted);
    expect(style.transform).toBe("");
  });
});
