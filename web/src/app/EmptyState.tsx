/** Where to start: what the front page shows, the graph's size, and a few searches to start from. */
import { useMemo } from "react";
import { fill } from "../i18n/index.js";
import { useGraphMap } from "../state/useGraphMap.js";
import { useExplorer } from "./explorer.js";
import { startQuestions } from "./startQuestions.js";

const SUGGESTIONS = ["Huawei", "华为", "NVIDIA", "DeepSeek", "CloudMatrix"];

/**
 * `panel`: in the details panel beside the front-page map (nothing is drawn over the map, whose
 * side names and row names start at its top-left corner); `canvas`: a card over an empty canvas
 * when there is no map to show (it could not be loaded, or the server cannot be reached).
 */
export function EmptyState({ placement = "canvas" }: { placement?: "canvas" | "panel" }) {
  const { atlas, i18n } = useExplorer();
  const { t } = i18n;
  const { ontology, stats } = atlas;
  const inPanel = placement === "panel";
  // The questions that name an entity are offered once the map tells which entities the graph holds.
  const { map } = useGraphMap(inPanel);
  const questions = useMemo(() => {
    if (!map) return [];
    const ids = new Set(map.nodes.map((n) => n.id));
    return startQuestions((id) => ids.has(id));
  }, [map]);
  return (
    <div className={inPanel ? "empty-state in-panel" : "empty-state"} data-testid="empty-state">
      <h2>{ontology || !atlas.error ? t.emptyTitle : t.serverDownTitle}</h2>
      <p>{inPanel ? t.mapBody : t.emptyBody}</p>
      {stats && <p className="muted">{fill(t.statsLine, { entities: stats.entities, relations: stats.relations, sources: stats.sources })}</p>}
      <p className="suggestions">
        <span>{t.emptyTry}</span>
        {SUGGESTIONS.map((s) => (
          <button type="button" key={s} onClick={() => atlas.actions.openFirstHit(s)} disabled={!ontology}>
            {s}
          </button>
        ))}
      </p>
      {inPanel && questions.length > 0 && (
        <div className="start-questions">
          <p>{t.askTitle}</p>
          <ul>
            {questions.map((q) => (
              <li key={q.key}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => atlas.actions.openAnalysis(q.entity, q.panel, { stop: q.stop, compare: q.compare })}
                  disabled={!ontology}
                  data-testid={`ask-${q.key}`}
                >
                  {q.label(t)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
