/** The sync's statements (server/src/seed/sync.ts): schema, the current graph, batched writes. */
import { DESCRIPTION_INDEX, ENTITY_LABEL, META_LABEL, SEARCH_INDEX, SOURCE_LABEL } from "./labels.js";

/** An index or constraint the sync makes sure of: its name, and the statement that creates it. */
export interface SchemaObject {
  name: string;
  create: string;
}

export const syncQueries = {
  /**
   * The indexes and constraints the atlas needs, by name, each with the statement that creates it
   * (`IF NOT EXISTS`: two syncs creating it at once both succeed). One uniqueness constraint per
   * relation type: a relation id can exist once (it also indexes deletes by id).
   */
  schema: (relationTypes: string[]): SchemaObject[] => [
    { name: "atlas_entity_id", create: `CREATE CONSTRAINT atlas_entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE` },
    { name: "atlas_source_id", create: `CREATE CONSTRAINT atlas_source_id IF NOT EXISTS FOR (s:${SOURCE_LABEL}) REQUIRE s.id IS UNIQUE` },
    { name: "atlas_meta_id", create: `CREATE CONSTRAINT atlas_meta_id IF NOT EXISTS FOR (m:${META_LABEL}) REQUIRE m.id IS UNIQUE` },
    { name: "atlas_entity_kind", create: `CREATE INDEX atlas_entity_kind IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.kind)` },
    { name: "atlas_entity_country", create: `CREATE INDEX atlas_entity_country IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.country)` },
    // cjk: bigrams for Chinese (华为, 英伟达), standard tokens for English.
    {
      name: SEARCH_INDEX,
      create: `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON EACH [n.name, n.nameZh, n.aliases] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: false}}`,
    },
    {
      name: DESCRIPTION_INDEX,
      create: `CREATE FULLTEXT INDEX ${DESCRIPTION_INDEX} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON EACH [n.descriptionZh] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: false}}`,
    },
    ...relationTypes.map((type) => {
      const name = `atlas_relation_id_${type.toLowerCase()}`;
      return { name, create: `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE` };
    }),
  ],
  /**
   * The indexes there are, and whether each is ready. A uniqueness constraint's own index has the
   * constraint's name, so this one read also tells which constraints exist.
   */
  indexes: "SHOW INDEXES YIELD name, state RETURN name, state",
  awaitIndexes: "CALL db.awaitIndexes(300)",
  // `keys`: what the last sync wrote; a graph from before OWN_KEYS existed was written whole by it.
  currentEntities: `MATCH (n:${ENTITY_LABEL}) RETURN n.id AS id, n.kind AS kind, n.hash AS hash, coalesce(n.atlasKeys, keys(n)) AS keys`,
  currentSources: `MATCH (s:${SOURCE_LABEL}) RETURN s.id AS id, s.hash AS hash, coalesce(s.atlasKeys, keys(s)) AS keys, s.citedFrom AS citedFrom`,
  currentRelations: `MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) WHERE r.id IS NOT NULL RETURN r.id AS id, type(r) AS type, r.hash AS hash, coalesce(r.atlasKeys, keys(r)) AS keys`,
  deleteRelations: `UNWIND $ids AS id MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) WHERE r.id = id DELETE r`,
  deleteRelationsOfType: (type: string) => `UNWIND $ids AS id MATCH (:${ENTITY_LABEL})-[r:${type} {id: id}]->(:${ENTITY_LABEL}) DELETE r`,
  /** Entities or sources to delete that relationships the sync did not write (no hash) still touch. */
  foreignAttached: (label: typeof ENTITY_LABEL | typeof SOURCE_LABEL) =>
    `UNWIND $ids AS id MATCH (n:${label} {id: id})-[r]-() WHERE r.hash IS NULL RETURN id, collect(DISTINCT type(r)) AS types, count(r) AS count ORDER BY id LIMIT 10`,
  /** Their own relations are deleted first (by id); a plain DELETE cannot take anyone else's with them. */
  deleteEntities: `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) DELETE n`,
  deleteSources: `UNWIND $ids AS id MATCH (s:${SOURCE_LABEL} {id: id}) DELETE s`,
  // `+=`: the sync's own properties only (removed ones arrive as null); anything else stored there stays.
  upsertSources: `UNWIND $rows AS row MERGE (s:${SOURCE_LABEL} {id: row.id}) SET s += row`,
  /**
   * Every kind in one statement, its label given per row (`row.label`, checked against the ontology
   * by the caller): one query for the database to plan, not one per kind (Neo4j 5.26's dynamic labels).
   */
  createEntities: `UNWIND $rows AS row CREATE (n:${ENTITY_LABEL}:$(row.label)) SET n = row.props`,
  updateEntities: (label: string, allKindLabels: string[]) =>
    `UNWIND $rows AS row MATCH (n:${ENTITY_LABEL} {id: row.id}) SET n += row REMOVE n:${allKindLabels.join(":")} SET n:${label}`,
  /** Every type in one statement, as createEntities: the type given per row (`row.type`, checked by the caller). */
  createRelations: `UNWIND $rows AS row MATCH (a:${ENTITY_LABEL} {id: row.from}) MATCH (b:${ENTITY_LABEL} {id: row.to}) CREATE (a)-[r:$(row.type)]->(b) SET r = row.props`,
  updateRelations: (type: string) =>
    `UNWIND $rows AS row MATCH (:${ENTITY_LABEL} {id: row.from})-[r:${type} {id: row.id}]->(:${ENTITY_LABEL}) SET r += row.props`,
  /**
   * Each deletes one batch and says whether it deleted anything (repeat until `more` is false): the
   * sync's relationships (they have a hash), then its nodes that nothing else is attached to.
   */
  removeManagedBatch: [
    `MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) WHERE r.hash IS NOT NULL WITH r LIMIT 10000 DELETE r RETURN count(*) > 0 AS more`,
    `MATCH (n:${ENTITY_LABEL}) WHERE NOT EXISTS { (n)--() } WITH n LIMIT 5000 DELETE n RETURN count(*) > 0 AS more`,
    `MATCH (s:${SOURCE_LABEL}) WHERE NOT EXISTS { (s)--() } WITH s LIMIT 10000 DELETE s RETURN count(*) > 0 AS more`,
    `MATCH (m:${META_LABEL}) DELETE m RETURN count(*) > 0 AS more`,
  ],
  writeMeta: `MERGE (m:${META_LABEL} {id: 'seed'}) SET m.syncedAt = datetime(), m.entities = $entities, m.relations = $relations, m.sources = $sources`,
  /**
   * Taken first in a sync's transaction: the seed marker's write lock, held until commit, so a
   * second sync (the CLI and a reload at once) waits and then plans from what the first wrote.
   */
  // (Setting a property to its own value takes the node's write lock and changes nothing.)
  lock: `MATCH (m:${META_LABEL} {id: 'seed'}) SET m.syncedAt = m.syncedAt RETURN m.id AS id`,
  readMeta: `MATCH (m:${META_LABEL} {id: 'seed'}) RETURN m.entities AS entities, m.relations AS relations, m.sources AS sources, toString(m.syncedAt) AS syncedAt`,
};
