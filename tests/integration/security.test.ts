/**
 * What a hostile or careless client meets: security headers, CORS by allow-list, a rate limit,
 * an administrative reload behind a token, and a suggestion check that writes nothing.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { Database } from "../../server/src/db/run.js";
import { type AtlasServerOptions, createAtlasServer } from "../../server/src/http.js";
import { loadOntology } from "../../server/src/ontology.js";
import { reloadSeed, validateAndSync } from "../../server/src/seed/load.js";
import { formatSummary } from "../../server/src/seed/sync.js";
import { clearAtlasGraph, testDriver, testNeo4j } from "../helpers/neo4j.js";

const ontology = loadOntology();
const fixture = path.join(repoRoot, "tests/fixtures/sync-seed");
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-web-"));
fs.writeFileSync(path.join(webDist, "index.html"), '<!doctype html><title>t</title><script type="module" src="/assets/app.js"></script>');
let driver: Driver;
let seedDir: string;
const servers: ReturnType<typeof createAtlasServer>[] = [];

async function serve(extra: Partial<AtlasServerOptions> = {}): Promise<string> {
  const server = createAtlasServer({ db: new Database(driver, { timeoutMs: 5000 }), ontology, webDist, ...extra });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function gql(base: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] },
  };
}

beforeAll(async () => {
  driver = testDriver();
  await clearAtlasGraph(driver);
  seedDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-sec-"));
  fs.cpSync(fixture, seedDir, { recursive: true });
  await validateAndSync(seedDir, driver, ontology);
});

afterAll(async () => {
  for (const s of servers) s.close();
  await clearAtlasGraph(driver);
  await driver.close();
});

describe("the web app's headers", () => {
  it("send a Content-Security-Policy without inline scripts, and the usual hardening", async () => {
    const base = await serve();
    const response = await fetch(`${base}/`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("CORS", () => {
  it("answers only the origins in the allow-list", async () => {
    const base = await serve({ corsOrigins: ["https://allowed.example"] });
    const preflight = (origin: string) =>
      fetch(`${base}/graphql`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    expect((await preflight("https://allowed.example")).headers.get("access-control-allow-origin")).toBe("https://allowed.example");
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });

  it("by default, answers no other origin at all", async () => {
    const base = await serve();
    const response = await fetch(`${base}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("the rate limit", () => {
  it("answers 429 RATE_LIMITED with Retry-After past the configured requests per minute", async () => {
    const base = await serve({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await gql(base, "{ __typename }")).status).toBe(200);
    const limited = await gql(base, "{ __typename }");
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Health checks are never limited; readiness is.
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(429);
  });

  it("tells clients behind a trusted proxy apart by X-Forwarded-For, and ignores the header from anyone else", async () => {
    const ask = (base: string, client: string) =>
      fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": client },
        body: '{"query":"{ __typename }"}',
      });
    const behindProxy = await serve({ rateLimitPerMinute: 2 });
    for (const client of ["203.0.113.1", "203.0.113.1"]) expect((await ask(behindProxy, client)).status).toBe(200);
    expect((await ask(behindProxy, "203.0.113.1")).status).toBe(429);
    // Another client through the same proxy has its own bucket; a forged first hop does not help.
    expect((await ask(behindProxy, "203.0.113.2")).status).toBe(200);
    expect((await ask(behindProxy, "198.51.100.9, 203.0.113.1")).status).toBe(429);
    // Not from a trusted proxy: the header is ignored, so changing it does not buy new requests.
    const direct = await serve({ rateLimitPerMinute: 2, trustedProxies: [] });
    for (const client of ["203.0.113.5", "203.0.113.6"]) expect((await ask(direct, client)).status).toBe(200);
    expect((await ask(direct, "203.0.113.7")).status).toBe(429);
  });
});

describe("POST /admin/reload", () => {
  const token = "a-long-enough-admin-token";
  const reload = () => validateAndSync(seedDir, driver, ontology).then(formatSummary);

  it("does not exist without a configured token", async () => {
    const base = await serve({ reload });
    expect((await fetch(`${base}/admin/reload`, { method: "POST" })).status).toBe(404);
  });

  it("refuses a missing or wrong token", async () => {
    const base = await serve({ reload, adminToken: token });
    expect((await fetch(`${base}/admin/reload`, { method: "POST" })).status).toBe(401);
    expect((await fetch(`${base}/admin/reload`, { method: "POST", headers: { authorization: "Bearer wrong-token-of-some-length" } })).status).toBe(401);
  });

  it("reloads a good seed, and refuses a bad one while the last good graph stays served", async () => {
    const base = await serve({ reload, adminToken: token });
    const auth = { authorization: `Bearer ${token}` };
    fs.rmSync(path.join(seedDir, "entities/organization/nvidia.yaml"));
    const ok = await fetch(`${base}/admin/reload`, { method: "POST", headers: auth });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { summary: string }).summary).toMatch(/^synced 3 entities, 2 relations, 2 sources: 0 created, 0 updated, 2 deleted/);

    fs.writeFileSync(path.join(seedDir, "entities/chip/broken.yaml"), "id: broken\nkind: CHIP\n");
    const refused = await fetch(`${base}/admin/reload`, { method: "POST", headers: auth });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: string }).error).toContain("broken.yaml:1:1: an entity needs `name`");
    expect((await gql(base, "{ stats { entities } }")).body.data).toEqual({ stats: { entities: 3 } });
  });
});

describe("POST /admin/reload with a changed ontology", () => {
  const token = "a-long-enough-admin-token";
  const reload = () => reloadSeed(seedDir, driver).then((r) => ({ summary: formatSummary(r.summary), ontology: r.ontology }));

  it("serves a relation type added to the ontology without a restart, and refuses a broken ontology with its location", async () => {
    // (The test before this one leaves a broken file behind.)
    fs.rmSync(path.join(seedDir, "entities/chip/broken.yaml"), { force: true });
    // The seed folder gets its own ontology: the project's, plus one relation type.
    fs.cpSync(path.join(repoRoot, "seed/ontology"), path.join(seedDir, "ontology"), { recursive: true });
    const types = path.join(seedDir, "ontology/relation-types.yaml");
    fs.appendFileSync(
      types,
      '- type: ADVISES\n  label: advises\n  labelZh: 顾问\n  description: Gives advice to.\n  from: [PERSON, ORGANIZATION]\n  to: [ORGANIZATION]\n  colour: "#777777"\n',
    );
    const base = await serve({ reload, adminToken: token });
    const auth = { authorization: `Bearer ${token}` };
    const typesNow = async () => (await gql(base, "{ ontology { relationTypes { type } } }")).body.data as { ontology: { relationTypes: { type: string }[] } };
    expect((await typesNow()).ontology.relationTypes.map((t) => t.type)).not.toContain("ADVISES");
    const ok = await fetch(`${base}/admin/reload`, { method: "POST", headers: auth });
    expect(ok.status).toBe(200);
    expect((await typesNow()).ontology.relationTypes.map((t) => t.type)).toContain("ADVISES");

    fs.writeFileSync(path.join(seedDir, "ontology/kinds.yaml"), "- kind: lower_case\n  label: x\n");
    const refused = await fetch(`${base}/admin/reload`, { method: "POST", headers: auth });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: string }).error).toContain("kinds.yaml");
    // The last good ontology and graph are still served.
    expect((await typesNow()).ontology.relationTypes.map((t) => t.type)).toContain("ADVISES");
  });
});

describe("suggestRelation (validation only)", () => {
  const check = `query($input: SuggestRelationInput!) { suggestRelation(input: $input) { valid relationId file yaml editUrl problems { field message } } }`;
  const count = async () => (await driver.executeQuery("MATCH (:AtlasEntity)-[r]->(:AtlasEntity) RETURN count(r) AS n")).records[0]?.get("n");

  it("accepts a sound relation and gives the YAML and the file to edit, writing nothing", async () => {
    const base = await serve({ repoUrl: "https://github.com/example/atlas" });
    const before = await count();
    const { body } = await gql(base, check, {
      input: {
        from: "hisilicon",
        type: "MANUFACTURES",
        to: "ascend-910b",
        sources: ["https://en.wikipedia.org/wiki/HiSilicon"],
        status: "REPORTED",
        since: "2019",
      },
    });
    expect(body.data?.suggestRelation).toEqual({
      valid: true,
      relationId: "hisilicon/MANUFACTURES/ascend-910b",
      file: "seed/entities/organization/hisilicon.yaml",
      yaml: '  - type: MANUFACTURES\n    to: ascend-910b\n    status: reported\n    since: "2019"\n    sources:\n      - wikipedia-hisilicon\n',
      editUrl: "https://github.com/example/atlas/edit/main/seed/entities/organization/hisilicon.yaml",
      problems: [],
    });
    expect(await count()).toBe(before);
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ["an unknown id", { from: "hisilicon", type: "DESIGNS", to: "ascend-999", sources: ["wikipedia-hisilicon"] }, "to", /unknown entity id "ascend-999"/],
    [
      "a type not allowed between those kinds",
      { from: "hisilicon", type: "FOUNDED", to: "huawei", sources: ["wikipedia-hisilicon"] },
      "type",
      /FOUNDED cannot start at an organization/,
    ],
    ["a missing source", { from: "hisilicon", type: "PARTNERS_WITH", to: "nvidia", sources: [] }, "sources", /needs at least one source/],
    [
      "a duplicate relation",
      { from: "hisilicon", type: "DESIGNS", to: "ascend-910b", sources: ["wikipedia-hisilicon"] },
      "relation",
      /duplicate relation hisilicon\/DESIGNS\/ascend-910b/,
    ],
    [
      "a malformed date",
      { from: "hisilicon", type: "PARTNERS_WITH", to: "nvidia", sources: ["wikipedia-hisilicon"], since: "2019-13" },
      "since",
      /since must be a partial ISO date/,
    ],
  ];
  for (const [what, input, field, message] of bad) {
    it(`reports ${what} with a clear message`, async () => {
      const base = await serve();
      const { body } = await gql(base, check, { input });
      const result = body.data?.suggestRelation as { valid: boolean; problems: { field: string; message: string }[] };
      expect(result.valid).toBe(false);
      expect(
        result.problems.some((p) => p.field === field && message.test(p.message)),
        JSON.stringify(result.problems),
      ).toBe(true);
    });
  }

  it("has no mutations: the public API writes nothing", async () => {
    const base = await serve();
    const { body } = await gql(base, 'mutation { suggestRelation(input: {from: "a", type: DESIGNS, to: "b", sources: []}) { valid } }');
    expect(body.errors?.[0]?.message).toMatch(/mutation/i);
  });
});

describe("the embedded Neo4j is locked", () => {
  // Only the embedded server is ours to lock; a NEO4J_URI server has its own authentication.
  it.skipIf(Boolean(process.env.NEO4J_URI))("refuses a Bolt connection without the password made for this start", async () => {
    const neo4j = (await import("neo4j-driver")).default;
    const server = testNeo4j();
    expect(server.password.length).toBeGreaterThanOrEqual(24);
    for (const auth of [undefined, neo4j.auth.basic("neo4j", "neo4j"), neo4j.auth.basic("neo4j", "")]) {
      const stranger = neo4j.driver(server.uri, auth, { logging: { level: "error", logger: () => {} } });
      try {
        await expect(stranger.executeQuery("RETURN 1")).rejects.toMatchObject({
          code: expect.stringMatching(/Security\.(Unauthorized|AuthenticationRateLimit)|ClientError/),
        });
      } finally {
        await stranger.close();
      }
    }
  });
});
