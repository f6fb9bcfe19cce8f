/**
 * "Suggest a connection": a form for a new relation, checked live by the API's validation-only
 * `suggestRelation` (nothing is written). Problems show by their fields; a valid relation shows the
 * YAML to add and a link to its seed file in the repository's web editor.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { ApiError } from "../api/client.js";
import { fetchEntities, suggestRelation } from "../api/documents.js";
import { type EntityCore, type OntologyInfo, type RelationSuggestion, STATUSES, type Status } from "../api/types.js";
import { entityLabel, kindLabel, relationLabel } from "../graph/elements.js";
import { draftIsEmpty, emptyDraft, type SuggestDraft } from "../graph/view.js";
import { fill, useI18n } from "../i18n/index.js";
import { safeUrl } from "./DetailsPanel.js";
import { KindSwatch } from "./Legend.js";
import { SearchBox } from "./SearchBox.js";

export interface SuggestPanelProps {
  ontology: OntologyInfo;
  /** The draft in the view (the URL); undefined when the form is empty. */
  draft?: SuggestDraft | undefined;
  /** The selected entity: `from` starts as it when empty. */
  selected?: string | undefined;
  /** Entities already fetched, for the names of the chosen ids. */
  entities: ReadonlyMap<string, EntityCore>;
  onChange(draft: SuggestDraft): void;
  /** A request failed because the server or the database is down. */
  onError(error: unknown): void;
}

/** The input fields problems can be about; anything else is about the relation as a whole. */
const FIELDS = ["from", "type", "to", "sources", "status", "claimedBy", "since", "until", "note", "key"] as const;
type Field = (typeof FIELDS)[number] | "relation";

type Check =
  | { state: "idle" }
  | { state: "checking"; result?: RelationSuggestion | undefined }
  | { state: "done"; result: RelationSuggestion }
  | { state: "failed"; message: string };

const CHECK_DELAY_MS = 300;
const COMMIT_DELAY_MS = 250;

function sourcesFromText(text: string): string[] {
  return [...new Set(text.split(/[\n,]+/).map((s) => s.trim()))].filter(Boolean);
}

function fieldOf(name: string | undefined): Field {
  return name && (FIELDS as readonly string[]).includes(name) ? (name as Field) : "relation";
}

function FieldProblems({ id, messages, field }: { id: string; messages: string[] | undefined; field: Field }) {
  if (!messages?.length) return null;
  return (
    // The API words its problems in English: screen readers should pronounce them so.
    <ul className="field-problems" id={id} lang="en" data-testid={`suggest-problem-${field}`}>
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

export function SuggestPanel({ ontology, draft: viewDraft, selected, entities, onChange, onError }: SuggestPanelProps) {
  const { t, lang } = useI18n();
  const uid = useId();
  const idOf = (part: string) => `${uid}-${part}`;

  const [draft, setDraft] = useState<SuggestDraft>(() => viewDraft ?? { ...emptyDraft(), from: selected });
  const [sourcesText, setSourcesText] = useState(() => (viewDraft?.sources ?? []).join("\n"));
  const [names, setNames] = useState<ReadonlyMap<string, EntityCore | null>>(new Map());
  const [check, setCheck] = useState<Check>({ state: "idle" });
  const [copyMessage, setCopyMessage] = useState("");
  const yamlRef = useRef<HTMLPreElement>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // What this panel last gave the view; a different draft in the view came from elsewhere (undo, back).
  const sent = useRef(JSON.stringify(viewDraft ?? emptyDraft()));
  useEffect(() => {
    const incoming = viewDraft ?? emptyDraft();
    const key = JSON.stringify(incoming);
    if (key === sent.current) return;
    sent.current = key;
    setDraft(incoming);
    setSourcesText(incoming.sources.join("\n"));
  }, [viewDraft]);

  // `from` starts as the selected entity.
  useEffect(() => {
    if (selected) setDraft((d) => (d.from ? d : { ...d, from: selected }));
  }, [selected]);

  // The draft goes into the view (and the URL) once typing rests; on leaving the tab at once.
  const pending = useRef<SuggestDraft | undefined>(undefined);
  useEffect(() => {
    const key = JSON.stringify(draftIsEmpty(draft) ? emptyDraft() : draft);
    if (key === sent.current) return;
    pending.current = draft;
    const timer = window.setTimeout(() => {
      pending.current = undefined;
      sent.current = key;
      onChangeRef.current(draft);
    }, COMMIT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft]);
  useEffect(
    () => () => {
      if (pending.current) onChangeRef.current(pending.current);
    },
    [],
  );

  const update = (change: Partial<SuggestDraft>) => setDraft((d) => ({ ...d, ...change }));

  // Names for the chosen ids (a draft from a link holds ids only).
  const entityOf = (id: string | undefined): EntityCore | undefined => (id ? (entities.get(id) ?? names.get(id) ?? undefined) : undefined);
  const wanted = [draft.from, draft.to, ...draft.claimedBy].filter((id): id is string => Boolean(id));
  const missingKey = wanted
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

  // The live check, once from, type and to are chosen.
  const input = useMemo(
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
            setCheck({ state: "done", result: { valid: false, problems: [{ field, message: error.message }], relationId: "", yaml: "" } });
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new input makes the copy message stale
  useEffect(() => setCopyMessage(""), [inputKey]);

  const result = check.state === "done" || check.state === "checking" ? check.result : undefined;
  const problems = useMemo(() => {
    const by = new Map<Field, string[]>();
    for (const p of result?.problems ?? []) {
      const field = fieldOf(p.field);
      by.set(field, [...(by.get(field) ?? []), p.message]);
    }
    return by;
  }, [result]);
  const describe = (field: Field, ...hints: string[]) => [...hints, problems.has(field) ? idOf(`err-${field}`) : ""].filter(Boolean).join(" ") || undefined;
  const invalid = (field: Field) => problems.has(field) || undefined;

  const fromEntity = entityOf(draft.from);
  const toEntity = entityOf(draft.to);
  const label = (id: string | undefined, e: EntityCore | undefined) => (e ? entityLabel(e, lang) : (id ?? ""));
  const allowedTypes = ontology.relationTypes.filter(
    (rt) => (!fromEntity || !rt.from || rt.from.includes(fromEntity.kind)) && (!toEntity || !rt.to || rt.to.includes(toEntity.kind)),
  );
  const chosenType = ontology.relationTypes.find((rt) => rt.type === draft.type);
  const typeAllowed = !draft.type || allowedTypes.some((rt) => rt.type === draft.type);
  const typeOption = (type: string) => `${relationLabel(type, ontology, lang)} (${type})`;

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

  const reset = () => {
    setDraft({ ...emptyDraft(), from: selected });
    setSourcesText("");
  };

  const editUrl = safeUrl(result?.editUrl);
  const state = !input ? "idle" : check.state === "failed" ? "failed" : check.state === "checking" ? "checking" : result?.valid ? "valid" : "invalid";
  const statusText =
    state === "idle"
      ? t.suggestNeedEnds
      : state === "checking"
        ? t.suggestChecking
        : state === "failed" && check.state === "failed"
          ? fill(t.suggestFailed, { message: check.message })
          : state === "valid"
            ? t.suggestValid
            : fill(t.suggestProblems, { n: result?.problems.length ?? 0 });

  return (
    <div className="suggest" data-testid="suggest">
      <h2 className="panel-title">{t.suggestTitle}</h2>
      <p className="muted">{t.suggestIntro}</p>
      <form
        aria-label={t.suggestTitle}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setNonce((n) => n + 1);
        }}
      >
        <div className="suggest-field">
          <SearchBox
            label={t.suggestFrom}
            placeholder={t.searchPlaceholder}
            ontology={ontology}
            keepPick
            initial={label(draft.from, fromEntity)}
            onPick={(e) => {
              remember(e);
              update({ from: e.id });
            }}
            onClear={() => update({ from: undefined })}
            onError={onError}
            testId="suggest-from"
            describedBy={describe("from")}
            invalid={invalid("from")}
            required
          />
          <FieldProblems id={idOf("err-from")} field="from" messages={problems.get("from")} />
        </div>

        <div className="suggest-field">
          <label htmlFor={idOf("type")} className="field-label">
            {t.suggestType}
          </label>
          <select
            id={idOf("type")}
            value={draft.type ?? ""}
            onChange={(e) => update({ type: e.target.value || undefined })}
            aria-describedby={describe("type", idOf("type-hint"))}
            aria-invalid={invalid("type") || !typeAllowed || undefined}
            aria-required
            data-testid="suggest-type"
          >
            <option value="">{t.suggestChooseType}</option>
            {draft.type && !typeAllowed && <option value={draft.type}>{fill(t.suggestNotAllowed, { type: typeOption(draft.type) })}</option>}
            {allowedTypes.map((rt) => (
              <option key={rt.type} value={rt.type}>
                {typeOption(rt.type)}
              </option>
            ))}
          </select>
          {/* the ontology describes its types in English only */}
          <p className="field-hint" id={idOf("type-hint")} lang={chosenType?.description ? "en" : undefined}>
            {chosenType?.description ?? (fromEntity && toEntity ? "" : t.suggestTypeNeedsEnds)}
          </p>
          <FieldProblems id={idOf("err-type")} field="type" messages={problems.get("type")} />
        </div>

        <div className="suggest-field">
          <SearchBox
            label={t.suggestTo}
            placeholder={t.searchPlaceholder}
            ontology={ontology}
            keepPick
            initial={label(draft.to, toEntity)}
            onPick={(e) => {
              remember(e);
              update({ to: e.id });
            }}
            onClear={() => update({ to: undefined })}
            onError={onError}
            testId="suggest-to"
            describedBy={describe("to")}
            invalid={invalid("to")}
            required
          />
          <FieldProblems id={idOf("err-to")} field="to" messages={problems.get("to")} />
        </div>

        {fromEntity && toEntity && draft.type && (
          <p className="suggest-reads" data-testid="suggest-reads">
            <KindSwatch kind={fromEntity.kind} ontology={ontology} size={11} />{" "}
            {fill(t.suggestReads, {
              sentence: `${entityLabel(fromEntity, lang)} ${relationLabel(draft.type, ontology, lang)} ${entityLabel(toEntity, lang)}`,
            })}{" "}
            <span className="muted">
              ({kindLabel(fromEntity.kind, ontology, lang)} → {kindLabel(toEntity.kind, ontology, lang)})
            </span>
          </p>
        )}
        {problems.has("relation") && (
          <div className="suggest-field">
            <p className="field-label">{t.suggestRelationProblem}</p>
            <FieldProblems id={idOf("err-relation")} field="relation" messages={problems.get("relation")} />
          </div>
        )}

        <div className="suggest-field">
          <label htmlFor={idOf("sources")} className="field-label">
            {t.suggestSources}
          </label>
          <textarea
            id={idOf("sources")}
            rows={2}
            value={sourcesText}
            spellCheck={false}
            onChange={(e) => {
              setSourcesText(e.target.value);
              update({ sources: sourcesFromText(e.target.value) });
            }}
            aria-describedby={describe("sources", idOf("sources-hint"))}
            aria-invalid={invalid("sources")}
            aria-required
            data-testid="suggest-sources"
          />
          <p className="field-hint" id={idOf("sources-hint")}>
            {t.suggestSourcesHint}
          </p>
          <FieldProblems id={idOf("err-sources")} field="sources" messages={problems.get("sources")} />
        </div>

        <div className="suggest-field">
          <label htmlFor={idOf("status")} className="field-label">
            {t.suggestStatus}
          </label>
          <select
            id={idOf("status")}
            value={draft.status}
            onChange={(e) => update({ status: e.target.value as Status })}
            aria-describedby={describe("status")}
            aria-invalid={invalid("status")}
            data-testid="suggest-status"
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statusNames[s]}
              </option>
            ))}
          </select>
          <FieldProblems id={idOf("err-status")} field="status" messages={problems.get("status")} />
        </div>

        <fieldset className="suggest-field suggest-claimants" aria-describedby={describe("claimedBy", idOf("claimed-hint"))}>
          <legend className="field-label">{t.suggestClaimedBy}</legend>
          {draft.claimedBy.length > 0 && (
            <ul className="chips" data-testid="suggest-claimants">
              {draft.claimedBy.map((id) => {
                const e = entityOf(id);
                const name = label(id, e);
                return (
                  <li key={id} className="chip">
                    {e && <KindSwatch kind={e.kind} ontology={ontology} size={10} />} {name}
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={fill(t.suggestRemove, { name })}
                      title={fill(t.suggestRemove, { name })}
                      onClick={() => update({ claimedBy: draft.claimedBy.filter((c) => c !== id) })}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <SearchBox
            label={t.suggestAddClaimant}
            hideLabel
            placeholder={t.suggestAddClaimant}
            ontology={ontology}
            onPick={(e) => {
              remember(e);
              if (!draft.claimedBy.includes(e.id)) update({ claimedBy: [...draft.claimedBy, e.id] });
            }}
            onError={onError}
            testId="suggest-claimant"
            describedBy={describe("claimedBy", idOf("claimed-hint"))}
            invalid={invalid("claimedBy")}
          />
          <p className="field-hint" id={idOf("claimed-hint")}>
            {t.suggestClaimedByHint}
          </p>
          <FieldProblems id={idOf("err-claimedBy")} field="claimedBy" messages={problems.get("claimedBy")} />
        </fieldset>

        <div className="suggest-dates">
          {(["since", "until"] as const).map((field) => (
            <div className="suggest-field" key={field}>
              <label htmlFor={idOf(field)} className="field-label">
                {field === "since" ? t.suggestSince : t.suggestUntil}
              </label>
              <input
                id={idOf(field)}
                type="text"
                inputMode="numeric"
                maxLength={10}
                autoComplete="off"
                placeholder="2019-05"
                value={draft[field]}
                onChange={(e) => update({ [field]: e.target.value })}
                aria-describedby={describe(field, idOf("date-hint"))}
                aria-invalid={invalid(field)}
                data-testid={`suggest-${field}`}
              />
              <FieldProblems id={idOf(`err-${field}`)} field={field} messages={problems.get(field)} />
            </div>
          ))}
        </div>
        <p className="field-hint" id={idOf("date-hint")}>
          {t.suggestDateHint}
        </p>

        <div className="suggest-field">
          <label htmlFor={idOf("note")} className="field-label">
            {t.suggestNote}
          </label>
          <textarea
            id={idOf("note")}
            rows={2}
            maxLength={2000}
            value={draft.note}
            onChange={(e) => update({ note: e.target.value })}
            aria-describedby={describe("note", idOf("note-hint"))}
            aria-invalid={invalid("note")}
            data-testid="suggest-note"
          />
          <p className="field-hint" id={idOf("note-hint")}>
            {t.suggestNoteHint}
          </p>
          <FieldProblems id={idOf("err-note")} field="note" messages={problems.get("note")} />
        </div>

        <div className="suggest-field">
          <label htmlFor={idOf("key")} className="field-label">
            {t.suggestKey}
          </label>
          <input
            id={idOf("key")}
            type="text"
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            value={draft.key}
            onChange={(e) => update({ key: e.target.value })}
            aria-describedby={describe("key", idOf("key-hint"))}
            aria-invalid={invalid("key")}
            data-testid="suggest-key"
          />
          <p className="field-hint" id={idOf("key-hint")}>
            {t.suggestKeyHint}
          </p>
          <FieldProblems id={idOf("err-key")} field="key" messages={problems.get("key")} />
        </div>

        <div className="suggest-actions">
          <button type="button" onClick={reset} data-testid="suggest-reset">
            {t.suggestReset}
          </button>
        </div>
      </form>

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
    </div>
  );
}
