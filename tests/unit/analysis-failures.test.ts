/**
 * What would be left without an entity (failures.ts), checked against a plain fixpoint of the rule
 * on random graphs with cycles, alternative inputs for one part and several providers: from
 * everything available but the entity, drop each product that has lost a whole group, until nothing
 * more drops; then add the organisations that lost a whole group (they lose, but do not drop). A
 * trained model is never left without anything.
 */
import { describe, expect, it } from "vitest";
import { leftWithout, loss } from "../../server/src/analysis/failures.js";
import { DependencyLayer, type LayerNode, type LayerRelation } from "../../server/src/analysis/layer.js";
import { prng } from "../../server/src/core/random.js";
import { loadOntology } from "../../server/src/ontology.js";

const ontology = loadOntology();

/**
 * Chips and technologies that use each other (some inputs for a named part, so alternatives),
 * facilities and organisations that produce technologies, models trained on chips.
 */
function randomLayer(seed: number, size: number, links: number): DependencyLayer {
  const next = prng(seed);
  const kinds = ["CHIP", "TECHNOLOGY", "MODEL", "FACILITY", "ORGANIZATION"];
  const nodes: LayerNode[] = Array.from({ length: size }, (_, i) => ({ id: `n${i}`, kind: kinds[i % kinds.length] as string, name: `n${i}` }));
  const relations: LayerRelation[] = [];
  for (let k = 0; k < links; k++) {
    const from = nodes[Math.floor(next() * size)] as LayerNode;
    const to = nodes[Math.floor(next() * size)] as LayerNode;
    if (from === to) continue;
    const id = `${from.id}/${k}/${to.id}`;
    if (from.kind === "MODEL" && to.kind === "CHIP") relations.push({ id, type: "TRAINED_ON", from: from.id, to: to.id });
    else if ((from.kind === "FACILITY" || from.kind === "ORGANIZATION") && to.kind === "TECHNOLOGY")
      relations.push({ id, type: "PRODUCES", from: from.id, to: to.id });
    else if (["CHIP", "TECHNOLOGY", "FACILITY", "ORGANIZATION"].includes(from.kind) && ["CHIP", "TECHNOLOGY"].includes(to.kind))
      relations.push({ id, type: "USES", from: from.id, to: to.id, ...(next() < 0.4 ? { part: next() < 0.5 ? "compute-die" : "memory" } : {}) });
  }
  return new DependencyLayer(ontology, { nodes, relations }, "2025-01-01");
}

/** The rule's greatest fixpoint with `id` unavailable, by repeated sweeps over every entity. */
function leftBySweeps(layer: DependencyLayer, id: string): Set<string> {
  const down = new Set([id]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const v of layer.nodes.keys()) {
      if (down.has(v) || layer.isActor(v) || layer.isFinished(v)) continue;
      const groups = [...layer.inputGroups(v), ...layer.providerGroups(v).values()];
      if (groups.some((links) => links.every((l) => down.has(l.other)))) {
        down.add(v);
        changed = true;
      }
    }
  }
  const left = new Set([...down].filter((v) => v !== id));
  for (const v of layer.nodes.keys()) {
    if (!layer.isActor(v) || v === id) continue;
    const groups = [...layer.inputGroups(v), ...layer.providerGroups(v).values()];
    if (groups.some((links) => links.every((l) => down.has(l.other)))) left.add(v);
  }
  return left;
}

describe("what would be left without an entity", () => {
  for (const [seed, size, links] of [
    [1, 40, 120],
    [2, 150, 450],
    [3, 600, 2_000],
  ] as const)
    it(`is the rule's fixpoint for every entity (${size} entities, ${links} links)`, () => {
      const layer = randomLayer(seed, size, links);
      let someFail = 0;
      let someSpared = 0;
      for (const id of layer.nodes.keys()) {
        const fast = leftWithout(layer, id);
        expect(new Set(fast), id).toEqual(leftBySweeps(layer, id));
        expect(fast.length, `${id}: each once`).toBe(new Set(fast).size);
        if (fast.length > 0) someFail++;
        // A dependent that keeps an alternative: the count is not "everything that needs it".
        if ((layer.neededBy.get(id) ?? []).some((l) => !fast.includes(l.dependent))) someSpared++;
      }
      // Graphs where nothing is lost, or where everything that needs something loses it, would prove nothing.
      expect(someFail).toBeGreaterThan(0);
      expect(someSpared).toBeGreaterThan(0);
    });
});

describe("the loss of an organisation", () => {
  // TSMC alone makes chip a and develops node n; chip b is made by TSMC or SMIC; system s is built
  // on a and b; lab l uses n; model m was trained on a. Without TSMC: a and n fail (distance 1), s
  // fails through a and l loses n (distance 2; l stays, being an organisation); b keeps SMIC; m,
  // already trained, keeps its training.
  const kinds: Record<string, string> = {
    tsmc: "ORGANIZATION",
    smic: "ORGANIZATION",
    l: "ORGANIZATION",
    a: "CHIP",
    b: "CHIP",
    n: "TECHNOLOGY",
    s: "SYSTEM",
    m: "MODEL",
  };
  const nodes = Object.entries(kinds).map(([id, kind]) => ({ id, kind, name: id }));
  const rel = (from: string, type: string, to: string): LayerRelation => ({ id: `${from}/${type}/${to}`, type, from, to });
  const relations = [
    rel("tsmc", "MANUFACTURES", "a"),
    rel("tsmc", "DEVELOPS", "n"),
    rel("tsmc", "MANUFACTURES", "b"),
    rel("smic", "MANUFACTURES", "b"),
    rel("s", "USES", "a"),
    rel("s", "USES", "b"),
    rel("m", "TRAINED_ON", "a"),
    rel("l", "USES", "n"),
  ];
  const layer = new DependencyLayer(ontology, { nodes, relations }, "2025-01-01");

  it("lists what fails and who loses an input, nearest first, with the path of losses", () => {
    expect(loss(layer, "tsmc", 10)).toEqual({
      left: [
        { id: "a", distance: 1, path: ["tsmc", "a"], fails: true },
        { id: "n", distance: 1, path: ["tsmc", "n"], fails: true },
        { id: "l", distance: 2, path: ["tsmc", "n", "l"], fails: false },
        { id: "s", distance: 2, path: ["tsmc", "a", "s"], fails: true },
      ],
      total: 4,
      failing: 3,
    });
  });

  it("keeps the total when it lists fewer, and loses nothing to what another maker stands in for", () => {
    expect(loss(layer, "tsmc", 1)).toMatchObject({ left: [{ id: "a" }], total: 4, failing: 3 });
    expect(loss(layer, "smic", 10)).toEqual({ left: [], total: 0, failing: 0 });
  });
});
