/** The visible view as JSON and as GraphML (which Gephi, yEd and NetworkX read). */
import type { OntologyInfo } from "../api/types.js";
import type { VisibleGraph } from "../state/view.js";
import { kindLabel, relationLabel } from "./elements.js";

export type Positions = Readonly<Record<string, { x: number; y: number }>>;

export function toJSONExport(graph: VisibleGraph, ontology: OntologyInfo, positions: Positions = {}, viewUrl = ""): string {
  const doc = {
    generator: "AI Ecosystem Atlas explorer",
    view: viewUrl,
    nodes: graph.nodes.map((e) => ({
      id: e.id,
      kind: e.kind,
      kindLabel: kindLabel(e.kind, ontology, "en"),
      name: e.name,
      nameZh: e.nameZh ?? null,
      aliases: e.aliases ?? [],
      country: e.country ?? null,
      ...(positions[e.id] ? { position: positions[e.id] } : {}),
    })),
    edges: graph.edges.map((r) => ({
      id: r.id,
      type: r.type,
      label: relationLabel(r.type, ontology, "en"),
      from: r.from.id,
      to: r.to.id,
      status: r.status,
      since: r.since ?? null,
      until: r.until ?? null,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Characters XML 1.0 cannot hold at all, even escaped (C0 controls but tab, newline, return; lone surrogates; U+FFFE/F). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an XML element or attribute: markup escaped, characters XML forbids removed. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

const NODE_KEYS = [
  ["label", "string"],
  ["name_zh", "string"],
  ["kind", "string"],
  ["country", "string"],
  ["x", "double"],
  ["y", "double"],
] as const;
const EDGE_KEYS = [
  ["label", "string"],
  ["type", "string"],
  ["status", "string"],
  ["since", "string"],
  ["until", "string"],
] as const;

export function toGraphML(graph: VisibleGraph, ontology: OntologyInfo, positions: Positions = {}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...EDGE_KEYS.map(([name, type]) => `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`),
    '  <graph id="atlas" edgedefault="directed">',
  ];
  const data = (key: string, value: string | number | null | undefined) =>
    value === null || value === undefined || value === "" ? "" : `<data key="${key}">${escapeXml(String(value))}</data>`;
  for (const e of graph.nodes) {
    const p = positions[e.id];
    lines.push(
      `    <node id="${escapeXml(e.id)}">${data("n_label", e.name)}${data("n_name_zh", e.nameZh)}${data("n_kind", kindLabel(e.kind, ontology, "en"))}${data("n_country", e.country)}${data("n_x", p?.x)}${data("n_y", p?.y)}</node>`,
    );
  }
  for (const r of graph.edges) {
    lines.push(
      `    <edge id="${escapeXml(r.id)}" source="${escapeXml(r.from.id)}" target="${escapeXml(r.to.id)}">${data("e_label", relationLabel(r.type, ontology, "en"))}${data("e_type", r.type)}${data("e_status", r.status)}${data("e_since", r.since)}${data("e_until", r.until)}</edge>`,
    );
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
