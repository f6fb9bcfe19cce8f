/**
 * One answer of an analysis field (dependencies, exposure, chokepoints, impact, compare) for a panel:
 * fetched once per key (the store keeps it), stale answers ignored, failures said in the panel and
 * (server or database down) in the banner.
 */
import { useEffect, useState } from "react";
import { ApiError } from "../../api/client.js";
import type { Problem } from "../../api/problem.js";
import { useExplorer } from "../../app/explorer.js";

export interface Analysis<T> {
  data?: T | undefined;
  loading: boolean;
  error?: string | undefined;
  /** The server's problem code and parameters, to say the error in the reader's language. */
  problem?: Problem | undefined;
}

/** `key` undefined: nothing to ask (e.g. no entity selected). The key must name everything `load` depends on. */
export function useAnalysis<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): Analysis<T> {
  const { atlas, onApiError } = useExplorer();
  const cache = atlas.store.analysis;
  const [state, setState] = useState<Analysis<T> & { key?: string | undefined }>({ loading: false });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names everything `load` reads
  useEffect(() => {
    if (!key) {
      setState({ loading: false });
      return;
    }
    if (cache.has(key)) {
      setState({ key, data: cache.get(key) as T, loading: false });
      return;
    }
    const controller = new AbortController();
    setState({ key, loading: true });
    load(controller.signal).then(
      (data) => {
        cache.set(key, data);
        if (!controller.signal.aborted) setState({ key, data, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        onApiError(error);
        setState({
          key,
          loading: false,
          error: error instanceof Error ? error.message : String(error),
          problem: error instanceof ApiError ? error.problem : undefined,
        });
      },
    );
    return () => controller.abort();
  }, [key, cache, onApiError]);
  // An answer for another key is never shown (the effect above has not run yet for the new one).
  return state.key === key ? state : { loading: Boolean(key) };
}
