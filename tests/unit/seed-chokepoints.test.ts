/**
 * The chokepoints of the project's own seed count every maker of an input. Providers of one
 * relation type are alternatives; two types are two needs. Silicon wafers had five makers recorded
 * as MANUFACTURES and two as PRODUCES, so the ranking showed "2 providers, both in China". The
 * ontology now gives materials and tools one maker type (PRODUCES) and chips and systems another
 * (MANUFACTURES).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chokepoints } from "../../server/src/analysis/answers.js";
import { DependencyLayer } from "../../server/src/analysis/layer.js";
import { repoRoot } from "../../server/src/config.js";
import { loadOntology } from "../../server/src/ontology.js";
import { validateSeed } from "../../server/src/seed/validate.js";

const ontology = loadOntology(path.join(repoRoot, "seed"));
const { graph } = validateSeed({ seedDir: path.join(repoRoot, "seed"), ontology });
if (!graph) throw new Error("the seed is invalid: run npm run validate");

const layer = new DependencyLayer(
  ontology,
  {
    nodes: graph.entities.map((e) => ({ id: e.id, kind: e.kind, name: e.name, ...(e.country ? { country: e.country } : {}) })),
    relations: graph.relations.map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from,
      to: r.to,
      ...(r.since ? { since: r.since } : {}),
      ...(r.until ? { until: r.until } : {}),
    })),
  },
  new Date().toISOString().slice(0, 10),
);
const ranking = chokepoints(layer, {}, 100_000);
const MAKER_TYPES = ["PRODUCES", "MANUFACTURES"];

describe("chokepoints of the project's seed", () => {
  it("list silicon wafers with all their makers, not the two recorded with another relation type", () => {
    const wafers = ranking.find((c) => c.input === "silicon-wafers");
    const makers = graph.relations.filter((r) => r.to === "silicon-wafers" && MAKER_TYPES.includes(r.type)).map((r) => r.from);
    expect(makers.length).toBeGreaterThanOrEqual(5);
    expect(wafers?.providers.map((p) => p.id).sort()).toEqual([...new Set(makers)].sort());
  });

  it("offer one maker type per kind of product, so a contributor cannot split them again", () => {
    const kindsMadeBy = MAKER_TYPES.map((t) => new Set(ontology.relationType(t)?.to ?? []));
    const both = [...(kindsMadeBy[0] ?? [])].filter((k) => kindsMadeBy[1]?.has(k));
    expect(both).toEqual([]);
  });
});
