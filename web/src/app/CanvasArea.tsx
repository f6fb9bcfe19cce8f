/** The canvas and what floats over it: progress, the empty state, the controls, the legend, the status bar. */
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from "react";
import { ActionButton } from "../actions/ActionButton.js";
import { canvasKeyHandler } from "../actions/keyboard.js";
import { fill } from "../i18n/index.js";
import { Legend } from "../panels/Legend.js";
import { useGraphMap } from "../state/useGraphMap.js";
import { EmptyState } from "./EmptyState.js";
import { useExplorer } from "./explorer.js";
import "./CanvasArea.css";

// The working canvas (Cytoscape and its force layout) loads once something is put on it; the map,
// drawn without Cytoscape, in a small file of its own asked for early (state/prefetch.ts).
const GraphView = lazy(() => import("../graph/GraphView.js").then((m) => ({ default: m.GraphView })));
const MapView = lazy(() => import("../graph/MapView.js").then((m) => ({ default: m.MapView })));

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
  const { atlas, i18n, canvas, graphRef, mapRef, actionContext, flash } = useExplorer();
  const { t } = i18n;
  const { view, ontology, actions } = atlas;
  const onKey = useMemo(() => canvasKeyHandler(actionContext), [actionContext]);
  const onMapKey = useMemo(() => canvasKeyHandler(actionContext, "map"), [actionContext]);
  const filters = view.filters;
  // The landing view: with nothing on the canvas, the whole graph as the server laid it out.
  const { map, error: mapError } = useGraphMap(canvas.empty);
  const showMap = canvas.empty && map && ontology;
  // Once loaded, the working canvas stays (it keeps its state under the map).
  const [working, setWorking] = useState(!canvas.empty);
  if (!canvas.empty && !working) setWorking(true);
  // The open legend covers the canvas's lower-left corner: the working canvas fits clear of it.
  const section = useRef<HTMLElement>(null);
  const legend = useRef<HTMLDetailsElement>(null);
  const cover = useCallback(() => {
    if (!legend.current?.open || !section.current) return undefined;
    const l = legend.current.getBoundingClientRect();
    const c = section.current.getBoundingClientRect();
    return { x1: l.left - c.left, y1: l.top - c.top, x2: l.right - c.left, y2: l.bottom - c.top };
  }, []);
  return (
    <section ref={section} className="canvas-wrap" id="canvas-region" aria-label={t.title} tabIndex={-1}>
      {atlas.busy && <div className="progress" aria-hidden="true" />}
      <Suspense fallback={null}>
        {working && (
          <GraphView
            ref={graphRef}
            elements={canvas.elements}
            stylesheet={canvas.stylesheet}
            layout={view.layout}
            layoutRun={atlas.layoutRun}
            selected={view.selected}
            label={t.canvasLabel}
            cover={cover}
            onSelect={actions.select}
            onExpand={(id) => actions.expand(id)}
            onKey={onKey}
          />
        )}
      </Suspense>
      {showMap && (
        <Suspense fallback={null}>
          <MapView
            ref={mapRef}
            map={map}
            ontology={ontology}
            lang={view.lang}
            label={t.mapLabel}
            region={view.mapRegion}
            onRegion={actions.setMapRegion}
            onOpen={actions.focusEntity}
            onKey={onMapKey}
          />
        </Suspense>
      )}
      {/* Where to start is in the details panel beside the map; over the canvas only when there is no map. */}
      {canvas.empty && (mapError || (!ontology && atlas.error)) && <EmptyState />}
      <CanvasControls />
      {ontology && (
        <Legend
          ref={legend}
          // Folded over the map, whose rows are named: open, it would hide the lower rows' names.
          key={showMap ? "map" : "canvas"}
          folded={Boolean(showMap)}
          ontology={ontology}
          kindsInView={canvas.kindsInView}
          excludedKinds={filters.kinds}
          onToggleKind={(kind) =>
            actions.setFilters({ ...filters, kinds: filters.kinds.includes(kind) ? filters.kinds.filter((k) => k !== kind) : [...filters.kinds, kind] })
          }
        />
      )}
      <p className="statusbar" aria-live="polite" data-testid="status">
        {atlas.busy
          ? t.loading
          : showMap
            ? fill(t.mapCounts, { nodes: map.nodes.length, edges: map.edges.length })
            : fill(t.nodesEdges, { nodes: canvas.visible.nodes.length, edges: canvas.visible.edges.length })}
        {flash && ` · ${flash}`}
      </p>
      <p id="keyboard-help" className="keyboard-help">
        {showMap ? t.mapKeyboardHelp : t.keyboardHelp}
      </p>
    </section>
  );
}
