/**
 * What a sync must change: the properties stored for each record (with their change hash) and
 * `planSync(current, wanted)`, the creates, updates and deletes that make the database equal the
 * seed. Pure: no database (server/src/seed/sync.ts applies the plan).
 */
import { createHash } from "node:crypto";
import { endOf, startOf } from "../core/dates.js";
import type { FieldDef } from "../core/fields.js";
import { FIELDS } from "../core/model.generated.js";
import type { EntityRecord, RelationRecord, SeedGraph, SourceRecord } from "./model.js";

export interface SyncSummary {
  entities: number;
  relations: number;
  sources: number;
  created: number;
  updated: number;
  deleted: number;
  seconds: number;
}

export type Props = Record<string, unknown>;

function hashOf(props: Props): string {
  return createHash("sha1").update(JSON.stringify(props)).digest("base64url");
}

function clean(props: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

/**
 * The base fields stored as node or relationship properties (fields.yaml): all but the attributes
 * (stored as properties of their own) and nested relations, and for a relation, the type and
 * ends, which are the relationship itself.
 */
const stored = (fields: readonly FieldDef[], shape: string[] = []): string[] =>
  fields.filter((f) => f.type !== "attributes" && f.type !== "relations" && !shape.includes(f.name)).map((f) => f.name);
const ENTITY_PROPERTIES = stored(FIELDS.entity);
const SOURCE_PROPERTIES = stored(FIELDS.source);
const RELATION_PROPERTIES = stored(FIELDS.relation, ["type", "from", "to"]);

function pick(record: object, names: string[]): Props {
  const values = record as Props;
  return Object.fromEntries(names.map((n) => [n, values[n]]));
}

/**
 * The property listing the properties a sync wrote on a node or relationship, so that the next
 * sync removes only its own: whatever else an operator or another tool stored there stays.
 */
export const OWN_KEYS = "atlasKeys";

/** Props with their change hash (of the props alone) and the list of what the sync owns. */
function owned(props: Props, hash = hashOf(props)): Props {
  const out: Props = { ...props, hash };
  out[OWN_KEYS] = [...Object.keys(out), OWN_KEYS].sort();
  return out;
}

/** An update's properties: the new ones, and null (removal) for what the sync wrote before and no longer holds. */
export function replacing(props: Props, before: readonly string[] | null | undefined): Props {
  const cleared = Object.fromEntries((before ?? []).filter((k) => !(k in props)).map((k) => [k, null]));
  return { ...cleared, ...props };
}

/** `openQuestions`: the codes of what the seed does not say yet about it (seed/gaps.ts), none when omitted. */
export function entityProps(e: EntityRecord, openQuestions: readonly string[] = []): Props {
  return owned(clean({ ...pick(e, ENTITY_PROPERTIES), openQuestions: openQuestions.length > 0 ? [...openQuestions] : undefined, ...e.attributes }));
}

/**
 * `citedFrom`: the entities whose relations cite the source (their `from` end), so that a source's
 * relations are found from those entities instead of by scanning every relationship.
 */
export function sourceProps(s: SourceRecord, citedFrom: readonly string[] = []): Props {
  // The hash is of the source's own fields: a relation citing it or not is not a change to the source.
  const props = clean(pick(s, SOURCE_PROPERTIES));
  return owned(citedFrom.length > 0 ? { ...props, citedFrom: [...citedFrom].sort() } : props, hashOf(props));
}

/** For each source, the `from` ends of the relations that cite it. */
export function citingEnds(relations: readonly RelationRecord[]): Map<string, string[]> {
  const ends = new Map<string, Set<string>>();
  for (const r of relations)
    for (const id of r.sources) {
      const set = ends.get(id) ?? new Set<string>();
      set.add(r.from);
      ends.set(id, set);
    }
  return new Map([...ends].map(([id, set]) => [id, [...set]]));
}

export function relationProps(r: RelationRecord): Props {
  const props = clean({
    ...pick(r, RELATION_PROPERTIES),
    // A property cannot hold a list of maps: quotes are stored as JSON text (read back by Relation.quotes).
    quotes: r.quotes.length > 0 ? JSON.stringify(r.quotes) : undefined,
    // Day bounds make `asOf` filters a plain comparison: until 2020 covers all of 2020.
    validFrom: r.since ? startOf(r.since) : undefined,
    validTo: r.until ? endOf(r.until) : undefined,
    // Attribute names never clash with the base fields (the ontology loader checks it).
    ...r.attributes,
  });
  return owned(props, hashOf({ ...props, from: r.from, to: r.to }));
}

/** What the database holds now: ids, hashes, and what decides labels and relationship types. */
export interface CurrentGraph {
  /** `keys`: the properties the last sync wrote (OWN_KEYS); absent in a graph written before it existed. */
  entities: { id: string; kind: string; hash: string; keys?: string[] | null }[];
  sources: { id: string; hash: string; keys?: string[] | null; citedFrom?: string[] | null }[];
  relations: { id: string; type: string; hash: string; keys?: string[] | null }[];
}

export interface EntityRow {
  kind: string;
  props: Props;
}

export interface RelationRow {
  id: string;
  type: string;
  from: string;
  to: string;
  props: Props;
}

/** The difference between the database and the seed graph: what to create, update and delete. */
export interface SyncPlan {
  entities: { create: EntityRow[]; update: EntityRow[]; delete: string[] };
  /** Sources are upserted: `write` holds new and changed ones (or newly cited), `created` and `updated` count the new and changed. */
  sources: { write: Props[]; created: number; updated: number; delete: string[] };
  /** A relation whose type changed has a new id, so it is a delete plus a create. */
  relations: { create: RelationRow[]; update: RelationRow[]; delete: { id: string; type: string }[] };
  /** What the seed graph holds, and how many records the plan creates, updates and deletes. */
  summary: Omit<SyncSummary, "seconds">;
}

/**
 * The changes that make `current` equal to `wanted`, with each entity's open questions (by id) stored
 * on it, and on each relation the day an audit last found it held as it stands. Pure: no database.
 */
export function planSync(
  current: CurrentGraph,
  wanted: SeedGraph,
  openQuestions: ReadonlyMap<string, readonly string[]> = new Map(),
  checkedOn: ReadonlyMap<string, string> = new Map(),
): SyncPlan {
  const entityRows = wanted.entities.map((e) => ({ kind: e.kind, props: entityProps(e, openQuestions.get(e.id)) }));
  const cited = citingEnds(wanted.relations);
  const sourceRows = wanted.sources.map((src) => sourceProps(src, cited.get(src.id)));
  const relationRows = wanted.relations.map((r) => ({
    id: r.id,
    type: r.type,
    from: r.from,
    to: r.to,
    props: relationProps({ ...r, checkedOn: checkedOn.get(r.id) }),
  }));

  const entityNow = new Map(current.entities.map((e) => [e.id, e]));
  const sourceNow = new Map(current.sources.map((s) => [s.id, s]));
  const relationNow = new Map(current.relations.map((r) => [r.id, r]));
  const wantedEntities = new Set(entityRows.map((e) => e.props.id as string));
  const wantedSources = new Set(sourceRows.map((s) => s.id as string));
  const wantedRelations = new Map(relationRows.map((r) => [r.id, r.type]));

  const entities = {
    create: entityRows.filter((e) => !entityNow.has(e.props.id as string)),
    update: entityRows.flatMap((e) => {
      const now = entityNow.get(e.props.id as string);
      return now !== undefined && now.hash !== e.props.hash ? [{ ...e, props: replacing(e.props, now.keys) }] : [];
    }),
    delete: current.entities.filter((e) => !wantedEntities.has(e.id)).map((e) => e.id),
  };
  const sameCitations = (a: unknown, b: unknown) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  const write = sourceRows.flatMap((s) => {
    const now = sourceNow.get(s.id as string);
    return now !== undefined && now.hash === s.hash && sameCitations(now.citedFrom, s.citedFrom) ? [] : [now ? replacing(s, now.keys) : s];
  });
  const sources = {
    write,
    created: write.filter((s) => !sourceNow.has(s.id as string)).length,
    updated: write.filter((s) => {
      const now = sourceNow.get(s.id as string);
      return now !== undefined && now.hash !== s.hash;
    }).length,
    delete: current.sources.filter((s) => !wantedSources.has(s.id)).map((s) => s.id),
  };
  const relations = {
    create: relationRows.filter((r) => relationNow.get(r.id)?.type !== r.type),
    update: relationRows.flatMap((r) => {
      const now = relationNow.get(r.id);
      return now !== undefined && now.type === r.type && now.hash !== r.props.hash ? [{ ...r, props: replacing(r.props, now.keys) }] : [];
    }),
    delete: current.relations.filter((r) => wantedRelations.get(r.id) !== r.type).map(({ id, type }) => ({ id, type })),
  };
  return {
    entities,
    sources,
    relations,
    summary: {
      entities: entityRows.length,
      relations: relationRows.length,
      sources: sourceRows.length,
      created: entities.create.length + relations.create.length + sources.created,
      updated: entities.update.length + relations.update.length + sources.updated,
      deleted: entities.delete.length + relations.delete.length + sources.delete.length,
    },
  };
}

/** The schema objects of `wanted` the database does not have yet (by name), in `wanted`'s order. Pure. */
export function missingSchema<T extends { name: string }>(wanted: T[], existing: { name: string }[]): T[] {
  const names = new Set(existing.map((object) => object.name));
  return wanted.filter((object) => !names.has(object.name));
}
