/** The labels the Atlas owns in Neo4j, and what a label or type interpolated into Cypher may look like. */
export const ENTITY_LABEL = "AtlasEntity";
export const SOURCE_LABEL = "AtlasSource";
export const META_LABEL = "AtlasMeta";
export const SEARCH_INDEX = "atlas_entity_search";
/** Full-text index of the Chinese descriptions: hits there rank below name hits. */
export const DESCRIPTION_INDEX = "atlas_entity_description";

export const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;
