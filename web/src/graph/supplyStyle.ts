/** The supply-chain view's stylesheet: shapes by kind (the ontology), colours by country bloc, cuts in red. */
import type { StylesheetJson } from "cytoscape";
import type { OntologyInfo } from "../api/types.js";
import { BLOC_COLOURS, BLOCS } from "./blocs.js";
import { nodeShape } from "./shapes.js";

const FONT = '"Inter", "Segoe UI", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", system-ui, sans-serif';
export const CUT_COLOUR = "#c1121f";

export function supplyStyle(ontology: OntologyInfo): StylesheetJson {
  const style: StylesheetJson = [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-family": FONT,
        "font-size": 11,
        color: "#1d2433",
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": "wrap",
        "text-max-width": "130px",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": "2px",
        width: 26,
        height: 26,
        "border-width": 2,
        "border-color": "#ffffff",
        "background-color": BLOC_COLOURS.none,
      },
    },
    ...BLOCS.map((b) => ({ selector: `node.bloc-${b}`, style: { "background-color": BLOC_COLOURS[b] } })),
    { selector: "node.root", style: { width: 36, height: 36, "font-weight": 700 } },
    { selector: "node.selected", style: { "border-width": 4, "border-color": "#1d2433" } },
    {
      selector: "node.junction",
      style: {
        shape: "round-rectangle",
        width: 12,
        height: 12,
        "background-color": "#ffffff",
        "border-width": 2,
        "border-color": "#5b6478",
        "font-size": 9,
        color: "#4a5468",
        "text-valign": "center",
        "text-halign": "right",
        "text-margin-x": 4,
        "text-margin-y": 0,
      },
    },
    { selector: "node.junction.single", style: { "border-style": "dashed", "border-color": "#8a6d1f" } },
    { selector: "node.junction.degraded", style: { "border-color": "#e09f3e", "border-width": 3 } },
    { selector: "node.loses, node.junction.cut", style: { "border-width": 4, "border-style": "dashed", "border-color": CUT_COLOUR } },
    { selector: "node.rule", style: { shape: "tag", "background-color": "#7a1d2b", width: 22, height: 22, color: CUT_COLOUR, "text-max-width": "110px" } },
    {
      selector: "edge",
      style: {
        width: 1.6,
        "curve-style": "bezier",
        "line-color": "#9aa3b5",
        "target-arrow-shape": "triangle",
        "target-arrow-color": "#9aa3b5",
        "arrow-scale": 0.8,
        "font-family": FONT,
        "font-size": 9,
        color: "#4a5468",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-events": "no",
      },
    },
    // Only labelled edges map a label: a provider's line into its group has none (Cytoscape warns otherwise).
    { selector: "edge[label]", style: { label: "data(label)" } },
    { selector: "edge.provides", style: { "target-arrow-shape": "none", "line-color": "#b8bfcc" } },
    { selector: "edge.claimed, edge.disputed", style: { "line-style": "dashed" } },
    { selector: "edge.cut", style: { "line-color": CUT_COLOUR, "target-arrow-color": CUT_COLOUR, "line-style": "dashed", width: 2.5 } },
    {
      selector: "edge.restricts",
      style: { "line-color": CUT_COLOUR, "target-arrow-color": CUT_COLOUR, "target-arrow-shape": "tee", width: 2.5, color: CUT_COLOUR },
    },
  ];
  for (const k of ontology.kinds) {
    style.splice(1, 0, { selector: `node.entity[kind = "${k.kind}"]`, style: { shape: nodeShape(k.shape) as "ellipse" } });
  }
  return style;
}
