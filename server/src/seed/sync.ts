/**
 * Makes the database equal to the checked seed graph, in one transaction: it reads what is there,
 * computes the difference (planSync, pure), and writes only that (creates, updates, removals),
 * through the one executor (db/run.ts). A failure anywhere rolls the whole transaction back, so
 * the previous graph stays intact. It touches only nodes
 * labelled AtlasEntity/AtlasSource/AtlasMeta and relationships between AtlasEntity nodes that
 * carry an `id`, so pointed at a shared Neo4j it leaves everything else alone.
 */
import { SingleBar } from "cli-progress";
import { bookmarkManager, type Driver } from "neo4j-driver";
import { allowLabel, allowType, ENTITY_LABEL, SOURCE_LABEL, syncQueries } from "../db/queries.js";
import { Database, type RunInTransaction } from "../db/run.js";
import type { Ontology } from "../ontology.js";
import { checkedOnOf } from "./audits.js";
import { openQuestionsOf } from "./gaps.js";
import type { SeedGraph } from "./model.js";
import { type CurrentGraph, missingSchema, type Props, planSync, type SyncPlan, type SyncSummary } from "./sync-plan.js";

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

export {
  type CurrentGraph,
  citingEnds,
  type EntityRow,
  entityProps,
  planSync,
  type RelationRow,
  relationProps,
  type SyncPlan,
  type SyncSummary,
  sourceProps,
} from "./sync-plan.js";

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

/**
 * Creates the indexes and constraints that are missing, and waits until every index is ready. The
 * database is asked what it has first (one read), so a sync over a complete schema writes nothing
 * here: creating each of its forty-odd objects `IF NOT EXISTS` cost a write transaction apiece.
 */
async function ensureSchemaWith(db: Database, ontology?: Ontology): Promise<void> {
  const wanted = syncQueries.schema((ontology?.relationTypes ?? []).map((t) => allowType(ontology as Ontology, t.type)));
  const indexes = await db.read<{ name: string; state: string }>("syncSchema", syncQueries.indexes);
  const missing = missingSchema(wanted, indexes);
  // In one transaction: a fresh database's forty-odd indexes and constraints commit once, not one by one.
  if (missing.length > 0)
    await db.writeTransaction("syncSchema", async (run) => {
      for (const object of missing) await run(object.create);
    });
  // Only ours count: on a shared Neo4j, someone else's index being built is not ours to wait for.
  const ours = new Set(wanted.map((object) => object.name));
  const notReady = indexes.some((index) => ours.has(index.name) && index.state !== "ONLINE");
  if (missing.length > 0 || notReady) await db.write("syncSchema", syncQueries.awaitIndexes);
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

/**
 * The sync deletes only what it wrote: an entity or source removed from the seed that relationships
 * written by someone else still touch is not deleted with them. The sync stops instead, saying which.
 */
async function refuseForeignDeletes(run: RunInTransaction, plan: SyncPlan): Promise<void> {
  const held: string[] = [];
  for (const [label, ids] of [
    [ENTITY_LABEL, plan.entities.delete],
    [SOURCE_LABEL, plan.sources.delete],
  ] as const) {
    if (ids.length === 0) continue;
    const rows = await run<{ id: string; types: string[]; count: unknown }>(syncQueries.foreignAttached(label), { ids });
    for (const row of rows) held.push(`\`${row.id}\` (${Number(row.count)} relationship(s) of type ${row.types.join(", ")})`);
  }
  if (held.length > 0)
    throw new Error(
      `The seed no longer holds ${held.join("; ")}, but relationships that the sync did not write are attached to it in Neo4j. The sync deletes only what it wrote, so it stopped and changed nothing: delete those relationships yourself, or keep the record in seed/.`,
    );
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
  add(
    syncQueries.createEntities,
    "rows",
    plan.entities.create.map((e) => ({ label: allowLabel(ontology, e.kind), props: e.props })),
  );
  for (const [kind, rows] of groupBy(plan.entities.update, (e) => e.kind))
    add(
      syncQueries.updateEntities(allowLabel(ontology, kind), allKindLabels),
      "rows",
      rows.map((r) => r.props),
    );
  add(
    syncQueries.createRelations,
    "rows",
    plan.relations.create.map(({ type, from, to, props }) => ({ type: allowType(ontology, type), from, to, props })),
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
  const openQuestions = openQuestionsOf(graph, ontology);
  const checkedOn = checkedOnOf(graph.audits ?? [], graph.relations);
  const db = syncDatabase(options.driver, options.database);
  await ensureSchemaWith(db, ontology);
  const seconds = () => (performance.now() - started) / 1000;

  const [marker] = await db.read<{ entities: unknown }>("sync", syncQueries.readMeta);
  if (!marker) {
    // A first load that was killed midway left managed nodes but no seed marker: start it over.
    await removeManaged(db);
    const plan = planSync({ entities: [], sources: [], relations: [] }, graph, openQuestions, checkedOn);
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
          entities: await run<CurrentGraph["entities"][number]>(syncQueries.currentEntities),
          sources: await run<CurrentGraph["sources"][number]>(syncQueries.currentSources),
          relations: await run<CurrentGraph["relations"][number]>(syncQueries.currentRelations),
        },
        graph,
        openQuestions,
        checkedOn,
      );
      await refuseForeignDeletes(run, plan);
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
