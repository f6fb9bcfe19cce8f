/**
 * Operators and their plants (OPERATES, an `internal` provider): a plant needs its operator, so
 * losing the operator takes the plant and what only it makes; but running one's own plant is no
 * trade, so neither a rule nor a country stop cuts an operator off its plant. Hand-made graphs,
 * each answer worked out in the comment above it.
 */
import { describe, expect, it } from "vitest";
import { exposure } from "../../server/src/analysis/answers.js";
import { chokepoints } from "../../server/src/analysis/chokepoints.js";
import { loss } from "../../server/src/analysis/failures.js";
import { DependencyLayer } from "../../server/src/analysis/layer.js";
import { evaluate } from "../../server/src/analysis/rule.js";
import { walk } from "../../server/src/analysis/tree.js";
import { loadOntology } from "../../server/src/ontology.js";
import { node, rel } from "../helpers/layer-rows.js";

const ontology = loadOntology();

/**
 * Glassmaker g (JP) operates plant p (JP), the only maker of glass; substrate s is built on glass,
 * chip c on the substrate. Plant q (KR) is run jointly by a and b (KR) and makes resin, which the
 * substrate also needs.
 */
const nodes = [
  node("g", "ORGANIZATION", "JP"),
  node("p", "FACILITY", "JP"),
  node("glass", "MATERIAL"),
  node("s", "TECHNOLOGY"),
  node("c", "CHIP", "US"),
  node("a", "ORGANIZATION", "KR"),
  node("b", "ORGANIZATION", "KR"),
  node("q", "FACILITY", "KR"),
  node("resin", "MATERIAL"),
];
const relations = [
  rel("g", "OPERATES", "p"),
  rel("p", "PRODUCES", "glass"),
  rel("s", "USES", "glass"),
  rel("c", "USES", "s"),
  rel("a", "OPERATES", "q"),
  rel("b", "OPERATES", "q"),
  rel("q", "PRODUCES", "resin"),
  rel("s", "USES", "resin"),
];
const layer = new DependencyLayer(ontology, { nodes, relations }, "2025-01-01");

describe("an operator and its plant", () => {
  it("losing the operator takes its plant and what only the plant makes, down to the chip", () => {
    // g → p (its plant) → glass (p its only maker) → s (needs glass) → c (needs s): four, all failing.
    const lost = loss(layer, "g", 10);
    expect(lost.left.map((l) => [l.id, l.distance])).toEqual([
      ["p", 1],
      ["glass", 2],
      ["s", 3],
      ["c", 4],
    ]);
    expect(lost.failing).toBe(4);
    expect(lost.left.at(-1)?.path).toEqual(["g", "p", "glass", "s", "c"]);
  });

  it("a plant run jointly stays while either operator is left", () => {
    expect([...layer.providerGroups("q").values()].map((g) => g.map((l) => l.other))).toEqual([["a", "b"]]);
    expect(loss(layer, "a", 10).total).toBe(0);
    expect(loss(layer, "b", 10).total).toBe(0);
  });

  it("ranks the plant as a chokepoint, with its operator as its one provider", () => {
    const row = chokepoints(layer, {}, 20).find((r) => r.input === "p");
    expect(row?.providers.map((x) => x.id)).toEqual(["g"]);
    expect(row?.leftWithout).toBe(3);
  });

  it("counts a firm and its own plants making one input as one maker in the score", () => {
    // Glass is made by g, by g's plant p, by plant p2 (also g's) and by k (KR): three providers
    // listed, but two makers (g, k) in two countries. The substrate and the chip need glass: 2 / (2 × 2).
    const makers = new DependencyLayer(
      ontology,
      {
        nodes: [...nodes, node("p2", "FACILITY", "JP"), node("k", "ORGANIZATION", "KR")],
        relations: [...relations, rel("g", "PRODUCES", "glass"), rel("g", "OPERATES", "p2"), rel("p2", "PRODUCES", "glass"), rel("k", "PRODUCES", "glass")],
      },
      "2025-01-01",
    );
    const row = chokepoints(makers, {}, 20).find((r) => r.input === "glass");
    expect(row?.providers.map((x) => x.id).sort()).toEqual(["g", "k", "p", "p2"]);
    expect(row?.dependents).toBe(2);
    expect(row?.score).toBe(0.5);
  });

  it("shows the operator in the plant's supply tree", () => {
    expect(walk(layer, "p", "up", 3, 10).nodes).toEqual(["p", "g"]);
  });
});

/**
 * Memory maker m (KR) runs fab f in the US and fab x in China; fab f makes dram, which server
 * v (US) needs. Toolmaker t (KR) supplies etch tools to fab f. Rule r (US, a foreign-direct-product
 * entity listing) lists fab x; toolmaker u (US) supplies x, and m itself (so m rests on US tools).
 */
const fabs = new DependencyLayer(
  ontology,
  {
    nodes: [
      node("m", "ORGANIZATION", "KR"),
      node("f", "FACILITY", "US"),
      node("x", "FACILITY", "CN"),
      node("dram", "TECHNOLOGY"),
      node("v", "SYSTEM", "US"),
      node("t", "ORGANIZATION", "KR"),
      node("u", "ORGANIZATION", "US"),
      node("etch", "TECHNOLOGY"),
      node("r", "POLICY", "US", { policyType: "entity-listing", reachesForeignProducts: true }),
    ],
    relations: [
      rel("m", "OPERATES", "f"),
      rel("m", "OPERATES", "x"),
      rel("f", "PRODUCES", "dram"),
      rel("v", "USES", "dram"),
      rel("t", "SUPPLIES", "f", { item: "etch" }),
      rel("u", "SUPPLIES", "x", { item: "etch" }),
      rel("u", "SUPPLIES", "m", { item: "etch" }),
      rel("r", "RESTRICTS", "x", { since: "2024-01-01" }),
    ],
  },
  "2025-01-01",
);

describe("a country stop or a rule and an operator's own plants", () => {
  it("when Korea stops supplying, a Korean firm's US fab keeps running; only the Korean tools it buys are cut", () => {
    // The operator is a Korean provider of a US plant: a supply from Korea would be cut.
    expect(fabs.linkById.get("m/OPERATES/f")?.role).toBe("provider");
    const ev = evaluate(fabs, { countries: ["KR"] });
    expect(ev.cutLinks.has("m/OPERATES/f")).toBe(false);
    expect(ev.cutLinks.has("t/SUPPLIES/f")).toBe(true);
    // The etch tools are the fab's only supply of etch, so the fab loses them, and the server its DRAM.
    expect(ev.unavailable.get("f")?.link.relation.id).toBe("t/SUPPLIES/f");
    expect(ev.unavailable.has("v")).toBe(true);
    // Without the Korean tools, the Korean operator alone cuts nothing.
    const own = new DependencyLayer(
      ontology,
      { nodes: [...fabs.nodes.values()], relations: [...fabs.relationById.values()].filter((r) => r.id !== "t/SUPPLIES/f") },
      "2025-01-01",
    );
    expect([...evaluate(own, { countries: ["KR"] }).unavailable.keys()]).toEqual([]);
  });

  it("a rule listing a plant cuts what others supply it, never its operator's running it, though the operator rests on US tools", () => {
    const ev = evaluate(fabs, { rules: true });
    expect(ev.cutLinks.has("u/SUPPLIES/x")).toBe(true);
    expect(ev.cutLinks.has("m/OPERATES/x")).toBe(false);
    expect(exposure(fabs, "x", { rules: true }, 5).cuts.map((c) => c.type)).toEqual(["SUPPLIES"]);
  });
});
