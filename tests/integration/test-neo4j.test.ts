/**
 * The settings handed to an embedded Neo4j reach it: the tests' own servers keep their query plans
 * (tests/global-setup.ts), which a launcher that dropped its settings file would silently undo.
 */
import { afterAll, describe, expect, it } from "vitest";
import { testDriver } from "../helpers/neo4j.js";

const driver = testDriver();
afterAll(() => driver.close());

describe("the test Neo4j", () => {
  // With NEO4J_URI the tests use a Neo4j of one's own, started with its own settings.
  it.skipIf(Boolean(process.env.NEO4J_URI))("runs with the settings it was started with", async () => {
    const { records } = await driver.executeQuery(
      "SHOW SETTINGS YIELD name, value WHERE name IN ['dbms.cypher.min_replan_interval', 'dbms.cypher.statistics_divergence_threshold'] RETURN name, value ORDER BY name",
    );
    expect(records.map((r) => [r.get("name"), r.get("value")])).toEqual([
      ["dbms.cypher.min_replan_interval", "1h"],
      ["dbms.cypher.statistics_divergence_threshold", "1.0"],
    ]);
  });
});
