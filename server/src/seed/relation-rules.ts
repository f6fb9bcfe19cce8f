/**
 * The cross-entity rules for one relation, shared by the validator and the API's suggestion check
 * (so both say the same thing): ends of the right kinds, known ids and sources, claims with their
 * claimant, real dates in order, no duplicate.
 */
import { endOf, isRealPartialDate, PARTIAL_DATE, startOf } from "../core/dates.js";
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
}

/** A relation someone proposes, with the entity it starts at (the CLI and the API's suggestion check). */
export interface ProposedRelation extends RelationInput {
  from: string;
  note?: string;
}

export interface RelationLookups {
  /** The kind of an entity, or undefined when there is no such entity. */
  kindOf(id: string): string | undefined;
  hasSource(id: string): boolean;
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
  for (const field of ["since", "until"] as const) {
    const value = raw[field];
    if (value && !new RegExp(PARTIAL_DATE).test(value))
      out.push({ field: [field], message: `${field} must be a partial ISO date such as 2019, 2019-05 or 2019-05-16; got ${JSON.stringify(value)}` });
    else if (value && !isRealPartialDate(value)) out.push({ field: [field], message: `${field} ${value} is not a real calendar date` });
  }
  if (raw.since && raw.until && startOf(raw.since) > endOf(raw.until))
    out.push({ field: ["until"], message: `until ${raw.until} is before since ${raw.since}` });
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
