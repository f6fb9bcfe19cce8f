/**
 * The front-page map's Cytoscape elements and style (pure: tested without a browser): the entities
 * at the server's positions (Query.map) in their ontology colours and shapes, and the bands'
 * names. The band rectangles and the relations are painted beneath them (mapUnderlay.ts).
 *
 * Drawn for speed, a thousand entities at once: each entity carries its own colour and shape (one
 * style rule instead of one per kind), and names are not part of the first drawing at all:
 * Cytoscape measures every label it has, drawn or not, so a name is given only to the entities in
 * view once the reader zooms in far enough to read it (drawMap.ts adds the `named` class), already
 * shortened so that nothing is measured letter by letter.
 */
import type { ElementDefinition, StylesheetJson } from "cytoscape";
import type { GraphMap } from "../api/documents.js";
import type { OntologyInfo } from "../api/types.js";
import type { Lang } from "../state/view.js";
import { columnRect, rowRect } from "./mapUnderlay.js";
import { nodeShape } from "./style.js";

/** Entity label size in map units, and the smallest on-screen size at which it is drawn. */
export const MAP_LABEL_SIZE = 10;
export const MAP_MIN_LABEL_PX = 8;
/** A name longer than this many columns (a CJK character counts two) is cut with an ellipsis. */
export const MAP_LABEL_COLUMNS = 18;

/** Whether entity labels are drawn at this zoom (Cytoscape's min-zoomed-font-size rule). */
export function mapLabelsShown(zoom: number): boolean {
  return MAP_LABEL_SIZE * zoom >= MAP_MIN_LABEL_PX;
}

/** A name cut to at most MAP_LABEL_COLUMNS columns, ellipsis included, so labels stay about 90 map units wide. */
export function mapShortLabel(text: string, columns = MAP_LABEL_COLUMNS): string {
  const chars = [...text];
  const width = (ch: string) => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1);
  if (chars.reduce((n, ch) => n + width(ch), 0) <= columns) return text;
  let used = 1;
  let out = "";
  for (const ch of chars) {
    used += width(ch);
    if (used > columns) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Room the row names take left of the rows (their widest, wrapped), and the side names above the sides, in map units. */
const ROW_NAME_ROOM = 16 + 320;
const SIDE_NAME_ROOM = 12 + 64 * 1.25;

/**
 * The view that shows the whole map with its band names in a width × height box (what Cytoscape's
 * fit would give, without measuring a single label first).
 */
export function mapViewport(map: GraphMap, width: number, height: number, padding: number): { zoom: number; pan: { x: number; y: number } } {
  const { x1, x2, y1, y2 } = mapBounds(map);
  if (!Number.isFinite(x1 + x2 + y1 + y2) || width <= 0 || height <= 0) return { zoom: 1, pan: { x: 0, y: 0 } };
  const zoom = Math.min((width - 2 * padding) / (x2 - x1), (height - 2 * padding) / (y2 - y1));
  return { zoom, pan: { x: (width - zoom * (x1 + x2)) / 2, y: (height - zoom * (y1 + y2)) / 2 } };
}

/** What the whole map covers, band names included, in map units (infinite when it has no bands). */
export function mapBounds(map: GraphMap): { x1: number; x2: number; y1: number; y2: number } {
  const rows = map.rows.map(rowRect);
  const sides = map.columns.map(columnRect);
  return {
    x1: Math.min(...rows.map((r) => r.x)) - ROW_NAME_ROOM,
    x2: Math.max(...rows.map((r) => r.x + r.width), ...sides.map((c) => c.x + c.width)),
    y1: Math.min(...sides.map((c) => c.y)) - SIDE_NAME_ROOM,
    y2: Math.max(...sides.map((c) => c.y + c.height), ...rows.map((r) => r.y + r.height)),
  };
}

const bandLabel = (b: { label: string; labelZh: string }, lang: Lang) => (lang === "zh" ? b.labelZh : b.label);

const FALLBACK_COLOUR = "#8a94a6";

/** The bands' names, as label-only nodes over the bands' rectangles, then the entities. */
export function mapElements(map: GraphMap, ontology: OntologyInfo, lang: Lang): ElementDefinition[] {
  return [...mapBandElements(map, lang), ...mapEntityElements(map.nodes, ontology, lang)];
}

/** The bands' names, as label-only nodes over the bands' rectangles. */
export function mapBandElements(map: GraphMap, lang: Lang): ElementDefinition[] {
  const band = (b: GraphMap["rows"][number], rect: { x: number; y: number; width: number; height: number }, classes: string): ElementDefinition => ({
    group: "nodes",
    classes,
    data: { id: `band:${b.id}`, label: bandLabel(b, lang), width: rect.width, height: rect.height },
    position: { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 },
  });
  return [...map.rows.map((r) => band(r, rowRect(r), "band row")), ...map.columns.map((c) => band(c, columnRect(c), "band column"))];
}

/** Entities at the server's positions, each carrying its kind's colour and shape and its short name. */
export function mapEntityElements(nodes: GraphMap["nodes"], ontology: OntologyInfo, lang: Lang): ElementDefinition[] {
  const kinds = new Map(ontology.kinds.map((k) => [k.kind, k]));
  return nodes.map((n) => {
    const kind = kinds.get(n.kind);
    return {
      group: "nodes",
      classes: "entity",
      data: {
        id: n.id,
        kind: n.kind,
        label: mapShortLabel(lang === "zh" && n.nameZh ? n.nameZh : n.name),
        colour: kind?.colour ?? FALLBACK_COLOUR,
        shape: nodeShape(kind?.shape ?? "ellipse"),
      },
      position: { x: n.x, y: n.y },
    };
  });
}

const FONT = '"Inter", "Segoe UI", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", system-ui, sans-serif';

export function mapStyle(): StylesheetJson {
  return [
    {
      selector: "node.entity",
      style: { width: 12, height: 12, "background-color": "data(colour)", shape: "data(shape)" as "ellipse", "z-index-compare": "manual", "z-index": 10 },
    },
    {
      selector: "node.entity.named",
      style: {
        label: "data(label)",
        "font-family": FONT,
        "font-size": MAP_LABEL_SIZE,
        "min-zoomed-font-size": MAP_MIN_LABEL_PX,
        color: "#1d2433",
        "text-valign": "bottom",
        "text-margin-y": 2,
      },
    },
    { selector: "node.entity:selected", style: { "border-width": 3, "border-color": "#1d2433", "z-index": 20 } },
    {
      selector: "node.band",
      style: {
        shape: "rectangle",
        width: "data(width)",
        height: "data(height)",
        "background-opacity": 0,
        events: "no",
        label: "data(label)",
        "font-family": FONT,
        "font-weight": 700,
        color: "#4a5468",
        "z-index-compare": "manual",
        "z-index": 0,
      },
    },
    {
      selector: "node.row",
      style: {
        "font-size": 40,
        "text-halign": "left",
        "text-valign": "center",
        "text-margin-x": -16,
        "text-wrap": "wrap",
        "text-max-width": "320px",
        "text-justification": "right",
      },
    },
    { selector: "node.column", style: { "font-size": 64, "text-valign": "top", "text-margin-y": -12 } },
  ];
}
