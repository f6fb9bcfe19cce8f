/**
 * What the six analysis root fields share: reading the graph's version (one tiny query), the
 * dependency layer (one query, skipped while the version is unchanged: the layer is cached per
 * version), and the entities and relations an answer names (one more). So each analysis field
 * runs two or three queries, whatever the selection. Entities returned here carry their
 * properties and attributes but not nested `relations` (ask `entity` or `neighborhood` for those).
 */
import type { GraphQLResolveInfo } from "graphql";
import { DependencyLayer, type LayerData, type LayerNode, type LayerRelation } from "../analysis/layer.js";
import type { Scenario } from "../analysis/rule.js";
import type { Context } from "../context.js";
import { dayOf } from "../core/dates.js";
import { LAYER_FIELDS, QUOTE_SOURCES, readQueries } from "../db/queries.js";
import { type Plain, type PlainObject, toList, toRows } from "../db/records.js";
import type { Ontology } from "../ontology.js";
import { analysisShapes } from "./analysis-shape.js";
import { asOfDay, countryCode, id, intIn } from "./args.js";
import { notFound } from "./errors.js";
import { runRead } from "./run.js";

/** Marks entities fetched for an analysis: their nested lists were not fetched. */
export const ANALYSIS_ENTITY = "_analysisEntity";

export const ANALYSIS_LIMITS = { depth: 12, first: 2_000, chokepointsFirst: 200 } as const;

/** Objects charged to the request's budget per entity an analysis may return (node, edges, providers). */
export const ANALYSIS_COST_PER_ENTITY = 5;

function layerTypes(ontology: Ontology): string[] {
  return ontology.relationTypes.filter((t) => t.dependency || t.restriction || t.exemption || t.suspension).map((t) => t.type);
}

/** The day an analysis is about: `asOf`, or today (ATLAS_TODAY fixes it for reproducible runs). */
export function analysisDay(asOf: unknown): string {
  return asOfDay(asOf) ?? process.env.ATLAS_TODAY ?? dayOf(new Date());
}

/** Layers built from one graph version, by day: a few days (today, the as-of slider's) are kept. */
const LAYER_DAYS_KEPT = 8;

/** The last layer data read, by graph version and ontology (a sync writes a new version), and its layers by day. */
const cache = new WeakMap<Ontology, { version: string; data: LayerData; byDay: Map<string, DependencyLayer> }>();

/**
 * The layer an analysis answers from. An answer is computed in the server's one thread, so answers
 * wait for one another: one whose client has gone by the time the layer is ready is not computed.
 */
export async function loadLayer(ctx: Context, day: string): Promise<DependencyLayer> {
  const layer = await layerOn(ctx, day);
  ctx.gate.stillWanted();
  return layer;
}

async function layerOn(ctx: Context, day: string): Promise<DependencyLayer> {
  const [meta] = await runRead(ctx, { name: "graphVersion", cypher: readQueries.graphVersion, params: {} });
  const version = typeof meta?.version === "string" ? meta.version : null;
  let entry = cache.get(ctx.ontology);
  if (version === null) return new DependencyLayer(ctx.ontology, await readLayer(ctx), day);
  if (entry?.version !== version) {
    // Requests that arrive together while the layer is read share one read.
    const key = `${version}`;
    const pending = reading.get(ctx.ontology);
    const read = pending?.version === key ? pending.data : readLayer(ctx);
    if (pending?.version !== key) reading.set(ctx.ontology, { version: key, data: read });
    try {
      const data = await read;
      entry = cache.get(ctx.ontology);
      if (entry?.version !== version) {
        entry = { version, data, byDay: new Map() };
        cache.set(ctx.ontology, entry);
      }
    } finally {
      if (reading.get(ctx.ontology)?.data === read) reading.delete(ctx.ontology);
    }
  }
  // The same layer object for the same version and day, so answers computed from it (the
  // chokepoint rankings) are computed once.
  let layer = entry.byDay.get(day);
  if (!layer) {
    layer = new DependencyLayer(ctx.ontology, entry.data, day);
    if (entry.byDay.size >= LAYER_DAYS_KEPT) entry.byDay.delete(entry.byDay.keys().next().value as string);
    entry.byDay.set(day, layer);
  }
  return layer;
}

/** Layer reads under way, by ontology, with the version they read. */
const reading = new WeakMap<Ontology, { version: string; data: Promise<LayerData> }>();

async function readLayer(ctx: Context): Promise<LayerData> {
  // Requests arriving meanwhile share this read (layerOn): it runs even if this one's client goes.
  const [row] = await runRead(ctx, readQueries.analysisLayer(layerTypes(ctx.ontology)), undefined, { evenIfGone: true });
  return {
    nodes: toRows(row?.nodes, Object.keys(LAYER_FIELDS.node)) as unknown as LayerNode[],
    relations: toRows(row?.relations, Object.keys(LAYER_FIELDS.relation)).map(withoutNulls) as unknown as LayerRelation[],
  };
}

function withoutNulls(o: PlainObject): PlainObject {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
}

export function requireEntity(layer: DependencyLayer, argument: string, value: unknown): string {
  const key = id(argument, value);
  if (!layer.node(key)) throw notFound("ENTITY_NOT_FOUND", { ids: JSON.stringify(key) });
  return key;
}

export function depthArg(value: unknown): number {
  return intIn("depth", value, 1, ANALYSIS_LIMITS.depth);
}

export function firstArg(value: unknown, max: number = ANALYSIS_LIMITS.first): number {
  return intIn("first", value, 1, max);
}

/** The counterfactual of `country` and `countries` (ISO codes, upper-cased, together), else the rules in force. */
export function scenarioOf(country: unknown, countries?: readonly unknown[] | null): Scenario {
  const codes = [
    ...(country === null || country === undefined ? [] : [countryCode("country", country)]),
    ...(countries ?? []).map((c) => countryCode("countries", c)),
  ];
  return codes.length === 0 ? { rules: true } : { countries: [...new Set(codes)] };
}

/** An entity (or source) as an analysis fetched it: its properties, without nested lists. */
export function markFetched(o: unknown): PlainObject {
  return { ...(o as PlainObject), [ANALYSIS_ENTITY]: true };
}

/** A relation as an analysis fetched it, its ends, claimants and sources marked the same way. */
export function markRelationFetched(r: PlainObject): PlainObject {
  const list = (v: Plain | undefined) => (Array.isArray(v) ? v.map(markFetched) : []);
  return { ...r, from: markFetched(r.from), to: markFetched(r.to), claimedBy: list(r.claimedBy), sources: list(r.sources), [QUOTE_SOURCES]: list(r.sources) };
}

export interface Projection {
  entity(id: string): PlainObject | null;
  entities(ids: string[]): PlainObject[];
  relation(id: string): PlainObject | null;
  relations(ids: string[]): PlainObject[];
}

/** Fetches, in one query, every entity and relation the answer names. */
export async function project(
  ctx: Context,
  layer: DependencyLayer,
  entityIds: Iterable<string>,
  relationIds: Iterable<string>,
  info: GraphQLResolveInfo,
): Promise<Projection> {
  const ids = [...new Set(entityIds)];
  const rels = [...new Set(relationIds)].flatMap((id) => {
    const r = layer.relationById.get(id);
    return r ? [{ id, from: r.from, to: r.to }] : [];
  });
  const [row] = await runRead(ctx, readQueries.analysisProjection(ids, rels, analysisShapes(info)));
  const entities = new Map<string, PlainObject>(toList(row?.entities).map((e) => [String(e.id), markFetched(e)]));
  const relations = new Map<string, PlainObject>(toList(row?.relations).map((r) => [String(r.id), markRelationFetched(r)]));
  return {
    entity: (x) => entities.get(x) ?? null,
    entities: (xs) => xs.map((x) => entities.get(x)).filter((x): x is PlainObject => x !== undefined),
    relation: (x) => relations.get(x) ?? null,
    relations: (xs) => xs.map((x) => relations.get(x)).filter((x): x is PlainObject => x !== undefined),
  };
}
