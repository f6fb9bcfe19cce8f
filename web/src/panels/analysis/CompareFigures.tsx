/**
 * The compare table's figures: one row per measure and unit that two or more of the compared
 * entities have (read across: 300 against 180 PFLOPS), then each entity's other figures.
 */
import type { Comparison } from "../../api/documents.js";
import type { OntologyInfo } from "../../api/types.js";
import { fill, useI18n } from "../../i18n/index.js";
import { attributeValue, capital } from "../attribute-labels.js";
import { EntityButton, EntityList } from "./common.js";
import { lineUpFigures } from "./figureRows.js";

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
  return (
    <>
      {rows.map((row) => (
        <tr key={`${row.measure}|${row.unit}`} data-testid={`compare-measure-${row.measure}`}>
          <th scope="row">
            {capital(attributeValue(ontology, "METRIC", "measure", row.measure, lang))}
            <span className="figure-unit">{row.unit}</span>
          </th>
          {row.cells.map((figures, i) => (
            <td key={columns[i]?.entity.id}>{figures.length === 0 ? "—" : <FigureList figures={figures} named={false} />}</td>
          ))}
        </tr>
      ))}
      <tr>
        <th scope="row">{rows.length ? t.compareOtherFigures : t.compareFigures}</th>
        {columns.map((c, i) => (
          <td key={c.entity.id} data-testid={`compare-figures-${c.entity.id}`}>
            {rest[i]?.length ? <FigureList figures={rest[i]} named /> : <span className="muted">{t.compareNoFigures}</span>}
          </td>
        ))}
      </tr>
    </>
  );
}

/** Figures as lines: the figure's name (`named`; in a row the row names it), value, date, status and who reports it. */
function FigureList({ figures, named }: { figures: readonly Figure[]; named: boolean }) {
  const { t } = useI18n();
  return (
    <ul className="figures">
      {figures.map((f) => {
        const metric = f.metric as Metric;
        const status = f.relation.status.toLowerCase() as keyof typeof t.statusNames;
        const value = `${metric.value ?? "—"} ${metric.unit ?? ""}`.trim();
        return (
          <li key={f.metric.id}>
            {named ? (
              <>
                <EntityButton entity={f.metric} />: <strong>{value}</strong>
              </>
            ) : (
              <strong>
                <EntityButton entity={f.metric} label={value} />
              </strong>
            )}
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
