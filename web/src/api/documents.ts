/**
 * The typed calls that send the explorer's documents. The documents themselves live in
 * documents.graphql and are generated into generated.ts (`npm run generate:web`); the two built at
 * run time (aliased batches, per-kind attributes) are assembled here from generated fragments.
 * tests/unit/web-documents.test.ts validates all of them against schema.graphql.
 */
import { request } from "./client.js";
import {
  type Status as ApiStatus,
  type EntityCoreFragment,
  EntityCoreFragmentDoc,
  type EntityDetailFragment,
  EntityDetailFragmentDoc,
  type EntityKind,
  type EntityWithRelationsFragment,
  EntityWithRelationsFragmentDoc,
  ExplorerAskingDocument,
  type ExplorerAskingQuery,
  ExplorerChokepointsDocument,
  type ExplorerChokepointsQuery,
  ExplorerCompareDocument,
  type ExplorerCompareQuery,
  ExplorerDependenciesDocument,
  type ExplorerDependenciesQuery,
  ExplorerExposureDocument,
  type ExplorerExposureQuery,
  ExplorerImpactDocument,
  type ExplorerImpactQuery,
  ExplorerLossDocument,
  type ExplorerLossQuery,
  ExplorerMapDocument,
  type ExplorerMapQuery,
  ExplorerNeighborhoodDocument,
  ExplorerOntologyDocument,
  ExplorerOpenQuestionCountsDocument,
  type ExplorerOpenQuestionCountsQuery,
  ExplorerPathsDocument,
  ExplorerSearchDocument,
  ExplorerSuggestRelationDocument,
  ExplorerTimelineDocument,
  type ExplorerTimelineQuery,
  type OpenQuestion,
  type RelationType,
} from "./generated.js";
import type {
  EntityCore,
  EntityDetail,
  OntologyInfo,
  PathResult,
  RelationCore,
  RelationSuggestion,
  SearchHit,
  StatsInfo,
  Status,
  Subgraph,
  SuggestionInput,
} from "./types.js";

let ontologyAhead: Promise<{ ontology: OntologyInfo; stats: StatsInfo }> | undefined;

/** Asks for the ontology before the explorer first renders (state/prefetch.ts); the next fetchOntology() takes the answer. */
export function prefetchOntology(): void {
  ontologyAhead ??= request(ExplorerOntologyDocument, {});
  // A failure is reported to whoever takes the answer.
  ontologyAhead.catch(() => {});
}

export async function fetchOntology(): Promise<{ ontology: OntologyInfo; stats: StatsInfo }> {
  const ahead = ontologyAhead;
  ontologyAhead = undefined;
  return ahead ?? request(ExplorerOntologyDocument, {});
}

/** The API spells statuses as enum values (CONFIRMED); the explorer, like the seed, in lower case. */
function lowerStatus<T extends { status: ApiStatus }>(relation: T): Omit<T, "status"> & { status: Status } {
  return { ...relation, status: relation.status.toLowerCase() as Status };
}

/** The whole graph with the server's positions and bands (the front-page map). */
export type GraphMap = ExplorerMapQuery["map"];

export async function fetchMap(signal?: AbortSignal): Promise<GraphMap> {
  return (await request(ExplorerMapDocument, {}, signal)).map;
}

export async function searchEntities(query: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await request(ExplorerSearchDocument, { query, first: 8 }, signal);
  return data.search;
}

/** Kinds and relation types come from the ontology the server sent, so they are its enum values. */
export interface NeighborhoodArgs {
  id: string;
  limit: number;
  kinds?: string[] | undefined;
  relationTypes?: string[] | undefined;
  asOf?: string | undefined;
}

export async function fetchNeighborhood(args: NeighborhoodArgs): Promise<Subgraph> {
  const data = await request(ExplorerNeighborhoodDocument, {
    ...args,
    kinds: args.kinds as EntityKind[] | undefined,
    relationTypes: args.relationTypes as RelationType[] | undefined,
  });
  return { ...data.neighborhood, edges: data.neighborhood.edges.map(lowerStatus) };
}

/** Several entities with their relations (as ids), in one request: aliased `entity` fields. */
export function entitiesBatchDocument(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$i${i}: ID!`).join(", ");
  const fields = Array.from({ length: count }, (_, i) => `e${i}: entity(id: $i${i}) { ...EntityWithRelations }`).join("\n    ");
  return `query ExplorerEntities(${vars}) {\n    ${fields}\n  }\n${EntityWithRelationsFragmentDoc.toString()}`;
}

/** Aliases per request: small enough for the server's alias and token limits. */
const BATCH = 8;

function chunked(ids: string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) chunks.push(ids.slice(i, i + BATCH));
  return chunks;
}

async function fetchBatch<T>(ids: string[], document: (count: number) => string, signal?: AbortSignal): Promise<T[]> {
  const results = await Promise.all(
    chunked(ids).map(async (chunk) => {
      const variables = Object.fromEntries(chunk.map((id, i) => [`i${i}`, id]));
      const data = await request<Record<string, T | null>>(document(chunk.length), variables, signal);
      return chunk.map((_, i) => data[`e${i}`]).filter((e): e is T => Boolean(e));
    }),
  );
  return results.flat();
}

export async function fetchEntitiesWithRelations(ids: string[]): Promise<{ entity: EntityCore; relations: RelationCore[] }[]> {
  const rows = await fetchBatch<EntityWithRelationsFragment>(ids, entitiesBatchDocument);
  return rows.map(({ relations, ...entity }) => ({ entity, relations: relations.map(lowerStatus) }));
}

/** The details of one entity: the inline fragments for its kind-specific attributes come from the ontology. */
export function entityDetailDocument(ontology: OntologyInfo): string {
  const perKind = ontology.kinds
    .filter((k) => k.typeName && k.attributes?.length)
    .map((k) => `... on ${k.typeName} { ${k.attributes?.map((a) => a.name).join(" ")} }`)
    .join("\n      ");
  return `query ExplorerEntity($id: ID!) {\n    entity(id: $id) {\n      ...EntityDetail\n      ${perKind}\n    }\n  }\n${EntityDetailFragmentDoc.toString()}`;
}

export async function fetchEntityDetail(id: string, ontology: OntologyInfo): Promise<EntityDetail | null> {
  const data = await request<{ entity: (EntityDetailFragment & Record<string, unknown>) | null }>(entityDetailDocument(ontology), { id });
  return data.entity ? { ...data.entity, relations: data.entity.relations.map(lowerStatus) } : null;
}

export async function fetchPaths(args: {
  from: string;
  to: string;
  maxHops: number;
  relationTypes?: string[] | undefined;
  asOf?: string | undefined;
}): Promise<PathResult[]> {
  const data = await request(ExplorerPathsDocument, { ...args, relationTypes: args.relationTypes as RelationType[] | undefined });
  return data.paths.map((p) => ({ ...p, edges: p.edges.map(lowerStatus) }));
}

/** Several entities (no relations) in one request, for labels of ids: aliased `entity` fields. */
export function entitiesCoreDocument(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$i${i}: ID!`).join(", ");
  const fields = Array.from({ length: count }, (_, i) => `e${i}: entity(id: $i${i}) { ...EntityCore }`).join("\n    ");
  return `query ExplorerEntityNames(${vars}) {\n    ${fields}\n  }\n${EntityCoreFragmentDoc.toString()}`;
}

export async function fetchEntities(ids: string[], signal?: AbortSignal): Promise<EntityCore[]> {
  return fetchBatch<EntityCoreFragment>(ids, entitiesCoreDocument, signal);
}

// ---- where contributors can help ----

export type OpenQuestionCount = ExplorerOpenQuestionCountsQuery["stats"]["byOpenQuestion"][number];
export type Asking = ExplorerAskingQuery["entities"];

/** How many entities ask each open question (every question, zero included). */
export async function fetchOpenQuestionCounts(signal?: AbortSignal): Promise<OpenQuestionCount[]> {
  return (await request(ExplorerOpenQuestionCountsDocument, {}, signal)).stats.byOpenQuestion;
}

/** A page of the entities asking `question`, ordered by id. */
export async function fetchAsking(question: OpenQuestion, first: number, after: string | null, signal?: AbortSignal): Promise<Asking> {
  return (await request(ExplorerAskingDocument, { question, first, after }, signal)).entities;
}

/** Checks a proposed relation (validation only: the server writes nothing). Empty optional fields are left out. */
export async function suggestRelation(input: SuggestionInput, signal?: AbortSignal): Promise<RelationSuggestion> {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const data = await request(
    ExplorerSuggestRelationDocument,
    {
      input: {
        from: input.from,
        type: input.type as RelationType,
        to: input.to,
        sources: input.sources,
        status: input.status.toUpperCase() as ApiStatus,
        claimedBy: input.claimedBy.length ? input.claimedBy : undefined,
        since: optional(input.since),
        until: optional(input.until),
        note: optional(input.note),
        noteZh: optional(input.noteZh),
        quote: input.quote.trim() ? { text: input.quote.trim(), translation: input.quoteTranslation.trim(), source: optional(input.quoteSource) } : undefined,
        key: optional(input.key),
      },
    },
    signal,
  );
  return data.suggestRelation;
}

// ---- dependency analysis and comparison (one root field each) ----

export type DependencyTree = ExplorerDependenciesQuery["dependencies"];
export type CutInput = ExplorerExposureQuery["exposure"][number];
export type Chokepoint = ExplorerChokepointsQuery["chokepoints"][number];
export type Impact = ExplorerImpactQuery["impact"];
export type Loss = ExplorerLossQuery["loss"];
export type Comparison = ExplorerCompareQuery["compare"];

/** Everything `id` depends on, on a day (YYYY-MM-DD; undefined: today). */
export async function fetchDependencies(id: string, asOf: string | undefined, signal?: AbortSignal): Promise<DependencyTree> {
  return (await request(ExplorerDependenciesDocument, { id, asOf, depth: 6 }, signal)).dependencies;
}

/** The cut inputs of `id`'s supply tree: by the rules in force, or (countries given) if their suppliers stopped together. */
export async function fetchExposure(id: string, asOf: string | undefined, countries: string[], signal?: AbortSignal): Promise<CutInput[]> {
  return (await request(ExplorerExposureDocument, { id, asOf, countries: countries.length ? countries : undefined }, signal)).exposure;
}

/** Inputs ranked as chokepoints, in a scope: an entity id, a country code, or undefined (the whole graph). */
export async function fetchChokepoints(scope: string | undefined, asOf: string | undefined, signal?: AbortSignal): Promise<Chokepoint[]> {
  return (await request(ExplorerChokepointsDocument, { scope, asOf }, signal)).chokepoints;
}

/** What would be left without `id` if it were lost. */
export async function fetchLoss(id: string, asOf: string | undefined, signal?: AbortSignal): Promise<Loss> {
  return (await request(ExplorerLossDocument, { id, asOf }, signal)).loss;
}

/** What one policy cuts. */
export async function fetchImpact(policy: string, alongside: string[], asOf: string | undefined, signal?: AbortSignal): Promise<Impact> {
  return (await request(ExplorerImpactDocument, { policy, alongside, asOf }, signal)).impact;
}

/** Two to four entities side by side. */
export async function fetchComparison(ids: string[], signal?: AbortSignal): Promise<Comparison> {
  return (await request(ExplorerCompareDocument, { ids }, signal)).compare;
}

/** The timeline of controls and countermeasures: every policy in date order (up to 500). */
export type Timeline = ExplorerTimelineQuery["timeline"];
export type TimelineEvent = Timeline["events"][number];

export async function fetchTimeline(signal?: AbortSignal): Promise<Timeline> {
  return (await request(ExplorerTimelineDocument, {}, signal)).timeline;
}
