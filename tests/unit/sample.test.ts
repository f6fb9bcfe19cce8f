/** The audit sample's draw (seed/sample.ts): repeatable, without repeats, and within its filters. */
import { describe, expect, it } from "vitest";
import { loadOntology } from "../../server/src/ontology.js";
import type { RelationRecord, SeedGraph } from "../../server/src/seed/model.js";
import { relationsInArea, sampleRelations, sampleToMarkdown } from "../../server/src/seed/sample.js";
import { relationRecord } from "../helpers/relation-record.js";

const relation = (i: number, type = i % 3 === 0 ? "RESTRICTS" : "SUPPLIES"): RelationRecord => relationRecord(`e${i}`, type, `f${i}`);
const relations = Array.from({ length: 300 }, (_, i) => relation(i));
const ids = (rs: RelationRecord[]) => rs.map((r) => r.id);

describe("sampleRelations", () => {
  it("draws the same relations for the same draw number, whatever the order of the files", () => {
    const a = sampleRelations(relations, { count: 30, draw: 2026 });
    const b = sampleRelations([...relations].reverse(), { count: 30, draw: 2026 });
    expect(ids(a.relations)).toEqual(ids(b.relations));
    expect(ids(sampleRelations(relations, { count: 30, draw: 2027 }).relations)).not.toEqual(ids(a.relations));
  });

  it("never draws a relation twice, and draws all of them when fewer match than asked", () => {
    const some = sampleRelations(relations, { count: 30, draw: 7 });
    expect(some.population).toBe(300);
    expect(new Set(ids(some.relations)).size).toBe(30);
    const all = sampleRelations(relations.slice(0, 12), { count: 30, draw: 7 });
    expect(all.relations).toHaveLength(12);
    expect(new Set(ids(all.relations))).toEqual(new Set(ids(relations.slice(0, 12))));
  });

  it("draws only the types and the relations asked for", () => {
    const restricts = sampleRelations(relations, { count: 30, draw: 1, types: ["RESTRICTS"] });
    expect(restricts.population).toBe(100);
    expect(restricts.relations.every((r) => r.type === "RESTRICTS")).toBe(true);
    const among = new Set(["e1/SUPPLIES/f1", "e3/RESTRICTS/f3"]);
    const mine = sampleRelations(relations, { count: 30, draw: 1, among });
    expect(new Set(ids(mine.relations))).toEqual(among);
  });

  it("spreads its draws over the whole population", () => {
    // 200 draws of 30 from 300: every relation should come up (each has a 1 − 0.9^200 chance).
    const seen = new Set<string>();
    for (let draw = 0; draw < 200; draw++) for (const r of sampleRelations(relations, { count: 30, draw }).relations) seen.add(r.id);
    expect(seen.size).toBe(300);
  });
});

describe("relationsInArea", () => {
  const entity = (id: string, kind: string) => ({ id, kind }) as SeedGraph["entities"][number];
  const graph = {
    entities: [entity("e1", "CHIP"), entity("e2", "ORGANIZATION"), entity("e3", "CHIP"), entity("f1", "ORGANIZATION")],
    relations: [relation(1), relation(2), relation(3)],
  };

  it("keeps the relations stored in files of the kinds asked for, touching the entities asked for, or both", () => {
    expect([...relationsInArea(graph, { kinds: ["CHIP"] })].sort()).toEqual(["e1/SUPPLIES/f1", "e3/RESTRICTS/f3"]);
    // Either end counts: f1 is the target of e1's relation.
    expect([...relationsInArea(graph, { touching: ["f1", "e2"] })].sort()).toEqual(["e1/SUPPLIES/f1", "e2/SUPPLIES/f2"]);
    expect([...relationsInArea(graph, { kinds: ["CHIP"], touching: ["f1", "e2"] })]).toEqual(["e1/SUPPLIES/f1"]);
    expect(relationsInArea(graph, {}).size).toBe(3);
  });
});

describe("sampleToMarkdown", () => {
  it("shows what the sources must state: a metric's figure, the relation's quotes, and each source with its link", () => {
    const measures: RelationRecord = {
      ...relation(1, "MEASURES"),
      id: "qwen-tokens/MEASURES/qwen",
      from: "qwen-tokens",
      to: "qwen",
      status: "claimed",
      claimedBy: ["alibaba-cloud"],
      sources: ["report"],
      quotes: [{ text: "we have scaled the pre-training datasets to 18 trillion tokens", language: "en", translation: "…", source: "report" }],
    };
    const graph: SeedGraph = {
      entities: [
        { id: "qwen-tokens", kind: "METRIC", name: "Qwen pre-training data", aliases: [], attributes: { value: 18, unit: "trillion tokens", asOf: "2024-12" } },
      ],
      relations: [measures],
      sources: [
        { id: "report", url: "https://arxiv.org/abs/2412.15115", title: "Qwen2.5 Technical Report", publisher: "arXiv", date: "2024-12", language: "en" },
      ],
    };
    const ontology = loadOntology();
    const text = sampleToMarkdown({ population: 1, relations: [measures] }, graph, "npm run kg -- sample --draw 1", (kind) => ontology.kind(kind)?.folder);
    expect(text).toContain("1. [ ] `qwen-tokens` **MEASURES** `qwen` (claimed by alibaba-cloud) — seed/entities/metric/qwen-tokens.yaml");
    expect(text).toContain("   - figure: 18 trillion tokens \\(as of 2024\\-12\\)");
    expect(text).toContain("   - quote (`report`): we have scaled the pre\\-training datasets to 18 trillion tokens");
    expect(text).toContain("   - [Qwen2\\.5 Technical Report](<https://arxiv.org/abs/2412.15115>) — arXiv, 2024\\-12 (`report`)");
  });
});
