/**
 * Lays the whole graph out as the front-page map: each entity in its band cell (bands.ts), related
 * entities near each other. ForceAtlas2 (graphology) runs on the whole graph from band-centred
 * starting positions, with one fixed anchor per cell pulling its members home; then each cell's
 * nodes are rescaled into the cell's rectangle (half by rank, half by distance, so clumps spread
 * out and neighbourhoods keep their shape). Pure and deterministic: same graph in, same map out.
 */
import { UndirectedGraph } from "graphology";
import fa2 from "graphology-layout-forceatlas2";
import { bandOf, MAP_COLUMNS, MAP_ROWS } from "./bands.js";

export interface MapInputNode {
  id: string;
  kind: string;
  country?: string | null | undefined;
}

export interface MapInputEdge {
  from: string;
  to: string;
}

export interface MapRect {
  id: string;
  label: string;
  labelZh: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLayout {
  positions: Map<string, { x: number; y: number; row: string; column: string }>;
  rows: MapRect[];
  columns: MapRect[];
}

/** Room per entity, in map units (the explorer draws an entity about 12 units wide). */
const UNIT = 40;
const GAP = UNIT * 2;
const PAD = UNIT / 2;
const ITERATIONS = 200;
/** How strongly a cell's anchor holds its members, against their relations elsewhere. */
const ANCHOR_WEIGHT = 3;

// CommonJS with an ES-style declaration: at run time the default import is the layout itself.
const forceAtlas2 = fa2 as unknown as typeof fa2.default;

const cellKey = (row: string, column: string) => `${row}|${column}`;

/** A stable pseudo-random number in [0, 1) from a string (FNV-1a), for starting positions. */
function unitHash(text: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/** Column widths by the square root of their counts; row heights so the fullest cell has room. */
function bandRects(counts: Map<string, number>, total: number): { rows: MapRect[]; columns: MapRect[] } {
  const columnCount = (c: string) => MAP_ROWS.reduce((n, r) => n + (counts.get(cellKey(r.id, c)) ?? 0), 0);
  const weights = MAP_COLUMNS.map((c) => Math.max(Math.sqrt(columnCount(c.id)), Math.sqrt(total) * 0.25, 1));
  const width = UNIT * Math.max(Math.sqrt(total) * 2.5, 36);
  const sum = weights.reduce((a, b) => a + b, 0);
  let x = 0;
  const columns = MAP_COLUMNS.map((c, i) => {
    const w = (width * (weights[i] ?? 1)) / sum;
    const rect = { ...c, x, y: 0, width: w, height: 0 };
    x += w + GAP;
    return rect;
  });
  let y = 0;
  const rows = MAP_ROWS.map((r) => {
    const needed = Math.max(...columns.map((c) => ((counts.get(cellKey(r.id, c.id)) ?? 0) * UNIT * UNIT * 1.5) / c.width));
    const h = Math.max(needed + 2 * PAD, UNIT * 3);
    const rect = { id: r.id, label: r.label, labelZh: r.labelZh, x: 0, y, width: x - GAP, height: h };
    y += h + GAP;
    return rect;
  });
  for (const c of columns) c.height = y - GAP;
  return { rows, columns };
}

/** Places values into [lo, hi]: half by rank, half by linear rescaling. */
function spread(values: number[], lo: number, hi: number): number[] {
  if (values.length === 1) return [(lo + hi) / 2];
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const rank = new Array<number>(values.length);
  order.forEach(([, i], r) => {
    rank[i] = (r + 0.5) / values.length;
  });
  const min = order[0]?.[0] ?? 0;
  const max = order[order.length - 1]?.[0] ?? 0;
  const range = max - min || 1;
  return values.map((v, i) => lo + (hi - lo) * (0.5 * (rank[i] ?? 0.5) + 0.5 * ((v - min) / range)));
}

export function layoutMap(nodes: readonly MapInputNode[], edges: readonly MapInputEdge[]): MapLayout {
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const bands = new Map(sorted.map((n) => [n.id, bandOf(n)]));
  const counts = new Map<string, number>();
  for (const b of bands.values()) counts.set(cellKey(b.row, b.column), (counts.get(cellKey(b.row, b.column)) ?? 0) + 1);
  const { rows, columns } = bandRects(counts, sorted.length);
  const rowRect = new Map(rows.map((r) => [r.id, r]));
  const columnRect = new Map(columns.map((c) => [c.id, c]));
  const cellOf = (id: string) => {
    const b = bands.get(id);
    const r = b && rowRect.get(b.row);
    const c = b && columnRect.get(b.column);
    if (!b || !r || !c) throw new Error(`No map cell for ${id}`);
    return { ...b, x: c.x, y: r.y, width: c.width, height: r.height };
  };

  const graph = new UndirectedGraph<{ x: number; y: number; fixed?: boolean }, { weight: number }>({ allowSelfLoops: false });
  for (const n of sorted) {
    const cell = cellOf(n.id);
    graph.addNode(n.id, {
      x: cell.x + cell.width * (0.2 + 0.6 * unitHash(n.id, 1)),
      y: cell.y + cell.height * (0.2 + 0.6 * unitHash(n.id, 2)),
    });
  }
  for (const key of counts.keys()) {
    const [row, column] = key.split("|") as [string, string];
    const r = rowRect.get(row);
    const c = columnRect.get(column);
    if (r && c) graph.addNode(`\u0000${key}`, { x: c.x + c.width / 2, y: r.y + r.height / 2, fixed: true });
  }
  for (const n of sorted) {
    const b = bands.get(n.id);
    if (b) graph.addEdge(n.id, `\u0000${cellKey(b.row, b.column)}`, { weight: ANCHOR_WEIGHT });
  }
  for (const e of edges) {
    if (e.from === e.to || !graph.hasNode(e.from) || !graph.hasNode(e.to)) continue;
    graph.updateEdge(e.from, e.to, (attr) => ({ weight: (attr.weight ?? 0) + 1 }));
  }
  if (sorted.length > 1) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: sorted.length > 300, edgeWeightInfluence: 1 };
    forceAtlas2.assign(graph, { iterations: ITERATIONS, settings, getEdgeWeight: "weight" });
  }

  // Rescale each cell's members into its rectangle.
  const members = new Map<string, string[]>();
  for (const n of sorted) {
    const b = bands.get(n.id);
    if (b) (members.get(cellKey(b.row, b.column)) ?? members.set(cellKey(b.row, b.column), []).get(cellKey(b.row, b.column)))?.push(n.id);
  }
  const positions: MapLayout["positions"] = new Map();
  for (const ids of members.values()) {
    const cell = cellOf(ids[0] as string);
    const xs = spread(
      ids.map((id) => graph.getNodeAttribute(id, "x")),
      cell.x + PAD,
      cell.x + cell.width - PAD,
    );
    const ys = spread(
      ids.map((id) => graph.getNodeAttribute(id, "y")),
      cell.y + PAD,
      cell.y + cell.height - PAD,
    );
    ids.forEach((id, i) => {
      positions.set(id, { x: Math.round((xs[i] ?? 0) * 10) / 10, y: Math.round((ys[i] ?? 0) * 10) / 10, row: cell.row, column: cell.column });
    });
  }
  return { positions, rows, columns };
}
