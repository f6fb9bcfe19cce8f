/**
 * Compared entities' figures, lined up: figures of one measure in one base unit (watts with watts,
 * dollars with dollars, FLOPS with FLOPS) stand in one row when at least two of the compared
 * entities have one, so that the numbers can be read across. A row's values stand in one scale
 * (458 million USD reads 0.458 billion USD beside 7.865 billion), with the value as published
 * beside any that moved; a qualifier all of a row's figures share ("dense BF16") names the row,
 * otherwise each figure shows its own ("W (TDP)" beside "W (up to)"). Every other figure stays
 * with its entity.
 */
import { type ParsedUnit, parseUnit, rescale } from "./figureUnits.js";

/** The part of a figure the rows read: its metric's measure, unit and value. */
export interface MeasuredFigure {
  metric: { measure?: string | null; unit?: string | null; value?: number | null };
}

/** One row: a measure in one unit, and each compared entity's figures of it (none: an empty cell). */
export interface FigureRow<F> {
  measure: string;
  /** The row's unit: its scale and base ("billion USD"), with the qualifier its figures share ("PFLOPS (dense BF16)"). */
  unit: string;
  /** The power of ten the row's values stand in. */
  exponent: number;
  /** The unit its values are written in, without a qualifier ("billion USD"). */
  head: string;
  cells: F[][];
}

export interface LinedUpFigures<F> {
  rows: FigureRow<F>[];
  /** Per compared entity, in column order: its figures in no row. */
  rest: F[][];
}

/** A figure as a row shows it: its value in the row's scale, its unit, and as published if that differs. */
export interface FigureInRow {
  value: number | null;
  unit: string;
  /** The value and unit as the figure's page gives them, when the row shows it in another scale. */
  published?: string;
}

interface Keyed<F> {
  figure: F;
  column: number;
  unit: ParsedUnit;
  measure: string;
}

/**
 * Lines up the columns' figures. Rows follow `measures` (the ontology's order: compute before power),
 * then the base unit; a figure without a measure or unit, or whose row only its own entity would
 * fill, is left in `rest`.
 */
export function lineUpFigures<F extends MeasuredFigure>(columns: readonly (readonly F[])[], measures: readonly string[]): LinedUpFigures<F> {
  const groups = new Map<string, Keyed<F>[]>();
  columns.forEach((figures, column) => {
    for (const figure of figures) {
      const { measure, unit } = figure.metric;
      if (!measure || !unit) continue;
      const keyed = { figure, column, unit: parseUnit(unit), measure };
      const key = `${measure}\u0000${keyed.unit.base}`;
      groups.set(key, [...(groups.get(key) ?? []), keyed]);
    }
  });
  const rank = (measure: string) => {
    const i = measures.indexOf(measure);
    return i < 0 ? measures.length : i;
  };
  const rows = [...groups.values()]
    .filter((group) => new Set(group.map((k) => k.column)).size >= 2)
    .sort((a, b) => {
      const [x, y] = [a[0] as Keyed<F>, b[0] as Keyed<F>];
      return rank(x.measure) - rank(y.measure) || x.measure.localeCompare(y.measure) || x.unit.base.localeCompare(y.unit.base);
    })
    .map((group) => row(group, columns.length));
  const inRow = new Set(rows.flatMap((r) => r.cells.flat()));
  const rest = columns.map((figures) => figures.filter((f) => !inRow.has(f)));
  return { rows, rest };
}

/** A figure in its row: the value in the row's scale, the row's unit with the figure's own qualifier. */
export function figureInRow(row: FigureRow<MeasuredFigure>, figure: MeasuredFigure): FigureInRow {
  const { value } = figure.metric;
  const unit = figure.metric.unit ?? "";
  const parsed = parseUnit(unit);
  if (parsed.exponent === row.exponent || value == null) return { value: value ?? null, unit };
  return {
    value: rescale(value, parsed.exponent, row.exponent),
    unit: parsed.qualifier ? `${row.head} (${parsed.qualifier})` : row.head,
    published: `${value} ${unit}`,
  };
}

/** A row from its figures: the scale most of them use (the larger on a tie), written as they write it. */
function row<F extends MeasuredFigure>(group: readonly Keyed<F>[], columnCount: number): FigureRow<F> {
  const exponent = mostCommon(
    group.map((k) => k.unit.exponent),
    (a, b) => b - a,
  );
  const head = mostCommon(
    group.filter((k) => k.unit.exponent === exponent).map((k) => k.unit.head),
    (a, b) => a.localeCompare(b),
  );
  const qualifiers = new Set(group.map((k) => k.unit.qualifier));
  const [shared] = qualifiers.size === 1 ? [...qualifiers] : [""];
  const cells = Array.from({ length: columnCount }, (_, column) => group.filter((k) => k.column === column).map((k) => k.figure));
  return { measure: (group[0] as Keyed<F>).measure, unit: shared ? `${head} (${shared})` : head, exponent, head, cells };
}

/** The value that occurs most often; among equals, the first in `order`. */
function mostCommon<T>(values: readonly T[], order: (a: T, b: T) => number): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [best] = [...counts].sort(([a, ca], [b, cb]) => cb - ca || order(a, b));
  if (!best) throw new Error("mostCommon of nothing");
  return best[0];
}
