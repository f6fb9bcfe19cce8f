/**
 * What the user can do to the view. Each action changes the view through one reducer event; the
 * ones that need data fetch it first (a failure offers to try again).
 */
import { type RefObject, useCallback, useRef } from "react";
import { fetchNeighborhood, searchEntities } from "../api/documents.js";
import type { EntityCore } from "../api/types.js";
import { type MapRegion, sameRegion } from "../graph/mapRegion.js";
import type { History } from "./history.js";
import type { Mode, ViewEvent } from "./reducer.js";
import { type GraphStore, pathKey } from "./store.js";
import type { Loaders } from "./useLoaders.js";
import type { Run } from "./useRequests.js";
import {
  addNeighbours,
  addNodes,
  addToCompare as addToCompareView,
  clearView,
  collapse as collapseView,
  draftIsEmpty,
  EXPAND_CAP,
  type Filters,
  focusOn,
  hide as hideView,
  type Lang,
  type LayoutName,
  type PanelName,
  removeFromCompare as removeFromCompareView,
  type SuggestDraft,
  showHidden as showHiddenView,
  type TimelineFilter,
  togglePin,
  type ViewState,
} from "./view.js";

/** What a front-page question sets beside its panel: the countries it stops, the entities it compares. */
export interface AnalysisOptions {
  stop?: readonly string[];
  compare?: readonly string[];
}

interface ActionDeps {
  store: GraphStore;
  run: Run;
  loaders: Loaders;
  historyRef: RefObject<History<ViewState>>;
  dispatch(event: ViewEvent): void;
  commit(change: (v: ViewState) => ViewState, mode?: Mode): void;
  setPathIndex(index: number | undefined): void;
  relayout(): void;
}

export function useViewActions({ store, run, loaders, historyRef, dispatch, commit, setPathIndex, relayout }: ActionDeps) {
  const { ensureEntities, serverFilters, loadPaths } = loaders;

  /** The neighbourhood of `id` from the server, into the store; returns the neighbours' ids. */
  const neighbourhood = useCallback(
    async (id: string, limit: number) => {
      const sub = await fetchNeighborhood({ id, limit: limit + 1, ...serverFilters(historyRef.current.present.filters) });
      store.addEntities(sub.nodes);
      store.addRelations(sub.edges);
      store.truncated.set(id, sub.truncated);
      const neighbours = sub.nodes.map((n) => n.id).filter((n) => n !== id);
      await ensureEntities([id, ...neighbours]);
      return neighbours;
    },
    [store, serverFilters, ensureEntities, historyRef],
  );

  const expand = useCallback(
    (id: string, more = false) => {
      const retry = () => expandRef.current(id, more);
      void run(async () => {
        const v = historyRef.current.present;
        const limit = more ? (v.expanded[id] ?? EXPAND_CAP) + EXPAND_CAP : Math.max(v.expanded[id] ?? 0, EXPAND_CAP);
        const neighbours = await neighbourhood(id, limit);
        commit((cur) => addNeighbours(cur, id, neighbours, limit));
      }, retry);
    },
    [run, neighbourhood, commit, historyRef],
  );
  const expandRef = useRef(expand);
  expandRef.current = expand;

  /** A fresh view of `id` and its neighbourhood, `id` selected, `panel` open (the details by default). */
  const focusView = useCallback(
    async (id: string, panel: PanelName = "details", also: AnalysisOptions = {}) => {
      const neighbours = await neighbourhood(id, EXPAND_CAP);
      setPathIndex(undefined);
      commit((cur) => ({
        ...focusOn(cur, id, neighbours, EXPAND_CAP),
        panel,
        stopCountries: also.stop ? [...also.stop] : cur.stopCountries,
        compare: also.compare ? [...also.compare] : cur.compare,
      }));
    },
    [neighbourhood, setPathIndex, commit],
  );

  /** What choosing a search hit does: that entity's neighbourhood, as a fresh view. */
  const focusEntity = useCallback(
    (entity: EntityCore) => {
      const retry = () => focusRef.current(entity);
      void run(async () => {
        store.addEntities([entity]);
        await focusView(entity.id);
      }, retry);
    },
    [run, store, focusView],
  );
  const focusRef = useRef(focusEntity);
  focusRef.current = focusEntity;

  /** Runs a search and opens the best hit (the empty state's suggestions). */
  const openFirstHit = useCallback(
    (query: string) => {
      void run(async () => {
        const hits = await searchEntities(query);
        const first = hits[0];
        if (first) focusRef.current(first.entity);
      });
    },
    [run],
  );

  /**
   * Opens an analysis panel (a question of the front page): on an entity, with its neighbourhood
   * as a fresh view and it selected, the countries the question stops (none: the rules in force)
   * and the entities it compares; without an entity, over the whole graph.
   */
  const openAnalysis = useCallback(
    (id: string | undefined, panel: PanelName, also: AnalysisOptions = {}) => {
      if (!id) return commit((cur) => ({ ...cur, panel }), "replace");
      const retry = () => openAnalysisRef.current(id, panel, also);
      // A question without countries asks about the rules in force: it clears any left ticked.
      void run(() => focusView(id, panel, { ...also, stop: also.stop ?? [] }), retry);
    },
    [run, focusView, commit],
  );
  const openAnalysisRef = useRef(openAnalysis);
  openAnalysisRef.current = openAnalysis;

  /** Brings an entity onto the canvas (from the details panel) and selects it, opening `panel` if given. */
  const bringIn = useCallback(
    (id: string, panel?: PanelName) => {
      void run(async () => {
        await ensureEntities([id]);
        commit((cur) => ({ ...addNodes(cur, [id]), selected: id, panel: panel ?? cur.panel }));
      });
    },
    [run, ensureEntities, commit],
  );

  const select = useCallback(
    (id: string | undefined) =>
      commit((cur) => (cur.selected === id ? cur : { ...cur, selected: id, panel: id && cur.panel === "filters" ? "details" : cur.panel }), "replace"),
    [commit],
  );
  const collapse = useCallback((id: string) => commit((cur) => collapseView(cur, store, id)), [commit, store]);
  const hide = useCallback((id: string) => commit((cur) => hideView(cur, id)), [commit]);
  const showHidden = useCallback(() => {
    const v = historyRef.current.present;
    void run(async () => {
      await ensureEntities(v.hidden);
      commit(showHiddenView);
    });
  }, [commit, run, ensureEntities, historyRef]);
  const pin = useCallback((id: string, position: [number, number]) => commit((cur) => togglePin(cur, id, position)), [commit]);
  const setFilters = useCallback((filters: Filters) => commit((cur) => ({ ...cur, filters })), [commit]);
  const setLayout = useCallback(
    (layout: LayoutName) => {
      commit((cur) => ({ ...cur, layout }));
      relayout();
    },
    [commit, relayout],
  );
  const setLang = useCallback((lang: Lang) => commit((cur) => ({ ...cur, lang }), "replace"), [commit]);
  const setPanel = useCallback((panel: PanelName) => commit((cur) => ({ ...cur, panel }), "replace"), [commit]);
  /** The suggestion draft changes the URL in place: typing is not an undo step. */
  const setSuggest = useCallback((draft: SuggestDraft) => commit((cur) => ({ ...cur, suggest: draftIsEmpty(draft) ? undefined : draft }), "replace"), [commit]);
  /** A drafted answer to an open question: opens the Suggest tab on it (an undo step). */
  const draftSuggestion = useCallback((draft: SuggestDraft) => commit((cur) => ({ ...cur, suggest: draft, panel: "suggest" })), [commit]);
  /** The compare tray: adding opens the compare tab; tray changes are undo steps. */
  const addToCompare = useCallback((id: string) => commit((cur) => ({ ...addToCompareView(cur, id), panel: "compare" })), [commit]);
  const removeFromCompare = useCallback((id: string) => commit((cur) => removeFromCompareView(cur, id)), [commit]);
  const clearCompare = useCallback(() => commit((cur) => ({ ...cur, compare: [] })), [commit]);
  const setStopCountries = useCallback((stopCountries: string[]) => commit((cur) => ({ ...cur, stopCountries }), "replace"), [commit]);
  const setChokeScope = useCallback((chokeScope: string | undefined) => commit((cur) => ({ ...cur, chokeScope }), "replace"), [commit]);
  const setTimelineFilter = useCallback(
    (filter: TimelineFilter) => commit((cur) => ({ ...cur, timeline: filter.issuer || filter.type ? filter : undefined }), "replace"),
    [commit],
  );
  /** The rules applied together with a policy in its impact; none: the policy alone. */
  const setAlongside = useCallback(
    (policy: string, alongside: string[]) => commit((cur) => ({ ...cur, together: alongside.length ? { policy, alongside } : undefined }), "replace"),
    [commit],
  );
  /** The reader moved the front-page map: the link follows, with no undo step or history entry per move. */
  const setMapRegion = useCallback(
    (mapRegion: MapRegion | undefined) => commit((cur) => (sameRegion(cur.mapRegion, mapRegion) ? cur : { ...cur, mapRegion }), "replace"),
    [commit],
  );
  const clear = useCallback(() => {
    setPathIndex(undefined);
    commit(clearView);
  }, [commit, setPathIndex]);

  const findPaths = useCallback(
    (from: string, to: string, maxHops: number) => {
      const retry = () => findPathsRef.current(from, to, maxHops);
      void run(async () => {
        const v = historyRef.current.present;
        const next: ViewState = { ...v, path: { from, to, maxHops }, panel: "path" };
        await loadPaths(next);
        const f = serverFilters(v.filters);
        const paths = store.paths.get(pathKey(from, to, maxHops, JSON.stringify(f))) ?? [];
        setPathIndex(undefined);
        commit((cur) => ({ ...addNodes(cur, [from, to, ...paths.flatMap((p) => p.nodes.map((n) => n.id))]), path: { from, to, maxHops }, panel: "path" }));
      }, retry);
    },
    [run, loadPaths, serverFilters, store, setPathIndex, commit, historyRef],
  );
  const findPathsRef = useRef(findPaths);
  findPathsRef.current = findPaths;

  const clearPaths = useCallback(() => {
    setPathIndex(undefined);
    commit((cur) => ({ ...cur, path: undefined }));
  }, [commit, setPathIndex]);

  // Undo and redo move the canvas; a draft suggestion stays as it is.
  const undo = useCallback(() => dispatch({ type: "undo" }), [dispatch]);
  const redo = useCallback(() => dispatch({ type: "redo" }), [dispatch]);

  return {
    focusEntity,
    openFirstHit,
    openAnalysis,
    expand,
    bringIn,
    select,
    collapse,
    hide,
    showHidden,
    pin,
    setFilters,
    setLayout,
    relayout,
    setLang,
    setPanel,
    setSuggest,
    draftSuggestion,
    addToCompare,
    removeFromCompare,
    clearCompare,
    setStopCountries,
    setAlongside,
    setChokeScope,
    setTimelineFilter,
    setMapRegion,
    clear,
    findPaths,
    clearPaths,
    undo,
    redo,
  };
}

export type ViewActions = ReturnType<typeof useViewActions>;
