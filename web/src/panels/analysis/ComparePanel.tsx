/**
 * The compare tray and two to four entities side by side (compare(ids)): attributes, figures with who
 * reports them and their status, the links they share and the ones they do not.
 */
import { type Comparison, fetchComparison, fetchEntityDetail } from "../../api/documents.js";
import type { EntityDetail, OntologyInfo } from "../../api/types.js";
import { useExplorer } from "../../app/explorer.js";
import { entityLabel, kindLabel, relationLabel } from "../../graph/elements.js";
import { fill, useI18n } from "../../i18n/index.js";
import { COMPARE_MIN } from "../../state/view.js";
import { attributeLabel, attributeText } from "../attribute-labels.js";
import { CompareFigures } from "./CompareFigures.js";
import { AnalysisState, EntityButton } from "./common.js";
import { useAnalysis } from "./useAnalysis.js";
import "./analysis.css";

const OWN_SHOWN = 8;

export function ComparePanel() {
  const { atlas } = useExplorer();
  const { t, lang } = useI18n();
  const { view, store, ontology } = atlas;
  const ids = view.compare;
  const ready = ids.length >= COMPARE_MIN;
  const key = ready ? ids.join(",") : undefined;
  const comparison = useAnalysis(key && `compare|${key}`, (signal) => fetchComparison(ids, signal));
  const details = useAnalysis(key && ontology ? `compare-details|${key}` : undefined, async () => {
    const rows = await Promise.all(
      ids.map(async (id) => {
        const cached = store.details.get(id);
        if (cached) return cached;
        const fetched = ontology ? await fetchEntityDetail(id, ontology) : null;
        if (fetched) store.details.set(id, fetched);
        return fetched;
      }),
    );
    return rows.filter((d): d is EntityDetail => Boolean(d));
  });
  if (!ontology) return null;
  const named = (id: string) => {
    const e = comparison.data?.entities.find((c) => c.entity.id === id)?.entity ?? store.entities.get(id);
    return e ? entityLabel(e, lang) : id;
  };
  return (
    <section className="analysis" aria-labelledby="compare-title" data-testid="compare-panel">
      <h2 id="compare-title">{t.compareTitle}</h2>
      <p className="muted">{t.compareIntro}</p>
      {ids.length > 0 && (
        <>
          <ul className="compare-tray" aria-label={t.compareTray} data-testid="compare-tray">
            {ids.map((id) => (
              <li key={id}>
                <span>{named(id)}</span>
                <button
                  type="button"
                  className="tray-remove"
                  onClick={() => atlas.actions.removeFromCompare(id)}
                  aria-label={fill(t.compareRemove, { name: named(id) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={atlas.actions.clearCompare} data-testid="compare-clear">
            {t.compareClear}
          </button>
        </>
      )}
      {!ready && ids.length > 0 && <p className="notice">{t.compareNeedMore}</p>}
      {ready && <AnalysisState analysis={comparison} />}
      {ready && comparison.data && <CompareTable comparison={comparison.data} details={details.data ?? []} ontology={ontology} />}
    </section>
  );
}

function CompareTable({ comparison, details, ontology }: { comparison: Comparison; details: EntityDetail[]; ontology: OntologyInfo }) {
  const { t, lang, country } = useI18n();
  const columns = comparison.entities;
  const detailOf = new Map(details.map((d) => [d.id, d]));
  const attributeNames = [
    ...new Set(columns.flatMap((c) => ontology.kinds.find((k) => k.kind === c.entity.kind)?.attributes?.map((a) => a.name) ?? [])),
  ].filter((name) => columns.some((c) => detailOf.get(c.entity.id)?.[name] != null));
  const sharedIds = new Set(
    comparison.shared.flatMap((s) =>
      columns.flatMap((c) =>
        c.relations
          .filter(
            (r) =>
              r.type === s.relationType &&
              (s.direction === "OUT" ? r.from.id === c.entity.id && r.to.id === s.other.id : r.to.id === c.entity.id && r.from.id === s.other.id),
          )
          .map((r) => r.id),
      ),
    ),
  );
  const linkLabel = (type: string, direction: string, other: string) =>
    fill(direction === "OUT" ? t.compareLinkOut : t.compareLinkIn, { type: relationLabel(type, ontology, lang), other });
  return (
    <>
      <div className="table-scroll">
        <table className="analysis-table compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">{t.compareAttribute}</th>
              {columns.map((c) => (
                <th scope="col" key={c.entity.id}>
                  <EntityButton entity={c.entity} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.kind}</th>
              {columns.map((c) => (
                <td key={c.entity.id}>{kindLabel(c.entity.kind, ontology, lang)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t.country}</th>
              {columns.map((c) => (
                <td key={c.entity.id}>{country(c.entity.country) || "—"}</td>
              ))}
            </tr>
            {attributeNames.map((name) => (
              <tr key={name}>
                {/* Named as the first entity that has it names it (the same name has one meaning across kinds). */}
                <th scope="row">{attributeLabel(ontology, columns.find((c) => detailOf.get(c.entity.id)?.[name] != null)?.entity.kind ?? "", name, lang)}</th>
                {columns.map((c) => {
                  const value = detailOf.get(c.entity.id)?.[name];
                  return <td key={c.entity.id}>{value == null ? "—" : attributeText(ontology, c.entity.kind, name, value, lang, t)}</td>;
                })}
              </tr>
            ))}
            <CompareFigures columns={columns} ontology={ontology} />
          </tbody>
        </table>
      </div>
      <section aria-labelledby="compare-shared" className="analysis-section">
        <h3 id="compare-shared">{t.compareShared}</h3>
        {comparison.shared.length === 0 ? (
          <p className="notice">{t.compareSharedNone}</p>
        ) : (
          <div className="table-scroll">
            <table className="analysis-table" data-testid="compare-shared">
              <thead>
                <tr>
                  <th scope="col">{t.relations}</th>
                  {columns.map((c) => (
                    <th scope="col" key={c.entity.id}>
                      {entityLabel(c.entity, lang)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.shared.map((s) => {
                  const has = new Set(s.entities.map((e) => e.id));
                  return (
                    <tr key={`${s.relationType}|${s.direction}|${s.other.id}`}>
                      <th scope="row">{linkLabel(s.relationType, s.direction, entityLabel(s.other, lang))}</th>
                      {columns.map((c) => (
                        <td key={c.entity.id} className={has.has(c.entity.id) ? "has" : "lacks"}>
                          {has.has(c.entity.id) ? `✓ ${t.compareHas}` : `✗ ${t.compareLacks}`}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="compare-own" className="analysis-section">
        <h3 id="compare-own">{t.compareOwn}</h3>
        <ul className="compare-own">
          {columns.map((c) => {
            const own = c.relations.filter((r) => !sharedIds.has(r.id));
            return (
              <li key={c.entity.id}>
                <strong>{entityLabel(c.entity, lang)}</strong>
                <ul>
                  {own.slice(0, OWN_SHOWN).map((r) => {
                    const out = r.from.id === c.entity.id;
                    const otherId = out ? r.to.id : r.from.id;
                    return <li key={r.id}>{linkLabel(r.type, out ? "OUT" : "IN", nameOf(otherId))}</li>;
                  })}
                  {own.length > OWN_SHOWN && <li className="muted">{fill(t.compareMore, { n: own.length - OWN_SHOWN })}</li>}
                  {own.length === 0 && <li className="muted">{t.none}</li>}
                </ul>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );

  function nameOf(id: string): string {
    const d = detailOf.get(id);
    if (d) return entityLabel(d, lang);
    for (const det of details) {
      const r = det.relations.find((x) => x.from.id === id || x.to.id === id);
      if (r) return entityLabel(r.from.id === id ? r.from : r.to, lang);
    }
    return id;
  }
}
