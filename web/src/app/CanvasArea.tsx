/** The canvas and what floats over it: progress, the empty state, the controls, the legend, the status bar. */
import { useMemo } from "react";
import { ActionButton } from "../actions/ActionButton.js";
import { canvasKeyHandler } from "../actions/keyboard.js";
import { GraphView } from "../graph/GraphView.js";
import { MapView } from "../graph/MapView.js";
import { fill } from "../i18n/index.js";
import { Legend } from "../panels/Legend.js";
import { useGraphMap } from "../state/useGraphMap.js";
import { EmptyState } from "./EmptyState.js";
import { useExplorer } from "./explorer.js";
import "./CanvasArea.css";

function CanvasControls() {
  const { i18n } = useExplorer();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar group over the canvas, not a form
    <div className="canvas-controls" role="group" aria-label={i18n.t.layout}>
      <ActionButton name="zoomIn" />
      <ActionButton name="zoomOut" />
      <ActionButton name="fit" />
      <ActionButton name="relayout" />
      <ActionButton name="showHidden" />
      <ActionButton name="clear" />
      <ActionButton name="wholeMap" />
    </div>
  );
}

export function CanvasArea() {
  const { atlas, i18n, canvas, graphRef, actionContext, flash } = useExplorer();
  const { t } = i18n;
  const { view, ontology, actions } = atlas;
  const onKey = useMemo(() => canvasKeyHandler(actionContext), [actionContext]);
  const filters = view.filters;
  // The landing view: with nothing on the canvas, the whole graph as the server laid it out.
  const { map } = useGraphMap(canvas.empty);
  const showMap = canvas.empty && map && ontology;
  return (
    <section className="canvas-wrap" id="canvas-region" aria-label={t.title} tabIndex={-1}>
      {atlas.busy && <div className="progress" aria-hidden="true" />}
      <GraphView
        ref={graphRef}
        elements={canvas.elements}
        stylesheet={canvas.stylesheet}
        layout={view.layout}
        layoutRun={atlas.layoutRun}
        selected={view.selected}
        label={t.canvasLabel}
        onSelect={actions.select}
        onExpand={(id) => actions.expand(id)}
        onKey={onKey}
      />
      {showMap && <MapView map={map} ontology={ontology} lang={view.lang} label={t.mapLabel} onOpen={actions.focusEntity} />}
      {canvas.empty && <EmptyState compact={Boolean(showMap)} />}
      <CanvasControls />
      {ontology && (
        <Legend
          ontology={ontology}
          kindsInView={canvas.kindsInView}
          excludedKinds={filters.kinds}
          onToggleKind={(kind) =>
            actions.setFilters({ ...filters, kinds: filters.kinds.includes(kind) ? filters.kinds.filter((k) => k !== kind) : [...filters.kinds, kind] })
          }
        />
      )}
      <p className="statusbar" aria-live="polite" data-testid="status">
        {atlas.busy ? t.loading : fill(t.nodesEdges, { nodes: canvas.visible.nodes.length, edges: canvas.visible.edges.length })}
        {flash && ` · ${flash}`}
      </p>
      <p id="keyboard-help" className="keyboard-help">
        {t.keyboardHelp}
      </p>
    </section>
  );
}
