/**
 * The dependency rule on small hand-made graphs, each answer worked out by hand in the comment
 * above it. No database: the layer is built from plain rows, as the resolvers build it.
 */
import { describe, expect, it } from "vitest";
import { exposure, impact } from "../../server/src/analysis/answers.js";
import { chokepoints } from "../../server/src/analysis/chokepoints.js";
import { DependencyLayer, type LayerNode, type LayerRelation } from "../../server/src/analysis/layer.js";
import { evaluate } from "../../server/src/analysis/rule.js";
import { walk } from "../../server/src/analysis/tree.js";
import { loadOntology } from "../../server/src/ontology.js";
import { node, rel } from "../helpers/layer-rows.js";

const ontology = loadOntology();

/**
 * chip X (US) is designed by D (US) and made by fab F (TW). System A (CN) and system B (FR) are
 * both built on X. Rule P (US, destinations CN) restricts X from 2022-10-07.
 */
const nodes = [
  node("x", "CHIP", "US"),
  node("d", "ORGANIZATION", "US"),
  node("f", "ORGANIZATION", "TW"),
  node("g", "ORGANIZATION", "CN"),
  node("sys-a", "SYSTEM", "CN"),
  node("sys-b", "SYSTEM", "FR"),
  node("p", "POLICY", "US", { destinations: ["CN"] }),
  node("q", "POLICY", "US"),
];
const base = [
  rel("d", "DESIGNS", "x"),
  rel("f", "MANUFACTURES", "x"),
  rel("sys-a", "USES", "x"),
  rel("sys-b", "USES", "x"),
  rel("p", "RESTRICTS", "x", { since: "2022-10-07" }),
];
/** Tool t, made by u (US) and j (JP), used by lab g (CN). */
const tool = {
  nodes: [node("t", "TECHNOLOGY"), node("u", "ORGANIZATION", "US"), node("j", "ORGANIZATION", "JP")],
  relations: [rel("g", "USES", "t"), rel("u", "PRODUCES", "t"), rel("j", "PRODUCES", "t")],
};
const layerOn = (day: string, relations = base, extraNodes: LayerNode[] = []) =>
  new DependencyLayer(ontology, { nodes: [...nodes, ...extraNodes], relations }, day);

describe("the dependency rule", () => {
  it("cuts the same item for a consumer in a destination and not for one elsewhere", () => {
    // On 2023-01-01 the rule is in force: sys-a (CN) loses x, sys-b (FR) keeps it; x itself stays available.
    const ev = evaluate(layerOn("2023-01-01"), { rules: true });
    expect([...ev.unavailable.keys()].sort()).toEqual(["sys-a"]);
    expect(ev.cutLinks.has("sys-a/USES/x")).toBe(true);
    expect(ev.cutLinks.has("sys-b/USES/x")).toBe(false);
  });

  it("takes nothing back from a trained model: it loses nothing and never fails, though its tree still shows what it was trained on", () => {
    // Model m (CN) was trained on x, which p restricts for China; its fine-tune m2 is based on it.
    const extra = [node("m", "MODEL", "CN"), node("m2", "MODEL", "CN")];
    const relations = [...base, rel("m", "TRAINED_ON", "x"), rel("m2", "BASED_ON", "m")];
    const layer = layerOn("2023-01-01", relations, extra);
    const ev = evaluate(layer, { rules: true });
    expect(ev.cutLinks.has("m/TRAINED_ON/x")).toBe(false);
    expect([...ev.unavailable.keys()]).toEqual(["sys-a"]);
    expect(impact(layer, ["p"], 3, 100).affected.map((a) => a.id)).toEqual(["sys-a"]);
    expect(exposure(layer, "m2", { rules: true }, 5).cuts).toEqual([]);
    // Taiwan stopping: x fails (its only fab), the system built on it with it, the models do not.
    expect([...evaluate(layer, { countries: ["TW"] }).unavailable.keys()].sort()).toEqual(["sys-a", "sys-b", "x"]);
    expect(walk(layer, "m2", "up", 5, 100).nodes).toEqual(["m2", "m", "x", "d", "f"]);
  });

  it("cuts nothing before the rule takes effect, and nothing after it is lifted", () => {
    // Before 2022-10-07 no restriction holds; with until 2023-06, a day in 2024 is free again.
    expect(evaluate(layerOn("2022-10-06"), { rules: true }).unavailable.size).toBe(0);
    const lifted = base.map((r) => (r.type === "RESTRICTS" ? { ...r, until: "2023-06" } : r));
    expect(evaluate(layerOn("2023-06-30", lifted), { rules: true }).unavailable.has("sys-a")).toBe(true);
    expect(evaluate(layerOn("2024-01-01", lifted), { rules: true }).unavailable.size).toBe(0);
  });

  it("holds a restriction naming no day of its own from the day its policy took effect", () => {
    // The same rule without `since`, its policy effective 2022-10-07: nothing is cut the day before.
    const undated = base.map((r) => (r.type === "RESTRICTS" ? rel("p", "RESTRICTS", "x") : r));
    const effective = nodes.map((n) => (n.id === "p" ? { ...n, effective: "2022-10-07" } : n));
    const on = (day: string) => new DependencyLayer(ontology, { nodes: effective, relations: undated }, day);
    expect(evaluate(on("2022-10-06"), { rules: true }).unavailable.size).toBe(0);
    expect([...evaluate(on("2022-10-07"), { rules: true }).unavailable.keys()]).toEqual(["sys-a"]);
    // A policy of no known date: its undated restriction holds on any day.
    expect([...evaluate(layerOn("2000-01-01", undated), { rules: true }).unavailable.keys()]).toEqual(["sys-a"]);
  });

  it("keeps an input with one unrestricted provider, and lists it as exposed with the provider left", () => {
    // x has two fabs: f (TW) and g (CN). Party rule q (US) lists g: g's supplies from US suppliers are cut,
    // but as a listed party g is the consumer, not the provider of x. Country counterfactual TW: f stops, g is left.
    const relations = [...base.filter((r) => r.type !== "RESTRICTS"), rel("g", "MANUFACTURES", "x")];
    const layer = layerOn("2024-01-01", relations);
    const ev = evaluate(layer, { countries: ["TW"] });
    expect(ev.unavailable.has("x")).toBe(false);
    const { cuts } = exposure(layer, "sys-a", { countries: ["TW"] }, 5);
    expect(cuts).toEqual([
      expect.objectContaining({
        cut: false,
        dependent: "x",
        input: "x",
        type: "MANUFACTURES",
        cause: "COUNTRY",
        country: "TW",
        providers: ["f", "g"],
        providersLeft: ["g"],
      }),
    ]);
    // With only f, the country counterfactual cuts x and everything that needs it.
    const only = layerOn(
      "2024-01-01",
      base.filter((r) => r.type !== "RESTRICTS"),
    );
    const ev2 = evaluate(only, { countries: ["TW"] });
    expect([...ev2.unavailable.keys()].sort()).toEqual(["sys-a", "sys-b", "x"]);
    const path = exposure(only, "sys-a", { countries: ["TW"] }, 5).cuts.find((c) => c.type === "MANUFACTURES");
    expect(path).toMatchObject({ cut: true, path: ["sys-a", "x"], providers: ["f"], providersLeft: [] });
  });

  it("binds a party rule only to suppliers under the issuer's jurisdiction, unless it reaches foreign products", () => {
    // Lab g (CN) is listed by q (US). g USES x (US chip): cut. g also uses tool t made in NL: not cut by q,
    // nor by a foreign-direct-product rule r (US) listing g: nothing in the graph puts t within US reach.
    const t = node("t", "TECHNOLOGY", "NL");
    const r = node("r", "POLICY", "US", { reachesForeignProducts: true });
    const relations = [rel("g", "USES", "x"), rel("g", "USES", "t"), rel("q", "RESTRICTS", "g")];
    const ev = evaluate(layerOn("2024-01-01", relations, [t]), { rules: true });
    expect(ev.cutLinks.has("g/USES/x")).toBe(true);
    expect(ev.cutLinks.has("g/USES/t")).toBe(false);
    const fdp = evaluate(layerOn("2024-01-01", [...relations, rel("r", "RESTRICTS", "g")], [t, r]), { rules: true });
    expect(fdp.cutLinks.has("g/USES/x")).toBe(true);
    expect(fdp.cutLinks.has("g/USES/t")).toBe(false);
  });

  it("binds a foreign-direct-product rule to a supplier abroad that rests on the issuer's technology, never to the listed party itself", () => {
    // Lab g (CN) designs chip c with its subsidiary h (CN); fab s (CN) makes c and supplies g, on tools from u (US);
    // fab k (KR) supplies g too, on nothing from the US; l (CN), listed with g, supplies g. u supplies h and l too.
    // q (US) lists g; r (US), a foreign-direct-product rule, lists g and l. q binds none of them (no supplier is
    // American). r binds s (its making c and its supply to g), through u; not k, not g nor h designing their own
    // chip, and not l, which r lists too: it cuts them off from others, not from each other. (It binds u's
    // supply to l, as any rule listing l would: u is American.)
    const extra = [
      node("c", "CHIP", "CN"),
      node("h", "ORGANIZATION", "CN"),
      node("s", "ORGANIZATION", "CN"),
      node("k", "ORGANIZATION", "KR"),
      node("l", "ORGANIZATION", "CN"),
      node("r", "POLICY", "US", { reachesForeignProducts: true }),
    ];
    const relations = [
      rel("g", "DESIGNS", "c"),
      rel("h", "DESIGNS", "c"),
      rel("s", "MANUFACTURES", "c"),
      rel("u", "SUPPLIES", "s"),
      rel("u", "SUPPLIES", "h"),
      rel("u", "SUPPLIES", "l"),
      rel("s", "SUPPLIES", "g"),
      rel("k", "SUPPLIES", "g"),
      rel("l", "SUPPLIES", "g"),
      rel("q", "RESTRICTS", "g"),
      rel("r", "RESTRICTS", "g"),
      rel("r", "RESTRICTS", "l"),
    ];
    const layer = layerOn("2024-01-01", relations, [...extra, ...tool.nodes]);
    expect([...evaluate(layer, { rules: true, policies: ["q"] }).cutLinks.keys()]).toEqual([]);
    const fdp = evaluate(layer, { rules: true, policies: ["r"] });
    expect([...fdp.cutLinks.keys()].sort()).toEqual(["s/MANUFACTURES/c", "s/SUPPLIES/g", "u/SUPPLIES/l"]);
    expect(fdp.cutLinks.get("s/SUPPLIES/g")?.reasons).toEqual([expect.objectContaining({ through: ["u"] })]);
    // The chip g designs is lost: s was its only maker.
    expect([...fdp.unavailable.keys()]).toEqual(["c"]);
    const rows = impact(layer, ["r"], 5, 10).cuts;
    expect(rows.map((c) => [c.dependent, c.input, c.through])).toEqual([
      ["c", "c", ["u"]],
      ["g", "s", ["u"]],
      ["l", "u", []],
    ]);
    // Without the tools from u, s rests on nothing American: r cuts nothing.
    const alone = layerOn(
      "2024-01-01",
      relations.filter((x) => x.from !== "u"),
      [...extra, ...tool.nodes],
    );
    expect([...evaluate(alone, { rules: true, policies: ["r"] }).cutLinks.keys()]).toEqual([]);
  });

  it("cuts no published open-source software, whoever is listed", () => {
    // Lab g (CN), listed by q (US), uses framework o (US, open source) and chip x (US): only x is cut.
    const o = node("o", "TECHNOLOGY", "US", { openSource: true });
    const relations = [rel("g", "USES", "o"), rel("g", "USES", "x"), rel("q", "RESTRICTS", "g"), rel("p", "RESTRICTS", "o")];
    const ev = evaluate(layerOn("2024-01-01", relations, [o]), { rules: true });
    expect([...ev.cutLinks.keys()]).toEqual(["g/USES/x"]);
  });

  it("cuts no supply to a party that a law, an executive order or a countermeasure names (a ban on buying from it or investing in it)", () => {
    // Lab g (CN) USES x (US chip). Named by an entity listing (US): cut. Named by an investment ban or a procurement law: not cut.
    const relations = [rel("g", "USES", "x")];
    for (const [policyType, cuts] of [
      ["entity-listing", true],
      ["executive-order", false],
      ["law", false],
    ] as const) {
      const named = node("n", "POLICY", "US", { policyType });
      const ev = evaluate(layerOn("2024-01-01", [...relations, rel("n", "RESTRICTS", "g")], [named]), { rules: true });
      expect(ev.cutLinks.has("g/USES/x"), policyType).toBe(cuts);
    }
  });

  it("cuts nothing more with an enforcement action: it targets a party and enforces a rule, but restricts nothing itself", () => {
    // Case c (US, enforcement, destinations CN) targets lab g (CN) and designer d, and enforces p.
    // Only p's own cuts hold (sys-a and g, both in CN, lose x), as without c; impact(c) restricts and cuts nothing.
    const c = node("c", "POLICY", "US", { policyType: "enforcement", destinations: ["CN"] });
    const relations = [...base, rel("g", "USES", "x"), rel("c", "TARGETS", "g"), rel("c", "TARGETS", "d"), rel("c", "ENFORCES", "p")];
    const layer = layerOn("2024-01-01", relations, [c]);
    const ev = evaluate(layer, { rules: true });
    expect([...ev.cutLinks.keys()].sort()).toEqual(["g/USES/x", "sys-a/USES/x"]);
    const out = impact(layer, ["c"], 3, 100);
    expect(out.restricted).toEqual([]);
    expect(out.cuts).toEqual([]);
  });

  it("treats suppliers of one item to one customer as alternatives, and suppliers that name no item as each needed", () => {
    // Lab g (CN) is listed by q (US). u (US) and h (CN) both supply g. With the same item t, h stands in
    // for u: g keeps t (exposed, not cut). Naming no item, nothing says h supplies what u did: g loses what u supplies.
    const extra = [node("u", "ORGANIZATION", "US"), node("h", "ORGANIZATION", "CN"), node("t", "TECHNOLOGY")];
    const supply = (item?: string) => [
      rel("u", "SUPPLIES", "g", item ? { item } : {}),
      rel("h", "SUPPLIES", "g", item ? { item } : {}),
      rel("q", "RESTRICTS", "g"),
    ];
    const sameItem = exposure(layerOn("2024-01-01", supply("t"), extra), "g", { rules: true }, 5).cuts;
    expect(sameItem).toEqual([expect.objectContaining({ cut: false, dependent: "g", input: "t", providers: ["h", "u"], providersLeft: ["h"] })]);
    const noItem = exposure(layerOn("2024-01-01", supply(), extra), "g", { rules: true }, 5).cuts;
    expect(noItem).toEqual([expect.objectContaining({ cut: true, dependent: "g", input: "u", rules: ["q"], providers: ["u"], providersLeft: [] })]);
  });

  it("needs one of the inputs that name the same part, and each input for a different part", () => {
    // Chip c (CN) has its compute die made on node n1 (TW) or node n2 (CN); rule tw (TW, destinations
    // CN) restricts n1. With both inputs for the compute die, c keeps n2: exposed, not cut. Without
    // the part, each input is needed and c is cut; with n1 for another part (the I/O die), too.
    const extra = [
      node("c", "CHIP", "CN"),
      node("n1", "TECHNOLOGY", "TW"),
      node("n2", "TECHNOLOGY", "CN"),
      node("tw", "POLICY", "TW", { destinations: ["CN"] }),
    ];
    const dies = (p1?: string, p2?: string) => [
      rel("c", "USES", "n1", p1 ? { part: p1 } : {}),
      rel("c", "USES", "n2", p2 ? { part: p2 } : {}),
      rel("tw", "RESTRICTS", "n1"),
      rel("sys-a", "USES", "c"),
    ];
    const either = layerOn("2024-01-01", dies("compute-die", "compute-die"), extra);
    expect(evaluate(either, { rules: true }).unavailable.has("c")).toBe(false);
    expect(exposure(either, "sys-a", { rules: true }, 5).cuts).toEqual([
      expect.objectContaining({ cut: false, dependent: "c", input: "n1", rules: ["tw"], providers: ["n1", "n2"], providersLeft: ["n2"] }),
    ]);
    for (const [p1, p2] of [
      [undefined, undefined],
      ["io-die", "compute-die"],
    ] as const) {
      const both = layerOn("2024-01-01", dies(p1, p2), extra);
      expect(evaluate(both, { rules: true }).unavailable.get("c")?.link.other, `${p1}/${p2}`).toBe("n1");
      expect(exposure(both, "sys-a", { rules: true }, 5).cuts).toContainEqual(
        expect.objectContaining({ cut: true, dependent: "c", input: "n1", providers: ["n1"], providersLeft: [] }),
      );
    }
    // With both of its compute-die nodes in Taiwan and restricted, the chip loses it: one row per node, each cut.
    const twOnly = [
      rel("c", "USES", "n1", { part: "compute-die" }),
      rel("c", "USES", "n3", { part: "compute-die" }),
      rel("tw", "RESTRICTS", "n1"),
      rel("tw", "RESTRICTS", "n3"),
    ];
    const none = layerOn("2024-01-01", twOnly, [...extra, node("n3", "TECHNOLOGY", "TW")]);
    expect(
      evaluate(none, { rules: true })
        .unavailable.get("c")
        ?.links.map((l) => l.other),
    ).toEqual(["n1", "n3"]);
    expect(exposure(none, "c", { rules: true }, 5).cuts.map((x) => [x.input, x.cut, x.providersLeft])).toEqual([
      ["n1", true, []],
      ["n3", true, []],
    ]);
  });

  it("lists an input a rule restricts but does not cut (also made beyond the issuer's reach) as exposed, with the makers left", () => {
    // Lab g (CN) needs tool t, made by u (US) and j (JP). Rule p2 (US, destinations CN) restricts t:
    // it reaches u's but not j's, so g keeps t from j.
    const extra = [...tool.nodes, node("p2", "POLICY", "US", { destinations: ["CN"] })];
    const relations = [...base, ...tool.relations, rel("p2", "RESTRICTS", "t")];
    const layer = layerOn("2024-01-01", relations, extra);
    expect(evaluate(layer, { rules: true }).cutLinks.has("g/USES/t")).toBe(false);
    const row = exposure(layer, "g", { rules: true }, 3).cuts.find((c) => c.input === "t");
    expect(row).toMatchObject({ cut: false, cause: "RULE", rules: ["p2"], providersLeft: ["j"] });
    expect([...(row?.providers ?? [])].sort()).toEqual(["j", "u"]);
    // With the Japanese maker gone, the rule cuts it.
    const alone = layerOn(
      "2024-01-01",
      relations.filter((r) => r.from !== "j"),
      extra,
    );
    expect(evaluate(alone, { rules: true }).cutLinks.has("g/USES/t")).toBe(true);
  });

  it("cuts, with coordinated rules applied together, an item made only where they reach, which neither cuts alone", () => {
    // Tool t is made by u (US) and j (JP); lab g (CN) uses it. p2 (US) and pj (JP) restrict t for CN.
    // Alone, each leaves the other's maker: exposed, not cut. Together (all rules in force, or the
    // impact of p2 alongside pj) they reach every maker: cut, with both rules as reasons.
    const extra = [...tool.nodes, node("p2", "POLICY", "US", { destinations: ["CN"] }), node("pj", "POLICY", "JP", { destinations: ["CN"] })];
    const relations = [...base, ...tool.relations, rel("p2", "RESTRICTS", "t"), rel("pj", "RESTRICTS", "t")];
    const layer = layerOn("2024-01-01", relations, extra);
    expect(impact(layer, ["p2"], 3, 100).cuts).toEqual([]);
    expect(impact(layer, ["pj"], 3, 100).cuts).toEqual([]);
    const together = impact(layer, ["p2", "pj"], 3, 100);
    expect(together.cuts).toEqual([expect.objectContaining({ dependent: "g", input: "t", rules: ["p2", "pj"] })]);
    expect(together.restricted).toEqual(["t"]);
    const row = exposure(layer, "g", { rules: true }, 3).cuts.find((c) => c.input === "t");
    expect(row).toMatchObject({ cut: true, cause: "RULE", rules: ["p2", "pj"] });
    // A third maker in China, beyond both issuers' reach, keeps it: exposed to both, not cut.
    const withChina = layerOn("2024-01-01", [...relations, rel("g", "PRODUCES", "t")], extra);
    const kept = exposure(withChina, "g", { rules: true }, 3).cuts.find((c) => c.input === "t");
    expect(kept).toMatchObject({ cut: false, rules: ["p2", "pj"], providersLeft: ["g"] });
    // Rows in another order (as the store may return them) give the same lists.
    const reversed = layerOn("2024-01-01", [...relations].reverse(), extra);
    expect(impact(reversed, ["p2", "pj"], 3, 100).cuts).toEqual(together.cuts);
    expect(exposure(reversed, "g", { rules: true }, 3).cuts.find((c) => c.input === "t")).toEqual(row);
  });

  it("cuts, when several countries stop supplying together, what only they make, for consumers outside them", () => {
    // Tool t is made by u (US) and j (JP); g (CN) uses it. The US alone stopping leaves j's; the US
    // and Japan together cut it.
    const layer = layerOn("2024-01-01", [...base, ...tool.relations], tool.nodes);
    expect(evaluate(layer, { countries: ["US"] }).unavailable.has("t")).toBe(false);
    const rows = exposure(layer, "g", { countries: ["US", "JP"] }, 3).cuts;
    expect(rows.find((c) => c.dependent === "t")).toMatchObject({ cut: true, cause: "COUNTRY", providersLeft: [] });
    expect(rows.find((c) => c.dependent === "g" && c.input === "t")).toMatchObject({ cut: true, cause: "UPSTREAM" });
    expect(evaluate(layer, { countries: ["JP", "US"] }).unavailable.has("t")).toBe(true);
    // A consumer inside the stopping countries keeps what is made there: x (US) is made by f (TW);
    // with the US and Taiwan stopping, the US-designed x keeps its Taiwanese fab.
    expect(evaluate(layer, { countries: ["US", "TW"] }).cutLinks.has("f/MANUFACTURES/x")).toBe(false);
  });

  it("sees a product without a country from the country that needs it when countries stop supplying", () => {
    // Tool t (no country) is made by u (US) and j (JP) and needs light source l (no country), made
    // only by u. g (CN) and fab v (US) use t. With the US and Japan stopping, g loses t (its makers
    // stop supplying China, and l with them), while v, inside the stopping countries, keeps both.
    const extra = [...tool.nodes, node("v", "ORGANIZATION", "US"), node("l", "TECHNOLOGY")];
    const relations = [...base, ...tool.relations, rel("v", "USES", "t"), rel("t", "USES", "l"), rel("u", "PRODUCES", "l")];
    const layer = layerOn("2024-01-01", relations, extra);
    const stop = { countries: ["US", "JP"] };
    expect(exposure(layer, "g", stop, 4).cuts.filter((c) => c.cut)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dependent: "g", input: "t", cause: "UPSTREAM" }),
        expect.objectContaining({ dependent: "t", input: "t", cause: "COUNTRY", countries: expect.arrayContaining(["US", "JP"]) }),
        expect.objectContaining({ dependent: "l", input: "l", cause: "COUNTRY", countries: ["US"] }),
      ]),
    );
    expect(exposure(layer, "v", stop, 4).cuts).toEqual([]);
    // The US alone: j keeps supplying t to China, but t needs l, which only the US makes.
    expect(exposure(layer, "g", { countries: ["US"] }, 4).cuts.filter((c) => c.cut)).toEqual(
      expect.arrayContaining([expect.objectContaining({ dependent: "t", input: "l", cause: "UPSTREAM" })]),
    );
    expect(exposure(layer, "v", { countries: ["US"] }, 4).cuts).toEqual([]);
    // Rules in force still see it from no country: a rule on l for China binds no one here (t's
    // makers, not g, receive l), while a rule on t binds g.
    const onL = layerOn("2024-01-01", [...relations, rel("p3", "RESTRICTS", "l")], [...extra, node("p3", "POLICY", "US", { destinations: ["CN"] })]);
    expect(exposure(onL, "g", { rules: true }, 4).cuts.filter((c) => c.input === "l")).toEqual([]);
  });

  it("lifts a restriction for an exempted party (a licence)", () => {
    const lic = node("lic", "POLICY", "US");
    const relations = [...base, rel("lic", "EXEMPTS", "sys-a", { since: "2023" })];
    expect(evaluate(layerOn("2022-12-01", relations, [lic]), { rules: true }).unavailable.has("sys-a")).toBe(true);
    expect(evaluate(layerOn("2023-02-01", relations, [lic]), { rules: true }).unavailable.has("sys-a")).toBe(false);
  });

  it("cuts nothing with a restriction whose licences are reviewed case by case, and says so", () => {
    // q (US) lists lab g (CN), which uses x (designed by d, US). Under a presumption of denial (or
    // none given) the supply is cut; reviewed case by case, licences may be granted: nothing is cut.
    const listing = (review?: string) => [
      ...base.filter((r) => r.type !== "RESTRICTS"),
      rel("g", "USES", "x"),
      rel("q", "RESTRICTS", "g", review ? { licenceReview: review } : {}),
    ];
    const cut = (review?: string) => evaluate(layerOn("2024-01-01", listing(review)), { rules: true }).cutLinks.has("g/USES/x");
    expect([cut(), cut("presumption-of-denial"), cut("case-by-case"), cut("presumption-of-approval")]).toEqual([true, true, false, false]);
    const answer = impact(layerOn("2024-01-01", listing("case-by-case")), ["q"], 3, 100);
    expect(answer).toMatchObject({ restricted: ["g"], caseByCase: ["g"], cuts: [], affected: [] });
    expect(impact(layerOn("2024-01-01", listing()), ["q"], 3, 100).caseByCase).toEqual([]);
  });

  it("lifts a party rule only for the supplier a licence names", () => {
    // Lab g (CN), listed by q (US), is supplied by u and by d (both US). A licence for u's supplies lets u's through, not d's.
    const lic = node("lic", "POLICY", "US");
    const relations = [rel("u", "SUPPLIES", "g"), rel("d", "SUPPLIES", "g"), rel("q", "RESTRICTS", "g"), rel("lic", "EXEMPTS", "g", { supplier: "u" })];
    const ev = evaluate(layerOn("2024-01-01", relations, [lic, ...tool.nodes]), { rules: true });
    expect([...ev.cutLinks.keys()]).toEqual(["d/SUPPLIES/g"]);
  });

  it("lifts only its own issuer's rules: a Chinese approval is no US licence", () => {
    // Item: p (US) restricts x for China, which sys-a (CN) uses. Party: q (US) lists lab g (CN), supplied by u (US).
    const us = node("lic-us", "POLICY", "US");
    const cn = node("ok-cn", "POLICY", "CN");
    const itemCut = (by: string) => evaluate(layerOn("2024-01-01", [...base, rel(by, "EXEMPTS", "x")], [us, cn]), { rules: true }).cutLinks.has("sys-a/USES/x");
    expect([itemCut("lic-us"), itemCut("ok-cn")]).toEqual([false, true]);
    const listing = [rel("u", "SUPPLIES", "g"), rel("q", "RESTRICTS", "g")];
    const partyCut = (by: string) =>
      evaluate(layerOn("2024-01-01", [...listing, rel(by, "EXEMPTS", "g")], [us, cn, ...tool.nodes]), { rules: true }).cutLinks.has("u/SUPPLIES/g");
    expect([partyCut("lic-us"), partyCut("ok-cn")]).toEqual([false, true]);
  });

  it("applies neither the restrictions nor the exemptions of a policy while a suspension of it holds", () => {
    // p restricts x for China from 2022-10-07; s suspends p from 2025-11-10 until 2026-11-10; lic exempts sys-a,
    // and r revokes lic from 2024.
    const extra = [node("s", "POLICY", "US"), node("lic", "POLICY", "US"), node("r", "POLICY", "US")];
    const relations = [...base, rel("s", "SUSPENDS", "p", { since: "2025-11-10", until: "2026-11-10" })];
    const cutOn = (day: string, rs = relations) => evaluate(layerOn(day, rs, extra), { rules: true }).unavailable.has("sys-a");
    expect([cutOn("2025-06-01"), cutOn("2026-01-01"), cutOn("2026-12-01")]).toEqual([true, false, true]);
    const licensed = [...base, rel("lic", "EXEMPTS", "sys-a"), rel("r", "SUSPENDS", "lic", { since: "2024" })];
    expect([cutOn("2023-06-01", licensed), cutOn("2024-06-01", licensed)]).toEqual([false, true]);
  });

  it("terminates on cycles, keeps an uncut cycle available and cuts a cycle fed by a cut input", () => {
    // a and b need each other; b also needs x. Nothing cut: both available. x cut for CN consumers: both fall.
    const ab = [node("a", "TECHNOLOGY", "CN"), node("b", "TECHNOLOGY", "CN")];
    const cycle = [rel("a", "USES", "b"), rel("b", "USES", "a"), rel("b", "USES", "x")];
    expect(evaluate(layerOn("2022-01-01", [...base, ...cycle], ab), { rules: true }).unavailable.size).toBe(0);
    const ev = evaluate(layerOn("2023-01-01", [...base, ...cycle], ab), { rules: true });
    expect([...ev.unavailable.keys()].sort()).toEqual(["a", "b", "sys-a"]);
    expect(walk(layerOn("2023-01-01", [...base, ...cycle], ab), "a", "up", 10, 100).nodes).toEqual(["a", "b", "x", "d", "f"]);
  });

  it("cuts an item only where it comes solely from the issuer's reach", () => {
    // Gallium (no country) is produced by c1 (CN) and, in the second graph, also j1 (JP). A CN rule bans
    // gallium exports to the US. Fab u (US) uses gallium: cut when only c1 produces it, kept when j1 does too.
    const extra = [
      node("ga", "MATERIAL"),
      node("c1", "ORGANIZATION", "CN"),
      node("j1", "ORGANIZATION", "JP"),
      node("u", "ORGANIZATION", "US"),
      node("cn-rule", "POLICY", "CN", { destinations: ["US"] }),
    ];
    const relations = [rel("c1", "PRODUCES", "ga"), rel("u", "USES", "ga"), rel("cn-rule", "RESTRICTS", "ga")];
    expect(evaluate(layerOn("2024-01-01", relations, extra), { rules: true }).cutLinks.has("u/USES/ga")).toBe(true);
    const both = evaluate(layerOn("2024-01-01", [...relations, rel("j1", "PRODUCES", "ga")], extra), { rules: true });
    expect(both.cutLinks.has("u/USES/ga")).toBe(false);
  });

  it("cuts with an outright export ban for every consumer outside its issuer, and with a licence regime for none", () => {
    // Technology t (CN) is used by u (US), k (KR) and c2 (CN). A CN rule bans its export outright
    // (licensing prohibited, no destinations): u and k lose it, c2 does not. The same rule as a
    // licence regime for every destination cuts nothing; named destinations (US) win over the ban.
    const users = [node("t", "TECHNOLOGY", "CN"), node("u", "ORGANIZATION", "US"), node("k", "ORGANIZATION", "KR"), node("c2", "ORGANIZATION", "CN")];
    const relations = [rel("u", "USES", "t"), rel("k", "USES", "t"), rel("c2", "USES", "t"), rel("ban", "RESTRICTS", "t")];
    const cutFor = (policy: Partial<LayerNode>) => {
      const ev = evaluate(layerOn("2024-01-01", relations, [...users, node("ban", "POLICY", "CN", policy)]), { rules: true });
      return ["u", "k", "c2"].filter((id) => ev.cutLinks.has(`${id}/USES/t`));
    };
    expect(cutFor({ licensing: "prohibited" })).toEqual(["u", "k"]);
    expect(cutFor({ licensing: "every-destination" })).toEqual([]);
    expect(cutFor({ licensing: "prohibited", destinations: ["US"] })).toEqual(["u"]);
  });

  it("cuts with an import ban for its own country's buyers, of what is made only abroad", () => {
    // imp (CN, direction imports) bans imports of chip x (US, made in TW): system A (CN) loses it,
    // system B (FR) does not. A CN approval for A lets it through; guidance that only discourages
    // cuts nothing; tool t, made in the US and in China (c), stays with lab g (CN); and an import ban
    // naming a party (designer d) cuts no one off. The US rule p is not offered alongside it.
    const imp = node("imp", "POLICY", "CN", { direction: "imports", destinations: ["FR"] });
    const extra = [imp, node("ok", "POLICY", "CN"), node("c", "ORGANIZATION", "CN"), ...tool.nodes];
    const relations = [...base.filter((r) => r.type !== "RESTRICTS"), ...tool.relations, rel("c", "PRODUCES", "t")];
    const cutWith = (rs: LayerRelation[]) => {
      const ev = evaluate(layerOn("2024-01-01", [...relations, ...rs], extra), { rules: true });
      return [...ev.cutLinks.keys()].sort();
    };
    expect(cutWith([rel("imp", "RESTRICTS", "x")])).toEqual(["sys-a/USES/x"]);
    expect(cutWith([rel("imp", "RESTRICTS", "x"), rel("ok", "EXEMPTS", "sys-a")])).toEqual([]);
    expect(cutWith([rel("imp", "RESTRICTS", "x", { licenceReview: "discouraged" })])).toEqual([]);
    expect(cutWith([rel("imp", "RESTRICTS", "t")])).toEqual([]);
    expect(cutWith([rel("imp", "RESTRICTS", "d")])).toEqual([]);
    const both = layerOn("2024-01-01", [...relations, rel("imp", "RESTRICTS", "x"), rel("imp", "RESTRICTS", "t"), rel("p", "RESTRICTS", "x")], extra);
    expect(exposure(both, "g", { rules: true }, 5).cuts).toEqual([]);
    const answer = impact(both, ["imp"], 5, 50);
    expect(answer.overlapping).toEqual([]);
    expect(answer.affected.map((a) => a.id)).toEqual(["sys-a"]);
    expect(impact(both, ["p"], 5, 50).overlapping).toEqual([]);
  });

  it("lets an organisation lose inputs without failing as a provider", () => {
    // Designer d (US) loses its input t (cut for US consumers by a CN rule); d still designs x, so the systems keep x.
    const extra = [node("t", "TECHNOLOGY", "CN"), node("cn-rule", "POLICY", "CN", { destinations: ["US"] })];
    const relations = [...base.filter((r) => r.type !== "RESTRICTS"), rel("d", "USES", "t"), rel("cn-rule", "RESTRICTS", "t")];
    const ev = evaluate(layerOn("2024-01-01", relations, extra), { rules: true });
    expect(ev.cutLinks.has("d/USES/t")).toBe(true);
    expect([...ev.unavailable.keys()]).toEqual([]);
    expect(exposure(layerOn("2024-01-01", relations, extra), "sys-a", { rules: true }, 5).cuts).toEqual([
      expect.objectContaining({ cut: true, dependent: "d", input: "t", cause: "RULE", rules: ["cn-rule"], path: ["sys-a", "x", "d", "t"] }),
    ]);
  });

  it("ranks chokepoints by dependents over providers and countries, with how many each leaves without", () => {
    // x: one group of one provider each (DESIGNS d, MANUFACTURES f); 2 dependents -> score 2 / (1 × 1) = 2; both systems would fail without it.
    const layer = layerOn("2024-01-01");
    const [top] = chokepoints(layer, {}, 5);
    expect(top).toMatchObject({ input: "x", dependents: 2, leftWithout: 2, score: 2, countries: ["US"] });
    // Scoped to China: only sys-a counts.
    expect(chokepoints(layer, { country: "CN" }, 5)[0]).toMatchObject({ input: "x", dependents: 1, leftWithout: 1 });
  });

  it("does not count as left without an input what has an alternative, and leaves out an input nothing would be left without", () => {
    // Chip y's compute die is made on node n1 or n2 (one part: alternatives); both nodes use tool s;
    // sys-c is trained on y. Without n1, y keeps n2: nothing fails, so n1 is no chokepoint, though
    // two entities need it. Without s, both nodes fail, then y, then sys-c. g, which develops n2,
    // needs none of them.
    const extra = [node("y", "CHIP", "CN"), node("n1", "TECHNOLOGY", "TW"), node("n2", "TECHNOLOGY", "CN"), node("s", "TECHNOLOGY", "NL")];
    extra.push(node("sys-c", "SYSTEM", "CN"), node("asml", "ORGANIZATION", "NL"), node("t1", "ORGANIZATION", "TW"));
    const relations = [
      rel("y", "USES", "n1", { part: "compute-die" }),
      rel("y", "USES", "n2", { part: "compute-die" }),
      rel("n1", "USES", "s"),
      rel("n2", "USES", "s"),
      rel("sys-c", "USES", "y"),
      rel("t1", "DEVELOPS", "n1"),
      rel("g", "DEVELOPS", "n2"),
      rel("asml", "PRODUCES", "s"),
    ];
    const ranking = chokepoints(layerOn("2024-01-01", relations, extra), {}, 10);
    expect(ranking.map((c) => [c.input, c.leftWithout, c.dependents])).toEqual([["s", 4, 4]]);
  });

  it("counts as dependents of an input what needs it through products, not through an organisation that needs it", () => {
    // Lab g (CN) uses tool t and develops model m; m needs g, not t. g counts as a dependent of t,
    // but m does not: g losing t leaves m available (organisations do not fail as providers).
    const extra = [...tool.nodes, node("m", "MODEL", "CN")];
    const relations = [...tool.relations, rel("g", "DEVELOPS", "m")];
    const [row] = chokepoints(layerOn("2024-01-01", relations, extra), {}, 5).filter((c) => c.input === "t");
    expect(row).toMatchObject({ input: "t", dependents: 1, leftWithout: 1 });
    // Through a product the count does pass: s built on a chip made with t. Not to a model trained
    // on that chip: it keeps its training and needs nothing more.
    extra.push(node("s", "SYSTEM", "CN"));
    const viaChip = [...tool.relations, rel("x", "USES", "t"), rel("s", "USES", "x"), rel("m", "TRAINED_ON", "x")];
    const counted = chokepoints(layerOn("2024-01-01", viaChip, extra), {}, 10).find((c) => c.input === "t");
    expect(counted?.dependents).toBe(3); // g, x, s
    expect(counted?.leftWithout).toBe(3); // g loses t; x fails, so s fails
  });

  it("tells what a policy cuts: its targets, the links it binds and what falls downstream", () => {
    // p restricts x for CN: link sys-a -> x is cut; sys-a falls at distance 0; sys-b is untouched.
    const out = impact(layerOn("2023-01-01"), ["p"], 3, 100);
    expect(out.restricted).toEqual(["x"]);
    expect(out.cuts.map((c) => c.relations[0])).toEqual(["sys-a/USES/x"]);
    expect(out.affected).toEqual([{ id: "sys-a", distance: 0, path: ["sys-a"] }]);
  });

  it("gives a product developed in two countries no country, so a rule on shipments to one of them does not bind it", () => {
    // t2 and t3 are based on x (restricted for CN, made in the US). t2 is developed in China and
    // Korea, t3 in China alone: only t3 is a Chinese consumer of x.
    const extra = [node("t2", "TECHNOLOGY"), node("t3", "TECHNOLOGY"), node("k", "ORGANIZATION", "KR")];
    const relations = [
      ...base,
      rel("t2", "BASED_ON", "x"),
      rel("t3", "BASED_ON", "x"),
      rel("g", "DEVELOPS", "t2"),
      rel("k", "DEVELOPS", "t2"),
      rel("g", "DEVELOPS", "t3"),
    ];
    const layer = layerOn("2023-01-01", relations, extra);
    expect(layer.countryOf("t2")).toBeUndefined();
    expect(layer.countryOf("t3")).toBe("CN");
    const ev = evaluate(layer, { rules: true });
    expect(ev.unavailable.has("t2")).toBe(false);
    expect(ev.unavailable.has("t3")).toBe(true);
  });
});
