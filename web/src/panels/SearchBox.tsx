/** Search with autocomplete (an ARIA combobox) over English and Chinese names and aliases. */
import { useEffect, useId, useRef, useState } from "react";
import { searchEntities } from "../api/documents.js";
import type { EntityCore, OntologyInfo, SearchHit } from "../api/types.js";
import { entityLabel, kindLabel } from "../graph/elements.js";
import { fill, useI18n } from "../i18n/index.js";
import { KindSwatch } from "./Legend.js";
import "./SearchBox.css";

export interface SearchBoxProps {
  label: string;
  placeholder?: string;
  ontology?: OntologyInfo | undefined;
  onPick(entity: EntityCore): void;
  /** Shown in the box after a pick (path finder ends); the main search clears instead. */
  keepPick?: boolean;
  initial?: string;
  onError?(error: unknown): void;
  testId?: string;
  hideLabel?: boolean;
  /** Called when the box is emptied (a form field whose pick the user takes back). */
  onClear?(): void;
  /** Ids of the elements that describe the box (hints, problems). */
  describedBy?: string | undefined;
  invalid?: boolean;
  required?: boolean;
}

export function SearchBox({
  label,
  placeholder,
  ontology,
  onPick,
  keepPick,
  initial,
  onError,
  testId,
  hideLabel,
  onClear,
  describedBy,
  invalid,
  required,
}: SearchBoxProps) {
  const { t, lang, country } = useI18n();
  const id = useId();
  const [text, setText] = useState(initial ?? "");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState(false);
  const picked = useRef(initial ?? "");
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  useEffect(() => {
    if (initial !== undefined) {
      setText(initial);
      picked.current = initial;
    }
  }, [initial]);

  useEffect(() => {
    const query = text.trim();
    if (!query || query === picked.current) {
      setHits([]);
      setSearching(false);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    const timer = window.setTimeout(() => {
      searchEntities(query, controller.signal)
        .then((result) => {
          setFailed(false);
          setHits(result);
          setActive(result.length ? 0 : -1);
          setSearching(false);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setSearching(false);
          setHits([]);
          setFailed(true);
          onErrorRef.current?.(error);
        });
    }, 160);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [text]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    const shown = keepPick ? entityLabel(hit.entity, lang) : "";
    picked.current = shown;
    setText(shown);
    setHits([]);
    setOpen(false);
    onPick(hit.entity);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(hits[active] ?? hits[0]);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  const showList = open && text.trim() !== "" && text.trim() !== picked.current;
  return (
    <div className="search">
      <label htmlFor={`${id}-input`} className={hideLabel ? "visually-hidden" : "field-label"}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 && hits[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        data-testid={testId}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (!e.target.value.trim() && picked.current) {
            picked.current = "";
            onClear?.();
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an ARIA listbox is the combobox's popup */}
      <ul id={listId} role="listbox" aria-label={label} className={`search-hits${showList && (hits.length > 0 || searching) ? " open" : ""}`}>
        {showList &&
          hits.map((hit, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled on the combobox input
            // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox (aria-activedescendant)
            <li
              key={hit.entity.id}
              id={`${id}-opt-${i}`}
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: options of the listbox
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(hit)}
            >
              <KindSwatch kind={hit.entity.kind} ontology={ontology} />
              <span className="hit-names">
                <span className="hit-name">{hit.entity.name}</span>
                {hit.entity.nameZh && (
                  <span className="hit-name-zh" lang="zh-CN">
                    {hit.entity.nameZh}
                  </span>
                )}
              </span>
              <span className="hit-meta">
                {ontology ? kindLabel(hit.entity.kind, ontology, lang) : hit.entity.kind}
                {hit.entity.country ? ` · ${country(hit.entity.country)}` : ""}
              </span>
            </li>
          ))}
      </ul>
      <div className="visually-hidden" aria-live="polite">
        {showList && !searching && hits.length === 0
          ? failed
            ? t.searchFailed
            : fill(t.searchNoHits, { q: text.trim() })
          : showList && hits.length
            ? `${hits.length} · ${t.searchHint}`
            : ""}
      </div>
      {showList && !searching && hits.length === 0 && text.trim() && (
        <div className="search-empty" role="status">
          {/* A failed request is not "no match": say the search itself is unavailable. */}
          {failed ? t.searchFailed : fill(t.searchNoHits, { q: text.trim() })}
        </div>
      )}
    </div>
  );
}
