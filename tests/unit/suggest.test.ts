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
  sources: [{ id: "wikipedia-huawei", language: "en" }],
  byUrl: [{ url: "https://example.com/a", id: "example-a", language: "en" }],
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
    // Each problem is named by a code with its parameters, so the explorer can say it in Chinese.
    expect(result.problems.map((p) => p.code)).toEqual(["URL_NOT_REGISTERED", "UNKNOWN_FROM"]);
    expect(result.problems[1]?.params).toEqual([{ name: "id", value: "nobody" }]);
    const duplicate = checkSuggestion(
      ontology,
      repo,
      { from: "huawei", type: "DESIGNS", to: "ascend-910b", status: "confirmed", sources: ["wikipedia-huawei"] },
      { ...lookups, existing: ["huawei/DESIGNS/ascend-910b"] },
    );
    expect(duplicate.problems).toEqual([
      expect.objectContaining({
        field: "relation",
        code: "DUPLICATE_RELATION",
        message: expect.stringContaining("duplicate relation huawei/DESIGNS/ascend-910b"),
      }),
    ]);
  });

  it("asks a claim for a quote, and writes the quote with its source's language", () => {
    const claim = { from: "huawei", type: "DESIGNS", to: "ascend-910b", status: "claimed", claimedBy: ["huawei"], sources: ["wikipedia-huawei"] };
    const without = checkSuggestion(ontology, repo, claim, lookups);
    expect(without.problems).toEqual([expect.objectContaining({ field: "status", message: expect.stringContaining("a claimed relation needs a quote") })]);
    const quoted = checkSuggestion(
      ontology,
      repo,
      { ...claim, quote: { text: "Huawei designs the Ascend 910B.", translation: "华为设计昇腾910B。", source: "wikipedia-huawei" } },
      lookups,
    );
    expect(quoted.problems).toEqual([]);
    expect(quoted.yaml).toContain(
      "    quotes:\n      - text: Huawei designs the Ascend 910B.\n        language: en\n        translation: 华为设计昇腾910B。\n        source: wikipedia-huawei\n",
    );
    const untranslated = checkSuggestion(
      ontology,
      repo,
      { ...claim, quote: { text: "Huawei designs it.", translation: "Huawei designs it.", source: "wikipedia-huawei" } },
      lookups,
    );
    expect(untranslated.problems).toEqual([expect.objectContaining({ field: "quote", message: expect.stringContaining("must be in Chinese") })]);
  });

  it("quotes an unregistered url in the command it suggests, so pasting it into a shell runs nothing else", () => {
    const url = "https://example.org/x?a=1&b=$(touch pwned)";
    const result = checkSuggestion(ontology, repo, { from: "huawei", type: "DESIGNS", to: "ascend-910b", status: "confirmed", sources: [url] }, lookups);
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => p.message).join("\n")).toContain(`add-source --url '${url}' --title`);
  });
});
