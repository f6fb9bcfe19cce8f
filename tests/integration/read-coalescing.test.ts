/**
 * Identical reads sent at the same moment share one query when the executor coalesces them (the
 * server does with its response cache on): a burst of one uncached question costs one query.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../server/src/db/run.js";
import { testDriver } from "../helpers/neo4j.js";

let driver: Driver;

beforeAll(() => {
  driver = testDriver();
});

afterAll(async () => {
  await driver?.close();
});

async function burst(db: Database, params: Record<string, unknown>[]): Promise<{ answers: unknown[]; queries: number }> {
  let queries = 0;
  const stop = db.onQuery(() => queries++);
  try {
    const answers = await Promise.all(params.map((p) => db.read("burst", "RETURN $v AS v", p)));
    return { answers, queries };
  } finally {
    stop();
  }
}

describe("read coalescing", () => {
  it("sends one query for identical reads running together, each caller getting the answer", async () => {
    const db = new Database(driver, { timeoutMs: 10_000, coalesceReads: true });
    const { answers, queries } = await burst(
      db,
      Array.from({ length: 10 }, () => ({ v: 1 })),
    );
    expect(queries).toBe(1);
    expect(answers).toEqual(Array.from({ length: 10 }, () => [{ v: 1 }]));
  });

  it("keeps reads with other parameters apart, and reads again once the first has answered", async () => {
    const db = new Database(driver, { timeoutMs: 10_000, coalesceReads: true });
    const mixed = await burst(db, [{ v: 1 }, { v: 2 }, { v: 1 }, { v: 2 }]);
    expect(mixed.queries).toBe(2);
    expect(mixed.answers).toEqual([[{ v: 1 }], [{ v: 2 }], [{ v: 1 }], [{ v: 2 }]]);
    expect((await burst(db, [{ v: 1 }])).queries).toBe(1);
  });

  it("does not coalesce unless asked (cold reads stay one query each)", async () => {
    const db = new Database(driver, { timeoutMs: 10_000 });
    expect((await burst(db, [{ v: 1 }, { v: 1 }, { v: 1 }])).queries).toBe(3);
  });
});
