/** Names for the chosen ids (a draft from a link holds ids only): fetched when the store lacks them. */
import { useEffect, useRef, useState } from "react";
import { fetchEntities } from "../../api/documents.js";
import type { EntityCore } from "../../api/types.js";

export function useEntityNames(wanted: (string | undefined)[], entities: ReadonlyMap<string, EntityCore>, onError: (error: unknown) => void) {
  const [names, setNames] = useState<ReadonlyMap<string, EntityCore | null>>(new Map());
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const entityOf = (id: string | undefined): EntityCore | undefined => (id ? (entities.get(id) ?? names.get(id) ?? undefined) : undefined);
  const missingKey = wanted
    .filter((id): id is string => Boolean(id))
    .filter((id) => !entities.has(id) && !names.has(id))
    .sort()
    .join(",");
  useEffect(() => {
    if (!missingKey) return;
    const ids = missingKey.split(",");
    const controller = new AbortController();
    fetchEntities(ids, controller.signal)
      .then((found) => {
        setNames((old) => {
          const next = new Map(old);
          for (const id of ids) next.set(id, found.find((e) => e.id === id) ?? null);
          return next;
        });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) onErrorRef.current(error);
      });
    return () => controller.abort();
  }, [missingKey]);
  const remember = (e: EntityCore) => setNames((old) => new Map(old).set(e.id, e));
  return { entityOf, remember };
}
