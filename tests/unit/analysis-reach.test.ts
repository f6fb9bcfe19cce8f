/**
 * The one-pass dependent counts (reach.ts) that rank chokepoints give, for every entity, the same
 * number as a breadth-first walk from it: on random graphs with cycles, with and without a filter
 * on what counts, and across more than one chunk of counted entities.
 */
import { describe, expect, it } from "vitest";
import { DependencyLayer, type LayerNode, type LayerRelation } from "../../server/src/analysis/layer.js";
import { dependentCounts, reachableFrom } from "../../server/src/analysis/reach.js";
import { walk } from "../../server/src/analysis/tree.js";
import { prng } from "../../server/src/core/random.js";
import { loadOntology } from "../../server/src/ontology.js";

const ontology = loadOntology();

/** Chips that use technologies, and models trained on chips: dependency links with cycles among chips. */
function randomLayer(seed: number, size: number, links: number): DependencyLayer {
  const next = prng(seed);
  const countries = ["CN", "US", "TW", "NL"];
  const nodes: LayerNode[] = Array.from({ length: size }, (_, i) => ({
    id: `n${i}`,
    kind: i % 3 === 0 ? "MODEL" : "CHIP",
    name: `n${i}`,
    country: countries[i % countries.length],
  }));
  const relations: LayerRelation[] = [];
  for (let k = 0; k < links; k++) {
    const a = Math.floor(next() * size);
    const b = Math.floor(next() * size);
    if (a === b) continue;
    // A model is trained on a chip; a chip uses another chip (cycles allowed).
    const from = nodes[a] as LayerNode;
    const to = nodes[b] as LayerNode;
    if (to.kind !== "CHIP") continue;
    const type = from.kind === "MODEL" ? "TRAINED_ON" : "USES";
    relations.push({ id: `${from.id}/${type}/${to.id}/${k}`, type, from: from.id, to: to.id });
  }
  return new DependencyLayer(ontology, { nodes, relations }, "2025-01-01");
}

/**
 * What depends on `id`, by a breadth-first walk from it (without `id` itself), but the models:
 * trained on a chip, a model keeps its training and needs nothing more. (Here nothing needs a model.)
 */
const dependentsByWalk = (layer: DependencyLayer, id: string) =>
  walk(layer, id, "down", 1_000_000, 1_000_000)
    .nodes.slice(1)
    .filter((d) => !layer.isFinished(d));

describe("dependent counts in one pass", () => {
  for (const [seed, size, links] of [
    [1, 40, 60],
    [2, 200, 500],
    [3, 2_500, 6_000],
  ] as const)
    it(`equal a walk from every entity (${size} entities, ${links} links)`, () => {
      const layer = randomLayer(seed, size, links);
      const chinese = (id: string) => layer.node(id)?.country === "CN";
      const all = dependentCounts(layer);
      const cn = dependentCounts(layer, chinese);
      for (const id of layer.nodes.keys()) {
        const dependents = dependentsByWalk(layer, id);
        expect(all.get(id), id).toBe(dependents.length);
        expect(cn.get(id), id).toBe(dependents.filter(chinese).length);
      }
      // Not a graph where every count is zero: the test would then prove nothing.
      expect([...all.values()].some((n) => n > 1)).toBe(true);
    });

  it("reaches from several roots at once what walks from each reach together", () => {
    const layer = randomLayer(4, 300, 700);
    const roots = ["n1", "n2", "n30"];
    const together = new Set(roots.flatMap((r) => walk(layer, r, "up", 1_000_000, 1_000_000).nodes));
    expect(reachableFrom(layer, roots, "up")).toEqual(together);
  });
});
