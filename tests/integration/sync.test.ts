/**
 * The sync against the real Neo4j: idempotent, minimal, atomic, and polite to data it does not own.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { SEARCH_INDEX } from "../../server/src/db/queries.js";
import { loadOntology } from "../../server/src/ontology.js";
import { syncSeed } from "../../server/src/seed/sync.js";
import { validateSeed } from "../../server/src/seed/validate.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";

const fixture = path.join(repoRoot, "tests/fixtures/sync-seed");
const ontology = loadOntology();
let driver: Driver;
let seedDir: string;

function load(dir = seedDir) {
  const result = validateSeed({ seedDir: dir, ontology });
  if (!result.graph) throw new Error(`fixture invalid: ${JSON.stringify(result.problems)}`);
  return result.graph;
}

async function snapshot(): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `MATCH (n) OPTIONAL MATCH (n)-[r]->(m)
     RETURN n {.*, labels: labels(n)} AS n, type(r) AS type, r {.*} AS r, m.id AS m ORDER BY n.id, type, m`,
  );
  return records.map((r) => JSON.stringify(r.toObject())).sort();
}

function edit(file: string, change: (text: string) => string): void {
  const full = path.join(seedDir, file);
  fs.writeFileSync(full, change(fs.readFileSync(full, "utf8")));
}

beforeAll(async () => {
  driver = testDriver();
});

afterAll(async () => {
  await clearAtlasGraph(driver);
  await driver.executeQuery("MATCH (n:UserThing) DETACH DELETE n");
  await driver.close();
});

beforeEach(async () => {
  await clearAtlasGraph(driver);
  seedDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-sync-"));
  fs.cpSync(fixture, seedDir, { recursive: true });
});

describe("sync", () => {
  it("loads the seed: entities with their kind labels, relations with their sources", async () => {
    const summary = await syncSeed(load(), { driver, ontology });
    expect(summary).toMatchObject({ entities: 4, relations: 3, sources: 2, created: 9, updated: 0, deleted: 0 });
    const { records } = await driver.executeQuery(
      "MATCH (h:AtlasEntity:Organization {id: 'hisilicon'})-[r:DESIGNS]->(c:AtlasEntity:Chip {id: 'ascend-910b'}) RETURN r.sources AS sources, r.status AS status, c.chipType AS chipType",
    );
    expect(records[0]?.toObject()).toEqual({ sources: ["wikipedia-hisilicon"], status: "confirmed", chipType: "NPU" });
  });

  it("puts back an index or constraint that was dropped, and every one is online after a sync", async () => {
    await syncSeed(load(), { driver, ontology });
    const schema = async () => {
      const indexes = await driver.executeQuery("SHOW INDEXES YIELD name, state RETURN name, state");
      const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN name");
      return {
        indexes: new Map(indexes.records.map((r) => [r.get("name") as string, r.get("state") as string])),
        constraints: new Set(constraints.records.map((r) => r.get("name") as string)),
      };
    };
    const before = await schema();
    expect(before.indexes.get(SEARCH_INDEX)).toBe("ONLINE");
    expect(before.constraints).toContain("atlas_relation_id_supplies");
    await driver.executeQuery("DROP INDEX atlas_entity_kind");
    await driver.executeQuery("DROP CONSTRAINT atlas_relation_id_supplies");
    await syncSeed(load(), { driver, ontology });
    const after = await schema();
    expect(after.indexes.get("atlas_entity_kind")).toBe("ONLINE");
    expect(after.constraints).toContain("atlas_relation_id_supplies");
    expect([...after.indexes.keys()].sort()).toEqual([...before.indexes.keys()].sort());
    expect(after.constraints).toEqual(before.constraints);
  });

  it("a second sync changes nothing", async () => {
    await syncSeed(load(), { driver, ontology });
    const before = await snapshot();
    const summary = await syncSeed(load(), { driver, ontology });
    expect(summary).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("leaves nodes and relationships it did not create untouched", async () => {
    await driver.executeQuery("CREATE (:UserThing {id: 'huawei', name: 'mine'})-[:DESIGNS {note: 'mine'}]->(:UserThing {id: 'x'})");
    await syncSeed(load(), { driver, ontology });
    fs.rmSync(path.join(seedDir, "entities/organization/nvidia.yaml"));
    await syncSeed(load(), { driver, ontology });
    const { records } = await driver.executeQuery(
      "MATCH (a:UserThing {id: 'huawei'})-[r:DESIGNS]->(b:UserThing {id: 'x'}) RETURN a.name AS name, r.note AS note",
    );
    expect(records.map((r) => r.toObject())).toEqual([{ name: "mine", note: "mine" }]);
  });

  it("keeps what others stored on its nodes and relationships, and removes only what it wrote", async () => {
    edit("entities/chip/ascend-910b.yaml", (t) => t.replace("chipType: NPU", "chipType: NPU\n  processNode: SMIC N+2"));
    await syncSeed(load(), { driver, ontology });
    await driver.executeQuery(
      "MATCH (h:AtlasEntity {id: 'hisilicon'})-[r:DESIGNS]->(c:AtlasEntity {id: 'ascend-910b'}) SET c.operatorTag = 'watch', r.reviewedBy = 'analyst'",
    );
    edit("entities/chip/ascend-910b.yaml", (t) => t.replace("\n  processNode: SMIC N+2", ""));
    edit("entities/organization/hisilicon.yaml", (t) => t.replace("status: confirmed", "status: reported"));
    const summary = await syncSeed(load(), { driver, ontology });
    expect(summary).toMatchObject({ deleted: 0 });
    const { records } = await driver.executeQuery(
      "MATCH (:AtlasEntity {id: 'hisilicon'})-[r:DESIGNS]->(c:AtlasEntity {id: 'ascend-910b'}) RETURN c.processNode AS node, c.operatorTag AS tag, r.status AS status, r.reviewedBy AS reviewer",
    );
    expect(records[0]?.toObject()).toEqual({ node: null, tag: "watch", status: "reported", reviewer: "analyst" });
  });

  it("refuses to delete an entity that someone else's relationship touches, and changes nothing", async () => {
    await syncSeed(load(), { driver, ontology });
    await driver.executeQuery("MATCH (n:AtlasEntity {id: 'nvidia'}) CREATE (:UserThing {id: 'watcher'})-[:WATCHES]->(n)");
    const before = await snapshot();
    fs.rmSync(path.join(seedDir, "entities/organization/nvidia.yaml"));
    await expect(syncSeed(load(), { driver, ontology })).rejects.toThrow(/`nvidia` \(1 relationship\(s\) of type WATCHES\).*changed nothing/);
    expect(await snapshot()).toEqual(before);
  });

  it("an edited file updates exactly that entity", async () => {
    await syncSeed(load(), { driver, ontology });
    const before = await snapshot();
    edit("entities/chip/ascend-910b.yaml", (t) => t.replace("chipType: NPU", "chipType: NPU\n  processNode: SMIC N+2"));
    const summary = await syncSeed(load(), { driver, ontology });
    expect(summary).toMatchObject({ created: 0, updated: 1, deleted: 0 });
    const after = await snapshot();
    // The bookkeeping node records the time of every sync that changed something; ignore it here.
    const changed = after.filter((row) => !before.includes(row) && !row.includes("AtlasMeta"));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((row) => row.includes('"id":"ascend-910b"'))).toBe(true);
    const { records } = await driver.executeQuery("MATCH (c:AtlasEntity {id: 'ascend-910b'}) RETURN c.processNode AS node");
    expect(records[0]?.get("node")).toBe("SMIC N+2");
  });

  it("an edited relation updates exactly that relation", async () => {
    await syncSeed(load(), { driver, ontology });
    edit("entities/organization/nvidia.yaml", (t) => t.replace('since: "2019"', "since: 2020-03"));
    const summary = await syncSeed(load(), { driver, ontology });
    expect(summary).toMatchObject({ created: 0, updated: 1, deleted: 0 });
    const { records } = await driver.executeQuery(
      "MATCH (:AtlasEntity {id: 'nvidia'})-[r:COMPETES_WITH]->() RETURN r.since AS since, r.validFrom AS validFrom",
    );
    expect(records[0]?.toObject()).toEqual({ since: "2020-03", validFrom: "2020-03-01" });
  });

  it("a removed relation disappears, and so does a removed entity", async () => {
    await syncSeed(load(), { driver, ontology });
    edit("entities/organization/hisilicon.yaml", (t) => t.replace(/ {2}- type: DESIGNS\n( {4}.*\n| {6}.*\n)*/, ""));
    fs.rmSync(path.join(seedDir, "entities/organization/nvidia.yaml"));
    const summary = await syncSeed(load(), { driver, ontology });
    expect(summary).toMatchObject({ entities: 3, relations: 1, deleted: 3 });
    const { records } = await driver.executeQuery("MATCH (:AtlasEntity)-[r]->(:AtlasEntity) RETURN r.id AS id");
    expect(records.map((r) => r.get("id"))).toEqual(["hisilicon/SUBSIDIARY_OF/huawei"]);
    const nvidia = await driver.executeQuery("MATCH (n:AtlasEntity {id: 'nvidia'}) RETURN n");
    expect(nvidia.records).toHaveLength(0);
  });

  it("a sync that fails midway leaves the previous graph exactly as it was", async () => {
    await syncSeed(load(), { driver, ontology });
    const before = await snapshot();
    fs.rmSync(path.join(seedDir, "entities/organization/nvidia.yaml"));
    edit("entities/chip/ascend-910b.yaml", (t) => t.replace("name: Ascend 910B", "name: Ascend 910B (edited)"));
    await expect(
      syncSeed(load(), {
        driver,
        ontology,
        beforeBatch: (index, total) => {
          if (index >= Math.floor(total / 2)) throw new Error("forced failure after half the batches");
        },
      }),
    ).rejects.toThrow("forced failure");
    expect(await snapshot()).toEqual(before);
  });

  it("a first load that fails midway removes what it wrote, and nothing else", async () => {
    await driver.executeQuery("CREATE (:UserThing {id: 'keep-me'})");
    const before = await snapshot();
    await expect(
      syncSeed(load(), {
        driver,
        ontology,
        beforeBatch: (index, total) => {
          if (index >= Math.floor(total / 2)) throw new Error("forced failure after half the batches");
        },
      }),
    ).rejects.toThrow("forced failure");
    expect(await snapshot()).toEqual(before);
  });

  it("a first load killed midway (no seed marker) is started over by the next sync", async () => {
    // What a killed first load leaves: some managed nodes, no AtlasMeta marker.
    await driver.executeQuery("CREATE (:AtlasEntity:Chip {id: 'half-written', kind: 'CHIP', name: 'Half'})");
    const summary = await syncSeed(load(), { driver, ontology });
    expect(summary).toMatchObject({ entities: 4, created: 9, deleted: 0 });
    const { records } = await driver.executeQuery("MATCH (n:AtlasEntity) RETURN n.id AS id ORDER BY id");
    expect(records.map((r) => r.get("id"))).toEqual(["ascend-910b", "hisilicon", "huawei", "nvidia"]);
  });

  it("two syncs at once (the CLI and a reload) run one after the other: no relation is written twice", async () => {
    await syncSeed(load(), { driver, ontology });
    edit(
      "entities/organization/huawei.yaml",
      (t) => `${t.trimEnd()}\nrelations:\n  - type: DESIGNS\n    to: ascend-910b\n    status: confirmed\n    sources:\n      - wikipedia-hisilicon\n`,
    );
    const graph = load();
    const [a, b] = await Promise.all([syncSeed(graph, { driver, ontology }), syncSeed(graph, { driver, ontology })]);
    // One of them wrote the new relation; the other found it there.
    expect([a.created, b.created].sort()).toEqual([0, 1]);
    const { records } = await driver.executeQuery("MATCH (:AtlasEntity)-[r]->(:AtlasEntity) RETURN r.id AS id, count(*) AS n ORDER BY id");
    expect(records.map((r) => [r.get("id"), Number(r.get("n"))])).toEqual(graph.relations.map((r) => [r.id, 1]).sort());
  });

  it("refuses a second relation with an existing id, whoever writes it", async () => {
    await syncSeed(load(), { driver, ontology });
    await expect(
      driver.executeQuery(
        "MATCH (a:AtlasEntity {id: 'huawei'}), (b:AtlasEntity {id: 'ascend-910b'}) CREATE (a)-[:DESIGNS {id: 'hisilicon/DESIGNS/ascend-910b'}]->(b)",
      ),
    ).rejects.toThrow(/already exists|constraint/i);
  });

  it("deletes by id the relations of a type the ontology no longer has, and still syncs", async () => {
    await syncSeed(load(), { driver, ontology });
    // The ontology loses DESIGNS, and the seed its DESIGNS relations (the validator would insist).
    const without = { ...ontology, relationTypes: ontology.relationTypes.filter((t) => t.type !== "DESIGNS") } as typeof ontology;
    without.relationType = (type: string) => without.relationTypes.find((t) => t.type === type);
    const graph = load();
    const summary = await syncSeed({ ...graph, relations: graph.relations.filter((r) => r.type !== "DESIGNS") }, { driver, ontology: without });
    expect(summary.deleted).toBe(graph.relations.filter((r) => r.type === "DESIGNS").length);
    const { records } = await driver.executeQuery(
      "MATCH (a:AtlasEntity)-[r:DESIGNS]->(b:AtlasEntity) WHERE r.id IS NOT NULL RETURN a.id AS a, r.id AS r, b.id AS b",
    );
    expect(records.map((x) => x.toObject())).toEqual([]);
  });

  it("华为 and huawei both find Huawei through the full-text index", async () => {
    await syncSeed(load(), { driver, ontology });
    for (const query of ["华为", "huawei", "Huawei"]) {
      const { records } = await driver.executeQuery(`CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $query) YIELD node RETURN node.id AS id`, { query });
      expect(
        records.map((r) => r.get("id")),
        query,
      ).toContain("huawei");
    }
    const { records } = await driver.executeQuery(`CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $query) YIELD node RETURN node.id AS id`, {
      query: "英伟达",
    });
    expect(records.map((r) => r.get("id"))).toEqual(["nvidia"]);
  });
});
