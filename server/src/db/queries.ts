/**
 * Every Cypher string in the project. Values are always parameters; labels and relationship
 * types are interpolated only after `allowLabel`/`allowType` checked them against the ontology.
 */
import type { Ontology } from "../ontology.js";

export const ENTITY_LABEL = "AtlasEntity";
export const SOURCE_LABEL = "AtlasSource";
export const META_LABEL = "AtlasMeta";
export const SEARCH_INDEX = "atlas_entity_search";

const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A relationship type, only if the ontology defines it. */
export function allowType(ontology: Ontology, type: string): string {
  if (!ontology.relationType(type) || !IDENT.test(type)) throw new Error(`Relation type ${JSON.stringify(type)} is not in the ontology`);
  return type;
}

/** A kind's Neo4j label, only if the ontology defines the kind. */
export function allowLabel(ontology: Ontology, kind: string): string {
  const def = ontology.kind(kind);
  if (!def || !IDENT.test(def.neo4jLabel)) throw new Error(`Kind ${JSON.stringify(kind)} is not in the ontology`);
  return def.neo4jLabel;
}

// ---------------------------------------------------------------------------------------------
// Sync (server/src/seed/sync.ts)
// ---------------------------------------------------------------------------------------------

export const syncQueries = {
  schema: (): string[] => [
    `CREATE CONSTRAINT atlas_entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE`,
    `CREATE CONSTRAINT atlas_source_id IF NOT EXISTS FOR (s:${SOURCE_LABEL}) REQUIRE s.id IS UNIQUE`,
    `CREATE CONSTRAINT atlas_meta_id IF NOT EXISTS FOR (m:${META_LABEL}) REQUIRE m.id IS UNIQUE`,
    `CREATE INDEX atlas_entity_kind IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.kind)`,
    `CREATE INDEX atlas_entity_country IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.country)`,
    // cjk: bigrams for Chinese (华为, 英伟达), standard tokens for English.
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON EACH [n.name, n.nameZh, n.aliases] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: false}}`,
  ],
  awaitIndexes: "CALL db.awaitIndexes(300)",
  currentEntities: `MATCH (n:${ENTITY_LABEL}) RETURN n.id AS id, n.kind AS kind, n.hash AS hash`,
  currentSources: `MATCH (s:${SOURCE_LABEL}) RETURN s.id AS id, s.hash AS hash`,
  currentRelations: `MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) WHERE r.id IS NOT NULL RETURN r.id AS id, type(r) AS type, r.hash AS hash`,
  deleteRelations: `UNWIND $ids AS id MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) WHERE r.id = id DELETE r`,
  deleteRelationsOfType: (type: string) => `UNWIND $ids AS id MATCH (:${ENTITY_LABEL})-[r:${type} {id: id}]->(:${ENTITY_LABEL}) DELETE r`,
  deleteEntities: `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) DETACH DELETE n`,
  deleteSources: `UNWIND $ids AS id MATCH (s:${SOURCE_LABEL} {id: id}) DELETE s`,
  upsertSources: `UNWIND $rows AS row MERGE (s:${SOURCE_LABEL} {id: row.id}) SET s = row`,
  createEntities: (label: string) => `UNWIND $rows AS row CREATE (n:${ENTITY_LABEL}:${label}) SET n = row`,
  updateEntities: (label: string, allKindLabels: string[]) =>
    `UNWIND $rows AS row MATCH (n:${ENTITY_LABEL} {id: row.id}) SET n = row REMOVE n:${allKindLabels.join(":")} SET n:${label}`,
  createRelations: (type: string) =>
    `UNWIND $rows AS row MATCH (a:${ENTITY_LABEL} {id: row.from}) MATCH (b:${ENTITY_LABEL} {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r = row.props`,
  updateRelations: (type: string) =>
    `UNWIND $rows AS row MATCH (:${ENTITY_LABEL} {id: row.from})-[r:${type} {id: row.id}]->(:${ENTITY_LABEL}) SET r = row.props`,
  writeMeta: `MERGE (m:${META_LABEL} {id: 'seed'}) SET m.syncedAt = datetime(), m.entities = $entities, m.relations = $relations, m.sources = $sources`,
  readMeta: `MATCH (m:${META_LABEL} {id: 'seed'}) RETURN m.entities AS entities, m.relations AS relations, m.sources AS sources, toString(m.syncedAt) AS syncedAt`,
};

// ---------------------------------------------------------------------------------------------
// Reads: one query per GraphQL root field, named after the field
// ---------------------------------------------------------------------------------------------

export const readQueries = {
  stats: `CALL { MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS entities }
CALL { MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) WHERE r.id IS NOT NULL RETURN count(r) AS relations }
CALL { MATCH (s:${SOURCE_LABEL}) RETURN count(s) AS sources }
RETURN entities, relations, sources`,
  ready: `OPTIONAL MATCH (m:${META_LABEL} {id: 'seed'}) RETURN m IS NOT NULL AS loaded`,
};
