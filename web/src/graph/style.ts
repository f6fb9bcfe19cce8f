/** The Cytoscape stylesheet, made from the ontology (colours and shapes of kinds and relation types). */
import type { StylesheetJson } from "cytoscape";
import type { OntologyInfo } from "../api/types.js";
import { nodeShape } from "./shapes.js";

export const LABEL_FONT = '"Inter", "Segoe UI", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", system-ui, sans-serif';

export function graphStyle(ontology: OntologyInfo): StylesheetJson {
  const style: StylesheetJson = [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-family": LABEL_FONT,
        "font-size": 11,
        "font-weight": 500,
        color: "#1d2433",
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 5,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": "2px",
        "text-background-shape": "roundrectangle",
        "text-wrap": "ellipsis",
        "text-max-width": "160px",
        width: 30,
        height: 30,
        "background-color": "#8a94a6",
        "border-width": 2,
        "border-color": "#ffffff",
        "transition-property": "opacity, border-width",
        "transition-duration": 150,
      },
    },
    { selector: "node.expanded", style: { width: 38, height: 38, "font-weight": 700 } },
    { selector: "node.pinned", style: { "border-width": 4, "border-style": "double", "border-color": "#1d2433" } },
    {
      selector: "node.selected",
      style: { "border-width": 4, "border-color": "#1d2433", "underlay-color": "#2f6fed", "underlay-opacity": 0.18, "underlay-padding": 8 },
    },
    { selector: "node:active", style: { "overlay-opacity": 0.1 } },
    {
      selector: "edge",
      style: {
        width: 1.6,
        "curve-style": "bezier",
        "line-color": "#b8bfcc",
        "target-arrow-shape": "triangle",
        "target-arrow-color": "#b8bfcc",
        "arrow-scale": 0.9,
        label: "data(label)",
        "font-family": LABEL_FONT,
        "font-size": 9,
        color: "#4a5468",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": "1px",
        "text-events": "no",
      },
    },
    { selector: "edge.reported", style: { width: 1.3 } },
    { selector: "edge.claimed", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
    { selector: "edge.disputed", style: { "line-style": "dashed", "line-dash-pattern": [2, 3], width: 2 } },
  ];
  for (const k of ontology.kinds) {
    style.push({ selector: `node[kind = "${k.kind}"]`, style: { "background-color": k.colour, shape: nodeShape(k.shape) as "ellipse" } });
  }
  for (const t of ontology.relationTypes) {
    style.push({
      selector: `edge[type = "${t.type}"]`,
      style: { "line-color": t.colour, "target-arrow-color": t.colour, ...(t.symmetric ? { "target-arrow-shape": "none" as const } : {}) },
    });
  }
  style.push(
    { selector: ".faded", style: { opacity: 0.22 } },
    { selector: "node.on-path", style: { "underlay-color": "#f5b700", "underlay-opacity": 0.45, "underlay-padding": 9, "z-index": 10 } },
    { selector: "edge.on-path", style: { width: 4, "underlay-color": "#f5b700", "underlay-opacity": 0.45, "underlay-padding": 4, "z-index": 10 } },
    { selector: "edge:selected", style: { width: 3.5 } },
  );
  return style;
}
