/** The current view as tables: every entity and relation on the canvas, for screen readers and scanning. */
import type { OntologyInfo } from "../api/types.js";
import { entityLabel, kindLabel, relationLabel } from "../graph/elements.js";
import { fill, useI18n } from "../i18n/index.js";
import type { VisibleGraph } from "../state/view.js";
import { KindSwatch } from "./Legend.js";
import "./ListView.css";

export function ListView({
  graph,
  ontology,
  selected,
  onSelect,
}: {
  graph: VisibleGraph;
  ontology: OntologyInfo;
  selected?: string | undefined;
  onSelect(id: string): void;
}) {
  const { t, lang, country } = useI18n();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const e = byId.get(id);
    return e ? entityLabel(e, lang) : id;
  };
  return (
    <div className="list-view" data-testid="list-view">
      <table>
        <caption>{fill(t.listNodes, { n: graph.nodes.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colName}</th>
            <th scope="col">{lang === "zh" ? "English" : t.colNameZh}</th>
            <th scope="col">{t.colKind}</th>
            <th scope="col">{t.colCountry}</th>
          </tr>
        </thead>
        <tbody>
          {graph.nodes.map((e) => (
            <tr key={e.id} className={e.id === selected ? "selected" : undefined}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(e.id)} aria-current={e.id === selected ? "true" : undefined}>
                  {entityLabel(e, lang)}
                </button>
              </th>
              <td lang={lang === "zh" ? "en" : "zh-CN"}>{lang === "zh" ? e.name : (e.nameZh ?? "")}</td>
              <td>
                <KindSwatch kind={e.kind} ontology={ontology} size={12} /> {kindLabel(e.kind, ontology, lang)}
              </td>
              <td>{country(e.country)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{fill(t.listEdges, { n: graph.edges.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colFrom}</th>
            <th scope="col">{t.colRelation}</th>
            <th scope="col">{t.colTo}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col">{t.colDates}</th>
          </tr>
        </thead>
        <tbody>
          {graph.edges.map((r) => (
            <tr key={r.id}>
              <td>{name(r.from.id)}</td>
              <td>{relationLabel(r.type, ontology, lang)}</td>
              <td>{name(r.to.id)}</td>
              <td>
                <span className={`status status-${r.status}`}>{t.statusNames[r.status]}</span>
              </td>
              <td>{[r.since, r.until].some(Boolean) ? `${r.since ?? "…"} – ${r.until ?? ""}` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
