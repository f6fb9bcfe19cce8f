/**
 * The door to the database (guards/client-gate.ts), over HTTP against the real Neo4j: a request's
 * root fields take turns (at most 4 queries at once), a client's requests together at most 8, and
 * the rate limit charges a request by what it may cost, not only by being one more request.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Driver, RecordShape } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { Database } from "../../server/src/db/run.js";
import { GATE_LIMITS } from "../../server/src/guards/client-gate.js";
import { type AtlasServerOptions, createAtlasServer } from "../../server/src/http.js";
import { loadOntology } from "../../server/src/ontology.js";
import { validateAndSync } from "../../server/src/seed/load.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";

const ontology = loadOntology();
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-web-"));
let driver: Driver;
const servers: ReturnType<typeof createAtlasServer>[] = [];

/** The real database, each read held 100 ms longer so that reads overlap, counting how many run at once. */
class CountingDatabase extends Database {
  running = 0;
  most = 0;
  override async read<T extends RecordShape = RecordShape>(name: string, cypher: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T[]> {
    this.running++;
    this.most = Math.max(this.most, this.running);
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return await super.read<T>(name, cypher, params, timeoutMs);
    } finally {
      this.running--;
    }
  }
}

async function serve(db: Database, extra: Partial<AtlasServerOptions> = {}): Promise<string> {
  const server = createAtlasServer({ db, ontology, webDist, ...extra });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post(base: string, query: string, client?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(client ? { "x-forwarded-for": client } : {}) },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

/** One request asking for the same entity under `n` aliases: n root fields, n queries. */
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `e${i}: entity(id: "huawei") { name }`).join(" ")} }`;

beforeAll(async () => {
  driver = testDriver();
  await clearAtlasGraph(driver);
  await validateAndSync(path.join(repoRoot, "tests/fixtures/sync-seed"), driver, ontology);
});

afterAll(async () => {
  for (const s of servers) s.close();
  await clearAtlasGraph(driver);
  await driver.close();
});

describe("turns at the database", () => {
  it("runs one request's root fields at most 4 at a time, and answers all of them", async () => {
    const db = new CountingDatabase(driver, { timeoutMs: 5000 });
    const base = await serve(db);
    const { body } = await post(base, aliases(12));
    expect(body.errors).toBeUndefined();
    expect(Object.values(body.data ?? {})).toHaveLength(12);
    expect(db.most).toBe(GATE_LIMITS.perRequest);
  });

  it("runs one client's requests together at most 8 at a time, while another client still gets its turns", async () => {
    const db = new CountingDatabase(driver, { timeoutMs: 5000 });
    const base = await serve(db);
    // Four requests of four fields from one address behind the (loopback) proxy: 16 queries.
    const one = await Promise.all(Array.from({ length: 4 }, () => post(base, aliases(4), "203.0.113.1")));
    for (const r of one) expect(r.body.errors).toBeUndefined();
    expect(db.most).toBe(GATE_LIMITS.perClient);
    // The same from two addresses: each has its own turns, so more run at once.
    db.most = 0;
    const two = await Promise.all(Array.from({ length: 8 }, (_, i) => post(base, aliases(4), `203.0.113.${(i % 2) + 1}`)));
    for (const r of two) expect(r.body.errors).toBeUndefined();
    expect(db.most).toBeGreaterThan(GATE_LIMITS.perClient);
  });
});

describe("requests whose client has gone", () => {
  it("runs nothing for a request abandoned while it waited for its turn", async () => {
    const db = new CountingDatabase(driver, { timeoutMs: 5000 });
    const base = await serve(db);
    const names: string[] = [];
    const read = db.read.bind(db);
    db.read = (name, cypher, params, timeoutMs) => {
      names.push(JSON.stringify(params ?? {}));
      return read(name, cypher, params, timeoutMs);
    };
    // One request takes all 8 of the address's turns (each read held 100 ms)...
    const busy = Promise.all([post(base, aliases(4), "203.0.113.9"), post(base, aliases(4), "203.0.113.9")]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // ...so the next one from that address waits; its reader gives up before its turn comes.
    const reader = new AbortController();
    const abandoned = fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
      body: JSON.stringify({ query: '{ entity(id: "hisilicon") { name } }' }),
      signal: reader.signal,
    }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 30));
    reader.abort();
    expect(await abandoned).toBeInstanceOf(Error);
    for (const r of await busy) expect(r.body.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(names.filter((n) => n.includes("hisilicon"))).toEqual([]);
    // The address is served as before.
    expect((await post(base, '{ entity(id: "hisilicon") { name } }', "203.0.113.9")).body.errors).toBeUndefined();
    expect(names.filter((n) => n.includes("hisilicon"))).toHaveLength(1);
  });
});

describe("the rate limit, weighted by cost", () => {
  // Up to 500 relations, each with up to 5 sources and 3 claimants: some 4,500 objects, 4 points.
  const heavy = "{ relations(first: 500) { nodes { id sources { id } claimedBy { id } } } }";

  it("lets cheap requests through where a costly one is refused, and says what it cost", async () => {
    const base = await serve(new Database(driver, { timeoutMs: 5000 }), { rateLimitPerMinute: 8 });
    const first = await post(base, heavy);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    // 8 - (1 + 4) = 3 points left: a second costly request is refused, with its cost explained...
    const second = await post(base, heavy);
    expect(second.status).toBe(429);
    expect(second.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(second.body.errors?.[0]?.message).toMatch(/costs 5 of your address's requests per minute/);
    // ...while under a plain per-request count it would have been the 2nd of 8.
    const other = await serve(new Database(driver, { timeoutMs: 5000 }), { rateLimitPerMinute: 8 });
    for (let i = 0; i < 8; i++) expect((await post(other, '{ entity(id: "huawei") { name } }')).status).toBe(200);
  });
});
