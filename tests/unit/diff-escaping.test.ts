/** The graph diff posted on pull requests: text from the seed cannot rewrite the comment. */
import { describe, expect, it } from "vitest";
import { diffSeeds, diffToMarkdown } from "../../server/src/seed/diff.js";
import type { RelationRecord, SeedGraph } from "../../server/src/seed/model.js";

const empty: SeedGraph = { entities: [], relations: [], sources: [] };

describe("the PR graph diff", () => {
  it("escapes names, titles and urls so they cannot open comments, headings, tables or links", () => {
    const after: SeedGraph = {
      entities: [{ id: "evil", kind: "ORGANIZATION", name: "Evil <!-- hide the rest\n## Approved | ok", aliases: [], attributes: {} }],
      relations: [],
      sources: [{ id: "s", title: "[click](https://evil.example) <b>", url: "javascript:alert(1)", language: "en" }],
    };
    const md = diffToMarkdown(diffSeeds(empty, after), after, "main");
    expect(md).not.toContain("<!--");
    expect(md).not.toMatch(/\n## Approved/);
    expect(md).not.toContain("](https://evil.example)");
    expect(md).not.toContain("javascript:");
    expect(md).toContain("Evil \\<\\!\\-\\- hide the rest \\#\\# Approved \\| ok");
  });

  it("links a source by its http(s) url", () => {
    const after: SeedGraph = { ...empty, sources: [{ id: "s", title: "Nvidia", url: "https://en.wikipedia.org/wiki/Nvidia", language: "en" }] };
    expect(diffToMarkdown(diffSeeds(empty, after), after, "main")).toContain("[Nvidia](<https://en.wikipedia.org/wiki/Nvidia>)");
  });

  it("shows a changed quote by its words and source, not as [object Object]", () => {
    const relation: RelationRecord = {
      id: "a/SUPPLIES/b",
      from: "a",
      type: "SUPPLIES",
      to: "b",
      status: "confirmed",
      claimedBy: [],
      sources: ["s"],
      attributes: {},
      quotes: [],
    };
    const before: SeedGraph = { ...empty, relations: [relation] };
    const after: SeedGraph = {
      ...empty,
      relations: [{ ...relation, quotes: [{ text: "A supplies B.", language: "en", translation: "A供应B。", source: "s" }] }],
    };
    const md = diffToMarkdown(diffSeeds(before, after), after, "main");
    expect(md).not.toContain("[object Object]");
    expect(md).toContain("quotes: — → “A supplies B\\.” \\(s\\)");
  });
});
