/**
 * Every Cypher string in the project. Values are always parameters; labels and relationship
 * types are interpolated only after `allowLabel`/`allowType` checked them against the ontology.
 */
import type { Ontology } from "../ontology.js";

import { ENTITY_LABEL, IDENT, META_LABEL, SOURCE_LABEL } from "./labels.js";
import { LAYER_FIELDS, layerRow } from "./layer-fields.js";
import { type EntityShape, literalInt, ReadBuilder, type ReadQuery, type RelationFilter, type RelationShape, type SourceShape } from "./read-builder.js";
import { type SearchPlan, searchQuery } from "./search-query.js";
import { type TimelineFilter, type TimelineListKey, timelineQuery } from "./timeline-query.js";

export { ENTITY_LABEL, META_LABEL, SEARCH_INDEX, SOURCE_LABEL } from "./labels.js";
export { LAYER_FIELDS } from "./layer-fields.js";
export type { Direction, EntityShape, NestedRelations, NestedSourceRelations, ReadQuery, RelationFilter, RelationShape, SourceShape } from "./read-builder.js";
export { NESTED_PREFIX, QUOTE_SOURCES } from "./read-builder.js";

/** A relationship type, only if the ontology defines it. */
export function allowType(ontology: Ontology, type: string): string {
  if (!ontology.relationType(type) || !IDENT.test(type)) throw new Error(`Relation type ${JSON.stringify(type)} is not in the ontology`);
  return type;
}

/** Relationship types as a Cypher type expression (`A|B|C`): the given ones, else every type of the ontology, each checked by allowType. */
export function typeExpression(ontology: Ontology, types?: string[] | null): string {
  return (types ?? ontology.relationTypes.map((t) => t.type)).map((t) => allowType(ontology, t)).join("|");
}

/** A kind's Neo4j label, only if the ontology defines the kind. */
export function allowLabel(ontology: Ontology, kind: string): string {
  const def = ontology.kind(kind);
  if (!def || !IDENT.test(def.neo4jLabel)) throw new Error(`Kind ${JSON.stringify(kind)} is not in the ontology`);
  return def.neo4jLabel;
}

export type { SearchPlan } from "./search-query.js";
export { syncQueries } from "./sync-queries.js";
export { TIMELINE_LISTS } from "./timeline-query.js";

// ---------------------------------------------------------------------------------------------
// Reads (server/src/resolvers/Query/*): one query per GraphQL root field, named after the field.
// What a selection needs below the root (nested relations, their ends and sources) is described
// by a plain "shape" and projected inside the same query with COLLECT subqueries, so a deep
// selection never costs a second round trip.
// ---------------------------------------------------------------------------------------------

export interface EntitiesFilter {
  kinds: string[] | null;
  countries: string[] | null;
  /** Codes of open questions (gaps.ts): entities asking any of them. */
  openQuestions: string[] | null;
}

/** The layer is read once per graph version and shared: on a large graph it may take minutes. */
const LAYER_TIMEOUT_MS = 5 * 60_000;
const layerQuery = (query: ReadQuery): ReadQuery => ({ ...query, timeoutMs: LAYER_TIMEOUT_MS });

export const readQueries = {
  /** Names and descriptions of the entities a shared link focuses on (server/src/link-preview.ts). */
  linkPreview(ids: string[]): ReadQuery {
    return {
      name: "linkPreview",
      cypher: `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) RETURN n.id AS id, n.name AS name, n.nameZh AS nameZh, n.description AS description, n.descriptionZh AS descriptionZh`,
      params: { ids },
    };
  },

  ready: `OPTIONAL MATCH (m:${META_LABEL} {id: 'seed'}) RETURN m IS NOT NULL AS loaded`,

  stats: `CALL () { MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS entities }
CALL () { MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) WHERE r.id IS NOT NULL RETURN count(r) AS relations }
CALL () { MATCH (s:${SOURCE_LABEL}) RETURN count(s) AS sources }
CALL () { MATCH (n:${ENTITY_LABEL}) WITH n.kind AS kind, count(*) AS count RETURN collect({kind: kind, count: count}) AS byKind }
CALL () { MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) WHERE r.id IS NOT NULL WITH type(r) AS type, count(*) AS count RETURN collect({type: type, count: count}) AS byRelationType }
CALL () { MATCH (n:${ENTITY_LABEL}) WHERE n.country IS NOT NULL WITH n.country AS country, count(*) AS count RETURN collect({country: country, count: count}) AS byCountry }
CALL () { MATCH (n:${ENTITY_LABEL}) WHERE n.openQuestions IS NOT NULL UNWIND n.openQuestions AS question WITH question, count(*) AS count RETURN collect({question: question, count: count}) AS byOpenQuestion }
RETURN entities, relations, sources, byKind, byRelationType, byCountry, byOpenQuestion`,

  entity(id: string, shape: EntityShape): ReadQuery {
    const q = new ReadBuilder();
    return q.done("entity", `MATCH (n:${ENTITY_LABEL} {id: ${q.param(id)}}) RETURN ${q.entity("n", shape)} AS entity`);
  },

  /** A page ordered by id, after the cursor's id, plus the total for the filters when asked for. */
  entities(filter: EntitiesFilter, after: string | null, first: number, shape: EntityShape, withTotal = true): ReadQuery {
    const q = new ReadBuilder();
    const where: string[] = [];
    if (filter.kinds) where.push(`n.kind IN ${q.param(filter.kinds)}`);
    if (filter.countries) where.push(`n.country IN ${q.param(filter.countries)}`);
    if (filter.openQuestions) where.push(`any(question IN coalesce(n.openQuestions, []) WHERE question IN ${q.param(filter.openQuestions)})`);
    const filters = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
    const page = [...where];
    if (after !== null) page.push(`n.id > ${q.param(after)}`);
    return q.done(
      "entities",
      `${withTotal ? `CALL () { MATCH (n:${ENTITY_LABEL}) ${filters} RETURN count(n) AS totalCount }` : "WITH null AS totalCount"}
CALL () { MATCH (n:${ENTITY_LABEL}) ${page.length > 0 ? `WHERE ${page.join(" AND ")}` : ""} WITH n ORDER BY n.id LIMIT ${q.intParam(first + 1, 100_001)} RETURN collect(${q.entity("n", shape)}) AS nodes }
RETURN totalCount, nodes`,
    );
  },

  search(plan: SearchPlan, kinds: string[] | null, first: number, shape: EntityShape): ReadQuery {
    return searchQuery(plan, kinds, first, shape);
  },

  timeline(
    ontology: Ontology,
    filter: TimelineFilter,
    options: { first: number; names: number },
    policyShape: EntityShape,
    listShapes: Partial<Record<TimelineListKey, EntityShape>>,
  ): ReadQuery {
    const resolved = { ...options, label: allowLabel(ontology, "POLICY"), type: (type: string) => allowType(ontology, type) };
    return timelineQuery(filter, resolved, policyShape, listShapes);
  },

  /**
   * Breadth-first, one level per CALL, each level de-duplicated and capped, so the work grows with
   * the nodes returned and not with the number of paths. Edges are every relation between the
   * nodes found that passes the filters. Each node's relations are read at most `perNode` at a
   * time (a hub's thousands are not all sorted to keep 200); a node with more marks the answer
   * truncated, since some of its neighbours or edges may be missing.
   */
  neighborhood(
    id: string,
    options: { depth: number; kinds: string[] | null; filter: RelationFilter; limit: number; maxEdges: number; perNode: number },
    nodeShape: EntityShape,
    edgeShape: RelationShape | null,
  ): ReadQuery {
    const q = new ReadBuilder();
    const depth = Number(literalInt(options.depth, 1, 3));
    const cap = q.intParam(options.limit, 100_000);
    const perNode = q.intParam(options.perNode, 100_000);
    const kinds = options.kinds ? q.param(options.kinds) : null;
    const levels: string[] = [];
    let seen = "[c]";
    let frontier = "[c]";
    for (let level = 1; level <= depth; level++) {
      const kindCheck = kinds ? ` AND m.kind IN ${kinds}` : "";
      const scope = `c${level > 1 ? `, ${Array.from({ length: level - 1 }, (_, i) => `l${i + 1}`).join(", ")}` : ""}`;
      const neighbours = () => {
        const r = q.variable("r");
        return `UNWIND ${frontier} AS a CALL (a) { MATCH (a)-[${r}]-(m:${ENTITY_LABEL}) WHERE ${q.relationWhere(r, options.filter)}${kindCheck} RETURN m LIMIT ${perNode} } WITH DISTINCT m WHERE NOT m IN ${seen}`;
      };
      // Only the first `cap` nodes are returned: a level is read in full only while those found so
      // far are fewer; when they are exactly `cap`, it is read only until one more node shows that
      // the answer is truncated; past that, not at all (a hub's level 1 fills the cap on its own).
      levels.push(
        `CALL (${scope}) { WITH ${scope} WHERE size(${seen}) < ${cap} ${neighbours()} WITH m ORDER BY m.name, m.id LIMIT ${cap} RETURN collect(m) AS l${level} }`,
        `CALL (${scope}) { WITH ${scope} WHERE size(${seen}) = ${cap} ${neighbours()} WITH m LIMIT 1 RETURN count(m) > 0 AS more${level} }`,
      );
      if (level < depth) seen = `${seen} + l${level}`;
      frontier = `l${level}`;
    }
    const more = Array.from({ length: depth }, (_, i) => `more${i + 1}`);
    // The nodes whose relations were read: every level but the last (for neighbours), and the nodes found (for edges).
    const expanded = seen;
    seen = `${seen} + l${depth}`;
    const er = q.variable("r");
    const eb = q.variable("b");
    // Nodes and edges travel as tuples when their fields are known: a thousand edges decode faster without their keys.
    const edgeTuple = edgeShape ? q.relationTuple(er, edgeShape) : null;
    const nodeTuple = q.entityTuple("n", nodeShape);
    const edges = edgeTuple
      ? // The end's membership is checked first: it reads nothing, and few of a hub's relations pass it.
        `CALL (found) { UNWIND found AS a CALL (a) { MATCH (a)-[${er}]->(${eb}) RETURN ${er}, ${eb} LIMIT ${perNode} } WITH ${er}, ${eb} WHERE ${eb} IN found AND ${q.relationWhere(er, options.filter)} WITH ${er} ORDER BY ${er}.id LIMIT ${q.intParam(options.maxEdges + 1, 1_000_001)} RETURN collect(${edgeTuple.expression}) AS edges }`
      : `WITH found, reached, expanded, ${more.join(", ")}, [] AS edges`;
    const x = q.variable("x");
    return q.done(
      "neighborhood",
      `MATCH (c:${ENTITY_LABEL} {id: ${q.param(id)}})
${levels.join("\n")}
WITH ${seen} AS reached, ${expanded} AS expanded, ${more.join(", ")}
WITH reached, expanded, reached[..${cap}] AS found, ${more.join(", ")}
${edges}
RETURN [n IN found | ${nodeTuple?.expression ?? q.entity("n", nodeShape)}] AS nodes, edges, size(reached) > ${cap} OR ${more.join(" OR ")} OR any(${x} IN expanded${edgeShape ? " + found" : ""} WHERE COUNT { (${x})--() } > ${perNode}) AS truncatedNodes`,
      { ...(nodeTuple ? { nodes: nodeTuple.keys } : {}), ...(edgeTuple ? { edges: edgeTuple.keys } : {}) },
    );
  },

  /**
   * Up to `first` shortest paths (fewest hops first), each hop passing the filters. A hop is
   * matched by its type (the filter's types, else every type of the ontology) and not by reading
   * its id as the other reads do: a type needs no property read, and the search expands thousands
   * of relationships (on the benchmark's S graph the same answers in about a fifth less time).
   */
  paths(
    ontology: Ontology,
    from: string,
    to: string,
    options: { maxHops: number; first: number; filter: RelationFilter },
    nodeShape: EntityShape,
    edgeShape: RelationShape,
  ): ReadQuery {
    const q = new ReadBuilder();
    const r = q.variable("r");
    const p = q.variable("p");
    const x = q.variable("x");
    const y = q.variable("y");
    const held = q.heldAt(r, options.filter.asOf);
    return q.done(
      "paths",
      `OPTIONAL MATCH (a:${ENTITY_LABEL} {id: ${q.param(from)}})
OPTIONAL MATCH (b:${ENTITY_LABEL} {id: ${q.param(to)}})
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, COLLECT {
  MATCH ${p} = SHORTEST ${literalInt(options.first, 1, 100)} (a)-[${r}:${typeExpression(ontology, options.filter.types)}${held ? ` WHERE ${held}` : ""}]-{1,${literalInt(options.maxHops, 1, 6)}}(b)
  RETURN {length: length(${p}), nodes: [${x} IN nodes(${p}) | ${q.entity(x, nodeShape)}], edges: [${y} IN relationships(${p}) | ${q.relation(y, edgeShape)}]} AS path
  ORDER BY path.length
} AS paths`,
    );
  },

  /** Relations stored from -> to, optionally of one type (interpolated only after allowType). */
  relations(
    ontology: Ontology,
    filter: { type: string | null; from: string | null; to: string | null; status: string | null; asOf: string | null },
    after: string | null,
    first: number,
    shape: RelationShape,
    withTotal = true,
  ): ReadQuery {
    const q = new ReadBuilder();
    const type = filter.type ? `:${allowType(ontology, filter.type)}` : "";
    const a = filter.from ? ` {id: ${q.param(filter.from)}}` : "";
    const b = filter.to ? ` {id: ${q.param(filter.to)}}` : "";
    const where = [q.relationWhere("r", { asOf: filter.asOf })];
    if (filter.status) where.push(`r.status = ${q.param(filter.status)}`);
    const pattern = `(:${ENTITY_LABEL}${a})-[r${type}]->(:${ENTITY_LABEL}${b})`;
    const pageWhere = after !== null ? [...where, `r.id > ${q.param(after)}`] : where;
    return q.done(
      "relations",
      `${withTotal ? `CALL () { MATCH ${pattern} WHERE ${where.join(" AND ")} RETURN count(r) AS totalCount }` : "WITH null AS totalCount"}
CALL () { MATCH ${pattern} WHERE ${pageWhere.join(" AND ")} WITH r ORDER BY r.id LIMIT ${q.intParam(first + 1, 100_001)} RETURN collect(${q.relation("r", shape)}) AS nodes }
RETURN totalCount, nodes`,
    );
  },

  source(id: string, shape: SourceShape): ReadQuery {
    const q = new ReadBuilder();
    return q.done("source", `MATCH (s:${SOURCE_LABEL} {id: ${q.param(id)}}) RETURN ${q.source("s", shape)} AS source`);
  },

  /**
   * Two to four entities side by side: each with its relations (both directions, the other end's
   * id and whether it points out) and the figures that measure it, with who reports them.
   */
  compare(ids: string[], measures: string, reportedBy: string, relationsPerEntity: number): ReadQuery {
    const q = new ReadBuilder();
    const r = q.variable("r");
    const m = q.variable("r");
    const shape: RelationShape = { from: { relations: [] }, to: { relations: [] }, claimedBy: { relations: [] }, sources: { relations: [] } };
    return q.done(
      "compare",
      `UNWIND range(0, size(${q.param(ids)}) - 1) AS i
OPTIONAL MATCH (n:${ENTITY_LABEL} {id: ${q.param(ids)}[i]})
RETURN ${q.param(ids)}[i] AS id, CASE WHEN n IS NULL THEN null ELSE n {.*} END AS entity,
COLLECT { MATCH (n)-[${r}]-(o:${ENTITY_LABEL}) WHERE ${r}.id IS NOT NULL RETURN {relation: ${q.relation(r, shape)}, other: o.id, out: startNode(${r}) = n} AS x ORDER BY type(${r}), o.name, ${r}.id LIMIT ${q.intParam(relationsPerEntity, 10_000)} } AS links,
COLLECT { MATCH (metric:${ENTITY_LABEL})-[${m}:${measures}]->(n) RETURN {metric: metric {.*}, relation: ${q.relation(m, shape)}, reportedBy: COLLECT { MATCH (metric)-[:${reportedBy}]->(p:${ENTITY_LABEL}) RETURN p {.*} AS y }} AS x ORDER BY metric.name } AS figures
ORDER BY i`,
    );
  },

  /** The graph's version: when the last sync that changed something committed. */
  graphVersion: `OPTIONAL MATCH (m:${META_LABEL} {id: 'seed'}) RETURN toString(m.syncedAt) AS version`,

  /**
   * The dependency layer (analysis): every entity's id, kind, country and rule scope, and every
   * relation of the given types (those with a dependency meaning, restrictions, exemptions), with
   * the attributes the analysis reads. Dates are applied by the analysis, so one answer serves any day;
   * rows in id order, so where they lie in the store (ids reused after deletes) never shows in an answer.
   */
  analysisLayer(types: string[]): ReadQuery {
    const q = new ReadBuilder();
    return layerQuery(
      q.done(
        "analysisLayer",
        `RETURN COLLECT { MATCH (n:${ENTITY_LABEL}) RETURN ${layerRow("n", LAYER_FIELDS.node)} AS x ORDER BY n.id } AS nodes,
COLLECT { MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL}) WHERE r.id IS NOT NULL AND type(r) IN ${q.param(types)} RETURN ${layerRow("r", LAYER_FIELDS.relation)} AS x ORDER BY r.id } AS relations`,
      ),
    );
  },

  /**
   * The front-page map (Query.map): every entity's id, kind, names and country, and every relation's
   * id, type, ends and status, in one read. The layout is computed from it once per graph version.
   */
  map: {
    name: "map",
    cypher: `RETURN COLLECT { MATCH (n:${ENTITY_LABEL}) RETURN {id: n.id, kind: n.kind, name: n.name, nameZh: n.nameZh, country: n.country} AS x ORDER BY x.id } AS nodes,
COLLECT { MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL}) WHERE r.id IS NOT NULL RETURN {id: r.id, type: type(r), from: a.id, to: b.id, status: r.status} AS x ORDER BY x.id } AS edges`,
    params: {},
  } satisfies ReadQuery,

  /**
   * The entities and relations an analysis answer names, with their ends, claimants and sources.
   * Relations are found from their ends (index lookups), not by scanning every relationship.
   */
  analysisProjection(
    entityIds: string[],
    relations: { id: string; from: string; to: string }[],
    /** What the selection asks of them (resolvers/analysis-shape.ts); everything when omitted. */
    shapes: { entity?: EntityShape; relation: RelationShape } = {
      relation: { from: { relations: [] }, to: { relations: [] }, claimedBy: { relations: [] }, sources: { relations: [] } },
    },
  ): ReadQuery {
    const q = new ReadBuilder();
    const r = q.variable("r");
    const shape = shapes.relation;
    return q.done(
      "analysisProjection",
      `RETURN COLLECT { MATCH (n:${ENTITY_LABEL}) WHERE n.id IN ${q.param(entityIds)} RETURN ${q.entity("n", shapes.entity)} AS x } AS entities,
COLLECT { UNWIND ${q.param(relations)} AS want MATCH (:${ENTITY_LABEL} {id: want.from})-[${r}]->(:${ENTITY_LABEL} {id: want.to}) WHERE ${r}.id = want.id RETURN ${q.relation(r, shape)} AS x } AS relations`,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// Suggestion check (server/src/seed/suggest.ts): validation only, nothing is written
// ---------------------------------------------------------------------------------------------

const isUrl = (s: string) => /^https?:\/\//.test(s);

/** What a suggestion check must know of the live graph (server/src/seed/suggest.ts). */
export interface SuggestionLookups {
  entities: { id: string; kind: string }[];
  sources: { id: string; language: string }[];
  byUrl: { url: string; id: string; language: string }[];
  existing: string[];
}

export const suggestQueries = {
  /** The ends, claimants and sources a proposed relation names, and the relations already between its ends. */
  lookups(input: { from: string; to: string; claimedBy?: string[]; sources: string[] }): ReadQuery {
    return {
      name: "suggestRelation",
      cypher: `CALL { UNWIND $entityIds AS eid MATCH (e:${ENTITY_LABEL} {id: eid}) RETURN collect({id: e.id, kind: e.kind}) AS entities }
CALL { UNWIND $sourceIds AS sid MATCH (s:${SOURCE_LABEL} {id: sid}) RETURN collect({id: s.id, language: s.language}) AS sources }
CALL { UNWIND $sourceUrls AS u MATCH (s:${SOURCE_LABEL}) WHERE s.url = u RETURN collect({url: s.url, id: s.id, language: s.language}) AS byUrl }
CALL { OPTIONAL MATCH (:${ENTITY_LABEL} {id: $from})-[r]-(:${ENTITY_LABEL} {id: $to}) RETURN collect(r.id) AS existing }
RETURN entities, sources, byUrl, existing`,
      params: {
        entityIds: [input.from, input.to, ...(input.claimedBy ?? [])],
        sourceIds: input.sources.filter((s) => !isUrl(s)),
        sourceUrls: input.sources.filter(isUrl),
        from: input.from,
        to: input.to,
      },
    };
  },
};
