/**
 * The side panels, registered once (GraphiQL's plugins): an id (the URL's `tab`), a label in the
 * interface language, an optional badge, and the component. The shell draws the tabs from here.
 * The analysis and suggestion panels load when first opened: the front page does not wait for them.
 */
import { type ComponentType, lazy, type ReactNode, useMemo } from "react";
import { ActionButton } from "../actions/ActionButton.js";
import { EmptyState } from "../app/EmptyState.js";
import { useExplorer } from "../app/explorer.js";
import type { Strings } from "../i18n/index.js";
import { useGraphMap } from "../state/useGraphMap.js";
import { NO_COUNTRY, neighboursOffCanvas, PANELS, type PanelName } from "../state/view.js";
import { DetailsPanel } from "./DetailsPanel.js";
import { FiltersPanel } from "./FiltersPanel.js";
import { ListView } from "./ListView.js";
import { PathFinder } from "./PathFinder.js";

const SupplyPanel = lazy(() => import("./analysis/SupplyPanel.js").then((m) => ({ default: m.SupplyPanel })));
const LossPanel = lazy(() => import("./analysis/LossPanel.js").then((m) => ({ default: m.LossPanel })));
const ChokepointsPanel = lazy(() => import("./analysis/ChokepointsPanel.js").then((m) => ({ default: m.ChokepointsPanel })));
const ComparePanel = lazy(() => import("./analysis/ComparePanel.js").then((m) => ({ default: m.ComparePanel })));
const TimelinePanel = lazy(() => import("./analysis/TimelinePanel.js").then((m) => ({ default: m.TimelinePanel })));
const SuggestPanel = lazy(() => import("./suggest/SuggestPanel.js").then((m) => ({ default: m.SuggestPanel })));

export interface PanelDef {
  id: PanelName;
  label(t: Strings): string;
  /** Shown after the label (e.g. how many entities the list holds). */
  Badge?: ComponentType;
  /** Rendered once the ontology is loaded (inside a Suspense boundary: it may load on first use). */
  Component: ComponentType;
  /** Needs more room than the usual side column (a drawing, a table side by side). */
  wide?: boolean;
  /** The analyses (who depends on whom, what a loss cuts) have their own row of tabs. */
  analysis?: boolean;
}

function DetailsTab() {
  const { atlas, canvas, i18n } = useExplorer();
  const { view, store, ontology } = atlas;
  const selected = view.selected;
  // The same request as the map's (made once per page): where to start is shown beside the map.
  const { error: mapError } = useGraphMap(canvas.empty);
  if (!atlas.detail && canvas.empty && !mapError && !(atlas.error && !ontology)) return <EmptyState placement="panel" />;
  if (!ontology)
    return (
      <p className="panel-empty" role="status">
        {atlas.error ? i18n.t.serverDownTitle : i18n.t.loadingGraph}
      </p>
    );
  const toolbar: ReactNode = selected ? (
    <>
      <ActionButton name="expand" />
      <ActionButton name="showMore" />
      <ActionButton name="collapse" />
      <ActionButton name="pin" />
      <ActionButton name="hide" />
      <ActionButton name="supplyChain" />
      <ActionButton name="ifLost" />
      <ActionButton name="addToCompare" />
    </>
  ) : undefined;
  return (
    <DetailsPanel
      detail={atlas.detail}
      ontology={ontology}
      toolbar={toolbar}
      moreOffCanvas={selected ? neighboursOffCanvas(view, store, selected) : 0}
      onOpen={atlas.actions.bringIn}
    />
  );
}

/** What is on the canvas before filtering, for the filter counts. */
function useFilterCounts() {
  const { atlas } = useExplorer();
  const { view, store, version } = atlas;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` marks new data in the (mutable) store
  return useMemo(() => {
    const kinds = new Map<string, number>();
    const countries = new Map<string, number>();
    const types = new Map<string, number>();
    const statuses = new Map<string, number>();
    const onCanvas = new Set(view.nodes);
    for (const id of view.nodes) {
      const e = store.entities.get(id);
      if (!e) continue;
      kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
      const c = e.country ?? NO_COUNTRY;
      countries.set(c, (countries.get(c) ?? 0) + 1);
    }
    for (const r of store.relations.values()) {
      if (!onCanvas.has(r.from.id) || !onCanvas.has(r.to.id)) continue;
      types.set(r.type, (types.get(r.type) ?? 0) + 1);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    return { kinds, countries, types, statuses };
  }, [view.nodes, store, version]);
}

function FiltersTab() {
  const { atlas, canvas } = useExplorer();
  const counts = useFilterCounts();
  if (!atlas.ontology) return null;
  return (
    <FiltersPanel
      ontology={atlas.ontology}
      filters={atlas.view.filters}
      onChange={atlas.actions.setFilters}
      kindCounts={counts.kinds}
      typeCounts={counts.types}
      countryCounts={counts.countries}
      statusCounts={counts.statuses}
      filteredOut={canvas.visible.filteredOut}
    />
  );
}

function PathTab() {
  const { atlas, onApiError } = useExplorer();
  if (!atlas.ontology) return null;
  return (
    <PathFinder
      ontology={atlas.ontology}
      query={atlas.view.path}
      paths={atlas.paths}
      entities={atlas.store.entities}
      active={atlas.pathIndex}
      busy={atlas.busy}
      onFind={atlas.actions.findPaths}
      onClear={atlas.actions.clearPaths}
      onHighlight={atlas.setPathIndex}
      onError={onApiError}
    />
  );
}

function ListTab() {
  const { atlas, canvas } = useExplorer();
  if (!atlas.ontology) return null;
  return <ListView graph={canvas.visible} ontology={atlas.ontology} selected={atlas.view.selected} onSelect={atlas.actions.select} />;
}

function ListBadge() {
  const { canvas } = useExplorer();
  return canvas.empty ? null : <span className="count">{canvas.visible.nodes.length}</span>;
}

function CompareBadge() {
  const { atlas } = useExplorer();
  const n = atlas.view.compare.length;
  return n ? <span className="count">{n}</span> : null;
}

function SuggestTab() {
  const { atlas, onApiError } = useExplorer();
  if (!atlas.ontology) return null;
  return (
    <SuggestPanel
      ontology={atlas.ontology}
      draft={atlas.view.suggest}
      selected={atlas.view.selected}
      entities={atlas.store.entities}
      onChange={atlas.actions.setSuggest}
      onError={onApiError}
    />
  );
}

/** Every panel, by id; the tab order is PANELS (the URL's list), so a new panel is added in both. */
const DEFS: { [P in PanelName]: Omit<PanelDef, "id"> } = {
  details: { label: (t) => t.tabs.details, Component: DetailsTab },
  filters: { label: (t) => t.tabs.filters, Component: FiltersTab },
  path: { label: (t) => t.tabs.path, Component: PathTab },
  list: { label: (t) => t.tabs.list, Badge: ListBadge, Component: ListTab },
  suggest: { label: (t) => t.tabs.suggest, Component: SuggestTab },
  supply: { label: (t) => t.tabs.supply, Component: SupplyPanel, wide: true, analysis: true },
  loss: { label: (t) => t.tabs.loss, Component: LossPanel, wide: true, analysis: true },
  chokepoints: { label: (t) => t.tabs.chokepoints, Component: ChokepointsPanel, wide: true, analysis: true },
  compare: { label: (t) => t.tabs.compare, Badge: CompareBadge, Component: ComparePanel, wide: true, analysis: true },
  timeline: { label: (t) => t.tabs.timeline, Component: TimelinePanel, wide: true, analysis: true },
};

export const PANEL_REGISTRY: readonly PanelDef[] = PANELS.map((id) => ({ id, ...DEFS[id] }));
