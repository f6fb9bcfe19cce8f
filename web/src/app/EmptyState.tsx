/** An empty canvas: what to do, the graph's size, and a few searches to start from. */
import { fill } from "../i18n/index.js";
import { useExplorer } from "./explorer.js";

const SUGGESTIONS = ["Huawei", "华为", "NVIDIA", "DeepSeek", "CloudMatrix"];

/** `compact`: a small card in a corner, over the map. */
export function EmptyState({ compact = false }: { compact?: boolean }) {
  const { atlas, i18n } = useExplorer();
  const { t } = i18n;
  const { ontology, stats } = atlas;
  return (
    <div className={compact ? "empty-state compact" : "empty-state"} data-testid="empty-state">
      <h2>{ontology || !atlas.error ? t.emptyTitle : t.serverDownTitle}</h2>
      <p>{compact ? t.mapBody : t.emptyBody}</p>
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
