import fc from "fast-check";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, serveApiSeed } from "../helpers/server.js";

let driver: Driver;
let server: LiveServer;
let base: string;

const LEAK = /Neo4jError|Neo\.ClientError|Cypher|MATCH \(|UNWIND|db\.index|at [\w.<>]+ \(.*:\d+:\d+\)|node_modules/;
const nasty = fc.constantFrom(
  '") } MATCH (n) DETACH DELETE n //',
  "' OR 1=1 --",
  '*~?:\\"[]{}^! AND OR NOT && || /regex/',
  "`; CALL db.clearQueryCaches() //",
  "${0}${1}",
  "\u0000\u0001\uffff",
  "华为\u200b英伟达",
  "𝕳𝖚𝖆𝖜𝖊𝖎 🚀",
  "a".repeat(10_000),
  "",
  " ",
);
const anyString = fc.oneof(nasty, fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 50 }));
const anyNumber = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 9, 10 ** 6, 2 ** 31, 2 ** 53, -(2 ** 53)), fc.double());

function nested(depth: number): string {
  let inner = "id";
  for (let i = 0; i < depth; i++) inner = `relations { from { ${inner} } }`;
  return `{ entity(id: "huawei") { ${inner} } }`;
}

type Request = { method: string; headers: Record<string, string>; body?: string; path?: string };

const json = (query: string, variables?: unknown): Request => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query, variables }),
});

const request: fc.Arbitrary<Request> = fc.oneof(
  anyString.map((s) => json("query($q: String!) { search(query: $q) { score entity { id } } }", { q: s })),
  anyString.map((s) => json(`{ search(query: ${JSON.stringify(s)}) { entity { id } } }`)),
  anyString.map((s) => json("query($id: ID!) { entity(id: $id) { id name relations { id } } }", { id: s })),
  fc
    .tuple(anyNumber, anyNumber)
    .map(([d, l]) => json('query($d: Int, $l: Int) { neighborhood(id: "huawei", depth: $d, limit: $l) { truncated nodes { id } } }', { d, l })),
  fc.tuple(anyNumber, anyString).map(([h, s]) => json('query($h: Int, $to: ID!) { paths(from: "huawei", to: $to, maxHops: $h) { length } }', { h, to: s })),
  fc.tuple(anyNumber, anyString).map(([n, a]) => json("query($n: Int, $a: String) { entities(first: $n, after: $a) { totalCount nodes { id } } }", { n, a })),
  anyString.map((s) => json(`{ neighborhood(id: "huawei", asOf: ${JSON.stringify(s)}) { truncated } }`)),
  anyString.map((s) => json(`{ relations(type: ${s.replace(/[^A-Z_]/g, "") || "NOPE"}) { totalCount } }`)),
  fc.integer({ min: 1, max: 60 }).map((d) => json(nested(d))),
  fc.integer({ min: 1, max: 300 }).map((n) => json(`{ ${Array.from({ length: n }, (_, i) => `a${i}: stats { entities }`).join(" ")} }`)),
  fc.constant(json("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }")),
  fc
    .integer({ min: 2, max: 50 })
    .map((n) =>
      json(
        `query { ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { stats { entities } ${i + 1 < n ? `...F${i + 1}` : ""} }`).join(" ")}`,
      ),
    ),
  fc
    .array(fc.constant({ query: "{ stats { entities } }" }), { minLength: 2, maxLength: 50 })
    .map((ops) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ops) })),
  anyString.map((s) => ({ method: "POST", headers: { "content-type": "application/json" }, body: `{"query": ${s}` })),
  anyString.map((s) => ({ method: "POST", headers: { "content-type": "text/plain" }, body: s })),
  fc
    .constantFrom("application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "")
    .map((type) => ({ method: "POST", headers: { "content-type": type }, body: "query={stats{entities}}" })),
  anyString.map((s) => ({ method: "GET", headers: {}, path: `/graphql?query=${encodeURIComponent(s)}` })),
  fc.constant({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ search(query: "${"x".repeat(70_000)}") { score } }` }),
  }),
  // Hostile cases of the hardening review: aliased heavy fields held at the door, a source's
  // citations with any bounds, analysis with any ids, and a forged forwarded address.
  fc
    .integer({ min: 2, max: 20 })
    .map((n) => json(`{ ${Array.from({ length: n }, (_, i) => `n${i}: neighborhood(id: "huawei", depth: 3, limit: 1000) { nodes { id } }`).join(" ")} }`)),
  fc.tuple(anyString, anyNumber).map(([s, n]) => json("query($s: ID!, $n: Int) { source(id: $s) { relations(first: $n) { id from { id } } } }", { s, n })),
  fc.tuple(anyString, anyString).map(([id, c]) => json("query($id: ID!, $c: String) { exposure(id: $id, country: $c) { cut input { id } } }", { id, c })),
  anyString.map((s) => ({
    ...json("{ stats { entities } }"),
    headers: { "content-type": "application/json", "x-forwarded-for": s.replace(/[^\x20-\x7e]/g, "") },
  })),
  fc.constantFrom("PUT", "DELETE", "PATCH").map((method) => ({ method, headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' })),
);

let served: Awaited<ReturnType<typeof serveApiSeed>>;

beforeAll(async () => {
  served = await serveApiSeed();
  ({ driver, server } = served);
  base = server.base;
});

afterAll(async () => {
  await served.close();
});

describe("fuzzing the GraphQL endpoint", () => {
  it("never answers 5xx, never leaks database or stack text, always answers in time, and changes nothing", async () => {
    const count = async () =>
      (await driver.executeQuery("MATCH (n:AtlasEntity) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r")).records[0]?.toObject();
    const before = await count();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        sent++;
        const response = await fetch(`${base}${r.path ?? "/graphql"}`, {
          method: r.method,
          headers: r.headers,
          body: r.body,
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        expect(response.status, text.slice(0, 300)).toBeLessThan(500);
        expect(text).not.toMatch(LEAK);
        // A bad request is the client's mistake, said as such; "Unexpected error" would be ours.
        expect(text, text.slice(0, 300)).not.toMatch(/INTERNAL_SERVER_ERROR|Unexpected error/);
      }),
      { numRuns: 250, seed: 20251129 },
    );
    expect(sent).toBe(250);
    expect(await count()).toEqual(before);
  });
});
