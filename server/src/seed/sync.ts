/**
 * Makes the database equal to the checked seed graph, in one transaction: it reads what is there,
 * computes the difference (planSync, pure), and writes only that (creates, updates, removals),
 * through the one executor (db/run.ts). A failure anywhere rolls the whole transaction back, so
 * the previous graph stays intact. It touches only nodes
 * labelled AtlasEntity/AtlasSource/AtlasMeta and relationships between AtlasEntity nodes that
 * carry an `id`, so pointed at a shared Neo4j it leaves everything else alone.
 */
import { createHash } from "node:crypto";
import { SingleBar } from "cli-progress";
import { bookmarkManager, type Driver } from "neo4j-driver";
import { endOf, startOf } from "../core/dates.js";
import type { FieldDef } from "../core/fields.js";
import { FIELDS } from "../core/model.generated.js";
import { allowLabel, allowType, syncQueries } from "../db/queries.js";
import { Database } from "../db/run.js";
import type { Ontology } from "../ontology.js";
import type { EntityRecord, RelationRecord, SeedGraph, SourceRecord } from "./model.js";

export const BATCH_SIZE = 10_000;

export interface SyncOptions {
  driver: Driver;
  database?: string;
  ontology: Ontology;
  /** Show a progress bar on stderr when there are more rows than this (default 20k). */
  progressThreshold?: number;
  /** Called before each write batch; a throw aborts the sync (tests use it to fail midway). */
  beforeBatch?: (index: number, total: number) => void;
  log?: (line: string) => void;
}

export interface SyncSummary {
  entities: number;
  relations: number;
  sources: number;
  created: number;
  updated: number;
  deleted: number;
  seconds: number;
}

type Props = Record<string, unknown>;

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

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) out.push(rows.slice(i, i + BATCH_SIZE));
  return out;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

const SYNC_TIMEOUT_MS = 30 * 60_000;

/**
 * The executor the sync writes through (db/run.ts): its sessions chained so each step sees the
 * last, a long timeout, and driver errors passed on as they are (a person reads them, not a client).
 */
function syncDatabase(driver: Driver, database?: string): Database {
  return new Database(driver, { database, timeoutMs: SYNC_TIMEOUT_MS, graphqlErrors: false, bookmarkManager: bookmarkManager() });
}

/** Deletes every node the sync manages, in batches (used only when there is no complete graph). */
async function removeManaged(db: Database): Promise<void> {
  for (const query of syncQueries.removeManagedBatch) {
    for (;;) {
      const [row] = await db.write<{ more: boolean }>("sync", query);
      if (!row?.more) break;
    }
  }
}

async function ensureSchemaWith(db: Database, ontology?: Ontology): Promise<void> {
  const relationIds = (ontology?.relationTypes ?? []).map((t) => syncQueries.relationIdConstraint(allowType(ontology as Ontology, t.type)));
  for (const statement of [...syncQueries.schema(), ...relationIds]) await db.write("syncSchema", statement);
  await db.write("syncSchema", syncQueries.awaitIndexes);
}

export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  await ensureSchemaWith(syncDatabase(driver, database));
}

/** A relation type the database holds: from the ontology, or (removed from it since) a plain name to delete by. */
function storedType(ontology: Ontology, type: string): string {
  if (ontology.relationType(type)) return allowType(ontology, type);
  if (!/^[A-Z][A-Z0-9_]*$/.test(type)) throw new Error(`The database holds a relationship of type ${JSON.stringify(type)} that no sync could have written`);
  return type;
}

interface Step {
  query: string;
  params: Props;
  rows: number;
}

/** The writes of a plan, in order, in batches. */
function stepsOf(plan: SyncPlan, ontology: Ontology): Step[] {
  const allKindLabels = ontology.kinds.map((k) => allowLabel(ontology, k.kind));
  const steps: Step[] = [];
  const add = (query: string, key: "ids" | "rows", rows: unknown[]) => {
    for (const batch of chunks(rows)) steps.push({ query, params: { [key]: batch }, rows: batch.length });
  };
  // A type removed from the ontology is still deleted by its id (the server must start).
  for (const [type, rows] of groupBy(plan.relations.delete, (r) => r.type))
    add(
      syncQueries.deleteRelationsOfType(storedType(ontology, type)),
      "ids",
      rows.map((r) => r.id),
    );
  add(syncQueries.deleteEntities, "ids", plan.entities.delete);
  add(syncQueries.deleteSources, "ids", plan.sources.delete);
  add(syncQueries.upsertSources, "rows", plan.sources.write);
  for (const [kind, rows] of groupBy(plan.entities.create, (e) => e.kind))
    add(
      syncQueries.createEntities(allowLabel(ontology, kind)),
      "rows",
      rows.map((r) => r.props),
    );
  for (const [kind, rows] of groupBy(plan.entities.update, (e) => e.kind))
    add(
      syncQueries.updateEntities(allowLabel(ontology, kind), allKindLabels),
      "rows",
      rows.map((r) => r.props),
    );
  for (const [type, rows] of groupBy(plan.relations.create, (r) => r.type))
    add(
      syncQueries.createRelations(allowType(ontology, type)),
      "rows",
      rows.map(({ from, to, props }) => ({ from, to, props })),
    );
  for (const [type, rows] of groupBy(plan.relations.update, (r) => r.type))
    add(
      syncQueries.updateRelations(allowType(ontology, type)),
      "rows",
      rows.map(({ id, from, props }) => ({ id, from, props })),
    );
  steps.push({
    query: syncQueries.writeMeta,
    params: { entities: plan.summary.entities, relations: plan.summary.relations, sources: plan.summary.sources },
    rows: 0,
  });
  return steps;
}

function progressBar(totalRows: number, options: SyncOptions): SingleBar | undefined {
  if (totalRows <= (options.progressThreshold ?? 20_000) || process.stderr.isTTY === false) return undefined;
  const bar = new SingleBar({ format: "sync [{bar}] {percentage}% | {value}/{total} rows | {eta}s left", stream: process.stderr, hideCursor: true }, undefined);
  bar.start(totalRows, 0);
  return bar;
}

export async function syncSeed(graph: SeedGraph, options: SyncOptions): Promise<SyncSummary> {
  const started = performance.now();
  const { ontology } = options;
  const db = syncDatabase(options.driver, options.database);
  await ensureSchemaWith(db, ontology);
  const seconds = () => (performance.now() - started) / 1000;

  const [marker] = await db.read<{ entities: unknown }>("sync", syncQueries.readMeta);
  if (!marker) {
    // A first load that was killed midway left managed nodes but no seed marker: start it over.
    await removeManaged(db);
    const plan = planSync({ entities: [], sources: [], relations: [] }, graph);
    const steps = stepsOf(plan, ontology);
    const bar = progressBar(
      steps.reduce((n, s) => n + s.rows, 0),
      options,
    );
    // Nothing to protect: commit batch by batch, so a first load of millions of rows does not
    // need one transaction's memory. The seed marker is written last, so until the load is
    // complete /ready stays false; if it fails, what was written is removed again.
    try {
      for (const [index, step] of steps.entries()) {
        options.beforeBatch?.(index, steps.length);
        await db.write("sync", step.query, step.params);
        bar?.increment(step.rows);
      }
    } catch (error) {
      await removeManaged(db);
      throw error;
    } finally {
      bar?.stop();
    }
    return { ...plan.summary, seconds: seconds() };
  }

  // A change to an existing graph is one transaction: a failure leaves the graph as it was. It
  // takes the seed marker's lock first and reads what is there inside the same transaction, so
  // two syncs at once (the CLI and a reload) run one after the other, never both from one state.
  let bar: SingleBar | undefined;
  try {
    const summary = await db.writeTransaction("sync", async (run) => {
      await run(syncQueries.lock);
      const plan = planSync(
        {
          entities: await run<{ id: string; kind: string; hash: string }>(syncQueries.currentEntities),
          sources: await run<{ id: string; hash: string }>(syncQueries.currentSources),
          relations: await run<{ id: string; type: string; hash: string }>(syncQueries.currentRelations),
        },
        graph,
      );
      const steps = stepsOf(plan, ontology);
      const totalRows = steps.reduce((n, s) => n + s.rows, 0);
      // Nothing changed: leave the marker (and so the graph's version) as it is.
      if (totalRows === 0) return plan.summary;
      bar = progressBar(totalRows, options);
      for (const [index, step] of steps.entries()) {
        options.beforeBatch?.(index, steps.length);
        await run(step.query, step.params);
        bar?.increment(step.rows);
      }
      return plan.summary;
    });
    return { ...summary, seconds: seconds() };
  } finally {
    bar?.stop();
  }
}

export function formatSummary(s: SyncSummary): string {
  return `synced ${s.entities} entities, ${s.relations} relations, ${s.sources} sources: ${s.created} created, ${s.updated} updated, ${s.deleted} deleted in ${s.seconds.toFixed(2)} s`;
}
