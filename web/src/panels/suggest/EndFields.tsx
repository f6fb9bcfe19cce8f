/** The relation's ends and type: two entity searches and the types the ontology allows between them. */
import type { EntityCore, OntologyInfo, RelationTypeInfo } from "../../api/types.js";
import { relationLabel } from "../../graph/elements.js";
import { fill, useI18n } from "../../i18n/index.js";
import { SearchBox } from "../SearchBox.js";
import { FieldProblems } from "./FieldProblems.js";
import type { FormIds } from "./form.js";

export function EntityField({
  field,
  label,
  initial,
  ontology,
  form,
  onPick,
  onClear,
  onError,
}: {
  field: "from" | "to";
  label: string;
  initial: string;
  ontology: OntologyInfo;
  form: FormIds;
  onPick(entity: EntityCore): void;
  onClear(): void;
  onError(error: unknown): void;
}) {
  const { t } = useI18n();
  return (
    <div className="suggest-field">
      <SearchBox
        label={label}
        placeholder={t.searchPlaceholder}
        ontology={ontology}
        keepPick
        initial={initial}
        onPick={onPick}
        onClear={onClear}
        onError={onError}
        testId={`suggest-${field}`}
        describedBy={form.describe(field)}
        invalid={form.invalid(field)}
        required
      />
      <FieldProblems id={form.idOf(`err-${field}`)} field={field} messages={form.problems.get(field)} />
    </div>
  );
}

/** The relation types allowed from one kind to the other (all while an end is missing). */
export function allowedTypes(ontology: OntologyInfo, from: EntityCore | undefined, to: EntityCore | undefined): RelationTypeInfo[] {
  return ontology.relationTypes.filter((rt) => (!from || !rt.from || rt.from.includes(from.kind)) && (!to || !rt.to || rt.to.includes(to.kind)));
}

export function TypeField({
  type,
  ontology,
  allowed,
  endsChosen,
  form,
  onChange,
}: {
  type: string | undefined;
  ontology: OntologyInfo;
  allowed: RelationTypeInfo[];
  endsChosen: boolean;
  form: FormIds;
  onChange(type: string | undefined): void;
}) {
  const { t, lang } = useI18n();
  const { idOf, describe, invalid } = form;
  const chosen = ontology.relationTypes.find((rt) => rt.type === type);
  const typeAllowed = !type || allowed.some((rt) => rt.type === type);
  const option = (value: string) => `${relationLabel(value, ontology, lang)} (${value})`;
  return (
    <div className="suggest-field">
      <label htmlFor={idOf("type")} className="field-label">
        {t.suggestType}
      </label>
      <select
        id={idOf("type")}
        value={type ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
        aria-describedby={describe("type", idOf("type-hint"))}
        aria-invalid={invalid("type") || !typeAllowed || undefined}
        aria-required
        data-testid="suggest-type"
      >
        <option value="">{t.suggestChooseType}</option>
        {type && !typeAllowed && <option value={type}>{fill(t.suggestNotAllowed, { type: option(type) })}</option>}
        {allowed.map((rt) => (
          <option key={rt.type} value={rt.type}>
            {option(rt.type)}
          </option>
        ))}
      </select>
      {/* the ontology describes its types in English only */}
      <p className="field-hint" id={idOf("type-hint")} lang={chosen?.description ? "en" : undefined}>
        {chosen?.description ?? (endsChosen ? "" : t.suggestTypeNeedsEnds)}
      </p>
      <FieldProblems id={idOf("err-type")} field="type" messages={form.problems.get("type")} />
    </div>
  );
}
