/** The path finder: shortest paths from A to B, listed in words and highlighted on the canvas. */
import { useEffect, useState } from "react";
import type { EntityCore, OntologyInfo, PathResult } from "../api/types.js";
import { entityLabel, relationLabel } from "../graph/elements.js";
import { fill, useI18n } from "../i18n/index.js";
import type { PathQuery } from "../state/view.js";
import { KindSwatch } from "./Legend.js";
import { SearchBox } from "./SearchBox.js";
import "./PathFinder.css";

export interface PathFinderProps {
  ontology: OntologyInfo;
  query?: PathQuery | undefined;
  paths: PathResult[];
  entities: ReadonlyMap<string, EntityCore>;
  active?: number | undefined;
  busy: boolean;
  onFind(from: string, to: string, maxHops: number): void;
  onClear(): void;
  onHighlight(index: number | undefined): void;
  onError(error: unknown): void;
}

/** One path as sentences, each hop in its real direction: "Huawei designs Ascend 910B". */
export function pathInWords(path: PathResult, ontology: OntologyInfo, lang: "en" | "zh"): string[] {
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  return path.edges.map((edge) => {
    const from = byId.get(edge.from.id);
    const to = byId.get(edge.to.id);
    const a = from ? entityLabel(from, lang) : edge.from.id;
    const b = to ? entityLabel(to, lang) : edge.to.id;
    return `${a} ${relationLabel(edge.type, ontology, lang)} ${b}`;
  });
}

/** An end of the query: from the canvas, else from the paths found (a link opens with an empty canvas). */
function known(id: string, entities: ReadonlyMap<string, EntityCore>, paths: PathResult[]): EntityCore | undefined {
  return entities.get(id) ?? paths.flatMap((p) => p.nodes).find((n) => n.id === id);
}

export function PathFinder({ ontology, query, paths, entities, active, busy, onFind, onClear, onHighlight, onError }: PathFinderProps) {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState<EntityCore | undefined>(query ? known(query.from, entities, paths) : undefined);
  const [to, setTo] = useState<EntityCore | undefined>(query ? known(query.to, entities, paths) : undefined);
  const [maxHops, setMaxHops] = useState(query?.maxHops ?? 4);
  const [asked, setAsked] = useState(Boolean(query));

  useEffect(() => {
    if (!query) return;
    setFrom(known(query.from, entities, paths));
    setTo(known(query.to, entities, paths));
    setMaxHops(query.maxHops);
  }, [query, entities, paths]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!from || !to) return;
    setAsked(true);
    onFind(from.id, to.id, maxHops);
  };

  return (
    <div className="path-finder" data-testid="path-finder">
      <form onSubmit={submit}>
        <SearchBox
          label={t.pathFrom}
          ontology={ontology}
          keepPick
          initial={from ? entityLabel(from, lang) : ""}
          onPick={setFrom}
          onError={onError}
          testId="path-from"
        />
        <SearchBox label={t.pathTo} ontology={ontology} keepPick initial={to ? entityLabel(to, lang) : ""} onPick={setTo} onError={onError} testId="path-to" />
        <div className="path-controls">
          <label>
            <span className="field-label">{t.pathMaxHops}</span>
            <select value={maxHops} onChange={(e) => setMaxHops(Number(e.target.value))}>
              {[1, 2, 3, 4, 5, 6].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={!from || !to || busy} data-testid="path-find">
            {t.pathFind}
          </button>
          {query && (
            <button type="button" onClick={onClear}>
              {t.pathClear}
            </button>
          )}
        </div>
        {(!from || !to) && <p className="muted">{t.pathPick}</p>}
      </form>
      <div aria-live="polite" data-testid="path-results">
        {query && asked && !busy && paths.length === 0 && <p className="notice">{fill(t.pathNone, { n: query.maxHops })}</p>}
        {query && paths.length > 0 && (
          <>
            <h3>{fill(t.pathFound, { n: paths.length })}</h3>
            <ol className="paths">
              {paths.map((p, i) => (
                <li key={p.edges.map((e) => e.id).join("|")} className={active === i ? "active" : ""}>
                  <button type="button" className="path-button" aria-pressed={active === i} onClick={() => onHighlight(active === i ? undefined : i)}>
                    <span className="path-nodes">
                      {p.nodes.map((n, j) => (
                        <span key={n.id}>
                          {j > 0 && <span aria-hidden="true"> → </span>}
                          <KindSwatch kind={n.kind} ontology={ontology} size={11} /> {entityLabel(n, lang)}
                        </span>
                      ))}
                    </span>
                    <span className="count">{fill(t.pathHops, { n: p.length })}</span>
                  </button>
                  <ul className="path-words">
                    {pathInWords(p, ontology, lang).map((sentence, j) => (
                      <li key={`${p.edges[j]?.id ?? j}`}>{sentence}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}
