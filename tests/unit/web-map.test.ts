/** The front-page map's drawing plan and view arithmetic (web/src/graph/map*.ts): pure code, no browser. */
import { describe, expect, it } from "vitest";
import type { GraphMap } from "../../web/src/api/documents.js";
import type { OntologyInfo } from "../../web/src/api/types.js";
import { clampZoom, mapBounds, mapViewport, panBy, toMap, toScreen, zoomAbout } from "../../web/src/graph/mapCamera.js";
import { entityAt, HIT_PX, hitRadius, MAP_NODE_SIZE, mapEntities } from "../../web/src/graph/mapEntities.js";
import { bandNames, MAP_LABEL_COLUMNS, mapLabelsShown, mapShortLabel, wrapWords } from "../../web/src/graph/mapNames.js";
import { MAP_MAX_ZOOM, MAP_MIN_ZOOM, regionOfViewport, viewportOfRegion } from "../../web/src/graph/mapRegion.js";
import { underlayGeometry } from "../../web/src/graph/mapUnderlay.js";

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
  it("draws every entity where the server put it, in its kind's colour and shape (an unknown shape as an ellipse)", () => {
    const entities = mapEntities(map.nodes, ontology, "en");
    expect(entities.map((e) => [e.node.id, e.x, e.y])).toEqual([
      ["huawei", 100, 300],
      ["ascend-910c", 120, 100],
      ["nvidia", 900, 300],
    ]);
    expect(entities[1]).toMatchObject({ colour: "#e15759", shape: "hexagon", label: "Ascend 910C" });
    expect(entities[0]?.shape).toBe("ellipse");
  });

  it("names the bands in the reader's language: rows left of their rows, sides above their sides", () => {
    expect(bandNames(map, "en").map((b) => [b.text, b.side])).toEqual([
      ["chips", false],
      ["actors", false],
      ["china", true],
      ["allies", true],
    ]);
    const [chips, , china] = bandNames(map, "zh");
    expect(chips).toMatchObject({ text: "chips（中）", x: -40 - 16, y: 100 });
    expect(china).toMatchObject({ text: "china（中）", x: 200, y: -40 - 12 });
    // Row names wrap at word breaks to the room left of the rows.
    expect(wrapWords("Systems and clouds", 10, (line) => line.length)).toEqual(["Systems", "and clouds"]);
    expect(wrapWords("Semiconductors", 5, (line) => line.length)).toEqual(["Semiconductors"]);
  });

  it("names entities in the reader's language, cut short so no label is measured letter by letter", () => {
    expect(mapEntities(map.nodes, ontology, "zh").map((e) => e.label)).toEqual(["华为技术有限公司", "Ascend 910C", "英伟达"]);
    expect(mapShortLabel("Huawei Technologies Co., Ltd.")).toBe("Huawei Technologi…");
    expect(mapShortLabel("Ascend 910C")).toBe("Ascend 910C");
    // A CJK character takes two columns.
    expect(mapShortLabel("中芯国际集成电路制造有限公司")).toBe("中芯国际集成电路…");
    expect(mapShortLabel("中芯国际集成电路制")).toBe("中芯国际集成电路制");
    expect(mapShortLabel("x".repeat(MAP_LABEL_COLUMNS))).toBe("x".repeat(MAP_LABEL_COLUMNS));
    expect(mapShortLabel("x".repeat(MAP_LABEL_COLUMNS + 1))).toBe(`${"x".repeat(MAP_LABEL_COLUMNS - 1)}…`);
  });

  it("draws names only when zoomed in far enough to read them", () => {
    expect(mapLabelsShown(0.2)).toBe(false);
    expect(mapLabelsShown(0.79)).toBe(false);
    expect(mapLabelsShown(0.8)).toBe(true);
    expect(mapLabelsShown(1)).toBe(true);
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
    expect(mapBounds(map)).toEqual({ x1: left, y1: top, x2: 1040, y2: 520 });
    expect(zoom).toBeCloseTo(Math.min((800 - 48) / (1040 - left), (600 - 48) / (520 - top)), 6);
    expect(pan.x + zoom * left).toBeGreaterThanOrEqual(23.9);
    expect(pan.y + zoom * top).toBeGreaterThanOrEqual(23.9);
    expect(pan.x + zoom * 1040).toBeLessThanOrEqual(800 - 23.9);
    expect(pan.y + zoom * 520).toBeLessThanOrEqual(600 - 23.9);
    expect(mapViewport(map, 0, 0, 24)).toEqual({ zoom: 1, pan: { x: 0, y: 0 } });
  });

  it("zooms about the pointer, within the map's zoom limits, and pans by screen pixels", () => {
    const view = { zoom: 0.5, pan: { x: 100, y: 50 } };
    const pointer = { x: 300, y: 200 };
    const under = toMap(view, pointer);
    const zoomed = zoomAbout(view, 2, pointer);
    expect(zoomed.zoom).toBe(1);
    // The map point under the pointer stays under it.
    expect(toScreen(zoomed, under).x).toBeCloseTo(pointer.x, 9);
    expect(toScreen(zoomed, under).y).toBeCloseTo(pointer.y, 9);
    expect(zoomAbout(view, 1000, pointer).zoom).toBe(MAP_MAX_ZOOM);
    expect(zoomAbout(view, 1e-6, pointer).zoom).toBe(MAP_MIN_ZOOM);
    expect(clampZoom(1)).toBe(1);
    // At a limit, zooming further leaves the view where it was.
    const atMax = { zoom: MAP_MAX_ZOOM, pan: { x: 10, y: 20 } };
    expect(zoomAbout(atMax, 1.25, pointer)).toEqual(atMax);
    expect(panBy(view, -120, 40)).toEqual({ zoom: 0.5, pan: { x: -20, y: 90 } });
    expect(toMap(view, toScreen(view, { x: 900, y: 300 }))).toEqual({ x: 900, y: 300 });
    // A region round-trips through the view that shows it.
    expect(regionOfViewport(viewportOfRegion({ x: 900, y: 300, zoom: 0.5 }, 800, 600), 800, 600)).toEqual({ x: 900, y: 300, zoom: 0.5 });
  });

  it("finds the entity under a pointer: the nearest within its size, or a few pixels when drawn small", () => {
    const entities = mapEntities(map.nodes, ontology, "en");
    expect(entityAt(entities, { x: 118, y: 103 }, hitRadius(1))?.node.id).toBe("ascend-910c");
    expect(entityAt(entities, { x: 100 + MAP_NODE_SIZE, y: 300 }, hitRadius(1))).toBeUndefined();
    // Drawn small (zoomed out), an entity takes a pointer HIT_PX screen pixels away.
    expect(hitRadius(0.1)).toBeCloseTo(HIT_PX / 0.1, 9);
    expect(entityAt(entities, { x: 100 + 60, y: 300 }, hitRadius(0.1))?.node.id).toBe("huawei");
    // Between two, the nearer wins.
    const two = [
      { id: "a", x: 0, y: 0 },
      { id: "b", x: 10, y: 0 },
    ];
    expect(entityAt(two, { x: 6, y: 0 }, 20)?.id).toBe("b");
    expect(entityAt(two, { x: 4, y: 0 }, 20)?.id).toBe("a");
    expect(entityAt([], { x: 0, y: 0 }, 20)).toBeUndefined();
  });
});
