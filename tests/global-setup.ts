/**
 * Starts a real Neo4j for the tests: the embedded one on NEO4J_TEST_PORT (default 7688) with a
 * fresh data folder, unless NEO4J_URI points at a server to use instead.
 */
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../server/src/config.js";
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from "../server/src/neo4j/embedded.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

let embedded: EmbeddedNeo4j | undefined;

export async function setup(project: TestProject): Promise<void> {
  let uri = process.env.NEO4J_URI;
  let user = process.env.NEO4J_USER ?? "neo4j";
  let password = process.env.NEO4J_PASSWORD ?? "";
  if (!uri) {
    const port = Number(process.env.NEO4J_TEST_PORT ?? 7688);
    const dataDir = path.join(repoRoot, ".neo4j", `test-data-${port}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedNeo4j({ boltPort: port, dataDir, heapMiB: 1024, pageCacheMiB: 256, txTimeoutSeconds: 120 });
    uri = embedded.uri;
    user = embedded.user;
    password = embedded.password;
  }
  project.provide("neo4jUri", uri);
  project.provide("neo4jUser", user);
  project.provide("neo4jPassword", password);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}
