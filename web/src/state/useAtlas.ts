/**
 * The explorer's state, put together: the view with its undo history and URL (useViewHistory),
 * the data fetched so far (GraphStore), requests and their failures, the effects, and the actions.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import type { ApiError } from "../api/client.js";
import type { OntologyInfo, PathResult, StatsInfo } from "../api/types.js";
import { useViewActions } from "./actions.js";
import { preferredLang, useDocumentLang, useEntityDetail, useStartup } from "./effects.js";
import { GraphStore, pathKey } from "./store.js";
import { viewFromSearch } from "./url.js";
import { useLoaders } from "./useLoaders.js";
import { useRequests } from "./useRequests.js";
import { useViewHistory } from "./useViewHistory.js";

export type { AtlasError } from "./useRequests.js";

export function useAtlas() {
  const store = useRef(new GraphStore()).current;
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const { history, historyRef, dispatch, commit } = useViewHistory(() => viewFromSearch(window.location.search, preferredLang()));
  const view = history.present;
  const { busy, error, setError, run } = useRequests();
  const [loaded, setLoaded] = useState<{ ontology: OntologyInfo; stats: StatsInfo } | undefined>();
  const ontology = loaded?.ontology;
  const setOntology = useCallback((o: OntologyInfo, stats: StatsInfo) => setLoaded({ ontology: o, stats }), []);
  const [pathIndex, setPathIndex] = useState<number | undefined>();
  const [layoutRun, setLayoutRun] = useState(0);
  const relayout = useCallback(() => setLayoutRun((n) => n + 1), []);

  const loaders = useLoaders({ store, bump, ontology, setOntology, run, historyRef });
  useStartup(loaders.loadOntology, dispatch, historyRef, loaders.loadViewRef);
  useDocumentLang(view.lang);
  const detail = useEntityDetail(view.selected, ontology, store, run);
  const actions = useViewActions({ store, run, loaders, historyRef, dispatch, commit, setPathIndex, relayout });

  const { serverFilters, loadOntologyRef } = loaders;
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
    stats: loaded?.stats,
    error,
    dismissError: () => setError(undefined),
    /** A failed autocomplete request that says the server or database is down. */
    setSearchError: (err: ApiError) => setError({ kind: err.kind, message: err.message, problem: err.problem, retry: () => loadOntologyRef.current() }),
    busy,
    detail,
    paths,
    pathIndex,
    setPathIndex,
    layoutRun,
    actions,
  };
}

export type Atlas = ReturnType<typeof useAtlas>;
