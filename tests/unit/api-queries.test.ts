/**
 * The Cypher the API sends, without a database: user values only ever travel as parameters, the
 * search string cannot inject Lucene syntax, and selections become one nested projection.
 */
import { describe, expect, it } from "vitest";
import { NESTED_PREFIX, readQueries } from "../../server/src/db/queries.js";
import { ontology } from "../../server/src/ontology.js";
import { escapeLucene, searchPlan } from "../../server/src/resolvers/search-plan.js";

const EVIL = "x'}) MATCH (n) DETACH DELETE n //\"`";

describe("search plan", () => {
  it("keeps only letters and digits, lower-cased, so no Lucene syntax or operator survives", () => {
    const plan = searchPlan('huawei AND (ascend OR "910b") name:x* ~2 \\ /re/');
    expect(plan?.lucene).toBe(
      "(huawei^4 OR huawei*^2) AND (ascend^4 OR ascend*^2) AND (910b^4 OR 910b*^2) AND (name^4 OR name*^2) AND (x^4 OR x*^2) AND (2^4 OR 2*^2) AND (re^4 OR re*^2)",
    );
    // Forgiving typos: one edit from four letters, two from eight.
    expect(plan?.typos).toBe(
      "(huawei^4 OR huawei*^2 OR huawei~1) AND (ascend^4 OR ascend*^2 OR ascend~1) AND (910b^4 OR 910b*^2 OR 910b~1) AND (name^4 OR name*^2 OR name~1) AND (x^4 OR x*^2) AND (2^4 OR 2*^2) AND (re^4 OR re*^2)",
    );
    expect(searchPlan("semiconductor")?.typos).toBe("(semiconductor^4 OR semiconductor*^2 OR semiconductor~2)");
  });

  it("has no typo query when no word is long enough to forgive", () => {
    expect(searchPlan("tsm n3")?.typos).toBeNull();
    expect(searchPlan("华为")?.typos).toBeNull();
  });

  it("returns null when nothing is searchable, and flags short Chinese for the substring fallback", () => {
    expect(searchPlan("!!! ??? ***")).toBeNull();
    // The substring check reads only what the index finds for the string's first character pair (or its character).
    expect(searchPlan("昇")?.contains).toEqual({ lucene: "昇* OR *昇", all: true });
    expect(searchPlan("h20 芯 x")?.contains).toEqual({ lucene: "芯* OR *芯", all: true });
    expect(searchPlan("华为")?.lucene).toBe("(华为)");
    expect(searchPlan("华为")?.contains).toEqual({ lucene: "华为", all: false });
    expect(searchPlan("邃思1.0")?.contains).toEqual({ lucene: "邃思", all: false });
    expect(searchPlan("huawei")?.contains).toBeNull();
    expect(searchPlan("中华人民共和国国务院")?.contains).toBeNull();
  });

  it("escapes every Lucene special character", () => {
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
  });
});

describe("read queries", () => {
  const o = ontology();

  it("never writes user values into the Cypher text", () => {
    const shape = {
      relations: [
        {
          key: "r",
          direction: "BOTH" as const,
          types: ["DESIGNS"],
          asOf: "2020-01-01",
          first: 5,
          shape: { to: { relations: [] }, sources: { relations: [] } },
        },
      ],
    };
    const queries = [
      readQueries.entity(EVIL, shape),
      readQueries.entities({ kinds: ["CHIP"], countries: [EVIL], openQuestions: [EVIL] }, EVIL, 10, shape),
      readQueries.search({ lucene: EVIL, typos: EVIL, text: EVIL, contains: { lucene: EVIL, all: true } }, ["CHIP"], 10, shape),
      readQueries.neighborhood(
        EVIL,
        { depth: 3, kinds: ["CHIP"], filter: { types: ["DESIGNS"], asOf: EVIL }, limit: 10, maxEdges: 100, perNode: 500 },
        shape,
        {},
      ),
      readQueries.paths(o, EVIL, EVIL, { maxHops: 6, first: 5, filter: { types: ["DESIGNS"], asOf: EVIL } }, shape, { from: shape }),
      readQueries.relations(o, { type: "DESIGNS", from: EVIL, to: EVIL, status: EVIL, asOf: EVIL }, EVIL, 10, {}),
      readQueries.source(EVIL, { relations: [{ key: "cites", first: 3, shape: {} }] }),
    ];
    for (const q of queries) {
      expect(q.cypher, q.name).not.toContain("DETACH");
      expect(JSON.stringify(q.params), q.name).toContain("DETACH");
    }
  });

  it("projects nested relations under their response key in the same query", () => {
    const q = readQueries.entity("huawei", {
      relations: [
        {
          key: "designs",
          direction: "OUT",
          types: ["DESIGNS"],
          asOf: null,
          first: 3,
          shape: { to: { relations: [{ key: "deeper", direction: "IN", types: null, asOf: null, first: 2, shape: {} }] } },
        },
      ],
    });
    expect(q.cypher).toContain(`\`${NESTED_PREFIX}designs\`: COLLECT {`);
    expect(q.cypher).toContain(`\`${NESTED_PREFIX}deeper\`: COLLECT {`);
    expect(q.cypher.match(/COLLECT \{/g)).toHaveLength(2);
  });

  it("interpolates a relationship type only from the ontology and refuses any other", () => {
    expect(readQueries.relations(o, { type: "DESIGNS", from: null, to: null, status: null, asOf: null }, null, 5, {}).cypher).toContain("[r:DESIGNS]");
    expect(() => readQueries.relations(o, { type: "DESIGNS]->() DETACH DELETE", from: null, to: null, status: null, asOf: null }, null, 5, {})).toThrow(
      /not in the ontology/,
    );
    // Paths expand by type: the filter's, else every type of the ontology, each checked against it.
    expect(readQueries.paths(o, "a", "b", { maxHops: 4, first: 5, filter: { types: ["DESIGNS", "SUPPLIES"] } }, { relations: [] }, {}).cypher).toMatch(
      /\[r\d+:DESIGNS\|SUPPLIES\]-\{1,4\}/,
    );
    const everyType = readQueries.paths(o, "a", "b", { maxHops: 4, first: 5, filter: {} }, { relations: [] }, {}).cypher;
    for (const t of o.relationTypes) expect(everyType).toContain(t.type);
    expect(() => readQueries.paths(o, "a", "b", { maxHops: 4, first: 5, filter: { types: ["DESIGNS]-() DETACH DELETE"] } }, { relations: [] }, {})).toThrow(
      /not in the ontology/,
    );
  });

  it("refuses an out-of-range number before it reaches LIMIT or SHORTEST", () => {
    expect(() => readQueries.paths(o, "a", "b", { maxHops: 7, first: 5, filter: {} }, { relations: [] }, {})).toThrow();
    expect(() => readQueries.neighborhood("a", { depth: 4, kinds: null, filter: {}, limit: 5, maxEdges: 5, perNode: 500 }, { relations: [] }, null)).toThrow();
  });
});
