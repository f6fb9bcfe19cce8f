/** The front page's questions (web/src/app/startQuestions.ts) open on entities the real seed holds. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { loadOntology } from "../../server/src/ontology.js";
import { validateSeed } from "../../server/src/seed/validate.js";
import { START_QUESTIONS, startQuestions } from "../../web/src/app/startQuestions.js";
import { en } from "../../web/src/i18n/strings.js";
import { zh } from "../../web/src/i18n/strings.zh.js";
import { lineUpFigures } from "../../web/src/panels/analysis/figureRows.js";

describe("the front page's questions", () => {
  it("name entities the seed holds, so every one is offered on the real front page", () => {
    const kinds = new Map(loadOntology().kinds.map((k) => [k.kind.toLowerCase(), k.kind]));
    for (const q of START_QUESTIONS) {
      for (const id of new Set([...(q.entity ? [q.entity] : []), ...(q.compare ?? [])])) {
        const files = [...kinds.keys()].map((dir) => path.join(repoRoot, "seed/entities", dir, `${id}.yaml`)).filter((f) => fs.existsSync(f));
        expect(files, `${q.key}: no seed/entities/*/${id}.yaml`).toHaveLength(1);
      }
    }
    expect(startQuestions(() => true)).toEqual(START_QUESTIONS);
  });

  it("offers only the questions whose entities the graph holds, in both languages", () => {
    expect(startQuestions(() => false).map((q) => q.key)).toEqual(["chokepoints", "timeline"]);
    expect(startQuestions((id) => id === "ascend-910b").map((q) => q.key)).toEqual(["ascend-supply", "allies-stop", "chokepoints", "timeline"]);
    // A comparison is offered only when the graph holds every entity it compares.
    expect(startQuestions((id) => id === "cloudmatrix-384").map((q) => q.key)).toEqual(["chokepoints", "timeline"]);
    expect(startQuestions((id) => id === "cloudmatrix-384" || id === "gb200-nvl72").map((q) => q.key)).toEqual([
      "cloudmatrix-nvl72",
      "chokepoints",
      "timeline",
    ]);
    for (const q of START_QUESTIONS) {
      expect(q.label(en)).toMatch(/\?$/);
      expect(q.label(zh)).toMatch(/？$/);
    }
  });

  it("compare on the real seed reads across: the same measures side by side, from the same source", () => {
    const ontology = loadOntology(path.join(repoRoot, "seed"));
    const { graph } = validateSeed({ seedDir: path.join(repoRoot, "seed"), ontology });
    if (!graph) throw new Error("the seed is invalid: run npm run validate");
    const measures = ontology.values("METRIC", "measure");
    const byId = new Map(graph.entities.map((e) => [e.id, e]));
    const figuresOf = (id: string) =>
      graph.relations
        .filter((r) => r.type === "MEASURES" && r.to === id)
        .map((r) => byId.get(r.from))
        .map((m) => ({ id: m?.id, metric: { measure: m?.attributes.measure as string | undefined, unit: m?.attributes.unit as string | undefined } }));
    for (const q of START_QUESTIONS.filter((q) => q.compare)) {
      const { rows } = lineUpFigures((q.compare ?? []).map(figuresOf), measures);
      // Compute, power and memory, each with a figure for every compared entity.
      expect(
        rows.map((r) => r.measure),
        q.key,
      ).toEqual(expect.arrayContaining(["compute", "power", "memory-capacity", "memory-bandwidth"]));
      for (const row of rows)
        expect(
          row.cells.every((cell) => cell.length > 0),
          `${q.key}: ${row.measure}`,
        ).toBe(true);
    }
  });
});
