/**
 * Entity shapes, defined once: the names are Cytoscape's node shapes (the ontology names one per
 * kind), and the geometry is Cytoscape's own (its unit polygons, corner radii and barrel curves), as
 * SVG path data centred on 0,0. The legend draws it as SVG, the front-page map as canvas paths
 * (`new Path2D(data)`), and Cytoscape draws the same shapes on the working canvas. Pure: tested
 * without a browser.
 */

type Points = readonly number[];

/** Corners of a regular polygon pointing up, on the unit circle (Cytoscape's generateUnitNgonPoints), y down. */
function unitNgon(sides: number, rotation = 0): number[] {
  const step = (2 * Math.PI) / sides;
  const start = (sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2) + rotation;
  return Array.from({ length: sides }, (_, i) => [Math.cos(start + i * step), Math.sin(-(start + i * step))]).flat();
}

/** Stretched to span 2 across and 2 down, its top at -1 (Cytoscape's fitPolygonToSquare). */
function fitToSquare(points: number[]): number[] {
  const span = (odd: number) => {
    const vs = points.filter((_, i) => i % 2 === odd);
    return { min: Math.min(...vs), size: Math.max(...vs) - Math.min(...vs) };
  };
  const [x, y] = [span(0), span(1)];
  return points.map((v, i) => (i % 2 === 0 ? (v * 2) / x.size : (v * 2) / y.size - (y.min * 2) / y.size - 1));
}

const ngon = (sides: number) => fitToSquare(unitNgon(sides));

/** Cytoscape's star: five outer corners and five inner ones at 0.6 of the radius, fitted to the square. */
function star(): number[] {
  const [outer, inner] = [unitNgon(5), unitNgon(5, Math.PI / 5)];
  const r = 0.5 * (3 - Math.sqrt(5)) * 1.57;
  return fitToSquare(
    Array.from({ length: 5 }, (_, i) => [outer[2 * i], outer[2 * i + 1], r * (inner[2 * i] as number), r * (inner[2 * i + 1] as number)] as number[]).flat(),
  );
}

const SQUARE = [-1, -1, 1, -1, 1, 1, -1, 1];
const DIAMOND = [0, 1, 1, 0, 0, -1, -1, 0];
const TAG = [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1];

/** Straight-edged shapes: their corners in the square -1..1 (y down). */
const POLYGONS: Record<string, Points> = {
  triangle: ngon(3),
  rectangle: SQUARE,
  diamond: DIAMOND,
  pentagon: ngon(5),
  hexagon: ngon(6),
  heptagon: ngon(7),
  octagon: ngon(8),
  star: star(),
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  "right-rhomboid": [-0.333, -1, 1, -1, 0.333, 1, -1, 1],
  "concave-hexagon": [-1, -0.95, -0.75, 0, -1, 0.95, 1, 0.95, 0.75, 0, 1, -0.95],
  tag: TAG,
};

/** Shapes with rounded corners: the polygon they round. */
const ROUNDED: Record<string, Points> = {
  "round-triangle": POLYGONS.triangle as Points,
  "round-rectangle": SQUARE,
  "round-diamond": DIAMOND,
  "round-pentagon": POLYGONS.pentagon as Points,
  "round-hexagon": POLYGONS.hexagon as Points,
  "round-heptagon": POLYGONS.heptagon as Points,
  "round-octagon": POLYGONS.octagon as Points,
  "round-tag": TAG,
};

/** Node shapes drawn the same by Cytoscape, the map and the legend; an ontology shape outside this list is drawn as an ellipse. */
export const NODE_SHAPES: ReadonlySet<string> = new Set([
  "ellipse",
  ...Object.keys(POLYGONS),
  ...Object.keys(ROUNDED),
  "cut-rectangle",
  "barrel",
  "bottom-round-rectangle",
]);

export function nodeShape(shape: string): string {
  return NODE_SHAPES.has(shape) ? shape : "ellipse";
}

const num = (v: number) => String(Math.round(v * 1000) / 1000);
const pt = (x: number, y: number) => `${num(x)} ${num(y)}`;

/** Corners at (x, y) pairs, each rounded off `radius` along both its edges (a quadratic curve, as round as Cytoscape's arc at these sizes). */
function polygonPath(corners: number[], radius = 0): string {
  const n = corners.length / 2;
  const at = (i: number) => [corners[((i + n) % n) * 2] as number, corners[((i + n) % n) * 2 + 1] as number] as const;
  if (radius <= 0) return `M${Array.from({ length: n }, (_, i) => pt(...at(i))).join("L")}Z`;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const [[px, py], [x, y], [nx, ny]] = [at(i - 1), at(i), at(i + 1)];
    const [la, lb] = [Math.hypot(px - x, py - y), Math.hypot(nx - x, ny - y)];
    const d = Math.min(radius, la / 2, lb / 2);
    const from = pt(x + ((px - x) * d) / la, y + ((py - y) * d) / la);
    parts.push(`${i === 0 ? "M" : "L"}${from}Q${pt(x, y)} ${pt(x + ((nx - x) * d) / lb, y + ((ny - y) * d) / lb)}`);
  }
  return `${parts.join("")}Z`;
}

const scaled = (points: Points, half: number) => points.map((v) => v * half);

/**
 * SVG path data for a shape `size` wide and high, centred on 0,0 (an unknown shape: an ellipse).
 * Corner radii follow Cytoscape's: a quarter of the size for round rectangles, a tenth for other
 * round shapes, never over 8; a cut rectangle's corners are cut a sixth of the size (Cytoscape
 * cuts 8 units whatever the size, which folds a shape smaller than 16 onto itself).
 */
export function shapePath(shape: string, size: number): string {
  const h = size / 2;
  const name = nodeShape(shape);
  const polygon = POLYGONS[name];
  if (polygon) return polygonPath(scaled(polygon, h));
  const rounded = ROUNDED[name];
  if (rounded) return polygonPath(scaled(rounded, h), name === "round-rectangle" ? Math.min(size / 4, 8) : Math.min(size / 10, 8));
  if (name === "cut-rectangle") {
    const c = size / 6;
    return polygonPath([-h + c, -h, h - c, -h, h, -h + c, h, h - c, h - c, h, -h + c, h, -h, h - c, -h, -h + c]);
  }
  if (name === "bottom-round-rectangle") {
    const r = Math.min(size / 4, 8);
    return `M${pt(-h, -h)}L${pt(h, -h)}L${pt(h, h - r)}Q${pt(h, h)} ${pt(h - r, h)}L${pt(-h + r, h)}Q${pt(-h, h)} ${pt(-h, h - r)}Z`;
  }
  if (name === "barrel") {
    // Cytoscape's barrel: sides bowed in by curves 5% of the height tall and a quarter of the width wide.
    const [dh, dw] = [Math.min(15, 0.05 * size), Math.min(100, 0.25 * size)];
    const c = 0.05 * dw;
    return (
      `M${pt(-h, -h + dh)}L${pt(-h, h - dh)}Q${pt(-h + c, h)} ${pt(-h + dw, h)}L${pt(h - dw, h)}Q${pt(h - c, h)} ${pt(h, h - dh)}` +
      `L${pt(h, -h + dh)}Q${pt(h - c, -h)} ${pt(h - dw, -h)}L${pt(-h + dw, -h)}Q${pt(-h + c, -h)} ${pt(-h, -h + dh)}Z`
    );
  }
  return `M${pt(h, 0)}A${pt(h, h)} 0 1 1 ${pt(-h, 0)}A${pt(h, h)} 0 1 1 ${pt(h, 0)}Z`;
}
