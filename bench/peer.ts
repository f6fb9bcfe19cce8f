/**
 * The peer: the same four questions served by @neo4j/graphql over the same graph (it needs APOC).
 * Its generated API answers `entity` (one relationship field per type and direction, since it has
 * no "any type" field) and `search` (its @fulltext directive on our index). It cannot express a
 * breadth-first neighbourhood or shortest paths, so those are @cypher fields (the documented way to
 * extend it): paths as ours, the neighbourhood as ours was when issue 16 was filed (ours now reads at
 * most 200 relations per node; bench/neighborhood-before.ts keeps that older query for comparison).
 */
import { typeExpression } from "../server/src/db/queries.js";
import type { Ontology } from "../server/src/ontology.js";

export function peerTypeDefs(ontology: Ontology): string {
  const fields = ontology.relationTypes.flatMap((t) => [
    `  out_${t.type}: [AtlasEntity!]! @relationship(type: "${t.type}", direction: OUT, properties: "AtlasRelation")`,
    `  in_${t.type}: [AtlasEntity!]! @relationship(type: "${t.type}", direction: IN, properties: "AtlasRelation")`,
  ]);
  return `
type AtlasEntity @node(labels: ["AtlasEntity"]) @fulltext(indexes: [{indexName: "atlas_entity_search", queryName: "searchEntities", fields: ["name", "nameZh"]}]) {
  id: ID!
  kind: String!
  name: String!
  nameZh: String
  aliases: [String!]
  country: String
  description: String
  homepage: String
  wikidata: String
${fields.join("\n")}
}

type AtlasRelation @relationshipProperties {
  id: ID!
  status: String!
  since: String
  until: String
  note: String
  key: String
  sources: [String!]
  claimedBy: [String!]
}

type PeerNode {
  id: ID!
  kind: String!
  name: String!
}

type PeerEdge {
  id: ID!
  type: String!
  from: ID!
  to: ID!
}

type PeerSubgraph {
  nodes: [PeerNode!]!
  edges: [PeerEdge!]!
  truncated: Boolean!
}

type PeerPath {
  length: Int!
  nodes: [PeerNode!]!
  edges: [PeerEdge!]!
}

type Query {
  neighborhood(id: ID!, limit: Int!): PeerSubgraph
    @cypher(
      columnName: "subgraph"
      statement: """
      MATCH (c:AtlasEntity {id: $id})
      CALL (c) { MATCH (c)-[r1]-(m:AtlasEntity) WHERE r1.id IS NOT NULL AND m <> c WITH DISTINCT m ORDER BY m.name, m.id LIMIT $limit RETURN collect(m) AS l1 }
      CALL (c, l1) { UNWIND l1 AS a MATCH (a)-[r2]-(m:AtlasEntity) WHERE r2.id IS NOT NULL AND NOT m IN [c] + l1 WITH DISTINCT m ORDER BY m.name, m.id LIMIT $limit RETURN collect(m) AS l2 }
      WITH [c] + l1 + l2 AS reached
      WITH reached, reached[..$limit] AS found
      CALL (found) { UNWIND found AS a MATCH (a)-[r]->(b:AtlasEntity) WHERE b IN found AND r.id IS NOT NULL WITH r ORDER BY r.id LIMIT 2001 RETURN collect({id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS edges }
      RETURN {nodes: [n IN found | n {.id, .kind, .name}], edges: edges, truncated: size(reached) > $limit} AS subgraph
      """
    )
  paths(from: ID!, to: ID!): [PeerPath!]!
    @cypher(
      columnName: "path"
      statement: """
      MATCH (a:AtlasEntity {id: $from}), (b:AtlasEntity {id: $to})
      MATCH p = SHORTEST 5 (a)-[r:${typeExpression(ontology)}]-{1,4}(b)
      RETURN {length: length(p), nodes: [x IN nodes(p) | x {.id, .kind, .name}], edges: [y IN relationships(p) | {id: y.id, type: type(y), from: startNode(y).id, to: endNode(y).id}]} AS path
      ORDER BY path.length
      """
    )
}
`;
}

/** The peer's documents for the four questions: the same fields as ours, as its schema spells them. */
export function peerDocuments(ontology: Ontology): Record<"search" | "entity" | "neighborhood" | "paths", string> {
  const relationFields = ontology.relationTypes
    .flatMap((t) => [`out_${t.type}`, `in_${t.type}`])
    .map((f) => `${f}Connection(first: 50) { edges { properties { id status since until } node { id kind name } } }`)
    .join("\n      ");
  return {
    search: `query Search($q: String!) { searchEntities(phrase: $q, first: 10) { edges { score node { id kind name nameZh country } } } }`,
    entity: `query Entity($id: ID!) {
  atlasEntities(where: {id: {eq: $id}}) {
    id kind name nameZh country description
      ${relationFields}
  }
}`,
    neighborhood: `query Neighborhood($id: ID!) { neighborhood(id: $id, limit: 200) { truncated nodes { id kind name } edges { id type from to } } }`,
    paths: `query Paths($from: ID!, $to: ID!) { paths(from: $from, to: $to) { length nodes { id kind name } edges { id type from to } } }`,
  };
}
