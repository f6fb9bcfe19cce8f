/**
 * Neo4j going away and coming back while the server runs, as a user of the API meets it. Runs its
 * own embedded Neo4j (tests/helpers/ports.ts), so it runs beside the tests that share the test database.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { createDriver } from "../../server/src/db/driver.js";
import { Database } from "../../server/src/db/run.js";
import { createAtlasServer } from "../../server/src/http.js";
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from "../../server/src/neo4j/embedded.js";
import { loadOntology } from "../../server/src/ontology.js";
import { syncSeed } from "../../server/src/seed/sync.js";
import { validateSeed } from "../../server/src/seed/validate.js";
import { restartTestPort } from "../helpers/ports.js";

const ontology = loadOntology();
const fixture = path.join(repoRoot, "tests/fixtures/sync-seed");

async function post(
  base: string,
  query: string,
): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const response = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json() };
}

describe("Neo4j stops and starts again while the server runs", () => {
  const port = restartTestPort;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-fault-"));
  // Restarted under the running server's driver, so with the same password.
  const password = "fault-test-password";
  const start = () => startEmbeddedNeo4j({ boltPort: port, dataDir, heapMiB: 512, pageCacheMiB: 64, password });
  let neo4j: EmbeddedNeo4j | undefined;
  let driver: Driver;
  let server: ReturnType<typeof createAtlasServer>;
  let base: string;

  beforeAll(async () => {
    neo4j = await start();
    driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    const graph = validateSeed({ seedDir: fixture, ontology }).graph;
    if (!graph) throw new Error("fixture invalid");
    await syncSeed(graph, { driver, ontology });
    server = createAtlasServer({ db: new Database(driver, { timeoutMs: 5_000 }), ontology, webDist: path.join(dataDir, "no-web") });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await driver?.close();
    await neo4j?.stop();
  });

  it("answers DATABASE_UNAVAILABLE within a bounded time, /ready turns false, and recovers by itself", async () => {
    expect((await post(base, "{ stats { entities } }")).body).toEqual({ data: { stats: { entities: 4 } } });
    expect((await fetch(`${base}/ready`)).status).toBe(200);

    await neo4j?.stop();
    const asked = Date.now();
    const down = await post(base, "{ stats { entities } }");
    expect(Date.now() - asked).toBeLessThan(15_000);
    expect(down.body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(JSON.stringify(down.body)).not.toMatch(/MATCH|Neo4jError|at .*\.ts:\d+/);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false });
    expect((await fetch(`${base}/health`)).status).toBe(200);

    neo4j = await start();
    const deadline = Date.now() + 30_000;
    let again = await post(base, "{ stats { entities } }");
    while (again.body.errors && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      again = await post(base, "{ stats { entities } }");
    }
    expect(again.body).toEqual({ data: { stats: { entities: 4 } } });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });
});
