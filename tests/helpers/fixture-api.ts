/** The GraphQL API in-process over the test Neo4j loaded with a fixture seed: for the integration tests. */
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { repoRoot } from "../../server/src/config.js";
import { Database } from "../../server/src/db/run.js";
import { loadOntology } from "../../server/src/ontology.js";
import { syncSeed } from "../../server/src/seed/sync.js";
import { formatProblem, validateSeed } from "../../server/src/seed/validate.js";
import { createAtlasYoga } from "../../server/src/yoga.js";
import { clearAtlasGraph, testDriver } from "./neo4j.js";

export interface GqlAnswer {
  // biome-ignore lint/suspicious/noExplicitAny: the tests read whatever JSON the API answered
  data: any;
  errors?: { message: string; extensions?: { code?: string; problem?: string } }[];
  /** The names of the database queries the request ran. */
  queries: string[];
}

export interface FixtureApi {
  driver: Driver;
  db: Database;
  gql(query: string): Promise<GqlAnswer>;
  close(): Promise<void>;
}

/** Empties the worker's test Neo4j, syncs `fixture` (a folder of tests/fixtures) into it, and serves the API over it. */
export async function fixtureApi(fixture: string): Promise<FixtureApi> {
  const driver = testDriver();
  await clearAtlasGraph(driver);
  const ontology = loadOntology();
  const { graph, problems } = validateSeed({ seedDir: path.join(repoRoot, "tests/fixtures", fixture), ontology });
  if (!graph) throw new Error(problems.map(formatProblem).join("\n"));
  await syncSeed(graph, { driver, ontology });
  const db = new Database(driver, { timeoutMs: 10_000 });
  const yoga = createAtlasYoga({ db, ontology, logError: () => {} });
  return {
    driver,
    db,
    async gql(query) {
      const queries: string[] = [];
      const stop = db.onQuery((e) => queries.push(e.name));
      try {
        const res = await yoga.fetch("http://atlas.test/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query }),
        });
        return { ...((await res.json()) as Omit<GqlAnswer, "queries">), queries };
      } finally {
        stop();
      }
    },
    close: () => driver.close(),
  };
}
