/** The view and its undo history, kept in step with the browser's URL. */
import { useCallback, useRef, useState } from "react";
import { type History, startHistory } from "./history.js";
import { type Mode, reduceView, type ViewEvent } from "./reducer.js";
import { viewToSearch } from "./url.js";
import type { ViewState } from "./view.js";

function syncUrl(view: ViewState, mode: Mode): void {
  const target = `${window.location.pathname}${viewToSearch(view)}`;
  if (target === `${window.location.pathname}${window.location.search}`) return;
  if (mode === "push") window.history.pushState(null, "", target);
  else window.history.replaceState(null, "", target);
}

export function useViewHistory(initial: () => ViewState) {
  const [history, setHistory] = useState<History<ViewState>>(() => startHistory(initial()));
  // Requests read the view after they resolve: the ref is current at once, the state at the next render.
  const historyRef = useRef(history);
  const dispatch = useCallback((event: ViewEvent) => {
    const { history: next, url } = reduceView(historyRef.current, event);
    if (next === historyRef.current) return;
    historyRef.current = next;
    setHistory(next);
    if (url !== "none") syncUrl(next.present, url);
  }, []);
  /** A change to the view: an undo step and a browser history entry (`replace`: neither). */
  const commit = useCallback((change: (v: ViewState) => ViewState, mode: Mode = "push") => dispatch({ type: "change", change, mode }), [dispatch]);
  return { history, historyRef, dispatch, commit };
}
