/** Where to start: what the front page shows, the graph's size, and a few searches to start from. */
import { fill } from "../i18n/index.js";
import { useExplorer } from "./explorer.js";

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
    </div>
  );
}
