/** The check's outcome: its state, and for a valid relation the YAML to add, a copy button and the editor link. */
import { useEffect, useRef, useState } from "react";
import { sayProblem } from "../../api/problem.js";
import type { RelationSuggestion } from "../../api/types.js";
import { fill, useI18n } from "../../i18n/index.js";
import { safeUrl } from "../safe-url.js";
import type { CheckState } from "./useSuggestCheck.js";

export function SuggestResult({
  state,
  result,
  failure,
  inputKey,
}: {
  state: CheckState;
  result: RelationSuggestion | undefined;
  failure: string | undefined;
  /** Changes with the input: a new input makes the copy message stale. */
  inputKey: string;
}) {
  const { t, lang } = useI18n();
  const [copyMessage, setCopyMessage] = useState("");
  const yamlRef = useRef<HTMLPreElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new input makes the copy message stale
  useEffect(() => setCopyMessage(""), [inputKey]);

  const copy = async () => {
    const yaml = result?.yaml ?? "";
    try {
      await navigator.clipboard.writeText(yaml);
      setCopyMessage(t.suggestCopied);
    } catch {
      // No clipboard permission: select the text so Ctrl+C copies it.
      const pre = yamlRef.current;
      if (pre) window.getSelection()?.selectAllChildren(pre);
      setCopyMessage(t.suggestCopyFailed);
    }
  };

  const editUrl = safeUrl(result?.editUrl);
  const statusText =
    state === "idle"
      ? t.suggestNeedEnds
      : state === "checking"
        ? t.suggestChecking
        : state === "failed" && failure !== undefined
          ? fill(t.suggestFailed, { message: sayProblem(undefined, failure, lang, t.requestFailed) })
          : state === "valid"
            ? t.suggestValid
            : fill(t.suggestProblems, { n: result?.problems.length ?? 0 });

  return (
    <section className="suggest-result" aria-label={t.suggestYamlLabel} aria-busy={state === "checking"} data-testid="suggest-result">
      <p className={`suggest-state suggest-${state}`} role="status" data-state={state} data-testid="suggest-state">
        {statusText}
      </p>
      {state === "valid" && result && (
        <>
          {result.file && (
            <p>
              {t.suggestAddTo.split("{file}").map((part, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the two halves of one sentence
                <span key={i}>
                  {i > 0 && <code>{result.file}</code>}
                  {part}
                </span>
              ))}
            </p>
          )}
          <pre className="yaml" ref={yamlRef} data-testid="suggest-yaml">
            {result.yaml}
          </pre>
          <div className="suggest-actions">
            <button type="button" className="primary" onClick={() => void copy()} data-testid="suggest-copy">
              {t.suggestCopy}
            </button>
            <span role="status" className="muted" data-testid="suggest-copied">
              {copyMessage}
            </span>
          </div>
          {editUrl && result.file && (
            <p>
              <a href={editUrl} target="_blank" rel="noopener noreferrer" data-testid="suggest-edit-link">
                {fill(t.suggestOpenEditor, { file: result.file })}
                <span className="visually-hidden"> {t.suggestNewTab}</span>
              </a>
            </p>
          )}
        </>
      )}
    </section>
  );
}
