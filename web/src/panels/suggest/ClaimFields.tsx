/** What backs the relation and how sure it is: sources, status, who claims it. */

import type { EntityCore, OntologyInfo } from "../../api/types.js";
import { STATUSES, type Status } from "../../api/types.js";
import { fill, useI18n } from "../../i18n/index.js";
import type { SuggestDraft } from "../../state/view.js";
import { KindSwatch } from "../Legend.js";
import { SearchBox } from "../SearchBox.js";
import { FieldProblems } from "./FieldProblems.js";
import type { FormIds } from "./form.js";

export function SourcesField({ text, form, onChange }: { text: string; form: FormIds; onChange(text: string): void }) {
  const { t } = useI18n();
  const { idOf, describe, invalid } = form;
  return (
    <div className="suggest-field">
      <label htmlFor={idOf("sources")} className="field-label">
        {t.suggestSources}
      </label>
      <textarea
        id={idOf("sources")}
        rows={2}
        value={text}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describe("sources", idOf("sources-hint"))}
        aria-invalid={invalid("sources")}
        aria-required
        data-testid="suggest-sources"
      />
      <p className="field-hint" id={idOf("sources-hint")}>
        {t.suggestSourcesHint}
      </p>
      <FieldProblems id={idOf("err-sources")} field="sources" messages={form.problems.get("sources")} />
    </div>
  );
}

export function StatusField({ status, form, onChange }: { status: Status; form: FormIds; onChange(status: Status): void }) {
  const { t } = useI18n();
  const { idOf, describe, invalid } = form;
  return (
    <div className="suggest-field">
      <label htmlFor={idOf("status")} className="field-label">
        {t.suggestStatus}
      </label>
      <select
        id={idOf("status")}
        value={status}
        onChange={(e) => onChange(e.target.value as Status)}
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
      <FieldProblems id={idOf("err-status")} field="status" messages={form.problems.get("status")} />
    </div>
  );
}

export function ClaimantsField({
  draft,
  ontology,
  form,
  entityOf,
  label,
  onPick,
  onChange,
  onError,
}: {
  draft: SuggestDraft;
  ontology: OntologyInfo;
  form: FormIds;
  entityOf(id: string): EntityCore | undefined;
  label(id: string, entity: EntityCore | undefined): string;
  onPick(entity: EntityCore): void;
  onChange(claimedBy: string[]): void;
  onError(error: unknown): void;
}) {
  const { t } = useI18n();
  const { idOf, describe, invalid } = form;
  return (
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
                  onClick={() => onChange(draft.claimedBy.filter((c) => c !== id))}
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
          onPick(e);
          if (!draft.claimedBy.includes(e.id)) onChange([...draft.claimedBy, e.id]);
        }}
        onError={onError}
        testId="suggest-claimant"
        describedBy={describe("claimedBy", idOf("claimed-hint"))}
        invalid={invalid("claimedBy")}
      />
      <p className="field-hint" id={idOf("claimed-hint")}>
        {t.suggestClaimedByHint}
      </p>
      <FieldProblems id={idOf("err-claimedBy")} field="claimedBy" messages={form.problems.get("claimedBy")} />
    </fieldset>
  );
}
