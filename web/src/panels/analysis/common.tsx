/** What the analysis panels share: entity names that select on click, paths, loading and failure lines. */

import { Fragment, type ReactNode } from "react";
import { sayProblem } from "../../api/problem.js";
import type { EntityCore } from "../../api/types.js";
import { useExplorer } from "../../app/explorer.js";
import { monthToDay } from "../../graph/dates.js";
import { entityLabel } from "../../graph/elements.js";
import { fill, useI18n } from "../../i18n/index.js";
import type { Analysis } from "./useAnalysis.js";

interface Named {
  id: string;
  name: string;
  nameZh?: string | null;
}

/**
 * An entity's name (or `label`, with the name as its title); a click brings it onto the canvas and
 * selects it, as the details panel does.
 */
export function EntityButton({ entity, label }: { entity: Named; label?: string }) {
  const { atlas } = useExplorer();
  const { lang } = useI18n();
  const name = entityLabel(entity, lang);
  return (
    <button type="button" className="link-button" onClick={() => atlas.actions.bringIn(entity.id)} data-entity={entity.id} title={label ? name : undefined}>
      {label ?? name}
    </button>
  );
}

export function EntityList({ entities, empty }: { entities: readonly Named[]; empty?: string }) {
  if (!entities.length) return <span className="muted">{empty ?? "—"}</span>;
  return (
    <>
      {entities.map((e, i) => (
        <Fragment key={e.id}>
          {i > 0 && ", "}
          <EntityButton entity={e} />
        </Fragment>
      ))}
    </>
  );
}

export function EntityPath({ path }: { path: readonly Named[] }) {
  return (
    <span className="entity-path">
      {path.map((e, i) => (
        <Fragment key={e.id}>
          {i > 0 && <span aria-hidden="true"> → </span>}
          <EntityButton entity={e} />
        </Fragment>
      ))}
    </span>
  );
}

/** One row of a table of entities reached from a start: its name (with a short note), how far, and the path to it. */
export interface PathRow {
  entity: Named;
  note?: string;
  distance: string;
  path: readonly Named[];
}

/** Entities reached from a start, one row each: what a rule cuts off downstream, what would be left without an entity. */
export function PathTable({ rows, testId }: { rows: readonly PathRow[]; testId: string }) {
  const { t } = useI18n();
  return (
    <table className="analysis-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t.colName}</th>
          <th scope="col">{t.colDistance}</th>
          <th scope="col">{t.exposurePath}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.entity.id}>
            <th scope="row">
              <EntityButton entity={r.entity} />
              {r.note && <span className="muted small"> {r.note}</span>}
            </th>
            <td>{r.distance}</td>
            <td>
              <EntityPath path={r.path} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The selected entity, from the store or the details answer (undefined while it loads). */
export function useSelectedEntity() {
  const { atlas } = useExplorer();
  const { view, store, detail } = atlas;
  const id = view.selected;
  const entity = id ? (store.entities.get(id) ?? (detail?.id === id ? detail.entity : undefined)) : undefined;
  return { id, entity };
}

/** An analysis of the selection: `pick` until one is selected, "Loading…" until it is known, then `children`. */
export function OnSelection({ pick, testId, children }: { pick: string; testId: string; children: (id: string, entity: EntityCore) => ReactNode }) {
  const { t } = useI18n();
  const { id, entity } = useSelectedEntity();
  if (!id)
    return (
      <p className="panel-empty" data-testid={testId}>
        {pick}
      </p>
    );
  if (!entity)
    return (
      <p className="muted" role="status">
        {t.loading}
      </p>
    );
  return children(id, entity);
}

/** The as-of filter as the API's day, or undefined (today). */
export function useAsOfDay(): string | undefined {
  const { atlas } = useExplorer();
  const month = atlas.view.filters.asOf;
  return month ? monthToDay(month) : undefined;
}

/** The day the analysis answers for: the as-of filter's month, or today. */
export function AsOfLine() {
  const { t } = useI18n();
  const asOf = useAsOfDay();
  return <p className="muted as-of-line">{asOf ? fill(t.supplyAsOf, { date: asOf.slice(0, 7) }) : t.supplyToday}</p>;
}

/** "Loading…" or what went wrong, for an answer that is not there yet. */
export function AnalysisState({ analysis }: { analysis: Analysis<unknown> }) {
  const { t, lang } = useI18n();
  if (analysis.error)
    return (
      <p className="notice" role="alert">
        {fill(t.analysisFailed, { message: sayProblem(analysis.problem, analysis.error, lang, t.requestFailed) })}
      </p>
    );
  if (analysis.loading)
    return (
      <p className="muted" role="status">
        {t.loading}
      </p>
    );
  return null;
}
