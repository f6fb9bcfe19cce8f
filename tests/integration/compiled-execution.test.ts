/**
 * Queries run compiled (graphql-jit) answer exactly as graphql-js answers them: the same body and
 * the same HTTP status for fragments on kinds, aliases, directives, nested lists with arguments,
 * every root field, introspection, null answers, and every kind of error; and a document too costly
 * to compile is answered at once. The server with compiled execution off is the reference.
 */
import { getIntrospectionQuery } from "graphql";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../server/src/db/run.js";
import { createAtlasYoga, EXAMPLE_TABS } from "../../server/src/yoga.js";
import { loadApiSeed } from "../fixtures/api-seed/load.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";

let driver: Driver;
let compiled: ReturnType<typeof createAtlasYoga>;
let reference: ReturnType<typeof createAtlasYoga>;

beforeAll(async () => {
  driver = testDriver();
  await clearAtlasGraph(driver);
  const ontology = await loadApiSeed(driver);
  const db = new Database(driver, { timeoutMs: 10_000 });
  compiled = createAtlasYoga({ db, ontology, logError: () => {} });
  reference = createAtlasYoga({ db, ontology, logError: () => {}, compiledExecution: false });
});

afterAll(async () => {
  await driver?.close();
});

async function ask(yoga: typeof compiled, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const res = await yoga.fetch("http://atlas.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}

const DOCUMENTS: [name: string, query: string, variables?: Record<string, unknown>][] = [
  [
    "an entity with fragments on kinds, aliases, directives and nested lists",
    `query E($id: ID!, $withSources: Boolean!) {
      entity(id: $id) {
        __typename id kind name nameZh country description
        ... on Chip { processNode releaseDate }
        ... on Organization { orgType }
        out: relations(direction: OUT, first: 3) { id type status since until note from { id } to { id name ... on Chip { processNode } } sources @include(if: $withSources) { id title url } }
        into: relations(direction: IN, types: [DESIGNS, MANUFACTURES]) { type from { name } claimedBy { id } }
        skipped: relations @skip(if: true) { id }
      }
    }`,
    { id: "ascend-910b", withSources: true },
  ],
  ["an unknown entity (null)", `{ entity(id: "no-such-entity") { id } }`],
  [
    "a page of entities",
    `{ entities(kinds: [CHIP, ORGANIZATION], first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind } } } }`,
  ],
  ["search in two languages", `query S($q: String!) { search(query: $q, first: 5) { score entity { id name nameZh } } }`, { q: "华为" }],
  ["a neighbourhood", `{ neighborhood(id: "huawei", depth: 2, limit: 20) { truncated nodes { id kind name } edges { id type from { id name } to { id } } } }`],
  ["paths", `{ paths(from: "deepseek", to: "nvidia", maxHops: 4, first: 3) { length nodes { id } edges { type from { id } to { id } } } }`],
  [
    "relations and a source",
    `{ relations(type: MANUFACTURES, first: 2) { totalCount edges { node { id type } } } source(id: "wikipedia-nvidia") { id title url publisher } }`,
  ],
  ["stats and the ontology", `{ stats { entities relations sources byKind { kind count } } ontology { relationTypes { type label labelZh colour from to } } }`],
  ["introspection", getIntrospectionQuery()],
  ["a variable of the wrong type", `query N($d: Int!) { neighborhood(id: "huawei", depth: $d) { truncated } }`, { d: "two" }],
  ["a missing required variable", `query N($id: ID!) { entity(id: $id) { id } }`],
  ["an argument out of range", `{ neighborhood(id: "huawei", depth: 9) { truncated } }`],
  ["an unknown id where one is required", `{ neighborhood(id: "no-such-entity") { truncated } }`],
  ["an unknown field", `{ entity(id: "huawei") { id shoeSize } }`],
  ["a mutation (the schema has none)", `mutation { suggestRelation { valid } }`],
  [
    "a suggestion leaning on an input default",
    `query($input: SuggestRelationInput!) { suggestRelation(input: $input) { valid problems { field message } } }`,
    { input: { from: "hisilicon", type: "DESIGNS", to: "ascend-910b", sources: ["wikipedia-nvidia"] } },
  ],
  ...EXAMPLE_TABS.map(({ name, query }): [string, string] => [`the GraphiQL tab "${name}"`, query]),
];

/** An entity's relations' ends' relations' ends…, `levels` deep: the deepest the armor lets through is 5. */
const nested = (levels: number): string => (levels === 0 ? "id name" : `id relations(first: 2) { type from { ${nested(levels - 1)} } to { id } }`);

describe("compiled execution", () => {
  // A document is compiled from its second run on: the first and the second answer are compared.
  it.each(DOCUMENTS)("answers %s as graphql-js does", async (_name, query, variables) => {
    const theirs = await ask(reference, query, variables);
    expect(await ask(compiled, query, variables)).toEqual(theirs);
    expect(await ask(compiled, query, variables)).toEqual(theirs);
  });

  it("answers a document nested as deep as allowed at once, as graphql-js does (compiling it would take minutes)", async () => {
    const query = `{ entity(id: "huawei") { ${nested(5)} } }`;
    const theirs = await ask(reference, query);
    expect((theirs.body as { data: { entity: { relations: unknown[] } } }).data.entity.relations.length).toBeGreaterThan(0);
    expect(await ask(compiled, query)).toEqual(theirs);
    expect(await ask(compiled, query)).toEqual(theirs);
  });

  it("answers the same twice (a compiled query is reused with other variables)", async () => {
    const query = `query E($id: ID!) { entity(id: $id) { id name relations(first: 2) { type to { id } } } }`;
    for (const id of ["huawei", "nvidia", "no-such-entity", "huawei"]) expect(await ask(compiled, query, { id })).toEqual(await ask(reference, query, { id }));
  });
});
