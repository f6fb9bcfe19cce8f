/**
 * Issue 16: a neighbourhood's cost is bounded by its caps, not by the degree of a hub. Each node's
 * relations are read at most max(limit, 200) at a time; an answer that may miss some says so with
 * `truncated`, and an entity with fewer relations than that gets every one of them.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTITY_LABEL } from "../../server/src/db/queries.js";
import { Database } from "../../server/src/db/run.js";
import { loadOntology } from "../../server/src/ontology.js";
import { createAtlasYoga } from "../../server/src/yoga.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";

let driver: Driver;
let yoga: ReturnType<typeof createAtlasYoga>;
const SPOKES = 260;

beforeAll(async () => {
  driver = testDriver();
  await clearAtlasGraph(driver);
  // A hub supplied by 260 spokes, and a small entity with three suppliers.
  await driver.executeQuery(
    `CREATE (h:${ENTITY_LABEL} {id: 'hub', kind: 'ORGANIZATION', name: 'Hub'})
     WITH h UNWIND range(1, $spokes) AS i
     CREATE (s:${ENTITY_LABEL} {id: 'spoke-' + i, kind: 'ORGANIZATION', name: 'Spoke ' + i})-[:SUPPLIES {id: 'spoke-' + i + '-supplies-hub', status: 'confirmed'}]->(h)`,
    { spokes: SPOKES },
  );
  await driver.executeQuery(
    `CREATE (t:${ENTITY_LABEL} {id: 'small', kind: 'ORGANIZATION', name: 'Small'})
     WITH t UNWIND range(1, 3) AS i
     CREATE (:${ENTITY_LABEL} {id: 'small-supplier-' + i, kind: 'ORGANIZATION', name: 'Small supplier ' + i})-[:SUPPLIES {id: 'small-' + i, status: 'confirmed'}]->(t)`,
  );
  yoga = createAtlasYoga({ db: new Database(driver, { timeoutMs: 10_000 }), ontology: loadOntology() });
});

afterAll(async () => {
  await clearAtlasGraph(driver);
  await driver?.close();
});

async function neighborhood(id: string, limit: number) {
  const response = await yoga.fetch("http://atlas.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `query($id: ID!, $limit: Int) { neighborhood(id: $id, depth: 1, limit: $limit) { truncated nodes { id } edges { id } } }`,
      variables: { id, limit },
    }),
  });
  const body = (await response.json()) as {
    data: { neighborhood: { truncated: boolean; nodes: { id: string }[]; edges: { id: string }[] } };
    errors?: unknown;
  };
  expect(body.errors).toBeUndefined();
  return body.data.neighborhood;
}

describe("neighbourhood of a hub (#16)", () => {
  it("caps a hub's answer at the limit and says it is truncated", async () => {
    const answer = await neighborhood("hub", 50);
    expect(answer.truncated).toBe(true);
    expect(answer.nodes).toHaveLength(50);
    expect(answer.nodes[0]?.id).toBe("hub");
  });

  it("answers a hub in full when the limit covers every relation", async () => {
    const answer = await neighborhood("hub", 300);
    expect(answer.truncated).toBe(false);
    expect(answer.nodes).toHaveLength(SPOKES + 1);
    expect(answer.edges).toHaveLength(SPOKES);
  });

  it("gives a small entity every neighbour and edge, not truncated", async () => {
    const answer = await neighborhood("small", 200);
    expect(answer.truncated).toBe(false);
    expect(answer.nodes.map((n) => n.id).sort()).toEqual(["small", "small-supplier-1", "small-supplier-2", "small-supplier-3"]);
    expect(answer.edges.map((e) => e.id).sort()).toEqual(["small-1", "small-2", "small-3"]);
  });
});
