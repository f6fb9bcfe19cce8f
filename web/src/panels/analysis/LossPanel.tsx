/**
 * What would be left without the selected entity if it were lost: the products that would fail and
 * the organisations that would lose an input, nearest first, each with the path of losses to it.
 */
import { fetchLoss } from "../../api/documents.js";
import { entityLabel } from "../../graph/elements.js";
import { fill, useI18n } from "../../i18n/index.js";
import { AnalysisState, AsOfLine, OnSelection, PathTable, useAsOfDay } from "./common.js";
import { useAnalysis } from "./useAnalysis.js";
import "./analysis.css";

export function LossPanel() {
  const { t, lang } = useI18n();
  return (
    <OnSelection pick={t.lossPick} testId="loss-empty">
      {(id, entity) => <LossList id={id} name={entityLabel(entity, lang)} />}
    </OnSelection>
  );
}

function LossList({ id, name }: { id: string; name: string }) {
  const { t } = useI18n();
  const asOf = useAsOfDay();
  const loss = useAnalysis(`loss|${id}|${asOf ?? ""}`, (signal) => fetchLoss(id, asOf, signal));
  const data = loss.data;
  return (
    <section className="analysis" aria-labelledby="loss-title" data-testid="loss">
      <h2 id="loss-title">{fill(t.lossTitle, { name })}</h2>
      <AsOfLine />
      <p className="muted">{t.lossIntro}</p>
      <AnalysisState analysis={loss} />
      {data &&
        (data.total === 0 ? (
          <p className="notice" data-testid="loss-nothing">
            {t.lossNothing}
          </p>
        ) : (
          <>
            <p data-testid="loss-count">{fill(t.lossCount, { total: data.total, failing: data.failing })}</p>
            <PathTable
              testId="loss-table"
              rows={data.leftWithout.map((l) => ({
                entity: l.entity,
                note: l.fails ? t.lossFails : t.lossOrganisation,
                distance: String(l.distance),
                path: l.path,
              }))}
            />
            {data.total > data.leftWithout.length && <p className="muted">{fill(t.lossMore, { n: data.total - data.leftWithout.length })}</p>}
          </>
        ))}
    </section>
  );
}
