/** Fetching into the store: entities, paths, and whatever a view needs that is not fetched yet. */
import { type RefObject, useCallback, useRef } from "react";
import { fetchEntitiesWithRelations, fetchOntology, fetchPaths } from "../api/documents.js";
import type { OntologyInfo, StatsInfo } from "../api/types.js";
import { monthToDay } from "../graph/dates.js";
import type { History } from "./history.js";
import { type GraphStore, pathKey } from "./store.js";
import type { Run } from "./useRequests.js";
import type { Filters, ViewState } from "./view.js";

function includedOrUndefined(all: string[], excluded: string[]): string[] | undefined {
  return excluded.length ? all.filter((x) => !excluded.includes(x)) : undefined;
}

/** The filters as the server takes them: what is included (all when nothing is excluded), and a day. */
export function serverFiltersOf(filters: Filters, ontology: OntologyInfo | undefined) {
  const kinds = ontology?.kinds.map((k) => k.kind) ?? [];
  const types = ontology?.relationTypes.map((t) => t.type) ?? [];
  return {
    kinds: includedOrUndefined(kinds, filters.kinds),
    relationTypes: includedOrUndefined(types, filters.types),
    asOf: filters.asOf ? monthToDay(filters.asOf) : undefined,
  };
}

interface LoaderDeps {
  store: GraphStore;
  /** Marks new data in the (mutable) store. */
  bump(): void;
  ontology: OntologyInfo | undefined;
  setOntology(ontology: OntologyInfo, stats: StatsInfo): void;
  run: Run;
  historyRef: RefObject<History<ViewState>>;
}

export function useLoaders({ store, bump, ontology, setOntology, run, historyRef }: LoaderDeps) {
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

  const serverFilters = useCallback((filters: Filters) => serverFiltersOf(filters, ontology), [ontology]);

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
      const retry = () => void loadViewRef.current(historyRef.current.present);
      void run(async () => {
        await ensureEntities(v.nodes);
        await loadPaths(v);
      }, retry);
    },
    [run, ensureEntities, loadPaths, historyRef],
  );
  const loadViewRef = useRef(loadView);
  loadViewRef.current = loadView;

  /** The ontology and the counts, then the view of the URL. */
  const loadOntology = useCallback(() => {
    void run(
      async () => {
        const { ontology: o, stats: s } = await fetchOntology();
        setOntology(o, s);
        loadViewRef.current(historyRef.current.present);
      },
      () => loadOntologyRef.current(),
    );
  }, [run, setOntology, historyRef]);
  const loadOntologyRef = useRef(loadOntology);
  loadOntologyRef.current = loadOntology;

  return { ensureEntities, serverFilters, loadPaths, loadView, loadViewRef, loadOntology, loadOntologyRef };
}

export type Loaders = ReturnType<typeof useLoaders>;
