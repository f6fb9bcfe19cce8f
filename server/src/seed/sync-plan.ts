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

export function entityProps(e: EntityRecord): Props {
  const props = clean({ ...pick(e, ENTITY_PROPERTIES), ...e.attributes });
  return { ...props, hash: hashOf(props) };
}

export function sourceProps(s: SourceRecord): Props {
  const props = clean(pick(s, SOURCE_PROPERTIES));
  return { ...props, hash: hashOf(props) };
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
  return { ...props, hash: hashOf({ ...props, from: r.from, to: r.to }) };
}

/** What the database holds now: ids, hashes, and what decides labels and relationship types. */
export interface CurrentGraph {
  entities: { id: string; kind: string; hash: string }[];
  sources: { id: string; hash: string }[];
  relations: { id: string; type: string; hash: string }[];
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
  /** Sources are upserted: `write` holds new and changed ones, `created` counts the new. */
  sources: { write: Props[]; created: number; delete: string[] };
  /** A relation whose type changed has a new id, so it is a delete plus a create. */
  relations: { create: RelationRow[]; update: RelationRow[]; delete: { id: string; type: string }[] };
  /** What the seed graph holds, and how many records the plan creates, updates and deletes. */
  summary: Omit<SyncSummary, "seconds">;
}

/** The changes that make `current` equal to `wanted`. Pure: no database. */
export function planSync(current: CurrentGraph, wanted: SeedGraph): SyncPlan {
  const entityRows = wanted.entities.map((e) => ({ kind: e.kind, props: entityProps(e) }));
  const sourceRows = wanted.sources.map(sourceProps);
  const relationRows = wanted.relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to, props: relationProps(r) }));

  const entityNow = new Map(current.entities.map((e) => [e.id, e]));
  const sourceHash = new Map(current.sources.map((s) => [s.id, s.hash]));
  const relationNow = new Map(current.relations.map((r) => [r.id, r]));
  const wantedEntities = new Set(entityRows.map((e) => e.props.id as string));
  const wantedSources = new Set(sourceRows.map((s) => s.id as string));
  const wantedRelations = new Map(relationRows.map((r) => [r.id, r.type]));

  const entities = {
    create: entityRows.filter((e) => !entityNow.has(e.props.id as string)),
    update: entityRows.filter((e) => {
      const now = entityNow.get(e.props.id as string);
      return now !== undefined && now.hash !== e.props.hash;
    }),
    delete: current.entities.filter((e) => !wantedEntities.has(e.id)).map((e) => e.id),
  };
  const write = sourceRows.filter((s) => sourceHash.get(s.id as string) !== s.hash);
  const sources = {
    write,
    created: write.filter((s) => !sourceHash.has(s.id as string)).length,
    delete: current.sources.filter((s) => !wantedSources.has(s.id)).map((s) => s.id),
  };
  const relations = {
    create: relationRows.filter((r) => relationNow.get(r.id)?.type !== r.type),
    update: relationRows.filter((r) => {
      const now = relationNow.get(r.id);
      return now !== undefined && now.type === r.type && now.hash !== r.props.hash;
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
      updated: entities.update.length + relations.update.length + (sources.write.length - sources.created),
      deleted: entities.delete.length + relations.delete.length + sources.delete.length,
    },
  };
}
