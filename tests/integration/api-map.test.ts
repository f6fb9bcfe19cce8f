/** Query.map over the real Neo4j, loaded with tests/fixtures/api-seed. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bandOf } from "../../server/src/map/bands.js";
import { type FixtureApi, fixtureApi } from "../helpers/fixture-api.js";

let api: FixtureApi;

beforeAll(async () => {
  api = await fixtureApi("api-seed");
});

afterAll(async () => {
  await api?.close();
});

const MAP = `{ map { version
  nodes { id kind name nameZh country x y row column }
  edges { id type from to status }
  rows { id label labelZh x y width height }
  columns { id label labelZh x y width height } } }`;

const gql = (query: string) => api.gql(query);

describe("map", () => {
  it("holds every entity once and every relation, each entity inside its band", async () => {
    const { data, errors } = await gql(MAP);
    expect(errors).toBeUndefined();
    const expected = await api.driver.executeQuery("MATCH (n:AtlasEntity) RETURN n.id AS id, n.kind AS kind, n.country AS country ORDER BY id");
    const ids = data.map.nodes.map((n: { id: string }) => n.id);
    expect(ids.length).toBeGreaterThan(5);
    expect([...ids].sort()).toEqual(expected.records.map((r) => r.get("id")));
    expect(new Set(ids).size).toBe(ids.length);
    const relations = await api.driver.executeQuery("MATCH (:AtlasEntity)-[r]->(:AtlasEntity) WHERE r.id IS NOT NULL RETURN count(r) AS n");
    expect(data.map.edges.length).toBe(Number(relations.records[0]?.get("n")));
    for (const n of data.map.nodes) {
      expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
      expect({ row: n.row, column: n.column }).toEqual(bandOf(n));
      const row = data.map.rows.find((r: { id: string }) => r.id === n.row);
      const column = data.map.columns.find((c: { id: string }) => c.id === n.column);
      expect(n.x).toBeGreaterThanOrEqual(column.x);
      expect(n.x).toBeLessThanOrEqual(column.x + column.width);
      expect(n.y).toBeGreaterThanOrEqual(row.y);
      expect(n.y).toBeLessThanOrEqual(row.y + row.height);
    }
    expect(data.map.rows.map((r: { labelZh: string }) => r.labelZh)).toContain("芯片");
    expect(data.map.edges[0].status).toMatch(/^[A-Z]+$/);
  });

  it("answers the same for one graph version, computing the layout once (one version read after the first)", async () => {
    const first = await gql(MAP);
    const second = await gql(MAP);
    expect(second.data).toEqual(first.data);
    expect(first.data.map.version).toEqual(expect.any(String));
    expect(second.queries).toEqual(["graphVersion"]);
  });
});
