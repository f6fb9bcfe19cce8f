/**
 * The GraphQL API against the real Neo4j, loaded with tests/fixtures/api-seed: every root field,
 * each filter, pagination edges, asOf, bad inputs, and one database query per root field.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../server/src/db/run.js";
import type { Ontology } from "../../server/src/ontology.js";
import { openQuestionEnum } from "../../server/src/schema-sdl.js";
import { OPEN_QUESTIONS } from "../../server/src/seed/gaps.js";
import { createAtlasYoga } from "../../server/src/yoga.js";
import { loadApiSeed } from "../fixtures/api-seed/load.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";

interface GqlError {
  message: string;
  path?: string[];
  extensions?: { code?: string; argument?: string };
}
interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read whatever JSON the API answered
  data: Record<string, any> | null | undefined;
  errors: GqlError[] | undefined;
  queries: string[];
  text: string;
}

let driver: Driver;
let db: Database;
let ontology: Ontology;
let yoga: ReturnType<typeof createAtlasYoga>;
const logged: string[] = [];

beforeAll(async () => {
  driver = testDriver();
  await clearAtlasGraph(driver);
  ontology = await loadApiSeed(driver);
  db = new Database(driver, { timeoutMs: 10_000 });
  yoga = createAtlasYoga({ db, ontology, logError: (m) => logged.push(m) });
});

afterAll(async () => {
  await driver?.close();
});

async function gql(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const queries: string[] = [];
  const stop = db.onQuery((e) => queries.push(e.name));
  try {
    const res = await yoga.fetch("http://atlas.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    const body = JSON.parse(text);
    return { status: res.status, data: body.data, errors: body.errors, queries, text };
  } finally {
    stop();
  }
}

/** Asserts exactly one error with this code and returns it. */
function failsWith(answer: Answer, code: string): GqlError {
  expect(answer.errors, answer.text).toHaveLength(1);
  const error = answer.errors?.[0] as GqlError;
  expect(error.extensions?.code, error.message).toBe(code);
  expect(answer.text).not.toMatch(/MATCH|RETURN|\bat .*\.(ts|js):\d+|stack/);
  return error;
}

const ENTITY_FIELDS = "id kind name nameZh aliases country description homepage wikidata __typename";

describe("entity", () => {
  it("returns an entity with its kind's typed attributes", async () => {
    const a = await gql(`{ entity(id: "ascend-910b") { ${ENTITY_FIELDS} ... on Chip { chipType processNode memoryGB releaseDate } } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data?.entity).toEqual({
      id: "ascend-910b",
      kind: "CHIP",
      name: "Ascend 910B",
      nameZh: "昇腾910B",
      aliases: [],
      country: "CN",
      description: null,
      homepage: null,
      wikidata: null,
      __typename: "Chip",
      chipType: "NPU",
      processNode: "SMIC N+2 (7 nm class)",
      memoryGB: 64,
      releaseDate: "2023",
    });
  });

  it("types integer, number, boolean and date attributes", async () => {
    const a = await gql(`{ s: entity(id: "cloudmatrix-384") { ... on System { chipCount launchDate } }
      m: entity(id: "deepseek-v3") { ... on Model { parametersB openWeights license releaseDate } } }`);
    expect(a.data?.s).toEqual({ chipCount: 384, launchDate: "2025-04" });
    expect(a.data?.m).toEqual({ parametersB: 671, openWeights: true, license: "MIT", releaseDate: "2024-12-26" });
  });

  it("is null for an unknown id (a nullable field)", async () => {
    const a = await gql(`{ entity(id: "no-such-entity") { id } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data?.entity).toBeNull();
  });

  it("never exposes the sync's internal properties", async () => {
    const a = await gql(`{ entity(id: "huawei") { id relations { id } } }`);
    expect(a.text).not.toContain("hash");
    expect(a.text).not.toContain("validFrom");
  });

  it("filters nested relations by direction, type and asOf, and caps them with first", async () => {
    const a = await gql(`{ entity(id: "huawei") {
      out: relations(direction: OUT, types: [DESIGNS]) { id since to { id } }
      in: relations(direction: IN, types: [FOUNDED, LEADS]) { type from { id } }
      all: relations { id }
      in2019: relations(asOf: "2019-06-01") { id }
      two: relations(first: 2) { id }
    } }`);
    expect(a.errors).toBeUndefined();
    const e = a.data?.entity;
    expect(e.out.map((r: { id: string }) => r.id)).toEqual(["huawei/DESIGNS/ascend-910b", "huawei/DESIGNS/ascend-910c", "huawei/DESIGNS/cloudmatrix-384"]);
    expect(e.in).toEqual([
      { type: "FOUNDED", from: { id: "ren-zhengfei" } },
      { type: "LEADS", from: { id: "ren-zhengfei" } },
    ]);
    const all = e.all.map((r: { id: string }) => r.id);
    expect(all).toHaveLength(12);
    const in2019 = e.in2019.map((r: { id: string }) => r.id);
    // Designs began 2023 and later; TSMC supplied until 2020-09-14; the listing began 2019-05-16.
    expect(in2019).toContain("tsmc/SUPPLIES/huawei");
    expect(in2019).toContain("entity-list-huawei-2019/RESTRICTS/huawei");
    expect(in2019).not.toContain("huawei/DESIGNS/ascend-910b");
    expect(e.two).toHaveLength(2);
  });

  it("answers any nesting depth with one database query", async () => {
    const a = await gql(`{ entity(id: "ascend-910b") {
      name
      relations {
        type status since until note claimedBy { id }
        sources { id title relations(first: 3) { id from { name } } }
        from { id ... on Organization { orgType } relations(first: 5) {
          to { id relations(first: 5) { from { id } to { id relations(first: 2) { id sources { url } } } } } } }
        to { id }
      }
    } }`);
    expect(a.errors).toBeUndefined();
    expect(a.queries).toEqual(["entity"]);
    const designs = a.data?.entity.relations.find((r: { type: string }) => r.type === "DESIGNS");
    expect(designs.from.orgType).toBe("company");
    expect(designs.sources[0].relations.length).toBeGreaterThan(0);
  });

  it("resolves claims with who made them", async () => {
    const a = await gql(`{ entity(id: "cloudmatrix-384") { relations(types: [COMPARED_WITH]) { status note claimedBy { id name } to { id } } } }`);
    expect(a.data?.entity.relations).toEqual([
      { status: "CLAIMED", note: expect.stringContaining("NVL72"), claimedBy: [{ id: "huawei", name: "Huawei" }], to: { id: "gb200-nvl72" } },
    ]);
  });
});

describe("entities", () => {
  it("filters by kinds and countries and counts the total", async () => {
    const a = await gql(`{ chips: entities(kinds: [CHIP]) { totalCount nodes { id } }
      cnOrgs: entities(kinds: [ORGANIZATION], countries: ["cn"]) { totalCount nodes { id } }
      all: entities { totalCount } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data?.chips.nodes.map((n: { id: string }) => n.id)).toEqual(["ascend-910b", "ascend-910c", "h100", "h20", "h800"]);
    expect(a.data?.chips.totalCount).toBe(5);
    expect(a.data?.cnOrgs.nodes.map((n: { id: string }) => n.id)).toEqual(["deepseek", "hisilicon", "huawei", "smic"]);
    expect(a.data?.all.totalCount).toBe(25);
    expect(a.queries).toEqual(["entities", "entities", "entities"]);
  });

  it("pages with cursors to the end, without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const a = await gql("query($after: String) { entities(first: 7, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }", {
        after,
      });
      expect(a.errors).toBeUndefined();
      const page = a.data?.entities;
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect([...seen].sort()).toEqual(seen);
  });

  it("handles the edges: exactly one page, first: 1, and past the end", async () => {
    const exact = await gql(`{ entities(kinds: [CHIP], first: 5) { nodes { id } pageInfo { hasNextPage endCursor } } }`);
    expect(exact.data?.entities.pageInfo.hasNextPage).toBe(false);
    const one = await gql(`{ entities(kinds: [CHIP], first: 1) { nodes { id } pageInfo { hasNextPage endCursor } } }`);
    expect(one.data?.entities.nodes).toEqual([{ id: "ascend-910b" }]);
    expect(one.data?.entities.pageInfo.hasNextPage).toBe(true);
    const past = await gql("query($a: String) { entities(kinds: [CHIP], after: $a) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }", {
      a: exact.data?.entities.pageInfo.endCursor,
    });
    expect(past.data?.entities).toEqual({ totalCount: 5, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("refuses bad arguments with BAD_USER_INPUT", async () => {
    expect(failsWith(await gql(`{ entities(first: 0) { totalCount } }`), "BAD_USER_INPUT").message).toMatch(/first.*1 to 500/);
    expect(failsWith(await gql(`query($n: Int) { entities(first: $n) { totalCount } }`, { n: 1_000_000 }), "BAD_USER_INPUT").message).toMatch(/first/);
    failsWith(await gql(`{ entities(after: "not-a-cursor") { totalCount } }`), "BAD_USER_INPUT");
    // A relation cursor is not an entity cursor.
    const rel = await gql(`{ relations(first: 1) { pageInfo { endCursor } } }`);
    failsWith(await gql("query($a: String) { entities(after: $a) { totalCount } }", { a: rel.data?.relations.pageInfo.endCursor }), "BAD_USER_INPUT");
    expect(failsWith(await gql(`{ entities(countries: ["China"]) { totalCount } }`), "BAD_USER_INPUT").message).toMatch(/ISO 3166/);
    failsWith(await gql(`{ entities(kinds: []) { totalCount } }`), "BAD_USER_INPUT");
    failsWith(await gql(`{ entities(kinds: [SPACESHIP]) { totalCount } }`), "BAD_USER_INPUT");
    failsWith(await gql(`query($k: [EntityKind!]) { entities(kinds: $k) { totalCount } }`, { k: ["chip"] }), "BAD_USER_INPUT");
  });

  it("refuses a literal first of 10^6 before touching the database", async () => {
    const a = await gql(`{ entities(first: 1000000) { totalCount } }`);
    failsWith(a, "QUERY_TOO_COMPLEX");
    expect(a.queries).toEqual([]);
  });
});

describe("search", () => {
  const ids = (a: Answer, field = "search") => a.data?.[field].map((h: { entity: { id: string } }) => h.entity.id);

  it("finds by English name, ranked with the exact name first", async () => {
    const a = await gql(`{ search(query: "Huawei") { score entity { id name } } }`);
    expect(a.errors).toBeUndefined();
    expect(ids(a)[0]).toBe("huawei");
    const scores = a.data?.search.map((h: { score: number }) => h.score);
    expect([...scores].sort((x: number, y: number) => y - x)).toEqual(scores);
    expect(a.queries).toEqual(["search"]);
  });

  it("finds by prefix, with typos, by alias, and in Chinese (bigrams and one character)", async () => {
    const a = await gql(`{ prefix: search(query: "huaw") { entity { id } }
      typo: search(query: "nvidai") { entity { id } }
      alias: search(query: "Taiwan Semiconductor") { entity { id } }
      zh: search(query: "华为") { entity { id } }
      zhAlias: search(query: "华为技术有限公司") { entity { id } }
      one: search(query: "昇") { entity { id } }
      mid: search(query: "伟") { entity { id } } }`);
    expect(a.errors).toBeUndefined();
    expect(ids(a, "prefix")[0]).toBe("huawei");
    expect(ids(a, "typo")).toContain("nvidia");
    expect(ids(a, "alias")).toEqual(["tsmc"]);
    expect(ids(a, "zh")[0]).toBe("huawei");
    expect(ids(a, "zhAlias")[0]).toBe("huawei");
    expect(ids(a, "one").sort()).toEqual(["ascend-910b", "ascend-910c"]);
    expect(ids(a, "mid")).toEqual(["nvidia"]);
  });

  it("filters by kind and caps with first", async () => {
    const a = await gql(`{ k: search(query: "huawei", kinds: [POLICY]) { entity { id kind } } f: search(query: "h", first: 1) { entity { id } } }`);
    expect(a.data?.k).toEqual([{ entity: { id: "entity-list-huawei-2019", kind: "POLICY" } }]);
    expect(a.data?.f).toHaveLength(1);
  });

  it("forgives a typo only when the words as typed find too few, and keeps the kind filter when it does", async () => {
    const a = await gql(`{ chip: search(query: "nvidai", kinds: [CHIP]) { entity { id kind } }
      org: search(query: "nvidai", kinds: [ORGANIZATION]) { entity { id } }
      exact: search(query: "nvidia", first: 1) { entity { id } } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data?.chip.every((h: { entity: { kind: string } }) => h.entity.kind === "CHIP")).toBe(true);
    expect(ids(a, "org")).toContain("nvidia");
    expect(ids(a, "exact")).toEqual(["nvidia"]);
    expect(a.queries).toEqual(["search", "search", "search"]);
  });

  it("is safe with any string: Lucene and Cypher metacharacters, quotes, keywords", async () => {
    const nasty = [
      '"',
      "\\",
      "huawei AND",
      "OR",
      "NOT huawei",
      "*",
      "?",
      "~",
      "h100~2",
      "name:huawei",
      "(((",
      "[a TO z]",
      "{}",
      "^",
      "/regex/",
      "&& ||",
      "!",
      "' OR 1=1 --",
      "}) MATCH (n) DETACH DELETE n //",
      "$id",
      "`",
      'Lonely Lab (AND) OR "quoted"',
      "\u0000",
      "🙂",
    ];
    for (const query of nasty) {
      const a = await gql("query($q: String!) { search(query: $q) { entity { id } } }", { q: query });
      expect(a.errors, `${JSON.stringify(query)}: ${a.text}`).toBeUndefined();
    }
    const lonely = await gql("query($q: String!) { search(query: $q) { entity { id } } }", { q: 'Lonely Lab (AND) OR "quoted"' });
    expect(ids(lonely)[0]).toBe("lonely-lab");
    // The graph is still all there.
    expect((await gql("{ stats { entities } }")).data?.stats.entities).toBe(25);
  });

  it("refuses empty and oversized strings with BAD_USER_INPUT", async () => {
    expect(failsWith(await gql(`{ search(query: "") { score } }`), "BAD_USER_INPUT").message).toMatch(/empty/);
    failsWith(await gql(`{ search(query: "   ") { score } }`), "BAD_USER_INPUT");
    const big = await gql("query($q: String!) { search(query: $q) { score } }", { q: "x".repeat(10_240) });
    expect(failsWith(big, "BAD_USER_INPUT").message).toMatch(/at most 200/);
    failsWith(await gql(`{ search(query: "huawei", first: 101) { score } }`), "BAD_USER_INPUT");
  });
});

describe("neighborhood", () => {
  const nodeIds = (a: Answer) => a.data?.neighborhood.nodes.map((n: { id: string }) => n.id);
  const edgeIds = (a: Answer) => a.data?.neighborhood.edges.map((n: { id: string }) => n.id);

  it("returns the centre first, the entities one hop away, and the relations between them", async () => {
    const a = await gql(`{ neighborhood(id: "ren-zhengfei") { truncated nodes { id } edges { id type from { id } to { id } } } }`);
    expect(a.errors).toBeUndefined();
    expect(nodeIds(a)).toEqual(["ren-zhengfei", "huawei"]);
    expect(edgeIds(a)).toEqual(["ren-zhengfei/FOUNDED/huawei", "ren-zhengfei/LEADS/huawei"]);
    expect(a.data?.neighborhood.truncated).toBe(false);
  });

  it("gives the relations' ends every field they ask for, whatever the nodes ask for", async () => {
    const a = await gql(`{ neighborhood(id: "ren-zhengfei") { nodes { id } edges { from { id name } to { ... on Organization { name country } } } } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data?.neighborhood.nodes).toEqual([{ id: "ren-zhengfei" }, { id: "huawei" }]);
    for (const edge of a.data?.neighborhood.edges ?? []) {
      expect(edge.from).toEqual({ id: "ren-zhengfei", name: "Ren Zhengfei" });
      expect(edge.to).toEqual({ name: "Huawei", country: "CN" });
    }
    expect(a.data?.neighborhood.edges).toHaveLength(2);
    expect(a.queries).toEqual(["neighborhood"]);
  });

  it("goes deeper with depth, nearest first", async () => {
    const d1 = await gql(`{ neighborhood(id: "deepseek-r1", depth: 1) { nodes { id } } }`);
    const d2 = await gql(`{ neighborhood(id: "deepseek-r1", depth: 2) { nodes { id } } }`);
    const d3 = await gql(`{ neighborhood(id: "deepseek-r1", depth: 3) { nodes { id } edges { id } } }`);
    expect(nodeIds(d1)).toEqual(["deepseek-r1", "deepseek", "deepseek-v3"]);
    expect(nodeIds(d2)).toEqual(["deepseek-r1", "deepseek", "deepseek-v3", "h800"]);
    expect(nodeIds(d3).slice(0, 4)).toEqual(nodeIds(d2));
    expect(nodeIds(d3)).toEqual(expect.arrayContaining(["export-rule-2023-10", "h100", "nvidia"]));
    expect(d3.queries).toEqual(["neighborhood"]);
  });

  it("filters by relation types and kinds", async () => {
    const t = await gql(`{ neighborhood(id: "huawei", relationTypes: [DESIGNS]) { nodes { id } edges { type } } }`);
    expect(nodeIds(t)).toEqual(["huawei", "ascend-910b", "ascend-910c", "cloudmatrix-384"]);
    expect(new Set(t.data?.neighborhood.edges.map((e: { type: string }) => e.type))).toEqual(new Set(["DESIGNS"]));
    const k = await gql(`{ neighborhood(id: "huawei", kinds: [PERSON, POLICY]) { nodes { id kind } } }`);
    expect(nodeIds(k)).toEqual(["huawei", "entity-list-huawei-2019", "ren-zhengfei"]);
  });

  it("hides relations outside since/until with asOf", async () => {
    const before = await gql(`{ neighborhood(id: "tsmc", asOf: "2019") { nodes { id } edges { id } } }`);
    const after = await gql(`{ neighborhood(id: "tsmc", asOf: "2021-01-01") { nodes { id } edges { id } } }`);
    const edgeDay = await gql(`{ neighborhood(id: "tsmc", asOf: "2020-09-14") { edges { id } } }`);
    const dayAfter = await gql(`{ neighborhood(id: "tsmc", asOf: "2020-09-15") { edges { id } } }`);
    expect(nodeIds(before)).toContain("huawei");
    expect(nodeIds(after)).not.toContain("huawei");
    expect(edgeIds(edgeDay)).toContain("tsmc/SUPPLIES/huawei");
    expect(edgeIds(dayAfter)).not.toContain("tsmc/SUPPLIES/huawei");
  });

  it("caps nodes with limit and says it truncated", async () => {
    const a = await gql(`{ neighborhood(id: "huawei", depth: 2, limit: 3) { truncated nodes { id } edges { from { id } to { id } } } }`);
    expect(nodeIds(a)).toHaveLength(3);
    expect(a.data?.neighborhood.truncated).toBe(true);
    const kept = new Set(nodeIds(a));
    for (const e of a.data?.neighborhood.edges ?? []) expect(kept.has(e.from.id) && kept.has(e.to.id)).toBe(true);
    const one = await gql(`{ neighborhood(id: "huawei", limit: 1) { truncated nodes { id } edges { id } } }`);
    expect(one.data?.neighborhood).toEqual({ truncated: true, nodes: [{ id: "huawei" }], edges: [] });
  });

  it("says truncated exactly when an entity within reach did not fit the limit", async () => {
    // deepseek-r1: 2 entities one hop away, h800 two hops away, more at three hops.
    const answer = async (depth: number, limit: number) =>
      (await gql(`{ neighborhood(id: "deepseek-r1", depth: ${depth}, limit: ${limit}) { truncated nodes { id } } }`)).data?.neighborhood;
    const oneHop = { truncated: false, nodes: [{ id: "deepseek-r1" }, { id: "deepseek" }, { id: "deepseek-v3" }] };
    expect(await answer(1, 3)).toEqual(oneHop);
    expect(await answer(2, 3)).toEqual({ ...oneHop, truncated: true });
    expect(await answer(2, 4)).toEqual({ truncated: false, nodes: [...oneHop.nodes, { id: "h800" }] });
    expect(await answer(3, 4)).toEqual({ truncated: true, nodes: [...oneHop.nodes, { id: "h800" }] });
  });

  it("fails with NOT_FOUND for an unknown id and BAD_USER_INPUT for bad arguments", async () => {
    expect(failsWith(await gql(`{ neighborhood(id: "atlantis") { truncated } }`), "NOT_FOUND").message).toContain("atlantis");
    expect(failsWith(await gql(`{ neighborhood(id: "huawei", depth: 0) { truncated } }`), "BAD_USER_INPUT").message).toMatch(/depth.*1 to 3/);
    failsWith(await gql(`{ neighborhood(id: "huawei", depth: 9) { truncated } }`), "BAD_USER_INPUT");
    expect(failsWith(await gql(`{ neighborhood(id: "huawei", limit: 1000000) { truncated } }`), "BAD_USER_INPUT").message).toMatch(/limit/);
    failsWith(await gql(`{ neighborhood(id: "huawei", limit: 0) { truncated } }`), "BAD_USER_INPUT");
    failsWith(await gql(`{ neighborhood(id: "huawei", asOf: "2019-13-01") { truncated } }`), "BAD_USER_INPUT");
    failsWith(await gql(`query($d: Date) { neighborhood(id: "huawei", asOf: $d) { truncated } }`, { d: "yesterday" }), "BAD_USER_INPUT");
    failsWith(await gql(`{ neighborhood(id: "huawei", relationTypes: [LIKES]) { truncated } }`), "BAD_USER_INPUT");
    failsWith(await gql(`{ neighborhood(id: "") { truncated } }`), "BAD_USER_INPUT");
  });

  it("refuses a selection whose answer could be too big, before querying", async () => {
    const a = await gql(`{ neighborhood(id: "huawei", limit: 1000) { nodes { relations(first: 200) { to { id } } } } }`);
    expect(failsWith(a, "QUERY_TOO_COMPLEX").message).toMatch(/objects/);
    expect(a.queries).toEqual([]);
  });
});

describe("paths", () => {
  it("finds the shortest paths, shortest first, with nodes and edges in order", async () => {
    const a = await gql(`{ paths(from: "deepseek", to: "nvidia", first: 3) { length nodes { id } edges { type from { id } to { id } sources { id } } } }`);
    expect(a.errors).toBeUndefined();
    const paths = a.data?.paths;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0].nodes.map((n: { id: string }) => n.id)).toEqual(["deepseek", "deepseek-v3", "h800", "nvidia"]);
    expect(paths[0].length).toBe(3);
    for (const p of paths) {
      expect(p.edges).toHaveLength(p.length);
      expect(p.nodes).toHaveLength(p.length + 1);
      p.edges.forEach((e: { from: { id: string }; to: { id: string } }, i: number) => {
        expect([e.from.id, e.to.id].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort());
      });
    }
    const lengths = paths.map((p: { length: number }) => p.length);
    expect([...lengths].sort()).toEqual(lengths);
    expect(a.queries).toEqual(["paths"]);
  });

  it("respects maxHops, relationTypes and asOf", async () => {
    const short = await gql(`{ paths(from: "deepseek", to: "nvidia", maxHops: 2) { length } }`);
    expect(short.data?.paths).toEqual([]);
    const typed = await gql(`{ paths(from: "ren-zhengfei", to: "ascend-910b", relationTypes: [FOUNDED, DESIGNS]) { edges { type } } }`);
    expect(typed.data?.paths).toEqual([{ edges: [{ type: "FOUNDED" }, { type: "DESIGNS" }] }]);
    const then = await gql(`{ paths(from: "tsmc", to: "huawei", maxHops: 1, asOf: "2019") { length } }`);
    const now = await gql(`{ paths(from: "tsmc", to: "huawei", maxHops: 1, asOf: "2024") { length } }`);
    expect(then.data?.paths).toEqual([{ length: 1 }]);
    expect(now.data?.paths).toEqual([]);
  });

  it("returns an empty list when nothing connects, NOT_FOUND for unknown ids", async () => {
    const none = await gql(`{ paths(from: "lonely-lab", to: "huawei", maxHops: 6) { length } }`);
    expect(none.errors).toBeUndefined();
    expect(none.data?.paths).toEqual([]);
    expect(failsWith(await gql(`{ paths(from: "huawei", to: "atlantis") { length } }`), "NOT_FOUND").message).toContain("atlantis");
  });

  it("refuses bad arguments", async () => {
    expect(failsWith(await gql(`{ paths(from: "huawei", to: "nvidia", maxHops: 7) { length } }`), "BAD_USER_INPUT").message).toMatch(/maxHops.*1 to 6/);
    failsWith(await gql(`{ paths(from: "huawei", to: "nvidia", maxHops: 0) { length } }`), "BAD_USER_INPUT");
    failsWith(await gql(`{ paths(from: "huawei", to: "huawei") { length } }`), "BAD_USER_INPUT");
    failsWith(await gql(`{ paths(from: "huawei", to: "nvidia", first: 26) { length } }`), "BAD_USER_INPUT");
  });
});

describe("relations", () => {
  it("filters by type, from, to, status and asOf, with a total", async () => {
    const a = await gql(`{
      restricts: relations(type: RESTRICTS) { totalCount nodes { id since from { id } to { id } sources { title } } }
      fromNvidia: relations(from: "nvidia", type: DESIGNS) { totalCount }
      toHuawei: relations(to: "huawei") { totalCount }
      claimed: relations(status: CLAIMED) { nodes { id status } }
      in2020: relations(type: RESTRICTS, asOf: "2020") { totalCount }
    }`);
    expect(a.errors).toBeUndefined();
    expect(a.data?.restricts.totalCount).toBe(4);
    expect(a.data?.restricts.nodes[0]).toEqual({
      id: "entity-list-huawei-2019/RESTRICTS/hisilicon",
      since: "2019-05-16",
      from: { id: "entity-list-huawei-2019" },
      to: { id: "hisilicon" },
      sources: [{ title: "Addition of Entities to the Entity List" }],
    });
    expect(a.data?.fromNvidia.totalCount).toBe(4);
    expect(a.data?.toHuawei.totalCount).toBe(7);
    expect(a.data?.claimed.nodes.map((n: { status: string }) => n.status)).toEqual(["CLAIMED", "CLAIMED"]);
    expect(a.data?.in2020.totalCount).toBe(2);
    expect(a.queries).toHaveLength(5);
  });

  it("pages with cursors", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const a = await gql("query($a: String) { relations(first: 15, after: $a) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }", { a: after });
      seen.push(...(a.data?.relations.nodes ?? []).map((n: { id: string }) => n.id));
      if (!a.data?.relations.pageInfo.hasNextPage) break;
      after = a.data?.relations.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });

  it("is empty for an unknown entity id and refuses bad arguments", async () => {
    const a = await gql(`{ relations(from: "atlantis") { totalCount nodes { id } } }`);
    expect(a.data?.relations.totalCount).toBe(0);
    failsWith(await gql(`{ relations(first: 501) { totalCount } }`), "BAD_USER_INPUT");
    failsWith(await gql(`{ relations(type: designs) { totalCount } }`), "BAD_USER_INPUT");
    failsWith(await gql(`{ relations(status: PROVEN) { totalCount } }`), "BAD_USER_INPUT");
  });
});

describe("source", () => {
  it("returns a source and everything that cites it", async () => {
    const a = await gql(`{ source(id: "bis-entity-list-2019") { id url title publisher date language note relations { id to { id } } } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data?.source).toMatchObject({ id: "bis-entity-list-2019", publisher: "Federal Register", date: "2019-05-21", language: "en", note: null });
    expect(a.data?.source.relations.map((r: { id: string }) => r.id)).toEqual([
      "entity-list-huawei-2019/ISSUED_BY/us-bis",
      "entity-list-huawei-2019/RESTRICTS/hisilicon",
      "entity-list-huawei-2019/RESTRICTS/huawei",
      "tsmc/SUPPLIES/huawei",
    ]);
    expect(a.queries).toEqual(["source"]);
  });

  it("is null for an unknown id", async () => {
    const a = await gql(`{ source(id: "nope") { id } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data?.source).toBeNull();
  });
});

describe("ontology and stats", () => {
  it("ontology lists kinds and relation types with both labels and colours, without a query", async () => {
    const a = await gql(
      `{ ontology { kinds { kind typeName label labelZh colour shape attributes { name type values } } relationTypes { type label labelZh colour from to symmetric } statuses } }`,
    );
    expect(a.errors).toBeUndefined();
    expect(a.queries).toEqual([]);
    expect(a.data?.ontology.kinds.map((k: { kind: string }) => k.kind)).toEqual(ontology.kinds.map((k) => k.kind));
    expect(a.data?.ontology.kinds.find((k: { kind: string }) => k.kind === "CHIP")).toMatchObject({
      typeName: "Chip",
      label: "Chip",
      labelZh: "芯片",
      colour: "#e15759",
    });
    expect(a.data?.ontology.relationTypes.find((t: { type: string }) => t.type === "DESIGNS")).toMatchObject({
      labelZh: "设计",
      from: ["ORGANIZATION"],
      symmetric: false,
    });
    expect(a.data?.ontology.statuses).toEqual(["CONFIRMED", "REPORTED", "CLAIMED", "DISPUTED"]);
  });

  it("asks of each entity what the graph does not say yet, as the sync stored it, with the relation that would answer", async () => {
    const a = await gql(`{
      h800: entity(id: "h800") { openQuestions }
      ascend: entity(id: "ascend-910b") { openQuestions }
      rule: entity(id: "export-rule-2023-10") { openQuestions }
      lonely: entity(id: "lonely-lab") { openQuestions }
      tsmc: entity(id: "tsmc") { openQuestions }
      r1: entity(id: "deepseek-r1") { openQuestions }
      ontology { openQuestions { question label labelZh answer { type end } } }
    }`);
    expect(a.errors).toBeUndefined();
    expect(a.data?.h800.openQuestions).toEqual(["CHIP_WITHOUT_MANUFACTURER", "CHIP_WITHOUT_PROCESS_NODE"]);
    expect(a.data?.ascend.openQuestions).toEqual(["CHIP_WITHOUT_PROCESS_NODE"]);
    expect(a.data?.rule.openQuestions).toEqual(["RULE_WITHOUT_DESTINATIONS"]);
    expect(a.data?.lonely.openQuestions).toEqual(["ENTITY_WITHOUT_RELATION"]);
    // TSMC's supply to Huawei names no item: a question about a relation, which the entity does not ask.
    expect(a.data?.tsmc.openQuestions).toEqual([]);
    // DeepSeek-R1 records no training hardware of its own, but stands on DeepSeek-V3's (BASED_ON).
    expect(a.data?.r1.openQuestions).toEqual([]);
    const asked = a.data?.ontology.openQuestions as { question: string; labelZh: string; answer: unknown }[];
    expect(asked.find((q) => q.question === "CHIP_WITHOUT_MANUFACTURER")).toMatchObject({
      labelZh: "由哪家晶圆厂制造？",
      answer: { type: "MANUFACTURES", end: "TO" },
    });
    expect(asked.find((q) => q.question === "MODEL_WITHOUT_TRAINING_HARDWARE")).toMatchObject({
      labelZh: "在哪些芯片或系统上训练？",
      answer: { type: "TRAINED_ON", end: "FROM" },
    });
    expect(asked.find((q) => q.question === "RULE_WITHOUT_DESTINATIONS")?.answer).toBeNull();
  });

  it("lists the entities asking a question, and counts each question, for contributors looking where to help", async () => {
    const a = await gql(`{
      fab: entities(openQuestions: [CHIP_WITHOUT_MANUFACTURER]) { totalCount nodes { id openQuestions } }
      either: entities(openQuestions: [CHIP_WITHOUT_MANUFACTURER, ENTITY_WITHOUT_RELATION], kinds: [ORGANIZATION]) { totalCount nodes { id } }
      stats { byOpenQuestion { question count } }
    }`);
    expect(a.errors).toBeUndefined();
    const fab = a.data?.fab as { totalCount: number; nodes: { id: string; openQuestions: string[] }[] };
    expect(fab.nodes.map((n) => n.id)).toContain("h800");
    expect(fab.nodes.map((n) => n.id)).not.toContain("ascend-910b");
    for (const n of fab.nodes) expect(n.openQuestions).toContain("CHIP_WITHOUT_MANUFACTURER");
    expect(fab.totalCount).toBe(fab.nodes.length);
    // Filters combine: of the organisations, only the lab with no relation asks either question.
    expect(a.data?.either).toEqual({ totalCount: 1, nodes: [{ id: "lonely-lab" }] });
    const counts = a.data?.stats.byOpenQuestion as { question: string; count: number }[];
    expect(counts.map((c) => c.question)).toEqual(Object.keys(OPEN_QUESTIONS).map(openQuestionEnum));
    expect(counts.find((c) => c.question === "CHIP_WITHOUT_MANUFACTURER")?.count).toBe(fab.totalCount);
    expect(counts.find((c) => c.question === "MODEL_WITHOUT_TRAINING_HARDWARE")?.count).toBe(0);
    failsWith(await gql(`{ entities(openQuestions: []) { totalCount } }`), "BAD_USER_INPUT");
  });

  it("stats counts entities, relations and sources by kind, type and country", async () => {
    const a = await gql(`{ stats { entities relations sources byKind { kind count } byRelationType { type count } byCountry { country count } } }`);
    expect(a.errors).toBeUndefined();
    const s = a.data?.stats;
    expect([s.entities, s.relations, s.sources]).toEqual([25, 40, 8]);
    expect(s.byKind).toHaveLength(ontology.kinds.length);
    expect(s.byKind.find((k: { kind: string }) => k.kind === "CHIP").count).toBe(5);
    expect(s.byRelationType.find((t: { type: string }) => t.type === "DESIGNS").count).toBe(7);
    expect(s.byRelationType.find((t: { type: string }) => t.type === "ACQUIRED").count).toBe(0);
    expect(s.byCountry[0]).toEqual({ country: "CN", count: 10 });
    // Read once per graph version: after the first time only the version is asked for.
    expect(a.queries[0]).toBe("graphVersion");
    const again = await gql(`{ stats { entities } }`);
    expect(again.data?.stats.entities).toBe(25);
    expect(again.queries).toEqual(["graphVersion"]);
  });
});

describe("guards", () => {
  it("refuses a too-deep query with QUERY_TOO_COMPLEX", async () => {
    let q = "id";
    for (let i = 0; i < 8; i++) q = `relations(first: 1) { to { ${q} } }`;
    const a = await gql(`{ entity(id: "huawei") { ${q} } }`);
    expect(failsWith(a, "QUERY_TOO_COMPLEX").message).toMatch(/depth/i);
  });

  it("refuses too many aliases", async () => {
    const many = Array.from({ length: 30 }, (_, i) => `a${i}: stats { entities }`).join(" ");
    failsWith(await gql(`{ ${many} }`), "QUERY_TOO_COMPLEX");
  });

  it("masks unexpected errors: no stack, no Cypher, logged on the server", async () => {
    // A resolver bug, simulated by a database object whose read throws a plain Error.
    const failing = new Database(driver, { timeoutMs: 5000 });
    failing.read = async () => {
      throw new Error("boom at MATCH (n) RETURN n");
    };
    const y = createAtlasYoga({ db: failing, ontology, logError: (m) => logged.push(m) });
    const res = await y.fetch("http://atlas.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ stats { entities } }" }),
    });
    const text = await res.text();
    expect(text).not.toContain("boom");
    expect(text).not.toContain("MATCH");
    expect(JSON.parse(text).errors[0].message).toBe("Unexpected error.");
    expect(logged.some((l) => l.includes("boom"))).toBe(true);
  });

  it("reports DATABASE_UNAVAILABLE when Neo4j cannot be reached", async () => {
    const { createDriver } = await import("../../server/src/db/driver.js");
    const dead = createDriver({ uri: "bolt://127.0.0.1:1", user: "neo4j", password: "" });
    const y = createAtlasYoga({ db: new Database(dead, { timeoutMs: 2000 }), ontology, logError: (m) => logged.push(m) });
    try {
      const res = await y.fetch("http://atlas.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ stats { entities } }" }),
      });
      const body = await res.json();
      expect(body.errors[0].extensions.code).toBe("DATABASE_UNAVAILABLE");
    } finally {
      await dead.close();
    }
  });
});
