/** The front-page map's data: fetched once per page (the server lays it out once per graph version). */
import { useEffect, useState } from "react";
import { fetchMap, type GraphMap } from "../api/documents.js";

let pending: Promise<GraphMap> | undefined;
/** The answer, once it has arrived: a render after that need not wait for an effect. */
let arrived: GraphMap | undefined;

/** Starts the request (at most once; a failed one is tried again on the next call). */
export function loadGraphMap(): Promise<GraphMap> {
  pending ??= fetchMap().then(
    (map) => {
      arrived = map;
      return map;
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

export function useGraphMap(wanted: boolean): { map?: GraphMap; error?: unknown } {
  const [state, setState] = useState<{ map?: GraphMap; error?: unknown }>(() => (arrived ? { map: arrived } : {}));
  useEffect(() => {
    if (!wanted || state.map) return;
    let live = true;
    loadGraphMap().then(
      (map) => live && setState({ map }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [wanted, state.map]);
  return state;
}
