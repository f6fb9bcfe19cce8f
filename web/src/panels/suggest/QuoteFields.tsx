/** The Chinese note, and one quote of a cited source with its translation and which source it is from. */
import { useI18n } from "../../i18n/index.js";
import type { SuggestDraft } from "../../state/view.js";
import { FieldProblems } from "./FieldProblems.js";
import type { FormIds } from "./form.js";

type Update = (change: Partial<SuggestDraft>) => void;

export function QuoteFields({ draft, form, update }: { draft: SuggestDraft; form: FormIds; update: Update }) {
  const { t } = useI18n();
  const { idOf, describe, invalid } = form;
  return (
    <>
      <div className="suggest-field">
        <label htmlFor={idOf("noteZh")} className="field-label">
          {t.suggestNoteZh}
        </label>
        <textarea
          id={idOf("noteZh")}
          lang="zh-CN"
          rows={2}
          maxLength={2000}
          value={draft.noteZh}
          onChange={(e) => update({ noteZh: e.target.value })}
          aria-describedby={describe("noteZh")}
          aria-invalid={invalid("noteZh")}
          data-testid="suggest-note-zh"
        />
        <FieldProblems id={idOf("err-noteZh")} field="noteZh" messages={form.problems.get("noteZh")} />
      </div>
      <fieldset className="suggest-field suggest-quote" aria-describedby={describe("quote", idOf("quote-hint"))}>
        <legend className="field-label">{t.suggestQuote}</legend>
        <p className="field-hint" id={idOf("quote-hint")}>
          {t.suggestQuoteHint}
        </p>
        <textarea
          id={idOf("quote")}
          aria-label={t.suggestQuote}
          rows={2}
          maxLength={2000}
          value={draft.quote}
          onChange={(e) => update({ quote: e.target.value })}
          aria-invalid={invalid("quote")}
          data-testid="suggest-quote"
        />
        <label htmlFor={idOf("quote-translation")} className="field-label">
          {t.suggestQuoteTranslation}
        </label>
        <textarea
          id={idOf("quote-translation")}
          rows={2}
          maxLength={4000}
          value={draft.quoteTranslation}
          onChange={(e) => update({ quoteTranslation: e.target.value })}
          aria-describedby={idOf("quote-translation-hint")}
          data-testid="suggest-quote-translation"
        />
        <p className="field-hint" id={idOf("quote-translation-hint")}>
          {t.suggestQuoteTranslationHint}
        </p>
        <label htmlFor={idOf("quote-source")} className="field-label">
          {t.suggestQuoteSource}
        </label>
        <select
          id={idOf("quote-source")}
          value={draft.quoteSource}
          onChange={(e) => update({ quoteSource: e.target.value })}
          data-testid="suggest-quote-source"
        >
          <option value="">{t.suggestQuoteSourceFirst}</option>
          {draft.sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <FieldProblems id={idOf("err-quote")} field="quote" messages={form.problems.get("quote")} />
      </fieldset>
    </>
  );
}
