/**
 * The cross-entity rules for one relation, shared by the validator and the API's suggestion check
 * (so both say the same thing): ends of the right kinds, known ids and sources, claims with their
 * claimant, real dates in order, no duplicate.
 */
import { endOf, isRealPartialDate, PARTIAL_DATE, startOf } from "../core/dates.js";
import { QUOTE_MAX_LENGTH, type QuoteRecord } from "../core/fields.js";
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
export function relationProblems(
  ontology: Ontology,
  from: { id: string; kind: string },
  raw: RelationInput,
  lookups: RelationLookups,
): { field: PathSegment[] | undefined; message: string }[] {
  const out: { field: PathSegment[] | undefined; message: string }[] = [];
  const type = ontology.relationType(raw.type);
  const targetKind = lookups.kindOf(raw.to);
  if (!type)
    out.push({
      field: ["type"],
      message: `unknown relation type ${JSON.stringify(raw.type)}; use one of ${ontology.relationTypes.map((t) => t.type).join(", ")}`,
    });
  if (!targetKind)
    out.push({ field: ["to"], message: `unknown entity id "${raw.to}": no file seed/entities/*/${raw.to}.yaml; check the spelling or add the entity` });
  if (raw.to === from.id) out.push({ field: ["to"], message: `a relation cannot point at its own entity (${from.id})` });
  if (type && !type.from.includes(from.kind))
    out.push({
      field: ["type"],
      message: `${raw.type} cannot start at ${kindPhrase(ontology, from.kind)} (${from.id}); it goes from ${kindsPhrase(ontology, type.from)}`,
    });
  if (type && targetKind && !type.to.includes(targetKind))
    out.push({
      field: ["to"],
      message: `${raw.type} cannot end at ${kindPhrase(ontology, targetKind)} (${raw.to}); it goes to ${kindsPhrase(ontology, type.to)}`,
    });
  if (raw.sources.length === 0) out.push({ field: ["sources"], message: "a relation needs at least one source: add its id under sources" });
  for (const [j, sid] of raw.sources.entries())
    if (!lookups.hasSource(sid))
      out.push({ field: ["sources", j], message: `unknown source id "${sid}": no file seed/sources/${sid}.yaml; add the source or fix the id` });
  for (const [j, cid] of (raw.claimedBy ?? []).entries())
    if (!lookups.kindOf(cid))
      out.push({ field: ["claimedBy", j], message: `unknown entity id "${cid}" in claimedBy; name who makes the claim by an entity id` });
  const statuses = ontology.statuses.map((s) => s.name);
  if (!statuses.includes(raw.status))
    out.push({ field: ["status"], message: `status must be one of ${statuses.join(", ")}; got ${JSON.stringify(raw.status)}` });
  if (raw.status === "claimed" && !raw.claimedBy?.length)
    out.push({ field: ["status"], message: "a claimed relation needs `claimedBy`: the ids of who claims it" });
  if ((raw.status === "claimed" || raw.status === "disputed") && raw.note && !raw.noteZh)
    out.push({
      field: ["note"],
      message: `a ${raw.status} relation with a note needs \`noteZh\`: the note in Chinese, so readers of both languages see what is claimed`,
    });
  if ((raw.status === "claimed" || raw.status === "disputed") && !raw.quotes?.length)
    out.push({
      field: ["status"],
      message: `a ${raw.status} relation needs a quote: under \`quotes\`, the sentence of a cited source that states it, with its translation (seed/README.md, "Quotes")`,
    });
  for (const field of ["since", "until"] as const) {
    const value = raw[field];
    if (value && !new RegExp(PARTIAL_DATE).test(value))
      out.push({ field: [field], message: `${field} must be a partial ISO date such as 2019, 2019-05 or 2019-05-16; got ${JSON.stringify(value)}` });
    else if (value && !isRealPartialDate(value)) out.push({ field: [field], message: `${field} ${value} is not a real calendar date` });
  }
  if (raw.since && raw.until && startOf(raw.since) > endOf(raw.until))
    out.push({ field: ["until"], message: `until ${raw.until} is before since ${raw.since}` });
  out.push(...quoteProblems(raw, lookups));
  const id = relationId(from.id, raw.type, raw.to, raw.key);
  const mirror = type?.symmetric ? relationId(raw.to, raw.type, from.id, raw.key) : undefined;
  const duplicateOf = lookups.duplicateOf(id, mirror);
  if (duplicateOf)
    out.push({
      field: undefined,
      message: `duplicate relation ${id}${duplicateOf.includes(":") ? `, also at ${duplicateOf}` : ""}; merge them, or give each a distinct \`key\``,
    });
  return out;
}

const CHINESE = /[\u3400-\u9fff]/;

/** A relation's quotes: from a source it cites, in that source's language, translated across. */
function quoteProblems(raw: RelationInput, lookups: RelationLookups): { field: PathSegment[]; message: string }[] {
  const out: { field: PathSegment[]; message: string }[] = [];
  for (const [j, q] of (raw.quotes ?? []).entries()) {
    const at = (field: string): PathSegment[] => ["quotes", j, field];
    if (!raw.sources.includes(q.source)) {
      out.push({
        field: at("source"),
        message: `quote source "${q.source}" is not one this relation cites; quote one of ${raw.sources.join(", ")} or add it under sources`,
      });
      continue;
    }
    if (q.text.length > QUOTE_MAX_LENGTH)
      out.push({ field: at("text"), message: `a quote is at most ${QUOTE_MAX_LENGTH} characters (a sentence or two); this one has ${q.text.length}` });
    if (!q.language) continue;
    const language = lookups.sourceLanguage(q.source);
    if (language && language !== q.language)
      out.push({
        field: at("language"),
        message: `the quote says language ${q.language}, but source ${q.source} is in ${language}; quote the source in its own words`,
      });
    if (q.language === "zh" && !CHINESE.test(q.text))
      out.push({ field: at("text"), message: "a quote in Chinese (language zh) must be in Chinese characters, as the source writes it" });
    if (q.language !== "zh" && !CHINESE.test(q.translation))
      out.push({
        field: at("translation"),
        message: `the translation of a quote in ${q.language} must be in Chinese; only quotes in Chinese are translated into English`,
      });
    if (q.language === "zh" && CHINESE.test(q.translation))
      out.push({ field: at("translation"), message: "the translation of a quote in Chinese must be in English" });
  }
  return out;
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
