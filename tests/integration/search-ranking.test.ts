/**
 * Search puts an exact match first even when Lucene scores another hit higher. Typing "SMIC" in the
 * explorer opened "SMIC 14 nm FinFET" (name and alias both hold the word, so Lucene scored it 23)
 * instead of the company, whose alias "SMIC" is but whose name is "Semiconductor Manufacturing
 * International Corporation" (Lucene 6.5, plus the old exact-match bonus of 10: 16.5).
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTITY_LABEL } from "../../server/src/db/queries.js";
import { Database } from "../../server/src/db/run.js";
import { loadOntology } from "../../server/src/ontology.js";
import { ensureSchema } from "../../server/src/seed/sync.js";
import { createAtlasYoga } from "../../server/src/yoga.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";

let driver: Driver;
let yoga: ReturnType<typeof createAtlasYoga>;

/** The real seed's names and aliases for the entities that word finds. */
const ENTITIES = [
  {
    id: "smic",
    kind: "ORGANIZATION",
    name: "Semiconductor Manufacturing International Corporation",
    nameZh: "中芯国际",
    aliases: ["SMIC", "中芯国际集成电路制造有限公司"],
  },
  { id: "smic-14nm", kind: "TECHNOLOGY", name: "SMIC 14 nm FinFET", aliases: ["SMIC 14nm"] },
  {
    id: "smic-south-shanghai",
    kind: "FACILITY",
    name: "SMIC South (SN1/SN2)",
    aliases: ["SMIC South", "Semiconductor Manufacturing South Corp.", "SN1", "SN2"],
  },
  { id: "smic-n-plus-2", kind: "TECHNOLOGY", name: "SMIC N+2", aliases: [] },
  { id: "smic-beijing", kind: "FACILITY", name: "SMIC Beijing fabs", aliases: [] },
];

type Hit = { score: number; entity: { id: string } };

async function search(query: string): Promise<Hit[]> {
  const res = await yoga.fetch("http://atlas.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "query($q: String!) { search(query: $q) { score entity { id } } }", variables: { q: query } }),
  });
  const body = (await res.json()) as { data?: { search: Hit[] }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data?.search ?? [];
}

beforeAll(async () => {
  driver = testDriver();
  await clearAtlasGraph(driver);
  await ensureSchema(driver);
  await driver.executeQuery(`UNWIND $entities AS e CREATE (n:${ENTITY_LABEL}) SET n = e`, { entities: ENTITIES });
  yoga = createAtlasYoga({ db: new Database(driver, { timeoutMs: 10_000 }), ontology: loadOntology() });
});

afterAll(async () => {
  await clearAtlasGraph(driver);
  await driver?.close();
});

describe("search ranking", () => {
  it("puts the entity whose alias is exactly the query first, then the rest by relevance", async () => {
    const hits = await search("SMIC");
    expect(hits.map((h) => h.entity.id)).toContain("smic-14nm");
    expect(hits[0]?.entity.id).toBe("smic");
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Only the exact match scores 1 or more.
    expect(scores.filter((s) => s >= 1)).toHaveLength(1);
  });

  it("ranks an exact name or Chinese name first too, whatever the case typed", async () => {
    expect((await search("smic 14 nm finfet"))[0]?.entity.id).toBe("smic-14nm");
    expect((await search("中芯国际"))[0]?.entity.id).toBe("smic");
    expect((await search("SMIC South"))[0]?.entity.id).toBe("smic-south-shanghai");
  });
});
