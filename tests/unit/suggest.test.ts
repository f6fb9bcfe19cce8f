/** The suggestion check is pure: given what the graph holds, it answers without a database. */
import { describe, expect, it } from "vitest";
import { loadOntology } from "../../server/src/ontology.js";
import { checkSuggestion } from "../../server/src/seed/suggest.js";

const ontology = loadOntology();
const repo = "https://github.com/example/atlas";
const lookups = {
  entities: [
    { id: "huawei", kind: "ORGANIZATION" },
    { id: "ascend-910b", kind: "CHIP" },
  ],
  sources: ["wikipedia-huawei"],
  byUrl: [{ url: "https://example.com/a", id: "example-a" }],
  existing: [],
};

describe("checkSuggestion", () => {
  it("accepts a valid relation, resolving a registered url to its source id, and writes canonical YAML", () => {
    const result = checkSuggestion(
      ontology,
      repo,
      { from: "huawei", type: "DESIGNS", to: "ascend-910b", status: "confirmed", sources: ["https://example.com/a"] },
      lookups,
    );
    expect(result).toMatchObject({
      valid: true,
      problems: [],
      relationId: "huawei/DESIGNS/ascend-910b",
      file: "seed/entities/organization/huawei.yaml",
      editUrl: `${repo}/edit/main/seed/entities/organization/huawei.yaml`,
    });
    expect(result.yaml).toBe("  - type: DESIGNS\n    to: ascend-910b\n    status: confirmed\n    sources:\n      - example-a\n");
  });

  it("names each problem by field: unknown from, unregistered url, duplicate", () => {
    const result = checkSuggestion(
      ontology,
      repo,
      { from: "nobody", type: "DESIGNS", to: "ascend-910b", status: "confirmed", sources: ["https://example.com/unknown"] },
      { ...lookups, existing: [] },
    );
    expect(result.valid).toBe(false);
    expect(result.file).toBeUndefined();
    expect(result.problems.map((p) => p.field)).toEqual(["sources", "from"]);
    const duplicate = checkSuggestion(
      ontology,
      repo,
      { from: "huawei", type: "DESIGNS", to: "ascend-910b", status: "confirmed", sources: ["wikipedia-huawei"] },
      { ...lookups, existing: ["huawei/DESIGNS/ascend-910b"] },
    );
    expect(duplicate.problems).toEqual([{ field: "relation", message: expect.stringContaining("duplicate relation huawei/DESIGNS/ascend-910b") }]);
  });
});
