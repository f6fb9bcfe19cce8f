/**
 * The explorer's state and every action on it. The view lives in an undo history and in the URL
 * (each change is a browser history entry, so back/forward work); fetched data lives in a GraphStore.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "./api/client.js";
import { fetchEntitiesWithRelations, fetchEntityDetail, fetchNeighborhood, fetchOntology, fetchPaths, searchEntities } from "./api/documents.js";
import type { EntityCore, EntityDetail, OntologyInfo, PathResult, StatsInfo } from "./api/types.js";
import { monthToDay } from "./graph/dates.js";
import { type History, pushHistory, redo as redoHistory, replacePresent, startHistory, undo as undoHistory } from "./graph/history.js";
import {
  addNeighbours,
  addNodes,
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
  type SuggestDraft,
  showHidden as showHiddenView,
  togglePin,
  type ViewState,
  viewFromSearch,
  viewToSearch,
} from "./graph/view.js";
import { GraphStore, pathKey } from "./store.js";

type Mode = "push" | "replace";

export interface AtlasError {
  kind: ApiError["kind"] | "other";
  message: string;
  retry?: () => void;
}

function preferredLang(): Lang {
  try {
    const saved = window.localStorage.getItem("atlas.lang");
    if (saved === "en" || saved === "zh") return saved;
  } catch {
    // storage may be blocked; fall back to the browser language
  }
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

function includedOrUndefined(all: string[], excluded: string[]): string[] | undefined {
  return excluded.length ? all.filter((x) => !excluded.includes(x)) : undefined;
}

export function useAtlas() {
  const store = useRef(new GraphStore()).current;
  const [history, setHistory] = useState<History<ViewState>>(() => startHistory(viewFromSearch(window.location.search, preferredLang())));
  const historyRef = useRef(history);
  const [version, setVersion] = useState(0);
  const [ontology, setOntology] = useState<OntologyInfo | undefined>();
  const [stats, setStats] = useState<StatsInfo | undefined>();
  const [error, setError] = useState<AtlasError | undefined>();
  const [busy, setBusy] = useState(0);
  const [detail, setDetail] = useState<{ id: string; entity?: EntityDetail | null; loading: boolean } | undefined>();
  const [pathIndex, setPathIndex] = useState<number | undefined>();
  const [layoutRun, setLayoutRun] = useState(0);
  const [detailNonce, setDetailNonce] = useState(0);
  const view = history.present;

  const bump = useCallback(() => setVersion((v) => v + 1), []);

  const setAll = useCallback((next: History<ViewState>, url: Mode | "none") => {
    historyRef.current = next;
    setHistory(next);
    if (url === "none") return;
    const target = `${window.location.pathname}${viewToSearch(next.present)}`;
    if (target === `${window.location.pathname}${window.location.search}`) return;
    if (url === "push") window.history.pushState(null, "", target);
    else window.history.replaceState(null, "", target);
  }, []);

  /** A change to the view: an undo step and a browser history entry (`replace`: neither). */
  const commit = useCallback(
    (change: (v: ViewState) => ViewState, mode: Mode = "push") => {
      const current = historyRef.current;
      const next = change(current.present);
      if (next === current.present) return;
      setAll(mode === "push" ? pushHistory(current, next) : replacePresent(current, next), mode);
    },
    [setAll],
  );

  /** Runs a request, counting it as loading and turning failures into the banner. */
  const run = useCallback(async <T>(task: () => Promise<T>, retry?: () => void): Promise<T | undefined> => {
    setBusy((b) => b + 1);
    try {
      const result = await task();
      setError((e) => (e && e.kind !== "query" ? undefined : e));
      return result;
    } catch (err) {
      if (err instanceof DOMException && err.name === "AbortError") return undefined;
      const kind = err instanceof ApiError ? err.kind : "other";
      setError({ kind, message: err instanceof Error ? err.message : String(err), retry });
      return undefined;
    } finally {
      setBusy((b) => b - 1);
    }
  }, []);

  /** Fetches entities (and all their relations) that the store lacks. */
  const ensureEntities = useCallback(
    async (ids: string[]) => {
      const missing = store.missing(ids);
      if (!missing.length) return;
      const rows = await fetchEntitiesWithRelations(missing);
      for (const { entity, relations } of rows) {
        store.addEntities([entity]);
        store.addRelations(relations);
        store.relationsLoaded.add(entity.id);
      }
      bump();
    },
    [store, bump],
  );

  const serverFilters = useCallback(
    (filters: Filters) => {
      const kinds = ontology?.kinds.map((k) => k.kind) ?? [];
      const types = ontology?.relationTypes.map((t) => t.type) ?? [];
      return {
        kinds: includedOrUndefined(kinds, filters.kinds),
        relationTypes: includedOrUndefined(types, filters.types),
        asOf: filters.asOf ? monthToDay(filters.asOf) : undefined,
      };
    },
    [ontology],
  );

  const loadPaths = useCallback(
    async (v: ViewState) => {
      if (!v.path) return;
      const f = serverFilters(v.filters);
      const key = pathKey(v.path.from, v.path.to, v.path.maxHops, JSON.stringify(f));
      if (store.paths.has(key)) return;
      const paths = await fetchPaths({ from: v.path.from, to: v.path.to, maxHops: v.path.maxHops, relationTypes: f.relationTypes, asOf: f.asOf });
      for (const p of paths) {
        store.addEntities(p.nodes);
        store.addRelations(p.edges);
      }
      store.paths.set(key, paths);
      await ensureEntities(paths.flatMap((p) => p.nodes.map((n) => n.id)));
      bump();
    },
    [store, serverFilters, ensureEntities, bump],
  );

  /** Loads whatever a view (from a link, back/forward or undo) needs that is not fetched yet. */
  const loadView = useCallback(
    (v: ViewState) => {
      const retry = () => void loadViewRef.current?.(historyRef.current.present);
      void run(async () => {
        await ensureEntities(v.nodes);
        await loadPaths(v);
      }, retry);
    },
    [run, ensureEntities, loadPaths],
  );
  const loadViewRef = useRef(loadView);
  loadViewRef.current = loadView;

  const loadOntology = useCallback(() => {
    void run(
      async () => {
        const { ontology: o, stats: s } = await fetchOntology();
        setOntology(o);
        setStats(s);
        loadViewRef.current(historyRef.current.present);
      },
      () => loadOntologyRef.current(),
    );
  }, [run]);
  const loadOntologyRef = useRef(loadOntology);
  loadOntologyRef.current = loadOntology;

  useEffect(() => {
    loadOntology();
    const onPop = () => {
      // A draft suggestion is work in progress, not a place: going back keeps it.
      const next = { ...viewFromSearch(window.location.search, historyRef.current.present.lang), suggest: historyRef.current.present.suggest };
      setAll(pushHistory(historyRef.current, next), "replace");
      loadViewRef.current(next);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [loadOntology, setAll]);

  // The document language follows the interface language (screen readers pronounce by it).
  useEffect(() => {
    document.documentElement.lang = view.lang === "zh" ? "zh-CN" : "en";
    try {
      window.localStorage.setItem("atlas.lang", view.lang);
    } catch {
      // not remembered; the URL still carries it
    }
  }, [view.lang]);

  // Details of the selected entity (`detailNonce` asks again after a failure).
  // biome-ignore lint/correctness/useExhaustiveDependencies: detailNonce is a retry trigger
  useEffect(() => {
    const id = view.selected;
    if (!id || !ontology) {
      setDetail(undefined);
      return;
    }
    const cached = store.details.get(id);
    if (cached) {
      setDetail({ id, entity: cached, loading: false });
      return;
    }
    let live = true;
    setDetail({ id, loading: true });
    void run(
      async () => {
        const entity = await fetchEntityDetail(id, ontology);
        if (entity) store.details.set(id, entity);
        if (live) setDetail({ id, entity, loading: false });
      },
      () => setDetailNonce((n) => n + 1),
    );
    return () => {
      live = false;
    };
  }, [view.selected, ontology, store, run, detailNonce]);

  // ---- actions ----

  const expand = useCallback(
    (id: string, more = false) => {
      const retry = () => expandRef.current(id, more);
      void run(async () => {
        const v = historyRef.current.present;
        const limit = more ? (v.expanded[id] ?? EXPAND_CAP) + EXPAND_CAP : Math.max(v.expanded[id] ?? 0, EXPAND_CAP);
        const sub = await fetchNeighborhood({ id, limit: limit + 1, ...serverFilters(v.filters) });
        store.addEntities(sub.nodes);
        store.addRelations(sub.edges);
        store.truncated.set(id, sub.truncated);
        const neighbours = sub.nodes.map((n) => n.id).filter((n) => n !== id);
        await ensureEntities([id, ...neighbours]);
        commit((cur) => addNeighbours(cur, id, neighbours, limit));
      }, retry);
    },
    [run, serverFilters, store, ensureEntities, commit],
  );
  const expandRef = useRef(expand);
  expandRef.current = expand;

  /** What choosing a search hit does: that entity's neighbourhood, as a fresh view. */
  const focusEntity = useCallback(
    (entity: EntityCore) => {
      const retry = () => focusRef.current(entity);
      void run(async () => {
        store.addEntities([entity]);
        const v = historyRef.current.present;
        const sub = await fetchNeighborhood({ id: entity.id, limit: EXPAND_CAP + 1, ...serverFilters(v.filters) });
        store.addEntities(sub.nodes);
        store.addRelations(sub.edges);
        store.truncated.set(entity.id, sub.truncated);
        const neighbours = sub.nodes.map((n) => n.id).filter((n) => n !== entity.id);
        await ensureEntities([entity.id, ...neighbours]);
        setPathIndex(undefined);
        commit((cur) => focusOn(cur, entity.id, neighbours, EXPAND_CAP));
      }, retry);
    },
    [run, store, serverFilters, ensureEntities, commit],
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

  /** Brings an entity onto the canvas (from the details panel) and selects it. */
  const bringIn = useCallback(
    (id: string) => {
      void run(async () => {
        await ensureEntities([id]);
        commit((cur) => ({ ...addNodes(cur, [id]), selected: id }));
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
  }, [commit, run, ensureEntities]);
  const pin = useCallback((id: string, position: [number, number]) => commit((cur) => togglePin(cur, id, position)), [commit]);
  const setFilters = useCallback((filters: Filters) => commit((cur) => ({ ...cur, filters })), [commit]);
  const setLayout = useCallback(
    (layout: LayoutName) => {
      commit((cur) => ({ ...cur, layout }));
      setLayoutRun((n) => n + 1);
    },
    [commit],
  );
  const relayout = useCallback(() => setLayoutRun((n) => n + 1), []);
  const setLang = useCallback((lang: Lang) => commit((cur) => ({ ...cur, lang }), "replace"), [commit]);
  const setPanel = useCallback((panel: PanelName) => commit((cur) => ({ ...cur, panel }), "replace"), [commit]);
  /** The suggestion draft changes the URL in place: typing is not an undo step. */
  const setSuggest = useCallback((draft: SuggestDraft) => commit((cur) => ({ ...cur, suggest: draftIsEmpty(draft) ? undefined : draft }), "replace"), [commit]);
  const clear = useCallback(() => {
    setPathIndex(undefined);
    commit(clearView);
  }, [commit]);

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
    [run, loadPaths, serverFilters, store, commit],
  );
  const findPathsRef = useRef(findPaths);
  findPathsRef.current = findPaths;

  const clearPaths = useCallback(() => {
    setPathIndex(undefined);
    commit((cur) => ({ ...cur, path: undefined }));
  }, [commit]);

  // Undo and redo move the canvas; a draft suggestion stays as it is.
  const undo = useCallback(() => {
    const current = historyRef.current;
    const next = undoHistory(current);
    if (next !== current) setAll(replacePresent(next, { ...next.present, suggest: current.present.suggest }), "push");
  }, [setAll]);
  const redo = useCallback(() => {
    const current = historyRef.current;
    const next = redoHistory(current);
    if (next !== current) setAll(replacePresent(next, { ...next.present, suggest: current.present.suggest }), "push");
  }, [setAll]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes when paths arrive in the store
  const paths: PathResult[] = useMemo(() => {
    if (!view.path) return [];
    const key = pathKey(view.path.from, view.path.to, view.path.maxHops, JSON.stringify(serverFilters(view.filters)));
    return store.paths.get(key) ?? [];
  }, [view.path, view.filters, serverFilters, store, version]);

  return {
    store,
    version,
    view,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    ontology,
    stats,
    error,
    dismissError: () => setError(undefined),
    /** A failed autocomplete request that says the server or database is down. */
    setSearchError: (err: ApiError) => setError({ kind: err.kind, message: err.message, retry: () => loadOntologyRef.current() }),
    busy: busy > 0,
    detail,
    paths,
    pathIndex,
    setPathIndex,
    layoutRun,
    actions: {
      focusEntity,
      openFirstHit,
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
      clear,
      findPaths,
      clearPaths,
      undo,
      redo,
    },
  };
}

export type Atlas = ReturnType<typeof useAtlas>;
