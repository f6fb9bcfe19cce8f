/** What the explorer does on its own: start up, follow back/forward, remember the language, fetch details. */
import { type RefObject, useEffect, useState } from "react";
import { fetchEntityDetail } from "../api/documents.js";
import type { EntityDetail, OntologyInfo } from "../api/types.js";
import type { History } from "./history.js";
import type { ViewEvent } from "./reducer.js";
import type { GraphStore } from "./store.js";
import { viewFromSearch } from "./url.js";
import type { Run } from "./useRequests.js";
import type { Lang, ViewState } from "./view.js";

const LANG_KEY = "atlas.lang";

/** The language remembered from last time, else the browser's. */
export function preferredLang(): Lang {
  try {
    const saved = window.localStorage.getItem(LANG_KEY);
    if (saved === "en" || saved === "zh") return saved;
  } catch {
    // storage may be blocked; fall back to the browser language
  }
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** Loads the ontology once, and follows the browser's back and forward buttons. */
export function useStartup(
  loadOntology: () => void,
  dispatch: (event: ViewEvent) => void,
  historyRef: RefObject<History<ViewState>>,
  loadViewRef: { readonly current: (view: ViewState) => void },
): void {
  useEffect(() => {
    loadOntology();
    const onPop = () => {
      dispatch({ type: "navigate", view: viewFromSearch(window.location.search, historyRef.current.present.lang) });
      loadViewRef.current(historyRef.current.present);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [loadOntology, dispatch, historyRef, loadViewRef]);
}

/** The document language follows the interface language (screen readers pronounce by it). */
export function useDocumentLang(lang: Lang): void {
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    try {
      window.localStorage.setItem(LANG_KEY, lang);
    } catch {
      // not remembered; the URL still carries it
    }
  }, [lang]);
}

export interface Detail {
  id: string;
  entity?: EntityDetail | null;
  loading: boolean;
}

/** Details of the selected entity, from the store or the server (a failure offers to ask again). */
export function useEntityDetail(selected: string | undefined, ontology: OntologyInfo | undefined, store: GraphStore, run: Run): Detail | undefined {
  const [detail, setDetail] = useState<Detail | undefined>();
  const [nonce, setNonce] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: nonce is a retry trigger
  useEffect(() => {
    const id = selected;
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
      () => setNonce((n) => n + 1),
    );
    return () => {
      live = false;
    };
  }, [selected, ontology, store, run, nonce]);
  return detail;
}
