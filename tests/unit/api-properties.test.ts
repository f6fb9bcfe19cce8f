/**
 * Property-based checks of what stands between a user's input and Cypher: the search plan never
 * lets query syntax through, and every argument check either accepts a value or refuses it with
 * BAD_USER_INPUT naming the argument, never anything else.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countries, decodeCursor, id, intIn } from "../../server/src/resolvers/args.js";
import { searchPlan } from "../../server/src/resolvers/search-plan.js";

const RUNS = { numRuns: 2000, seed: 20251129 };
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom('") OR 1=1 //', "a AND b", "x~9^9*?", "\\\\", "name:x", "(((", "[a TO z]"),
);

function refusal(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    const e = error as { name?: string; extensions?: { code?: string; argument?: string } };
    expect(e.name).toBe("GraphQLError");
    expect(e.extensions?.code).toBe("BAD_USER_INPUT");
    return e.extensions?.argument;
  }
}

describe("the search plan", () => {
  it("turns any string into a Lucene query whose only syntax is its own", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const plan = searchPlan(text);
        if (!plan) return;
        // Remove our own syntax: groups of (term^4 OR term*^2 OR term~1) joined by AND.
        const userParts = plan.lucene
          .replace(/ AND /g, " ")
          .replace(/ OR /g, " ")
          .replace(/\^\d|\*|~\d|[()]/g, " ");
        // What remains is letters and digits only: no quote, colon, bracket, slash or operator.
        expect(userParts).toMatch(/^[\p{L}\p{N}\s]*$/u);
        expect(plan.text).toBe(text.trim());
      }),
      RUNS,
    );
  });
});

describe("argument checks", () => {
  it("accept or refuse integers with BAD_USER_INPUT, never anything else", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, 2 ** 53)), (value) => {
        const argument = refusal(() => intIn("depth", value, 1, 3));
        if (argument === undefined) expect([1, 2, 3]).toContain(value);
        else expect(argument).toBe("depth");
      }),
      RUNS,
    );
  });

  it("accept or refuse ids, country codes and cursors with BAD_USER_INPUT", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        refusal(() => id("id", text));
        refusal(() => countries([text]));
        refusal(() => decodeCursor("entity", text));
      }),
      RUNS,
    );
  });
});
