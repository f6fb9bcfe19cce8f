/**
 * A read whose one record spans many Bolt chunks (a neighbourhood's 2,000 edges, the map, the
 * dependency layer) comes back whole, every name intact, including characters whose bytes fall on
 * both sides of a chunk's edge. neo4j-driver is patched (patches/, applied by `npm ci`) to copy such a
 * record's chunks into one buffer before decoding it: read through its CombinedBuffer, every byte
 * and string walked the list of chunks, so decoding grew with the record's size squared.
 */
import { createRequire } from "node:module";
import { afterAll, describe, expect, it } from "vitest";
import { Database } from "../../server/src/db/run.js";
import { testDriver } from "../helpers/neo4j.js";

const driver = testDriver();
const db = new Database(driver, { timeoutMs: 30_000 });
afterAll(() => driver.close());

/** Names of every width in UTF-8: ASCII, Chinese (3 bytes a character), and a 4-byte character. */
const name = (i: number) => `chip-${i} 昇腾 ${i % 7 === 0 ? "𝔸" : ""}華為 ${"x".repeat(i % 13)}`;

describe("a record larger than a Bolt chunk", () => {
  it("arrives whole, every string as it was written", async () => {
    const count = 6_000;
    const expected = Array.from({ length: count }, (_, i) => [i, name(i), `edge-${i}`]);
    const [row] = await db.read<{ items: unknown[]; count: unknown }>(
      "large-record",
      "WITH $names AS names RETURN [i IN range(0, size(names) - 1) | [i, names[i], 'edge-' + i]] AS items, size(names) AS count",
      { names: expected.map((e) => e[1]) },
    );
    const items = (row?.items ?? []) as [unknown, string, string][];
    // About 200 KB in one record: many chunks of at most 64 KB.
    expect(JSON.stringify(items).length).toBeGreaterThan(150_000);
    expect(items.map(([i, n, e]) => [Number(i), n, e])).toEqual(expected);
    // The value after the long list is read from the right place too.
    expect(Number(row?.count)).toBe(count);
  });

  it("is decoded from one buffer, not through the driver's CombinedBuffer (the patch in patches/ is applied)", async () => {
    const require = createRequire(import.meta.url);
    const combined = require("neo4j-driver-bolt-connection/lib/channel/combined-buf.js").default as { prototype: { getUInt8: (p: number) => number } };
    const original = combined.prototype.getUInt8;
    let reads = 0;
    combined.prototype.getUInt8 = function (this: unknown, position: number) {
      reads++;
      return original.call(this, position);
    };
    try {
      const [row] = await db.read<{ items: string[] }>("large-record", "RETURN [i IN range(1, 20000) | 'item ' + i] AS items");
      expect(row?.items).toHaveLength(20_000);
      expect(row?.items[19_999]).toBe("item 20000");
    } finally {
      combined.prototype.getUInt8 = original;
    }
    expect(reads).toBe(0);
  });
});
