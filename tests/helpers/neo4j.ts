/** Test access to the real Neo4j started by tests/global-setup.ts. */
import type { Driver } from "neo4j-driver";
import { inject } from "vitest";
import { createDriver } from "../../server/src/db/driver.js";
import { ENTITY_LABEL, META_LABEL, SOURCE_LABEL } from "../../server/src/db/queries.js";

export function testDriver(): Driver {
  return createDriver({ uri: inject("neo4jUri"), user: inject("neo4jUser"), password: inject("neo4jPassword") });
}

/** Removes everything the Atlas manages, so each test file starts from an empty graph. */
export async function clearAtlasGraph(driver: Driver): Promise<void> {
  await driver.executeQuery(`MATCH (n) WHERE n:${ENTITY_LABEL} OR n:${SOURCE_LABEL} OR n:${META_LABEL} DETACH DELETE n`);
}
