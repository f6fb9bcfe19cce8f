/**
 * Chinese all the way down, over the real Neo4j (tests/fixtures/api-seed): descriptions and notes
 * in both languages, quotes in the source's own words with their source, the ontology's attribute
 * and value labels, and search by words of a Chinese description.
 */

import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProblemCode, type ProblemParams, problemText } from "../../server/src/core/problems.js";
import { Database } from "../../server/src/db/run.js";
import { createAtlasYoga } from "../../server/src/yoga.js";
import { loadApiSeed } from "../fixtures/api-seed/load.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";

let driver: Driver;
let yoga: ReturnType<typeof createAtlasYoga>;

beforeAll(async () => {
  driver = testDriver();
  await clearAtlasGraph(driver);
  const ontology = await loadApiSeed(driver);
  yoga = createAtlasYoga({ db: new Database(driver, { timeoutMs: 10_000 }), ontology, logError: () => {} });
});

afterAll(async () => {
  await driver?.close();
});

type ApiError = { message: string; extensions?: { code?: string; problem?: string; params?: Record<string, string | number> } };
// biome-ignore lint/suspicious/noExplicitAny: the tests read whatever JSON the API answered
type Answer = { data: any; errors?: ApiError[] };

async function gql(query: string): Promise<Answer> {
  const res = await yoga.fetch("http://atlas.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

describe("both languages", () => {
  it("gives an entity's Chinese description beside the English one", async () => {
    const { data, errors } = await gql(`{ entity(id: "huawei") { description descriptionZh } }`);
    expect(errors).toBeUndefined();
    expect(data.entity).toEqual({
      description: "Chinese maker of telecom equipment and Ascend AI chips.",
      descriptionZh: "中国通信设备制造商，研发昇腾人工智能芯片。",
    });
  });

  it("gives a claim its quote in the source's words, the translation, the quoted source and the Chinese note", async () => {
    const { data, errors } = await gql(`{ entity(id: "cloudmatrix-384") { relations(direction: OUT, types: [COMPARED_WITH]) {
      note noteZh quotes { text language translation source { id title language } } sources { id } } } }`);
    expect(errors).toBeUndefined();
    const [relation] = data.entity.relations;
    expect(relation.noteZh).toBe("华为称其算力约为NVL72的1.7倍，功耗约为4倍。");
    expect(relation.quotes).toHaveLength(1);
    const [quote] = relation.quotes;
    expect(quote.text).toContain("算力利用率直接飙升至95%");
    expect(quote.language).toBe("zh");
    expect(quote.translation).toMatch(/^Even with NVLink/);
    expect(quote.source).toEqual({ id: "seed-article-2025-ren-zhengfei-commentary", title: "人民日报头版任正非对话评论（种子文章）", language: "zh" });
    // Asking for the quotes does not change the sources the relation lists.
    expect(relation.sources.map((s: { id: string }) => s.id)).toEqual(["huawei-connect-2025", "seed-article-2025-ren-zhengfei-commentary"]);
  });

  it("gives the day a reader checked a relation as it stands against its sources, and nothing for one changed since", async () => {
    // tests/fixtures/api-seed/audits/1.yaml holds the comparison as read today, and Huawei's rivalry with NVIDIA in an older form.
    const { data, errors } = await gql(`{
      claim: entity(id: "cloudmatrix-384") { relations(direction: OUT, types: [COMPARED_WITH]) { checkedOn } }
      rival: entity(id: "huawei") { relations(direction: OUT, types: [COMPETES_WITH, DESIGNS]) { id checkedOn } } }`);
    expect(errors).toBeUndefined();
    expect(data.claim.relations).toEqual([{ checkedOn: "2026-12-06" }]);
    expect(data.rival.relations.map((r: { checkedOn: string | null }) => r.checkedOn)).toEqual(data.rival.relations.map(() => null));
  });

  it("answers an empty list for a relation without quotes", async () => {
    const { data, errors } = await gql(`{ entity(id: "huawei") { relations(direction: OUT, first: 3) { id quotes { text } } } }`);
    expect(errors).toBeUndefined();
    expect(data.entity.relations.length).toBeGreaterThan(0);
    for (const r of data.entity.relations) expect(r.quotes).toEqual([]);
  });

  it("names every attribute and enumerated value in English and Chinese in the ontology", async () => {
    const { data, errors } = await gql(`{ ontology { kinds { kind attributes { name label labelZh valueLabels { value label labelZh } } } } }`);
    expect(errors).toBeUndefined();
    for (const kind of data.ontology.kinds)
      for (const a of kind.attributes) {
        expect(a.label, `${kind.kind}.${a.name}`).toBeTruthy();
        expect(a.labelZh, `${kind.kind}.${a.name}`).toMatch(/[\u3400-\u9fff]/);
      }
    const system = data.ontology.kinds.find((k: { kind: string }) => k.kind === "SYSTEM");
    const systemType = system.attributes.find((a: { name: string }) => a.name === "systemType");
    expect(systemType.labelZh).toBe("系统类型");
    expect(systemType.valueLabels).toContainEqual({ value: "supernode", label: "supernode", labelZh: "超节点" });
  });

  it("finds an entity by words of its Chinese description, below entities named by them", async () => {
    const { data, errors } = await gql(`{ search(query: "通信设备", first: 5) { entity { id } } }`);
    expect(errors).toBeUndefined();
    expect(data.search.map((h: { entity: { id: string } }) => h.entity.id)).toContain("huawei");
    const named = await gql(`{ search(query: "华为", first: 3) { entity { id } } }`);
    expect(named.data.search[0].entity.id).toBe("huawei");
  });

  it("names each problem by a code with its parameters, so a client can say it in Chinese", async () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['{ search(query: "  ") { score } }', "SEARCH_EMPTY", {}],
      ['{ neighborhood(id: "no-such-entity") { truncated } }', "ENTITY_NOT_FOUND", { ids: '"no-such-entity"' }],
      ["{ entities(first: 0) { nodes { id } } }", "INT_OUT_OF_RANGE", { argument: "first", min: 1, max: 500, got: "0" }],
      ['{ neighborhood(id: "huawei", asOf: "2019-02-30") { truncated } }', "DATE_INVALID", { value: '"2019-02-30"' }],
    ];
    for (const [query, problem, params] of cases) {
      const error = (await gql(query)).errors?.[0];
      expect(error?.extensions?.problem, query).toBe(problem);
      expect(error?.extensions?.params, query).toEqual(params);
      // The English message holds the table's English text with the same parameters.
      expect(error?.message, query).toContain(problemText(problem as ProblemCode, params as ProblemParams, "en"));
    }
  });
});
