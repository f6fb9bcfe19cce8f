/** What the resolvers get from a read: Neo4j Integers as numbers, the sync's own properties never. */
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toObject, toPlain, toRows } from "../../server/src/db/records.js";

describe("toPlain", () => {
  it("turns Integers and bigints into numbers at any depth, and leaves other values as they are", () => {
    expect(toPlain({ n: neo4j.int(42), list: [neo4j.int(-3), 7n, "a", true, null, undefined], nested: { x: 1.5 } })).toEqual({
      n: 42,
      list: [-3, 7, "a", true, null, null],
      nested: { x: 1.5 },
    });
  });

  it("drops the sync's bookkeeping properties from every map, nested ones too", () => {
    expect(toObject({ id: "huawei", hash: "abc", validFrom: 1, from: { id: "smic", atlasKeys: ["k"], citedFrom: ["s"] } })).toEqual({
      id: "huawei",
      from: { id: "smic" },
    });
  });

  it("copies: changing the answer does not change the row it came from", () => {
    const row = { id: "a", to: { id: "b" } };
    const plain = toObject(row) as { to: { id: string } };
    plain.to.id = "changed";
    expect(row.to.id).toBe("b");
  });
});

describe("toRows", () => {
  it("names the places of each tuple by its keys, Integers as numbers, bookkeeping keys dropped", () => {
    const keys = ["id", "hash", "count"];
    expect(
      toRows(
        [
          ["a", "h1", neo4j.int(2)],
          ["b", "h2", null],
        ],
        keys,
      ),
    ).toEqual([
      { id: "a", count: 2 },
      { id: "b", count: null },
    ]);
  });

  it("reads a list of maps when no keys are given, and an empty list from anything else", () => {
    expect(toRows([{ id: "a", validTo: 3 }, "not a map", null])).toEqual([{ id: "a" }]);
    expect(toRows(null, ["id"])).toEqual([]);
  });
});
