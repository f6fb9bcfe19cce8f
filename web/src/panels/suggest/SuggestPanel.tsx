/**
 * "Suggest a connection": a form for a new relation, checked live by the API's validation-only
 * `suggestRelation` (nothing is written). Problems show by their fields; a valid relation shows the
 * YAML to add and a link to its seed file in the repository's web editor.
 */
import { useId, useMemo, useRef } from "react";
import type { EntityCore, OntologyInfo } from "../../api/types.js";
import { entityLabel, kindLabel, relationLabel } from "../../graph/elements.js";
import { fill, useI18n } from "../../i18n/index.js";
import type { SuggestDraft } from "../../state/view.js";
import { KindSwatch } from "../Legend.js";
import { ClaimantsField, SourcesField, StatusField } from "./ClaimFields.js";
import { allowedTypes, EntityField, TypeField } from "./EndFields.js";
import { FieldProblems } from "./FieldProblems.js";
import { formIds, problemsByField, sourcesFromText } from "./form.js";
import { QuoteFields } from "./QuoteFields.js";
import { SuggestResult } from "./SuggestResult.js";
import { DateFields, KeyField, NoteField } from "./TextFields.js";
import { useEntityNames } from "./useEntityNames.js";
import { useSuggestCheck } from "./useSuggestCheck.js";
import { useSuggestDraft } from "./useSuggestDraft.js";
import { WhereToHelp } from "./WhereToHelp.js";
import "./SuggestPanel.css";

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

export function SuggestPanel({ ontology, draft: viewDraft, selected, entities, onChange, onError }: SuggestPanelProps) {
  const { t, lang } = useI18n();
  const uid = useId();
  const { draft, update, reset, sourcesText, setSourcesText } = useSuggestDraft(viewDraft, selected, onChange);
  const { entityOf, remember } = useEntityNames([draft.from, draft.to, ...draft.claimedBy], entities, onError);
  const check = useSuggestCheck(draft, onError);
  const problems = useMemo(() => problemsByField(check.result, lang, t.requestFailed), [check.result, lang, t.requestFailed]);
  const form = formIds(uid, problems);
  const title = useRef<HTMLHeadingElement>(null);

  const fromEntity = entityOf(draft.from);
  const toEntity = entityOf(draft.to);
  const label = (id: string | undefined, e: EntityCore | undefined) => (e ? entityLabel(e, lang) : (id ?? ""));
  const pick = (field: "from" | "to") => (e: EntityCore) => {
    remember(e);
    update({ [field]: e.id });
  };

  return (
    <div className="suggest" data-testid="suggest">
      <h2 className="panel-title" ref={title} tabIndex={-1}>
        {t.suggestTitle}
      </h2>
      <p className="muted">{t.suggestIntro}</p>
      <form
        aria-label={t.suggestTitle}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          check.recheck();
        }}
      >
        <EntityField
          field="from"
          label={t.suggestFrom}
          initial={label(draft.from, fromEntity)}
          ontology={ontology}
          form={form}
          onPick={pick("from")}
          onClear={() => update({ from: undefined })}
          onError={onError}
        />
        <TypeField
          type={draft.type}
          ontology={ontology}
          allowed={allowedTypes(ontology, fromEntity, toEntity)}
          endsChosen={Boolean(fromEntity && toEntity)}
          form={form}
          onChange={(type) => update({ type })}
        />
        <EntityField
          field="to"
          label={t.suggestTo}
          initial={label(draft.to, toEntity)}
          ontology={ontology}
          form={form}
          onPick={pick("to")}
          onClear={() => update({ to: undefined })}
          onError={onError}
        />

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
            <FieldProblems id={form.idOf("err-relation")} field="relation" messages={problems.get("relation")} />
          </div>
        )}

        <SourcesField
          text={sourcesText}
          form={form}
          onChange={(text) => {
            setSourcesText(text);
            update({ sources: sourcesFromText(text) });
          }}
        />
        <StatusField status={draft.status} form={form} onChange={(status) => update({ status })} />
        <ClaimantsField
          draft={draft}
          ontology={ontology}
          form={form}
          entityOf={entityOf}
          label={label}
          onPick={remember}
          onChange={(claimedBy) => update({ claimedBy })}
          onError={onError}
        />
        <DateFields draft={draft} form={form} update={update} />
        <NoteField draft={draft} form={form} update={update} />
        <QuoteFields draft={draft} form={form} update={update} />
        <KeyField draft={draft} form={form} update={update} />

        <div className="suggest-actions">
          <button type="button" onClick={reset} data-testid="suggest-reset">
            {t.suggestReset}
          </button>
        </div>
      </form>

      <SuggestResult state={check.state} result={check.result} failure={check.failure} inputKey={check.inputKey} />

      <WhereToHelp
        ontology={ontology}
        onError={onError}
        onDrafted={(entity) => {
          remember(entity);
          title.current?.focus();
          title.current?.scrollIntoView({ block: "start" });
        }}
      />
    </div>
  );
}
