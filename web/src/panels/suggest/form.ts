/** The suggestion form's fields, and how problems and hints are tied to them (aria-describedby). */
import { problemFromList, sayProblem } from "../../api/problem.js";
import type { RelationSuggestion } from "../../api/types.js";
import type { Lang } from "../../state/view.js";

/** The input fields problems can be about; anything else is about the relation as a whole. */
export const FIELDS = ["from", "type", "to", "sources", "status", "claimedBy", "since", "until", "note", "noteZh", "quote", "key"] as const;
export type Field = (typeof FIELDS)[number] | "relation";

export function fieldOf(name: string | undefined): Field {
  return name && (FIELDS as readonly string[]).includes(name) ? (name as Field) : "relation";
}

export function sourcesFromText(text: string): string[] {
  return [...new Set(text.split(/[\n,]+/).map((s) => s.trim()))].filter(Boolean);
}

/** The problems of a checked suggestion by field, each said in the reader's language. */
export function problemsByField(result: RelationSuggestion | undefined, lang: Lang, generic: string): Map<Field, string[]> {
  const by = new Map<Field, string[]>();
  for (const p of result?.problems ?? []) {
    const field = fieldOf(p.field);
    by.set(field, [...(by.get(field) ?? []), sayProblem(problemFromList(p.code, p.params), p.message, lang, generic)]);
  }
  return by;
}

/** Ids within one form, and the aria attributes that point a field at its hints and problems. */
export interface FormIds {
  idOf(part: string): string;
  describe(field: Field, ...hints: string[]): string | undefined;
  invalid(field: Field): true | undefined;
  problems: ReadonlyMap<Field, string[]>;
}

export function formIds(uid: string, problems: ReadonlyMap<Field, string[]>): FormIds {
  const idOf = (part: string) => `${uid}-${part}`;
  return {
    idOf,
    describe: (field, ...hints) => [...hints, problems.has(field) ? idOf(`err-${field}`) : ""].filter(Boolean).join(" ") || undefined,
    invalid: (field) => problems.has(field) || undefined,
    problems,
  };
}
