/** Free-text fields: the dates it holds between, a note, and a key that tells two relations apart. */
import { useI18n } from "../../i18n/index.js";
import type { SuggestDraft } from "../../state/view.js";
import { FieldProblems } from "./FieldProblems.js";
import type { FormIds } from "./form.js";

type Update = (change: Partial<SuggestDraft>) => void;

export function DateFields({ draft, form, update }: { draft: SuggestDraft; form: FormIds; update: Update }) {
  const { t } = useI18n();
  const { idOf, describe, invalid } = form;
  return (
    <>
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
            <FieldProblems id={idOf(`err-${field}`)} field={field} messages={form.problems.get(field)} />
          </div>
        ))}
      </div>
      <p className="field-hint" id={idOf("date-hint")}>
        {t.suggestDateHint}
      </p>
    </>
  );
}

export function NoteField({ draft, form, update }: { draft: SuggestDraft; form: FormIds; update: Update }) {
  const { t } = useI18n();
  const { idOf, describe, invalid } = form;
  return (
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
      <FieldProblems id={idOf("err-note")} field="note" messages={form.problems.get("note")} />
    </div>
  );
}

export function KeyField({ draft, form, update }: { draft: SuggestDraft; form: FormIds; update: Update }) {
  const { t } = useI18n();
  const { idOf, describe, invalid } = form;
  return (
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
      <FieldProblems id={idOf("err-key")} field="key" messages={form.problems.get("key")} />
    </div>
  );
}
