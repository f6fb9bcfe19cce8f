/**
 * Starts the real Neo4j servers of the integration and browser tests: one embedded Neo4j per test
 * worker, each with a fresh data folder, so that test files run side by side and each has a
 * database to itself (tests/helpers/neo4j.ts picks the worker's). The first listens on
 * NEO4J_TEST_PORT (default 7688), the others on free ports. With NEO4J_URI set, that one server
 * is used instead, and the files take turns (vitest.config.ts). Also builds web/ for the browser
 * tests once, before any of them starts.
 */
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../server/src/config.js";
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from "../server/src/neo4j/embedded.js";
import { freePort } from "../server/src/neo4j/ports.js";
import { webBuild } from "./e2e/web-build.js";
import { sharedTestPort } from "./helpers/ports.js";

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** One server per test worker (VITEST_POOL_ID 1, 2, …), or the one of NEO4J_URI. */
    neo4jServers: TestNeo4j[];
  }
}

const started: { neo4j: EmbeddedNeo4j; dataDir: string }[] = [];

/**
 * Each test file empties its worker's database and loads a fixture seed, so the counts Neo4j plans
 * by change wholesale every few seconds, and Neo4j planned the same query again and again: half of
 * the queries of a run were planned anew (36–53 ms each, seconds at first), 290 s of planning
 * against 45 s of running (db.stats, 2026-12-03). Plans of these small graphs are kept instead. The
 * answers do not depend on the plan.
 */
const KEEP_PLANS = { "dbms.cypher.min_replan_interval": "1h", "dbms.cypher.statistics_divergence_threshold": "1.0" };

async function startTestNeo4j(slot: number): Promise<TestNeo4j> {
  const port = slot === 1 ? sharedTestPort : await freePort();
  const dataDir = path.join(repoRoot, ".neo4j", `test-data-${sharedTestPort}${slot === 1 ? "" : `-${slot}`}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const neo4j = await startEmbeddedNeo4j({ boltPort: port, dataDir, heapMiB: 1024, pageCacheMiB: 256, txTimeoutSeconds: 120, settings: KEEP_PLANS });
  started.push({ neo4j, dataDir });
  return { uri: neo4j.uri, user: neo4j.user, password: neo4j.password };
}

export async function setup(project: TestProject): Promise<void> {
  const build = webBuild();
  const uri = process.env.NEO4J_URI;
  let servers: TestNeo4j[];
  if (uri) {
    servers = [{ uri, user: process.env.NEO4J_USER ?? "neo4j", password: process.env.NEO4J_PASSWORD ?? "" }];
  } else {
    const workers = Math.max(1, project.config.maxWorkers || project.vitest.config.maxWorkers || 1);
    servers = await Promise.all(Array.from({ length: workers }, (_, i) => startTestNeo4j(i + 1)));
  }
  await build;
  project.provide("neo4jServers", servers);
}

export async function teardown(): Promise<void> {
  await Promise.all(
    started.map(async ({ neo4j, dataDir }) => {
      await neo4j.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }),
  );
}
