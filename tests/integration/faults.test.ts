/**
 * A sync killed midway leaves the previous graph intact (Neo4j going away under a running server is
 * tests/processes/neo4j-restart.test.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { loadOntology } from "../../server/src/ontology.js";
import { syncSeed } from "../../server/src/seed/sync.js";
import { validateSeed } from "../../server/src/seed/validate.js";
import { clearAtlasGraph, testDriver, testNeo4j } from "../helpers/neo4j.js";

const ontology = loadOntology();
const fixture = path.join(repoRoot, "tests/fixtures/sync-seed");

describe("a sync process killed midway", () => {
  let driver: Driver;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    driver = testDriver();
    await clearAtlasGraph(driver);
  });

  afterAll(async () => {
    child?.kill("SIGKILL");
    await clearAtlasGraph(driver);
    await driver.close();
  });

  it("leaves the previous complete graph in the database", async () => {
    const graph = validateSeed({ seedDir: fixture, ontology }).graph;
    if (!graph) throw new Error("fixture invalid");
    await syncSeed(graph, { driver, ontology });
    const snapshot = async () =>
      (await driver.executeQuery("MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN n {.*} AS n, type(r) AS t, r {.*} AS r, m.id AS m")).records
        .map((r) => JSON.stringify(r.toObject()))
        .sort();
    const before = await snapshot();

    // A much larger seed, so that its sync transaction is open long enough to be caught and killed.
    const big = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-big-"));
    fs.cpSync(fixture, big, { recursive: true });
    for (let i = 0; i < 4000; i++) {
      fs.writeFileSync(
        path.join(big, "entities/chip", `chip-${i}.yaml`),
        `id: chip-${i}\nkind: CHIP\nname: Chip ${i}\nrelations:\n  - type: COMPETES_WITH\n    to: chip-${(i + 1) % 4000}\n    status: reported\n    sources:\n      - wikipedia-huawei\n`,
      );
    }
    const neo4j = testNeo4j();
    child = spawn(process.execPath, ["--import", "tsx", "server/src/cli/sync.ts", "--seed", big], {
      cwd: repoRoot,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child?.once("exit", resolve));

    // Wait until the sync's write transaction is open on the server, then kill the process outright.
    const deadline = Date.now() + 60_000;
    let caught = false;
    while (!caught && Date.now() < deadline && child.exitCode === null) {
      const { records } = await driver.executeQuery("SHOW TRANSACTIONS YIELD metaData RETURN metaData");
      caught = records.some((r) => (r.get("metaData") as { query?: string }).query === "sync");
      if (!caught) await new Promise((r) => setTimeout(r, 20));
    }
    expect(caught, "the sync transaction was seen open").toBe(true);
    child.kill("SIGKILL");
    await exited;

    // The server notices the dead connection and rolls the transaction back.
    const settle = Date.now() + 30_000;
    while (Date.now() < settle) {
      const { records } = await driver.executeQuery("SHOW TRANSACTIONS YIELD metaData RETURN metaData");
      if (!records.some((r) => (r.get("metaData") as { query?: string }).query === "sync")) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await snapshot()).toEqual(before);
  });
});
