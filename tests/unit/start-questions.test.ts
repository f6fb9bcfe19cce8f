/** The front page's questions (web/src/app/startQuestions.ts) open on entities the real seed holds. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { loadOntology } from "../../server/src/ontology.js";
import { START_QUESTIONS, startQuestions } from "../../web/src/app/startQuestions.js";
import { en } from "../../web/src/i18n/strings.js";
import { zh } from "../../web/src/i18n/strings.zh.js";

describe("the front page's questions", () => {
  it("name entities the seed holds, so every one is offered on the real front page", () => {
    const kinds = new Map(loadOntology().kinds.map((k) => [k.kind.toLowerCase(), k.kind]));
    for (const q of START_QUESTIONS) {
      if (!q.entity) continue;
      const files = [...kinds.keys()].map((dir) => path.join(repoRoot, "seed/entities", dir, `${q.entity}.yaml`)).filter((f) => fs.existsSync(f));
      expect(files, `${q.key}: no seed/entities/*/${q.entity}.yaml`).toHaveLength(1);
    }
    expect(startQuestions(() => true)).toEqual(START_QUESTIONS);
  });

  it("offers only the questions whose entity the graph holds, in both languages", () => {
    expect(startQuestions(() => false).map((q) => q.key)).toEqual(["chokepoints"]);
    expect(startQuestions((id) => id === "ascend-910b").map((q) => q.key)).toEqual(["ascend-supply", "allies-stop", "chokepoints"]);
    for (const q of START_QUESTIONS) {
      expect(q.label(en)).toMatch(/\?$/);
      expect(q.label(zh)).toMatch(/？$/);
    }
  });
});
