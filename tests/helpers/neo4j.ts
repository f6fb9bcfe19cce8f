/** Test access to the real Neo4j servers started by tests/global-setup.ts. */
import type { Driver } from "neo4j-driver";
import { inject } from "vitest";
import { createDriver } from "../../server/src/db/driver.js";
import { ENTITY_LABEL, META_LABEL, SOURCE_LABEL } from "../../server/src/db/queries.js";
import type { TestNeo4j } from "../global-setup.js";

/** This worker's Neo4j: no other test file uses it while this one runs. */
export function testNeo4j(): TestNeo4j {
  const servers = inject("neo4jServers");
  const slot = Number(process.env.VITEST_POOL_ID ?? 1);
  const server = servers[(slot - 1) % servers.length];
  if (!server) throw new Error("tests/global-setup.ts started no Neo4j: run the integration and browser tests through vitest.config.ts.");
  return server;
}

export function testDriver(): Driver {
  return createDriver(testNeo4j());
}

/** Removes everything the Atlas manages, so each test file starts from an empty graph. */
export async function clearAtlasGraph(driver: Driver): Promise<void> {
  await driver.executeQuery(`MATCH (n) WHERE n:${ENTITY_LABEL} OR n:${SOURCE_LABEL} OR n:${META_LABEL} DETACH DELETE n`);
}
