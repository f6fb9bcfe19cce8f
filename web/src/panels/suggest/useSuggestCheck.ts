/** The live check by the API's validation-only `suggestRelation`, once from, type and to are chosen. */
import { useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "../../api/client.js";
import { suggestRelation } from "../../api/documents.js";
import type { RelationSuggestion, SuggestionInput } from "../../api/types.js";
import type { SuggestDraft } from "../../state/view.js";
import { fieldOf } from "./form.js";

type Check =
  | { state: "idle" }
  | { state: "checking"; result?: RelationSuggestion | undefined }
  | { state: "done"; result: RelationSuggestion }
  | { state: "failed"; message: string };

export type CheckState = "idle" | "checking" | "failed" | "valid" | "invalid";

const CHECK_DELAY_MS = 300;

export function useSuggestCheck(draft: SuggestDraft, onError: (error: unknown) => void) {
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const [check, setCheck] = useState<Check>({ state: "idle" });
  const input: SuggestionInput | undefined = useMemo(
    () =>
      draft.from && draft.type && draft.to
        ? {
            from: draft.from,
            type: draft.type,
            to: draft.to,
            sources: draft.sources,
            status: draft.status,
            claimedBy: draft.claimedBy,
            since: draft.since,
            until: draft.until,
            note: draft.note,
            noteZh: draft.noteZh,
            quote: draft.quote,
            quoteTranslation: draft.quoteTranslation,
            quoteSource: draft.quoteSource,
            key: draft.key,
          }
        : undefined,
    [draft],
  );
  const inputKey = input ? JSON.stringify(input) : "";
  const [nonce, setNonce] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: inputKey stands for input; nonce asks again
  useEffect(() => {
    if (!input) {
      setCheck({ state: "idle" });
      return;
    }
    setCheck((c) => ({ state: "checking", result: c.state === "done" || c.state === "checking" ? c.result : undefined }));
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      suggestRelation(input, controller.signal)
        .then((result) => setCheck({ state: "done", result }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          if (error instanceof ApiError && error.kind === "query") {
            // A bad argument (too long, malformed) is a problem with that field.
            const field = fieldOf(error.argument);
            setCheck({
              state: "done",
              result: {
                valid: false,
                problems: [
                  {
                    field,
                    message: error.message,
                    code: error.problem?.code ?? "",
                    params: Object.entries(error.problem?.params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
                  },
                ],
                relationId: "",
                file: null,
                yaml: "",
                editUrl: null,
              },
            });
            return;
          }
          onErrorRef.current(error);
          setCheck({ state: "failed", message: error instanceof Error ? error.message : String(error) });
        });
    }, CHECK_DELAY_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [inputKey, nonce]);

  const result = check.state === "done" || check.state === "checking" ? check.result : undefined;
  const state: CheckState = !input
    ? "idle"
    : check.state === "failed"
      ? "failed"
      : check.state === "checking"
        ? "checking"
        : result?.valid
          ? "valid"
          : "invalid";
  return {
    inputKey,
    result,
    state,
    failure: check.state === "failed" ? check.message : undefined,
    /** Checks again (the form's submit). */
    recheck: () => setNonce((n) => n + 1),
  };
}
