/**
 * The cross-entity rules for one relation, shared by the validator and the API's suggestion check
 * (so both say the same thing): ends of the right kinds, known ids and sources, claims with their
 * claimant, real dates in order, no duplicate.
 */
import { endOf, isRealPartialDate, PARTIAL_DATE, startOf } from "../core/dates.js";
import { QUOTE_MAX_LENGTH, type QuoteRecord } from "../core/fields.js";
import { type ProblemCode, type ProblemParams, problemText } from "../core/problems.js";
import type { Ontology } from "../ontology.js";
import { relationId } from "./model.js";

type PathSegment = string | number;

export interface RelationInput {
  type: string;
  to: string;
  key?: string;
  status: string;
  claimedBy?: string[];
  since?: string;
  until?: string;
  sources: string[];
  quotes?: QuoteRecord[];
  note?: string;
  noteZh?: string;
}

/** A relation someone proposes, with the entity it starts at (the CLI and the API's suggestion check). */
export interface ProposedRelation extends RelationInput {
  from: string;
  note?: string;
  noteZh?: string;
}

export interface RelationLookups {
  /** The kind of an entity, or undefined when there is no such entity. */
  kindOf(id: string): string | undefined;
  hasSource(id: string): boolean;
  /** The language of a source (its `language`), or undefined when there is no such source. */
  sourceLanguage(id: string): string | undefined;
  /** Where an existing relation with this id (or its mirror, for symmetric types) is, if any. */
  duplicateOf(id: string, mirror: string | undefined): string | undefined;
}

/**
 * The cross-entity rules for one relation (the structure is checked by the JSON Schema first).
 * Used by the validator and by the API's suggestion check, so both say the same thing.
 * `field` is the path inside the relation the problem is about (empty: the relation itself).
 */
export interface RelationProblem {
  field: PathSegment[] | undefined;
  message: string;
  /** Which problem, and its parameters: the explorer says it in the reader's language (core/problems.ts). */
  code: ProblemCode;
  params: ProblemParams;
}

function problem(field: PathSegment[] | undefined, code: ProblemCode, params: ProblemParams = {}): RelationProblem {
  return { field, code, params, message: problemText(code, params, "en") };
}

export function relationProblems(ontology: Ontology, from: { id: string; kind: string }, raw: RelationInput, lookups: RelationLookups): RelationProblem[] {
  const out: RelationProblem[] = [];
  const type = ontology.relationType(raw.type);
  const targetKind = lookups.kindOf(raw.to);
  if (!type) out.push(problem(["type"], "UNKNOWN_TYPE", { value: JSON.stringify(raw.type), allowed: ontology.relationTypes.map((t) => t.type).join(", ") }));
  if (!targetKind) out.push(problem(["to"], "UNKNOWN_TO", { id: raw.to }));
  if (raw.to === from.id) out.push(problem(["to"], "SELF_RELATION", { id: from.id }));
  if (type && !type.from.includes(from.kind))
    out.push(problem(["type"], "WRONG_START", { type: raw.type, id: from.id, ...kindParams(ontology, from.kind, type.from) }));
  if (type && targetKind && !type.to.includes(targetKind))
    out.push(problem(["to"], "WRONG_END", { type: raw.type, id: raw.to, ...kindParams(ontology, targetKind, type.to) }));
  if (raw.sources.length === 0) out.push(problem(["sources"], "NO_SOURCE"));
  for (const [j, sid] of raw.sources.entries()) if (!lookups.hasSource(sid)) out.push(problem(["sources", j], "UNKNOWN_SOURCE", { id: sid }));
  for (const [j, cid] of (raw.claimedBy ?? []).entries()) if (!lookups.kindOf(cid)) out.push(problem(["claimedBy", j], "UNKNOWN_CLAIMANT", { id: cid }));
  const statuses = ontology.statuses.map((s) => s.name);
  if (!statuses.includes(raw.status)) out.push(problem(["status"], "BAD_STATUS", { allowed: statuses.join(", "), value: JSON.stringify(raw.status) }));
  if (raw.status === "claimed" && !raw.claimedBy?.length) out.push(problem(["status"], "CLAIM_WITHOUT_CLAIMANT"));
  if ((raw.status === "claimed" || raw.status === "disputed") && raw.note && !raw.noteZh)
    out.push(problem(["note"], "NOTE_WITHOUT_ZH", { status: raw.status }));
  if ((raw.status === "claimed" || raw.status === "disputed") && !raw.quotes?.length)
    out.push(problem(["status"], "CLAIM_WITHOUT_QUOTE", { status: raw.status }));
  for (const field of ["since", "until"] as const) {
    const value = raw[field];
    if (value && !new RegExp(PARTIAL_DATE).test(value)) out.push(problem([field], "DATE_MALFORMED", { field, value: JSON.stringify(value) }));
    else if (value && !isRealPartialDate(value)) out.push(problem([field], "DATE_NOT_REAL", { field, value }));
  }
  if (raw.since && raw.until && startOf(raw.since) > endOf(raw.until))
    out.push(problem(["until"], "UNTIL_BEFORE_SINCE", { until: raw.until, since: raw.since }));
  out.push(...quoteProblems(raw, lookups));
  const id = relationId(from.id, raw.type, raw.to, raw.key);
  const mirror = type?.symmetric ? relationId(raw.to, raw.type, from.id, raw.key) : undefined;
  const duplicateOf = lookups.duplicateOf(id, mirror);
  if (duplicateOf) out.push(problem(undefined, "DUPLICATE_RELATION", { id, also: duplicateOf.includes(":") ? `, also at ${duplicateOf}` : "" }));
  return out;
}

const CHINESE = /[\u3400-\u9fff]/;

/** A relation's quotes: from a source it cites, in that source's language, translated across. */
function quoteProblems(raw: RelationInput, lookups: RelationLookups): RelationProblem[] {
  const out: RelationProblem[] = [];
  for (const [j, q] of (raw.quotes ?? []).entries()) {
    const at = (field: string): PathSegment[] => ["quotes", j, field];
    if (!raw.sources.includes(q.source)) {
      out.push(problem(at("source"), "QUOTE_SOURCE_NOT_CITED", { source: q.source, sources: raw.sources.join(", ") }));
      continue;
    }
    if (q.text.length > QUOTE_MAX_LENGTH) out.push(problem(at("text"), "QUOTE_TOO_LONG", { max: QUOTE_MAX_LENGTH, length: q.text.length }));
    if (!q.language) continue;
    const language = lookups.sourceLanguage(q.source);
    if (language && language !== q.language)
      out.push(problem(at("language"), "QUOTE_WRONG_LANGUAGE", { language: q.language, source: q.source, sourceLanguage: language }));
    if (q.language === "zh" && !CHINESE.test(q.text)) out.push(problem(at("text"), "QUOTE_NOT_CHINESE"));
    if (q.language !== "zh" && !CHINESE.test(q.translation)) out.push(problem(at("translation"), "TRANSLATION_NOT_CHINESE", { language: q.language }));
    if (q.language === "zh" && CHINESE.test(q.translation)) out.push(problem(at("translation"), "TRANSLATION_NOT_ENGLISH"));
  }
  return out;
}

/** A kind at an end and the kinds allowed there, as an English phrase and by their Chinese labels. */
function kindParams(ontology: Ontology, kind: string, allowed: string[]): ProblemParams {
  const zh = (k: string) => ontology.kind(k)?.labelZh ?? k;
  return { kindPhrase: kindPhrase(ontology, kind), allowedPhrase: kindsPhrase(ontology, allowed), kind: zh(kind), allowed: allowed.map(zh).join("、") };
}

/** "an organization", "a chip": a kind as a reader says it. */
function kindPhrase(ontology: Ontology, kind: string): string {
  const label = (ontology.kind(kind)?.label ?? kind).toLowerCase();
  return `${/^[aeiou]/.test(label) ? "an" : "a"} ${label}`;
}

/** "a person", "a chip, a system or a model". */
function kindsPhrase(ontology: Ontology, kinds: string[]): string {
  const phrases = kinds.map((k) => kindPhrase(ontology, k));
  return phrases.length > 1 ? `${phrases.slice(0, -1).join(", ")} or ${phrases[phrases.length - 1]}` : (phrases[0] ?? "");
}
