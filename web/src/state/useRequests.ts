/** Requests in flight (the progress bar) and the last failure (the banner). */
import { useCallback, useState } from "react";
import { ApiError } from "../api/client.js";
import type { Problem } from "../api/problem.js";

export interface AtlasError {
  kind: ApiError["kind"] | "other";
  message: string;
  /** The server's problem code and parameters, to say it in the reader's language. */
  problem?: Problem;
  retry?: () => void;
}

export type Run = <T>(task: () => Promise<T>, retry?: () => void) => Promise<T | undefined>;

export function useRequests() {
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<AtlasError | undefined>();

  /** Runs a request, counting it as loading and turning failures into the banner. */
  const run: Run = useCallback(async <T>(task: () => Promise<T>, retry?: () => void): Promise<T | undefined> => {
    setBusy((b) => b + 1);
    try {
      const result = await task();
      setError((e) => (e && e.kind !== "query" ? undefined : e));
      return result;
    } catch (err) {
      if (err instanceof DOMException && err.name === "AbortError") return undefined;
      const kind = err instanceof ApiError ? err.kind : "other";
      setError({ kind, message: err instanceof Error ? err.message : String(err), problem: err instanceof ApiError ? err.problem : undefined, retry });
      return undefined;
    } finally {
      setBusy((b) => b - 1);
    }
  }, []);

  return { busy: busy > 0, error, setError, run };
}
