/** Inputs ranked as chokepoints, in a scope: the whole graph, a country's needs, or the selection's supply tree. */
import { fetchChokepoints } from "../../api/documents.js";
import { useExplorer } from "../../app/explorer.js";
import { entityLabel, relationLabel } from "../../graph/elements.js";
import { fill, useI18n } from "../../i18n/index.js";
import { STOP_COUNTRIES } from "../../state/view.js";
import { AnalysisState, EntityButton, useAsOfDay, useSelectedEntity } from "./common.js";
import { useAnalysis } from "./useAnalysis.js";
import "./analysis.css";

export function ChokepointsPanel() {
  const { atlas } = useExplorer();
  const { t, lang, country } = useI18n();
  const { view, ontology } = atlas;
  const asOf = useAsOfDay();
  const { entity: selected } = useSelectedEntity();
  const scopeChoice = view.chokeScope === "entity" && !selected ? undefined : view.chokeScope;
  const scope = scopeChoice === "entity" ? selected?.id : scopeChoice;
  const ranking = useAnalysis(`chokepoints|${scope ?? ""}|${asOf ?? ""}`, (signal) => fetchChokepoints(scope, asOf, signal));
  if (!ontology) return null;
  return (
    <section className="analysis" aria-labelledby="choke-title" data-testid="chokepoints-panel">
      <h2 id="choke-title">{t.chokeTitle}</h2>
      <p className="muted">{t.chokeIntro}</p>
      <label className="field-label">
        {t.chokeScope}
        <select value={scopeChoice ?? ""} onChange={(e) => atlas.actions.setChokeScope(e.target.value || undefined)} data-testid="choke-scope">
          <option value="">{t.chokeWhole}</option>
          <option value="entity" disabled={!selected}>
            {selected ? fill(t.chokeEntityOf, { name: entityLabel(selected, lang) }) : t.chokeEntity}
          </option>
          {STOP_COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {fill(t.chokeCountry, { country: country(c) })}
            </option>
          ))}
        </select>
      </label>
      <AnalysisState analysis={ranking} />
      {ranking.data &&
        (ranking.data.length === 0 ? (
          <p className="notice">{t.chokeNone}</p>
        ) : (
          <table className="analysis-table" data-testid="chokepoints">
            <thead>
              <tr>
                <th scope="col">{t.colRank}</th>
                <th scope="col">{t.colInput}</th>
                <th scope="col">{t.colScore}</th>
                <th scope="col">{t.colLeftWithout}</th>
                <th scope="col">{t.colDependents}</th>
                <th scope="col">{t.colProviders}</th>
                <th scope="col">{t.colCountries}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.data.map((c, i) => (
                <tr key={`${c.input.id}|${c.relationType}`}>
                  <td>{i + 1}</td>
                  <th scope="row">
                    <EntityButton entity={c.input} />
                    <span className="muted small"> {relationLabel(c.relationType, ontology, lang)}</span>
                  </th>
                  <td>{Number(c.score.toFixed(2))}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => atlas.actions.bringIn(c.input.id, "loss")}
                      title={fill(t.lossTitle, { name: entityLabel(c.input, lang) })}
                      data-testid="choke-loss"
                    >
                      {c.leftWithout}
                    </button>
                  </td>
                  <td>{c.dependents}</td>
                  <td>
                    {c.providers.map((p, j) => (
                      <span key={p.entity.id}>
                        {j > 0 && ", "}
                        <EntityButton entity={p.entity} />
                        {p.share != null && <span className="muted"> {p.share}%</span>}
                      </span>
                    ))}
                  </td>
                  <td>{c.countries.map((code) => country(code)).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
