/**
 * The compare table's figures: one row per measure and unit that two or more of the compared
 * entities have (read across: 300 against 180 PFLOPS; 0.458 against 7.865 billion USD, the first
 * published as 458 million), then each entity's other figures.
 */
import type { Comparison } from "../../api/documents.js";
import type { OntologyInfo } from "../../api/types.js";
import { fill, useI18n } from "../../i18n/index.js";
import { attributeValue, capital } from "../attribute-labels.js";
import { EntityButton, EntityList } from "./common.js";
import { type FigureInRow, type FigureRow, figureInRow, lineUpFigures } from "./figureRows.js";

type Column = Comparison["entities"][number];
type Figure = Column["figures"][number];
type Metric = Figure["metric"] & { value?: number | null; unit?: string | null; asOf?: string | null; measure?: string | null };

export function CompareFigures({ columns, ontology }: { columns: readonly Column[]; ontology: OntologyInfo }) {
  const { t, lang } = useI18n();
  const measures =
    ontology.kinds
      .find((k) => k.kind === "METRIC")
      ?.attributes?.find((a) => a.name === "measure")
      ?.valueLabels?.map((v) => v.value) ?? [];
  const { rows, rest } = lineUpFigures(
    columns.map((c) => c.figures as (Figure & { metric: Metric })[]),
    measures,
  );
  // A measure's first row is compare-measure-<measure>; its next ones add -2, -3…
  const testIds = rows.map((row, i) => {
    const before = rows.slice(0, i).filter((r) => r.measure === row.measure).length;
    return `compare-measure-${row.measure}${before ? `-${before + 1}` : ""}`;
  });
  return (
    <>
      {rows.map((row, r) => (
        <tr key={`${row.measure}|${row.unit}`} data-testid={testIds[r]}>
          <th scope="row">
            {capital(attributeValue(ontology, "METRIC", "measure", row.measure, lang))}
            <span className="figure-unit">{row.unit}</span>
          </th>
          {row.cells.map((figures, i) => (
            <td key={columns[i]?.entity.id}>{figures.length === 0 ? "—" : <FigureList figures={figures} row={row} />}</td>
          ))}
        </tr>
      ))}
      <tr>
        <th scope="row">{rows.length ? t.compareOtherFigures : t.compareFigures}</th>
        {columns.map((c, i) => (
          <td key={c.entity.id} data-testid={`compare-figures-${c.entity.id}`}>
            {rest[i]?.length ? <FigureList figures={rest[i]} /> : <span className="muted">{t.compareNoFigures}</span>}
          </td>
        ))}
      </tr>
    </>
  );
}

/**
 * Figures as lines: the figure's name (outside a row; in a row the row names it), value (in a row,
 * in the row's scale, with the value as published beside it if that differs), date, status and
 * who reports it.
 */
function FigureList({ figures, row }: { figures: readonly Figure[]; row?: FigureRow<Figure & { metric: Metric }> }) {
  const { t } = useI18n();
  return (
    <ul className="figures">
      {figures.map((f) => {
        const metric = f.metric as Metric;
        const status = f.relation.status.toLowerCase() as keyof typeof t.statusNames;
        const shown: FigureInRow = row ? figureInRow(row, { metric }) : { value: metric.value ?? null, unit: metric.unit ?? "" };
        const value = `${shown.value ?? "—"} ${shown.unit}`.trim();
        return (
          <li key={f.metric.id}>
            {!row ? (
              <>
                <EntityButton entity={f.metric} />: <strong>{value}</strong>
              </>
            ) : (
              <strong>
                <EntityButton entity={f.metric} label={value} />
              </strong>
            )}
            {shown.published && <span className="muted"> {fill(t.compareAsPublished, { value: shown.published })}</span>}
            {metric.asOf && <span className="muted"> ({metric.asOf})</span>} <span className={`status status-${status}`}>{t.statusNames[status]}</span>
            {f.reportedBy.length > 0 && (
              <span className="muted">
                {" "}
                · {fill(t.compareReportedBy, { who: "" })}
                <EntityList entities={f.reportedBy} />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
