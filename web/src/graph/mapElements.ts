/**
 * The front-page map as Cytoscape elements and style (pure: tested without a browser). Positions
 * and bands come from the server (Query.map); kinds keep their ontology colours and shapes. Entity
 * labels are drawn only once the reader zooms in far enough for them to be legible.
 */
import type { ElementDefinition, StylesheetJson } from "cytoscape";
import type { GraphMap } from "../api/documents.js";
import type { OntologyInfo } from "../api/types.js";
import type { Lang } from "../state/view.js";
import { nodeShape } from "./style.js";

/** Entity label size in map units, and the smallest on-screen size at which it is drawn. */
export const MAP_LABEL_SIZE = 10;
export const MAP_MIN_LABEL_PX = 8;

/** Whether entity labels are drawn at this zoom (Cytoscape's min-zoomed-font-size rule). */
export function mapLabelsShown(zoom: number): boolean {
  return MAP_LABEL_SIZE * zoom >= MAP_MIN_LABEL_PX;
}

const bandLabel = (b: { label: string; labelZh: string }, lang: Lang) => (lang === "zh" ? b.labelZh : b.label);

export function mapElements(map: GraphMap, lang: Lang): ElementDefinition[] {
  const bands: ElementDefinition[] = [
    ...map.rows.map((r, i) => ({
      group: "nodes" as const,
      classes: i % 2 ? "band row odd" : "band row",
      data: { id: `band:${r.id}`, label: bandLabel(r, lang), width: r.width + 80, height: r.height + 40 },
      position: { x: r.x + r.width / 2, y: r.y + r.height / 2 },
    })),
    ...map.columns.map((c) => ({
      group: "nodes" as const,
      classes: "band column",
      data: { id: `band:${c.id}`, label: bandLabel(c, lang), width: c.width, height: c.height + 80 },
      position: { x: c.x + c.width / 2, y: c.y + c.height / 2 },
    })),
  ];
  const nodes: ElementDefinition[] = map.nodes.map((n) => ({
    group: "nodes",
    classes: "entity",
    data: { id: n.id, kind: n.kind, label: lang === "zh" && n.nameZh ? n.nameZh : n.name },
    position: { x: n.x, y: n.y },
  }));
  const edges: ElementDefinition[] = map.edges.map((e) => ({
    group: "edges",
    data: { id: `rel:${e.id}`, source: e.from, target: e.to, type: e.type },
    classes: e.status.toLowerCase(),
  }));
  return [...bands, ...nodes, ...edges];
}

const FONT = '"Inter", "Segoe UI", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", system-ui, sans-serif';

export function mapStyle(ontology: OntologyInfo): StylesheetJson {
  const style: StylesheetJson = [
    { selector: "*", style: { "z-index-compare": "manual" } },
    {
      selector: "node.entity",
      style: {
        width: 12,
        height: 12,
        "background-color": "#8a94a6",
        label: "data(label)",
        "font-family": FONT,
        "font-size": MAP_LABEL_SIZE,
        "min-zoomed-font-size": MAP_MIN_LABEL_PX,
        color: "#1d2433",
        "text-valign": "bottom",
        "text-margin-y": 2,
        "text-max-width": "90px",
        "text-wrap": "ellipsis",
        "z-index": 10,
      },
    },
    {
      selector: "node.band",
      style: {
        shape: "rectangle",
        width: "data(width)",
        height: "data(height)",
        "background-opacity": 0,
        "border-width": 0,
        events: "no",
        label: "data(label)",
        "font-family": FONT,
        "font-weight": 700,
        color: "#4a5468",
        "z-index": 0,
      },
    },
    {
      selector: "node.band.row",
      style: {
        "background-color": "#dfe6f0",
        "font-size": 40,
        "text-halign": "left",
        "text-valign": "center",
        "text-margin-x": -16,
        "text-wrap": "wrap",
        "text-max-width": "320px",
        "text-justification": "right",
      },
    },
    { selector: "node.band.row.odd", style: { "background-opacity": 0.35 } },
    {
      selector: "node.band.column",
      style: { "border-width": 3, "border-color": "#c3ccd9", "border-style": "dashed", "font-size": 64, "text-valign": "top", "text-margin-y": -12 },
    },
    { selector: "edge", style: { "curve-style": "haystack", width: 1, "line-color": "#9aa4b5", opacity: 0.35, "z-index": 1 } },
    { selector: "edge.claimed, edge.disputed", style: { "line-style": "dashed" } },
    { selector: "node.entity:selected", style: { "border-width": 3, "border-color": "#1d2433", "z-index": 20 } },
  ];
  for (const k of ontology.kinds)
    style.push({ selector: `node.entity[kind = "${k.kind}"]`, style: { "background-color": k.colour, shape: nodeShape(k.shape) as "ellipse" } });
  for (const t of ontology.relationTypes) style.push({ selector: `edge[type = "${t.type}"]`, style: { "line-color": t.colour } });
  return style;
}
