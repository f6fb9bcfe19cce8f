/**
 * `npm run soak` itself, in miniature (the 100-client, 60-second run is `npm run soak` against a
 * running server; its figures are in the README): the script drives a live server on the query mix
 * and counts every failed answer, so a zero is a real zero.
 */
import type { AddressInfo } from "node:net";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUERY_MIX, soak } from "../../scripts/soak.js";
import { createDriver } from "../../server/src/db/driver.js";
import { Database } from "../../server/src/db/run.js";
import { createAtlasServer } from "../../server/src/http.js";
import { loadOntology } from "../../server/src/ontology.js";
import { loadApiSeed } from "../fixtures/api-seed/load.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";
import { type LiveServer, listenAtlas } from "../helpers/server.js";

let driver: Driver;
let server: LiveServer;
let base: string;

beforeAll(async () => {
  driver = testDriver();
  await clearAtlasGraph(driver);
  const ontology = await loadApiSeed(driver);
  server = await listenAtlas(driver, ontology);
  base = server.base;
});

afterAll(async () => {
  await server.close();
  await clearAtlasGraph(driver);
  await driver.close();
});

describe("npm run soak", () => {
  it("every query of the mix answers without errors on its own", async () => {
    for (const q of QUERY_MIX) {
      const response = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: q.query }),
      });
      const body = (await response.json()) as { errors?: unknown };
      expect(body.errors, q.name).toBeUndefined();
    }
  });

  it("drives the server with concurrent clients and reports zero errors, throughput and memory", async () => {
    const summary = await soak({ url: base, connections: 10, duration: 2, quiet: true });
    expect(summary.requests).toBeGreaterThan(10);
    expect(summary.errors).toBe(0);
    expect(summary.serverMemory.rssStart).toMatch(/MiB$/);
  });

  it("counts GraphQL errors as errors", async () => {
    // The same script against a server whose database is unreachable must report errors, not zero.
    const unreachable = createDriver({ uri: "bolt://127.0.0.1:1", user: "neo4j", password: "" });
    const broken = createAtlasServer({ db: new Database(unreachable, { timeoutMs: 1_000 }), ontology: loadOntology(), webDist: "/nonexistent" });
    await new Promise<void>((resolve) => broken.listen(0, "127.0.0.1", resolve));
    try {
      const summary = await soak({ url: `http://127.0.0.1:${(broken.address() as AddressInfo).port}`, connections: 2, duration: 5, quiet: true });
      // Each answer waits out the driver's retries (about 3 s), so a few arrive, all of them failures.
      expect(summary.requests).toBeGreaterThan(0);
      expect(summary.errors).toBeGreaterThanOrEqual(summary.requests);
    } finally {
      broken.close();
      await unreachable.close();
    }
  });

  it("refuses to drive anything but this machine", async () => {
    await expect(soak({ url: "http://10.0.0.1:4000", connections: 1, duration: 1, quiet: true })).rejects.toThrow(/loopback/);
  });
});
