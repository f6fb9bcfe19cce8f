/** A live Atlas HTTP server on a free loopback port, over the test Neo4j. */
import type { AddressInfo } from "node:net";
import type { Driver } from "neo4j-driver";
import { Database } from "../../server/src/db/run.js";
import { type AtlasServerOptions, createAtlasServer } from "../../server/src/http.js";
import type { Ontology } from "../../server/src/ontology.js";
import { loadApiSeed } from "../fixtures/api-seed/load.js";
import { clearAtlasGraph, testDriver } from "./neo4j.js";

export interface LiveServer {
  base: string;
  close(): Promise<void>;
}

export async function listenAtlas(driver: Driver, ontology: Ontology, extra: Partial<AtlasServerOptions> = {}): Promise<LiveServer> {
  const server = createAtlasServer({ db: new Database(driver, { timeoutMs: 5_000 }), ontology, webDist: "/nonexistent", ...extra });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The API fixture seed in a cleared test graph, served; close() undoes all of it. */
export async function serveApiSeed(
  extra: Partial<AtlasServerOptions> = {},
): Promise<{ driver: Driver; ontology: Ontology; server: LiveServer; close(): Promise<void> }> {
  const driver = testDriver();
  await clearAtlasGraph(driver);
  const ontology = await loadApiSeed(driver);
  const server = await listenAtlas(driver, ontology, extra);
  return {
    driver,
    ontology,
    server,
    async close() {
      await server.close();
      await clearAtlasGraph(driver);
      await driver.close();
    },
  };
}
