/**
 * Compared entities' figures, lined up: figures of one measure and one unit (dense BF16 PFLOPS,
 * power in kW) stand in one row when at least two of the compared entities have one, so that the
 * numbers can be read across; every other figure stays with its entity.
 */

/** The part of a figure the rows read: its metric's measure and unit. */
export interface MeasuredFigure {
  metric: { measure?: string | null; unit?: string | null };
}

/** One row: a measure in one unit, and each compared entity's figures of it (none: an empty cell). */
export interface FigureRow<F> {
  measure: string;
  unit: string;
  cells: F[][];
}

export interface LinedUpFigures<F> {
  rows: FigureRow<F>[];
  /** Per compared entity, in column order: its figures in no row. */
  rest: F[][];
}

/**
 * Lines up the columns' figures. Rows follow `measures` (the ontology's order: compute before power),
 * then the unit's name; a figure without a measure or unit, or whose row only its own entity would
 * fill, is left in `rest`.
 */
export function lineUpFigures<F extends MeasuredFigure>(columns: readonly (readonly F[])[], measures: readonly string[]): LinedUpFigures<F> {
  const keyOf = (f: F) => (f.metric.measure && f.metric.unit ? `${f.metric.measure}\u0000${f.metric.unit}` : undefined);
  const filled = new Map<string, Set<number>>();
  columns.forEach((figures, column) => {
    for (const f of figures) {
      const key = keyOf(f);
      if (key) filled.set(key, (filled.get(key) ?? new Set()).add(column));
    }
  });
  const shared = [...filled].filter(([, cols]) => cols.size >= 2).map(([key]) => key);
  const rank = (measure: string) => {
    const i = measures.indexOf(measure);
    return i < 0 ? measures.length : i;
  };
  const rows = shared
    .map((key) => {
      const [measure = "", unit = ""] = key.split("\u0000");
      return { key, measure, unit, cells: columns.map((figures) => figures.filter((f) => keyOf(f) === key)) };
    })
    .sort((a, b) => rank(a.measure) - rank(b.measure) || a.measure.localeCompare(b.measure) || a.unit.localeCompare(b.unit))
    .map(({ measure, unit, cells }) => ({ measure, unit, cells }));
  const inRow = new Set(shared);
  const rest = columns.map((figures) => figures.filter((f) => !inRow.has(keyOf(f) ?? "")));
  return { rows, rest };
}
