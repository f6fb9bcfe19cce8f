/** The side panels as tabs, drawn from the panel registry; arrow keys move between tabs. */
import { Suspense } from "react";
import { PANEL_REGISTRY } from "../panels/registry.js";
import { useExplorer } from "./explorer.js";
import "./SidePanels.css";

export function SidePanels() {
  const { atlas, i18n } = useExplorer();
  const { t } = i18n;
  const { view, actions } = atlas;
  const active = PANEL_REGISTRY.find((p) => p.id === view.panel) ?? PANEL_REGISTRY[0];

  const onTabKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const at = PANEL_REGISTRY.findIndex((p) => p.id === view.panel);
    const n = PANEL_REGISTRY.length;
    const next = e.key === "ArrowRight" ? PANEL_REGISTRY[(at + 1) % n] : e.key === "ArrowLeft" ? PANEL_REGISTRY[(at - 1 + n) % n] : undefined;
    if (!next) return;
    e.preventDefault();
    actions.setPanel(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <aside className="side">
      <div className="tabs" role="tablist" aria-label={t.actions} onKeyDown={onTabKey}>
        {PANEL_REGISTRY.map(({ id, label, Badge, analysis }, i) => [
          // The analyses start a row of their own, whatever the column's width.
          analysis && !PANEL_REGISTRY[i - 1]?.analysis ? <span key="break" className="tab-break" aria-hidden="true" /> : null,
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={view.panel === id}
            aria-controls={`panel-${id}`}
            tabIndex={view.panel === id ? 0 : -1}
            onClick={() => actions.setPanel(id)}
            data-testid={`tab-${id}`}
          >
            {label(t)}
            {Badge ? <Badge /> : null}
          </button>,
        ])}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable tab panel must be reachable by keyboard */}
      <div className="panel" role="tabpanel" id={`panel-${view.panel}`} aria-labelledby={`tab-${view.panel}`} tabIndex={0}>
        {/* The details panel speaks for itself before the ontology arrives (where to start, beside the map). */}
        {!atlas.ontology && view.panel !== "details" ? (
          <p className="panel-empty" role="status">
            {atlas.error ? t.serverDownTitle : t.loadingGraph}
          </p>
        ) : (
          active && (
            <Suspense
              fallback={
                <p className="panel-empty" role="status">
                  {t.loading}
                </p>
              }
            >
              <active.Component />
            </Suspense>
          )
        )}
      </div>
    </aside>
  );
}
