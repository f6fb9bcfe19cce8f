/**
 * Every GraphQL document the explorer sends, and the typed calls that send them.
 * NOTE: written against schema.graphql; when a field there changes, change it here.
 */
import { request } from "./client.js";
import type {
  EntityCore,
  EntityDetail,
  OntologyInfo,
  PathResult,
  RelationCore,
  RelationSuggestion,
  SearchHit,
  StatsInfo,
  Subgraph,
  SuggestionInput,
} from "./types.js";

const ENTITY_CORE = /* GraphQL */ `
  fragment EntityCore on Entity {
    id
    kind
    name
    nameZh
    aliases
    country
  }
`;

const RELATION_CORE = /* GraphQL */ `
  fragment RelationCore on Relation {
    id
    type
    status
    since
    until
    from { id }
    to { id }
  }
`;

export const ONTOLOGY_QUERY = /* GraphQL */ `
  query ExplorerOntology {
    ontology {
      kinds { kind typeName label labelZh colour shape description attributes { name type } }
      relationTypes { type label labelZh colour description symmetric from to }
    }
    stats { entities relations sources }
  }
`;

export async function fetchOntology(): Promise<{ ontology: OntologyInfo; stats: StatsInfo }> {
  return request<{ ontology: OntologyInfo; stats: StatsInfo }>(ONTOLOGY_QUERY);
}

/** The API spells statuses as enum values (CONFIRMED); the explorer, like the seed, in lower case. */
function lowerStatus<T extends { status: string }>(relation: T): T {
  return { ...relation, status: relation.status.toLowerCase() };
}

export const SEARCH_QUERY = /* GraphQL */ `
  query ExplorerSearch($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      score
      entity { ...EntityCore description }
    }
  }
  ${ENTITY_CORE}
`;

export async function searchEntities(query: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await request<{ search: SearchHit[] }>(SEARCH_QUERY, { query, first: 8 }, signal);
  return data.search;
}

export const NEIGHBORHOOD_QUERY = /* GraphQL */ `
  query ExplorerNeighborhood($id: ID!, $limit: Int, $kinds: [EntityKind!], $relationTypes: [RelationType!], $asOf: Date) {
    neighborhood(id: $id, depth: 1, limit: $limit, kinds: $kinds, relationTypes: $relationTypes, asOf: $asOf) {
      truncated
      nodes { ...EntityCore }
      edges { ...RelationCore }
    }
  }
  ${ENTITY_CORE}
  ${RELATION_CORE}
`;

export interface NeighborhoodArgs {
  id: string;
  limit: number;
  kinds?: string[] | undefined;
  relationTypes?: string[] | undefined;
  asOf?: string | undefined;
}

export async function fetchNeighborhood(args: NeighborhoodArgs): Promise<Subgraph> {
  const data = await request<{ neighborhood: Subgraph }>(NEIGHBORHOOD_QUERY, { ...args });
  return { ...data.neighborhood, edges: data.neighborhood.edges.map(lowerStatus) };
}

/** Several entities with their relations (as ids), in one request: aliased `entity` fields. */
export function entitiesBatchDocument(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$i${i}: ID!`).join(", ");
  const fields = Array.from(
    { length: count },
    (_, i) => `e${i}: entity(id: $i${i}) { ...EntityCore relations(direction: BOTH, first: 200) { ...RelationCore } }`,
  ).join("\n    ");
  return `query ExplorerEntities(${vars}) {\n    ${fields}\n  }\n${ENTITY_CORE}\n${RELATION_CORE}`;
}

/** Aliases per request: small enough for the server's alias and token limits. */
const BATCH = 8;

export async function fetchEntitiesWithRelations(ids: string[]): Promise<{ entity: EntityCore; relations: RelationCore[] }[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) chunks.push(ids.slice(i, i + BATCH));
  const results = await Promise.all(
    chunks.map(async (chunk) => {
      const variables = Object.fromEntries(chunk.map((id, i) => [`i${i}`, id]));
      const data = await request<Record<string, (EntityCore & { relations: RelationCore[] }) | null>>(entitiesBatchDocument(chunk.length), variables);
      return chunk.map((_, i) => data[`e${i}`]).filter((e): e is EntityCore & { relations: RelationCore[] } => Boolean(e));
    }),
  );
  return results.flat().map(({ relations, ...entity }) => ({ entity, relations: relations.map(lowerStatus) }));
}

/** The details of one entity: the inline fragments for its kind-specific attributes come from the ontology. */
export function entityDetailDocument(ontology: OntologyInfo): string {
  const perKind = ontology.kinds
    .filter((k) => k.typeName && k.attributes?.length)
    .map((k) => `... on ${k.typeName} { ${k.attributes?.map((a) => a.name).join(" ")} }`)
    .join("\n      ");
  return /* GraphQL */ `
  query ExplorerEntity($id: ID!) {
    entity(id: $id) {
      __typename
      ...EntityCore
      description
      homepage
      wikidata
      ${perKind}
      relations(direction: BOTH, first: 200) {
        id
        type
        status
        since
        until
        note
        from { ...EntityCore }
        to { ...EntityCore }
        sources { id url title publisher date language }
      }
    }
  }
  ${ENTITY_CORE}
`;
}

export async function fetchEntityDetail(id: string, ontology: OntologyInfo): Promise<EntityDetail | null> {
  const data = await request<{ entity: EntityDetail | null }>(entityDetailDocument(ontology), { id });
  return data.entity ? { ...data.entity, relations: data.entity.relations.map(lowerStatus) } : null;
}

export const PATHS_QUERY = /* GraphQL */ `
  query ExplorerPaths($from: ID!, $to: ID!, $maxHops: Int, $relationTypes: [RelationType!], $asOf: Date) {
    paths(from: $from, to: $to, maxHops: $maxHops, relationTypes: $relationTypes, asOf: $asOf, first: 5) {
      length
      nodes { ...EntityCore }
      edges { ...RelationCore }
    }
  }
  ${ENTITY_CORE}
  ${RELATION_CORE}
`;

export async function fetchPaths(args: {
  from: string;
  to: string;
  maxHops: number;
  relationTypes?: string[] | undefined;
  asOf?: string | undefined;
}): Promise<PathResult[]> {
  const data = await request<{ paths: PathResult[] }>(PATHS_QUERY, { ...args });
  return data.paths.map((p) => ({ ...p, edges: p.edges.map(lowerStatus) }));
}

/** Several entities (no relations) in one request, for labels of ids: aliased `entity` fields. */
export function entitiesCoreDocument(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$i${i}: ID!`).join(", ");
  const fields = Array.from({ length: count }, (_, i) => `e${i}: entity(id: $i${i}) { ...EntityCore }`).join("\n    ");
  return `query ExplorerEntityNames(${vars}) {\n    ${fields}\n  }\n${ENTITY_CORE}`;
}

export async function fetchEntities(ids: string[], signal?: AbortSignal): Promise<EntityCore[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) chunks.push(ids.slice(i, i + BATCH));
  const results = await Promise.all(
    chunks.map(async (chunk) => {
      const variables = Object.fromEntries(chunk.map((id, i) => [`i${i}`, id]));
      const data = await request<Record<string, EntityCore | null>>(entitiesCoreDocument(chunk.length), variables, signal);
      return chunk.map((_, i) => data[`e${i}`]).filter((e): e is EntityCore => Boolean(e));
    }),
  );
  return results.flat();
}

export const SUGGEST_RELATION_QUERY = /* GraphQL */ `
  query ExplorerSuggestRelation($input: SuggestRelationInput!) {
    suggestRelation(input: $input) {
      valid
      problems { field message }
      relationId
      file
      yaml
      editUrl
    }
  }
`;

/** Checks a proposed relation (validation only: the server writes nothing). Empty optional fields are left out. */
export async function suggestRelation(input: SuggestionInput, signal?: AbortSignal): Promise<RelationSuggestion> {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const data = await request<{ suggestRelation: RelationSuggestion }>(
    SUGGEST_RELATION_QUERY,
    {
      input: {
        from: input.from,
        type: input.type,
        to: input.to,
        sources: input.sources,
        status: input.status.toUpperCase(),
        claimedBy: input.claimedBy.length ? input.claimedBy : undefined,
        since: optional(input.since),
        until: optional(input.until),
        note: optional(input.note),
        key: optional(input.key),
      },
    },
    signal,
  );
  return data.suggestRelation;
}
