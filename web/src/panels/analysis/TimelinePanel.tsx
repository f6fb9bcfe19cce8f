/** Controls and countermeasures over time: every policy in date order, with what it restricts and answers. */
import { fetchTimeline, type TimelineEvent } from "../../api/documents.js";
import { useExplorer } from "../../app/explorer.js";
import { entityLabel } from "../../graph/elements.js";
import { fill, useI18n } from "../../i18n/index.js";
import { attributeValue } from "../attribute-labels.js";
import { AnalysisState, EntityButton } from "./common.js";
import { byYear, filterEvents, timelineChoices } from "./timeline.js";
import { useAnalysis } from "./useAnalysis.js";
import "./analysis.css";

type Names = TimelineEvent["restricts"];

/** A list of an event: its first names (the server sends a few), and how many more it holds. */
function Names({ label, list, testId }: { label: string; list: Names; testId: string }) {
  const { t } = useI18n();
  if (!list.totalCount) return null;
  const rest = list.totalCount - list.entities.length;
  return (
    <div className="timeline-line" data-testid={testId}>
      <span className="muted">{label}:</span>
      <ul className="timeline-names">
        {list.entities.map((e) => (
          <li key={e.id}>
            <EntityButton entity={e} />
          </li>
        ))}
        {rest > 0 && <li className="muted">{fill(t.timeline.more, { n: rest })}</li>}
      </ul>
    </div>
  );
}

function Row({ event }: { event: TimelineEvent }) {
  const { atlas } = useExplorer();
  const { t, lang, country } = useI18n();
  const tl = t.timeline;
  const { policy } = event;
  const type = policy.policyType && atlas.ontology ? attributeValue(atlas.ontology, "POLICY", "policyType", policy.policyType, lang) : undefined;
  return (
    <tr data-testid="timeline-row" data-entity={policy.id}>
      <td className="nowrap">
        {event.date ?? "—"}
        <div className="muted small">{country(policy.country)}</div>
      </td>
      <th scope="row">
        <EntityButton entity={policy} />
        {type && <div className="muted small">{type}</div>}
        {event.restricts.totalCount > 0 && (
          <button
            type="button"
            className="link-button small"
            onClick={() => atlas.actions.openAnalysis(policy.id, "supply")}
            title={fill(tl.impactTitle, { name: entityLabel(policy, lang) })}
            data-testid="timeline-impact"
          >
            {tl.impact} →
          </button>
        )}
      </th>
      <td>
        <Names label={tl.restricts} list={event.restricts} testId="timeline-restricts" />
        <Names label={tl.exempts} list={event.exempts} testId="timeline-exempts" />
        <Names label={tl.amends} list={event.amends} testId="timeline-amends" />
        <Names label={tl.suspendedBy} list={event.suspendedBy} testId="timeline-suspended" />
      </td>
      <td>
        <Names label={tl.respondsTo} list={event.respondsTo} testId="timeline-responds" />
        <Names label={tl.answeredBy} list={event.answeredBy} testId="timeline-answered" />
      </td>
    </tr>
  );
}

export function TimelinePanel() {
  const { atlas } = useExplorer();
  const { t, lang, country } = useI18n();
  const tl = t.timeline;
  const { view, ontology } = atlas;
  const answer = useAnalysis("timeline", (signal) => fetchTimeline(signal));
  if (!ontology) return null;
  const filter = view.timeline ?? {};
  const all = answer.data?.events ?? [];
  const events = filterEvents(all, filter);
  const choices = timelineChoices(all);
  return (
    <section className="analysis" aria-labelledby="timeline-title" data-testid="timeline-panel">
      <h2 id="timeline-title">{tl.title}</h2>
      <p className="muted">{tl.intro}</p>
      <div className="timeline-filters">
        <label className="field-label">
          {tl.issuer}
          <select
            value={filter.issuer ?? ""}
            onChange={(e) => atlas.actions.setTimelineFilter({ ...filter, issuer: e.target.value || undefined })}
            data-testid="timeline-issuer"
          >
            <option value="">{tl.anyIssuer}</option>
            {choices.issuers.map((c) => (
              <option key={c} value={c}>
                {country(c)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-label">
          {tl.type}
          <select
            value={filter.type ?? ""}
            onChange={(e) => atlas.actions.setTimelineFilter({ ...filter, type: e.target.value || undefined })}
            data-testid="timeline-type"
          >
            <option value="">{tl.anyType}</option>
            {choices.types.map((v) => (
              <option key={v} value={v}>
                {attributeValue(ontology, "POLICY", "policyType", v, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <AnalysisState analysis={answer} />
      {answer.data && (
        <>
          <p className="muted" role="status" data-testid="timeline-count">
            {fill(tl.count, { n: events.length, total: answer.data.totalCount })}
          </p>
          {events.length === 0 ? (
            <p className="notice">{tl.none}</p>
          ) : (
            <table className="analysis-table timeline" data-testid="timeline">
              <thead>
                <tr>
                  <th scope="col">{tl.colDate}</th>
                  <th scope="col">{tl.colPolicy}</th>
                  <th scope="col">{tl.colWhat}</th>
                  <th scope="col">{tl.colAnswers}</th>
                </tr>
              </thead>
              {byYear(events).map((group) => (
                <tbody key={group.year ?? "undated"}>
                  <tr className="timeline-year">
                    <th scope="colgroup" colSpan={4}>
                      {group.year ?? tl.undated}
                    </th>
                  </tr>
                  {group.events.map((event) => (
                    <Row key={event.policy.id} event={event} />
                  ))}
                </tbody>
              ))}
            </table>
          )}
        </>
      )}
    </section>
  );
}
