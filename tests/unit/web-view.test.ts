/** The explorer's pure graph code: the view state, its URL, filters, and the operations on it. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EntityCore, OntologyInfo, RelationCore } from "../../web/src/api/types.js";
import { endOfPartial, holdsOn, indexToMonth, monthIndex, startOfPartial } from "../../web/src/graph/dates.js";
import { toElements } from "../../web/src/graph/elements.js";
import { escapeXml, toGraphML, toJSONExport } from "../../web/src/graph/export.js";
import { regionFromParam, regionOfViewport, regionToParam, viewportOfRegion } from "../../web/src/graph/mapRegion.js";
import { nodeShape } from "../../web/src/graph/shapes.js";
import { graphStyle } from "../../web/src/graph/style.js";
import { pushHistory, redo, replacePresent, startHistory, undo } from "../../web/src/state/history.js";
import { viewFromSearch, viewToSearch } from "../../web/src/state/url.js";
import {
  addNeighbours,
  collapse,
  emptyView,
  focusOn,
  type GraphData,
  hide,
  neighboursOffCanvas,
  showHidden,
  togglePin,
  visibleGraph,
} from "../../web/src/state/view.js";

const entity = (id: string, kind: string, country?: string, nameZh?: string): EntityCore => ({ id, kind, name: id.toUpperCase(), nameZh, country });
const rel = (from: string, type: string, to: string, extra: Partial<RelationCore> = {}): RelationCore => ({
  id: `${from}/${type}/${to}`,
  type,
  status: "confirmed",
  from: { id: from },
  to: { id: to },
  ...extra,
});

const entities = [
  entity("huawei", "ORGANIZATION", "CN", "华为"),
  entity("tsmc", "ORGANIZATION", "TW"),
  entity("nvidia", "ORGANIZATION", "US"),
  entity("ascend", "CHIP", "CN"),
  entity("cuda", "TECHNOLOGY"),
];
const relations = [
  rel("tsmc", "SUPPLIES", "huawei", { until: "2020-09-14" }),
  rel("huawei", "DESIGNS", "ascend", { since: "2023" }),
  rel("huawei", "COMPETES_WITH", "nvidia", { status: "claimed" }),
  rel("nvidia", "DEVELOPS", "cuda", { status: "disputed" }),
];
const data: GraphData = { entities: new Map(entities.map((e) => [e.id, e])), relations: new Map(relations.map((r) => [r.id, r])) };
const all = { ...emptyView(), nodes: entities.map((e) => e.id) };

const ontology: OntologyInfo = {
  kinds: [
    { kind: "ORGANIZATION", label: "Organization", labelZh: "组织机构", colour: "#4e79a7", shape: "round-rectangle" },
    { kind: "CHIP", label: "Chip", labelZh: "芯片", colour: "#e15759", shape: "hexagon" },
    { kind: "TECHNOLOGY", label: "Technology", labelZh: "技术", colour: "#edc948", shape: "no-such-shape" },
  ],
  relationTypes: [
    { type: "SUPPLIES", label: "supplies", labelZh: "供应", colour: "#f28e2b" },
    { type: "DESIGNS", label: "designs", labelZh: "设计", colour: "#e15759" },
    { type: "COMPETES_WITH", label: "competes with", labelZh: "竞争", colour: "#000000", symmetric: true },
    { type: "DEVELOPS", label: "develops", labelZh: "开发", colour: "#59a14f" },
  ],
};

describe("partial dates", () => {
  it("cover their whole year or month", () => {
    expect(startOfPartial("2019")).toBe("2019-01-01");
    expect(endOfPartial("2019")).toBe("2019-12-31");
    expect(endOfPartial("2024-02")).toBe("2024-02-29");
    expect(endOfPartial("2019-05-16")).toBe("2019-05-16");
    expect(holdsOn("2020-09-01", undefined, "2020-09-14")).toBe(true);
    expect(holdsOn("2020-10-01", undefined, "2020-09-14")).toBe(false);
    expect(holdsOn("2022-12-31", "2023", null)).toBe(false);
    expect(indexToMonth(monthIndex("2019-06"))).toBe("2019-06");
  });
});

describe("the view", () => {
  it("round-trips through the URL", () => {
    const view = {
      ...all,
      expanded: { huawei: 30 },
      hidden: ["smic"],
      pinned: { huawei: [12, -40] as [number, number] },
      selected: "huawei",
      path: { from: "tsmc", to: "cuda", maxHops: 3 },
      filters: { kinds: ["CHIP"], types: ["SUPPLIES"], countries: ["-"], statuses: ["disputed" as const], asOf: "2021-05" },
      layout: "concentric" as const,
      lang: "zh" as const,
      panel: "list" as const,
    };
    const search = viewToSearch(view);
    expect(search).toContain("n=huawei,tsmc,nvidia,ascend,cuda");
    expect(viewFromSearch(search)).toEqual(view);
    expect(viewToSearch(emptyView())).toBe("");
  });

  it("ignores what it cannot read in a URL", () => {
    const view = viewFromSearch("?n=huawei,<script>,Bad_Id&layout=nope&asof=2020-13&xs=confirmed,bogus&lang=fr&path=a", "zh");
    expect(view.nodes).toEqual(["huawei"]);
    expect(view.layout).toBe("fcose");
    expect(view.filters.asOf).toBeUndefined();
    expect(view.filters.statuses).toEqual(["confirmed"]);
    expect(view.lang).toBe("zh");
    expect(view.path).toBeUndefined();
  });

  it("filters kinds and countries, and drops entities left without relations by relation filters", () => {
    const noChips = visibleGraph({ ...all, filters: { ...all.filters, kinds: ["CHIP"] } }, data);
    expect(noChips.nodes.map((n) => n.id)).not.toContain("ascend");
    expect(noChips.edges.map((e) => e.type)).not.toContain("DESIGNS");

    const noCountry = visibleGraph({ ...all, filters: { ...all.filters, countries: ["-"] } }, data);
    expect(noCountry.nodes.map((n) => n.id)).not.toContain("cuda");

    const asOf2019 = visibleGraph({ ...all, filters: { ...all.filters, asOf: "2019-06" } }, data);
    expect(asOf2019.edges.map((e) => e.type).sort()).toEqual(["COMPETES_WITH", "DEVELOPS", "SUPPLIES"]);
    expect(asOf2019.nodes.map((n) => n.id)).not.toContain("ascend");

    const asOf2024 = visibleGraph({ ...all, filters: { ...all.filters, asOf: "2024-01" } }, data);
    expect(asOf2024.nodes.map((n) => n.id)).not.toContain("tsmc");
    expect(asOf2024.filteredOut).toBe(1);

    const noClaims = visibleGraph({ ...all, selected: "nvidia", filters: { ...all.filters, statuses: ["claimed", "disputed"] } }, data);
    expect(noClaims.edges.map((e) => e.type).sort()).toEqual(["DESIGNS", "SUPPLIES"]);
    expect(noClaims.nodes.map((n) => n.id)).toContain("nvidia");
    expect(noClaims.nodes.map((n) => n.id)).not.toContain("cuda");
  });

  it("expands, hides, shows hidden, pins and collapses", () => {
    let view = focusOn(emptyView(), "huawei", ["tsmc", "ascend", "nvidia"], 15);
    expect(view.nodes).toEqual(["huawei", "tsmc", "ascend", "nvidia"]);
    expect(neighboursOffCanvas(view, data, "nvidia")).toBe(1);
    view = addNeighbours(view, "nvidia", ["cuda", "huawei"], 15);
    expect(view.nodes).toHaveLength(5);
    view = hide(view, "tsmc");
    expect(view.nodes).not.toContain("tsmc");
    expect(addNeighbours(view, "huawei", ["tsmc"], 30).nodes).not.toContain("tsmc");
    view = showHidden(view);
    expect(view.nodes).toContain("tsmc");
    view = togglePin(view, "cuda", [1.4, 2.6]);
    expect(view.pinned.cuda).toEqual([1, 3]);
    // collapsing Huawei takes TSMC and Ascend (they hang only on it), not NVIDIA (expanded)
    const collapsed = collapse(view, data, "huawei");
    expect(collapsed.nodes.sort()).toEqual(["cuda", "huawei", "nvidia"]);
    expect(collapsed.expanded.huawei).toBeUndefined();
    expect(togglePin(view, "cuda", [0, 0]).pinned.cuda).toBeUndefined();
  });
});

describe("the map region in the URL", () => {
  it("round-trips a region, rounded to whole map units and three digits of zoom", () => {
    const view = { ...emptyView(), mapRegion: { x: 412, y: -87, zoom: 0.734 } };
    const search = viewToSearch(view);
    expect(search).toBe("?map=412,-87,0.734");
    expect(viewFromSearch(search)).toEqual(view);
    fc.assert(
      fc.property(
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        (x, y, zoom) => {
          const once = regionFromParam(regionToParam({ x, y, zoom }));
          expect(once).toBeDefined();
          // Rounded once, a region reads back as itself.
          expect(regionFromParam(regionToParam(once as NonNullable<typeof once>))).toEqual(once);
        },
      ),
    );
  });

  it("is the middle of the view, so the same place shows in a box of another size", () => {
    const region = { x: 300, y: 120, zoom: 0.5 };
    for (const [w, h] of [
      [800, 600],
      [1440, 900],
    ] as const) {
      const viewport = viewportOfRegion(region, w, h);
      expect(viewport.pan.x + region.x * region.zoom).toBeCloseTo(w / 2, 6);
      expect(regionOfViewport(viewport, w, h)).toEqual(region);
    }
  });

  it("ignores a malformed region, and any region while entities are on the canvas", () => {
    for (const bad of [
      "",
      "1,2",
      "1,2,3,4",
      "a,b,c",
      "1,2,NaN",
      "1,2,Infinity",
      "1,2,0",
      "1,2,-1",
      "1,2,9",
      "1e3,2,1",
      "2e6,0,1",
      " 1,2,1",
      "1,,1",
      "0x10,2,1",
    ]) {
      expect(regionFromParam(bad), bad).toBeUndefined();
      expect(viewFromSearch(`?map=${encodeURIComponent(bad)}`).mapRegion, bad).toBeUndefined();
    }
    expect(viewFromSearch("?n=huawei&map=1,2,1").mapRegion).toBeUndefined();
    expect(viewToSearch({ ...emptyView(), nodes: ["huawei"], mapRegion: { x: 1, y: 2, zoom: 1 } })).toBe("?n=huawei");
  });
});

describe("undo history", () => {
  it("undoes and redoes every pushed state; replacing makes no step", () => {
    let h = startHistory(1);
    h = pushHistory(h, 2);
    h = pushHistory(h, 3);
    h = replacePresent(h, 4);
    h = undo(h);
    expect(h.present).toBe(2);
    h = redo(h);
    expect(h.present).toBe(4);
    h = undo(undo(undo(h)));
    expect(h.present).toBe(1);
    h = pushHistory(h, 9);
    expect(redo(h)).toBe(h);
  });
});

describe("elements, style and exports", () => {
  const graph = visibleGraph(all, data);

  it("labels by language, marks claim status and paths", () => {
    const elements = toElements(graph, ontology, {
      lang: "zh",
      selected: "huawei",
      pinned: { tsmc: [5, 6] },
      expanded: { huawei: 15 },
      pathNodes: new Set(["huawei", "nvidia"]),
      pathEdges: new Set(["huawei/COMPETES_WITH/nvidia"]),
      more: (id) => (id === "nvidia" ? 2 : 0),
    });
    const byId = new Map(elements.map((e) => [e.data.id, e]));
    expect(byId.get("huawei")?.data.label).toBe("华为");
    expect(byId.get("huawei")?.classes).toEqual(["selected", "expanded", "on-path"]);
    expect(byId.get("nvidia")?.data.label).toBe("NVIDIA  +2");
    expect(byId.get("tsmc")).toMatchObject({ position: { x: 5, y: 6 }, locked: true, classes: ["pinned", "faded"] });
    expect(byId.get("huawei/COMPETES_WITH/nvidia")).toMatchObject({
      data: { source: "huawei", target: "nvidia", label: "竞争" },
      classes: ["claimed", "on-path"],
    });
    expect(byId.get("nvidia/DEVELOPS/cuda")?.classes).toEqual(["disputed", "faded"]);
  });

  it("styles kinds and types from the ontology, dashed for claims", () => {
    const style = graphStyle(ontology);
    const find = (selector: string) => style.find((s) => "selector" in s && s.selector === selector) as { style: Record<string, unknown> } | undefined;
    expect(find('node[kind = "CHIP"]')?.style).toMatchObject({ "background-color": "#e15759", shape: "hexagon" });
    expect(find('node[kind = "TECHNOLOGY"]')?.style.shape).toBe("ellipse");
    expect(find('edge[type = "COMPETES_WITH"]')?.style["target-arrow-shape"]).toBe("none");
    expect(find("edge.claimed")?.style["line-style"]).toBe("dashed");
    expect(find("edge.disputed")?.style["line-style"]).toBe("dashed");
    expect(nodeShape("tag")).toBe("tag");
  });

  it("exports GraphML that escapes text, and JSON", () => {
    const tricky = { ...graph, nodes: [...graph.nodes, { id: "a-b", kind: "CHIP", name: 'A & "B" <C>' }] };
    const xml = toGraphML(tricky, ontology, { huawei: { x: 1, y: 2 } });
    expect(xml).toContain('<graph id="atlas" edgedefault="directed">');
    expect(xml).toContain('<data key="n_label">A &amp; &quot;B&quot; &lt;C&gt;</data>');
    expect(xml).toContain(
      '<node id="huawei"><data key="n_label">HUAWEI</data><data key="n_name_zh">华为</data><data key="n_kind">Organization</data><data key="n_country">CN</data><data key="n_x">1</data><data key="n_y">2</data></node>',
    );
    expect(xml).toContain('<edge id="tsmc/SUPPLIES/huawei" source="tsmc" target="huawei"><data key="e_label">supplies</data>');
    expect(escapeXml("'")).toBe("&apos;");
    // Control characters a name could carry would make the file unreadable XML: they are dropped.
    expect(escapeXml("A\u0000B\u0008C\u001FD\tE\uFFFEF\uD800G")).toBe("ABCD\tEFG");
    expect(escapeXml("华为 😀")).toBe("华为 😀");
    const json = JSON.parse(toJSONExport(graph, ontology)) as { nodes: unknown[]; edges: { status: string }[] };
    expect(json.nodes).toHaveLength(5);
    expect(json.edges.map((e) => e.status)).toContain("disputed");
  });
});
