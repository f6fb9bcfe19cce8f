/**
 * The analyses of the project's own seed, where mistakes of the model showed.
 *
 * Chokepoints count every maker of an input. Providers of one
 * relation type are alternatives; two types are two needs. Silicon wafers had five makers recorded
 * as MANUFACTURES and two as PRODUCES, so the ranking showed "2 providers, both in China". The
 * ontology now gives materials and tools one maker type (PRODUCES) and chips and systems another
 * (MANUFACTURES).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exposure, impact } from "../../server/src/analysis/answers.js";
import { chokepoints } from "../../server/src/analysis/chokepoints.js";
import { leftWithout } from "../../server/src/analysis/failures.js";
import { DependencyLayer, type LayerNode, type LayerRelation } from "../../server/src/analysis/layer.js";
import { dependentCounts } from "../../server/src/analysis/reach.js";
import { repoRoot } from "../../server/src/config.js";
import { LAYER_FIELDS } from "../../server/src/db/layer-fields.js";
import { loadOntology } from "../../server/src/ontology.js";
import { validateSeed } from "../../server/src/seed/validate.js";
import { START_QUESTIONS } from "../../web/src/app/startQuestions.js";

const ontology = loadOntology(path.join(repoRoot, "seed"));
const { graph } = validateSeed({ seedDir: path.join(repoRoot, "seed"), ontology });
if (!graph) throw new Error("the seed is invalid: run npm run validate");

/**
 * A seed record's value of each field the server's layer read takes (server/src/db/layer-fields.ts):
 * a property of the record or one of its attributes, as the sync stores them.
 */
function layerFields(record: Record<string, unknown> & { attributes: Record<string, unknown> }, fields: readonly string[]) {
  const value = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === "boolean" || typeof v === "number" ? v : String(v));
  return Object.fromEntries(
    fields.flatMap((f) => {
      const v = f in record ? record[f] : record.attributes[f];
      return v === undefined || v === null ? [] : [[f, value(v)]];
    }),
  );
}

/** The analysis layer as the server reads it from the synced seed (the same fields). */
const layerOn = (day: string) =>
  new DependencyLayer(
    ontology,
    {
      nodes: graph.entities.map((e) => layerFields(e as never, Object.keys(LAYER_FIELDS.node)) as unknown as LayerNode),
      relations: graph.relations.map((r) => layerFields(r as never, Object.keys(LAYER_FIELDS.relation)) as unknown as LayerRelation),
    },
    day,
  );
const layer = layerOn(new Date().toISOString().slice(0, 10));
const ranking = chokepoints(layer, {}, 100_000);
const MAKER_TYPES = ["PRODUCES", "MANUFACTURES"];

describe("chokepoints of the project's seed", () => {
  it("list silicon wafers with all their makers, not the two recorded with another relation type", () => {
    const wafers = ranking.find((c) => c.input === "silicon-wafers");
    const makers = graph.relations.filter((r) => r.to === "silicon-wafers" && MAKER_TYPES.includes(r.type)).map((r) => r.from);
    expect(makers.length).toBeGreaterThanOrEqual(5);
    expect(wafers?.providers.map((p) => p.id).sort()).toEqual([...new Set(makers)].sort());
  });

  it("leave out a fab that others stand in for, however much needs it, and count only what has no other way", () => {
    // SK hynix's Yongin fab produces DRAM and HBM, which Samsung and others produce too: many
    // entities need it, none would be left without it.
    expect(dependentCounts(layer).get("sk-hynix-yongin")).toBeGreaterThan(20);
    expect(ranking.map((c) => c.input)).not.toContain("sk-hynix-yongin");
    // The Ascend 910C's compute die is made on SMIC N+2 or TSMC N7: it needs N7, but is not left without it.
    const n7 = ranking.find((c) => c.input === "tsmc-n7");
    expect(n7?.leftWithout).toBeLessThan(n7?.dependents ?? 0);
    expect(leftWithout(layer, "tsmc-n7")).not.toContain("ascend-910c");
    expect(leftWithout(layer, "smic-n-plus-2")).not.toContain("ascend-910c");
    // A transceiver's light source is an EML or a CW laser (`part: light-source`); both are grown on InP.
    expect(leftWithout(layer, "eml-lasers")).not.toContain("optical-transceivers");
    expect(leftWithout(layer, "indium-phosphide-substrates")).toContain("optical-transceivers");
    // PyTorch and TensorFlow target CUDA or ROCm (`part: backend`): losing CUDA leaves them, and what is built on them, ROCm.
    const withoutCuda = leftWithout(layer, "cuda");
    for (const id of ["pytorch", "tensorflow", "vllm-ascend"]) expect(withoutCuda, id).not.toContain(id);
    expect(leftWithout(layer, "pytorch")).toContain("vllm-ascend");
    // EUV lithography has one maker: whatever uses it directly (the fabs, the nodes, the firms) has no
    // other way, and most of what needs it further down neither; what keeps another way reaches EUV
    // only through something a second maker also provides.
    const euv = ranking.find((c) => c.input === "euv-lithography");
    const withoutEuv = leftWithout(layer, "euv-lithography");
    const direct = (layer.neededBy.get("euv-lithography") ?? []).map((l) => l.dependent);
    expect(direct.length).toBeGreaterThan(10);
    for (const id of direct) expect(withoutEuv, id).toContain(id);
    expect(euv?.leftWithout).toBeGreaterThan(0.8 * (euv?.dependents ?? 0));
  });

  it("count no tool still in development as a maker: losing SMEE or Huawei leaves DUV and EUV lithography to ASML and the others", () => {
    // SMEE's 28 nm immersion scanner and China's EUV efforts are technologies of their own (as the
    // only developer of immersion DUV, SMEE's loss took down every immersion-DUV node); its 90 nm
    // scanners are not recorded as the only maker of DUV lithography (as such it took SMIC N+2).
    const withoutSmee = leftWithout(layer, "smee");
    for (const id of ["duv-immersion-lithography", "duv-lithography", "euv-lithography", "tsmc-n7"]) expect(withoutSmee, id).not.toContain(id);
    expect(withoutSmee).toContain("smee-28nm-immersion-scanner");
    expect(leftWithout(layer, "huawei")).not.toContain("euv-lithography");
  });

  it("offer one maker type per kind of product, so a contributor cannot split them again", () => {
    const kindsMadeBy = MAKER_TYPES.map((t) => new Set(ontology.relationType(t)?.to ?? []));
    const both = [...(kindsMadeBy[0] ?? [])].filter((k) => kindsMadeBy[1]?.has(k));
    expect(both).toEqual([]);
  });
});

describe("the impact of a rule on the project's seed", () => {
  it("of the December 2024 rule (HBM to China) does not cut the H100's HBM3, nor what runs on H100s", () => {
    const answer = impact(layer, ["dec-2024-export-controls"], 6, 2000);
    expect(answer.restricted).toEqual(expect.arrayContaining(["hbm", "hbm3", "hbm3e"]));
    // HBM3 is developed in Korea and in China: it belongs to no one country, so a rule on what is
    // shipped to China does not bind it. Taking its first developer's country (CXMT) made it Chinese.
    const affected = answer.affected.map((a) => a.id);
    for (const id of ["hbm3", "h100", "h200", "llama-3-1-405b"]) expect(affected).not.toContain(id);
  });

  it("of the Section 1260H list (a Defense Department procurement ban) cuts nothing: Tencent still buys Nvidia's chips", () => {
    expect(impact(layer, ["section-1260h-list"], 6, 2000).cuts).toEqual([]);
  });

  it("of the December 2024 Entity List additions does not cut Cadence's or Synopsys's EDA tools because Empyrean, listed, develops EDA too", () => {
    // EDA is developed in the US and in China: it belongs to no one country, so a supply to it is no supply to Empyrean.
    const cut = impact(layer, ["entity-list-additions-2024-12"], 6, 2000).cuts;
    expect(cut.filter((c) => c.dependent === "eda")).toEqual([]);
  });

  it("of the Huawei listing leaves Huawei's PyTorch adapter PyTorch: published open-source software is not controlled", () => {
    // Asked in mid-2020, while Micron still shipped to Huawei (its supply ended on 14 September 2020).
    const cut = impact(layerOn("2020-06-01"), ["huawei-entity-listing-2019"], 6, 2000).cuts;
    expect(cut.map((c) => c.dependent)).toContain("huawei");
    expect(cut.filter((c) => c.input === "pytorch")).toEqual([]);
  });

  it("of the Huawei listing, asked today, no longer cuts Micron's supply: it ended on 14 September 2020", () => {
    const then = impact(layerOn("2020-06-01"), ["huawei-entity-listing-2019"], 6, 2000).cuts;
    const now = impact(layer, ["huawei-entity-listing-2019"], 6, 2000).cuts;
    const micron = (c: (typeof then)[number]) => c.dependent === "huawei" && c.providers.includes("micron");
    expect(then.filter(micron)).toMatchObject([{ input: "dram" }]);
    expect(now.filter(micron)).toEqual([]);
  });

  it("of the Huawei foreign-direct-product rule cut TSMC's foundry services to Huawei in 2020, through TSMC's American suppliers", () => {
    // TSMC stopped shipping to Huawei on 14 September 2020; the rule took effect on 17 August.
    const cuts = impact(layerOn("2020-09-01"), ["huawei-fdp-rule-2020-08"], 6, 2000).cuts;
    const foundry = cuts.find((c) => c.dependent === "huawei" && c.providers.includes("tsmc"));
    expect(foundry).toMatchObject({ input: "foundry-services", cause: "RULE" });
    expect(foundry?.through).toEqual(expect.arrayContaining(["applied-materials", "kla", "lam-research"]));
  });

  it("of SMIC's 2020 listing cuts nothing: licences for all but items uniquely required at 10 nm and below are reviewed case by case", () => {
    const answer = impact(layer, ["smic-entity-listing-2020"], 6, 2000);
    expect(answer).toMatchObject({ restricted: ["smic"], caseByCase: ["smic"], cuts: [] });
    // The Ascend 910B's tree: SMIC keeps Applied Materials' and Lam Research's tools under that
    // listing, but its making of the chip for Huawei stays cut by the foreign-direct-product rule.
    const cuts = exposure(layer, "ascend-910b", { rules: true }, 8).cuts;
    expect(cuts.filter((c) => c.rules.includes("smic-entity-listing-2020"))).toEqual([]);
    expect(cuts.find((c) => c.dependent === "ascend-910b" && c.input === "ascend-910b")).toMatchObject({ cut: true, rules: ["huawei-fdp-rule-2020-08"] });
  });

  it("of each rule the front page asks about cuts something, so the question has an answer", () => {
    const rules = START_QUESTIONS.filter((q) => q.entity && graph.entities.find((e) => e.id === q.entity)?.kind === "POLICY");
    expect(rules.length).toBeGreaterThan(0);
    for (const q of rules) expect(impact(layer, [q.entity as string], 6, 2000).cuts.length, q.key).toBeGreaterThanOrEqual(5);
  });

  it("of the October 2023 rules cuts Chinese companies off the H800 and A800, and takes nothing back from a model trained on them", () => {
    const answer = impact(layer, ["oct-2023-export-controls"], 6, 2000);
    const kindOf = (id: string) => graph.entities.find((e) => e.id === id)?.kind;
    const losing = (chip: string) => answer.cuts.filter((c) => c.input === chip).map((c) => c.dependent);
    expect(losing("h800")).toEqual(expect.arrayContaining(["bytedance", "tencent"]));
    expect(losing("a800")).toEqual(expect.arrayContaining(["alibaba", "baidu"]));
    // DeepSeek-V3 was trained on H800s: it keeps its training.
    expect(graph.relations.some((r) => r.from === "deepseek-v3" && r.type === "TRAINED_ON" && r.to === "h800")).toBe(true);
    expect([...answer.cuts.map((c) => c.dependent), ...answer.affected.map((a) => a.id)].filter((id) => kindOf(id) === "MODEL")).toEqual([]);
  });

  it("of each counterfactual the front page asks about cuts inputs, immersion DUV scanners among them: China's are only in testing", () => {
    const asked = START_QUESTIONS.filter((q) => q.entity && q.stop?.length);
    expect(asked.length).toBeGreaterThan(0);
    // Yuliangsheng's scanner, in testing at SMIC, is a technology of its own, not a maker of the product.
    expect(graph.relations.some((r) => r.from === "yuliangsheng" && r.type === "DEVELOPS" && r.to === "yuliangsheng-immersion-duv-scanner")).toBe(true);
    for (const q of asked) {
      const rows = exposure(layer, q.entity as string, { countries: [...(q.stop ?? [])] }, 8).cuts;
      expect(rows.filter((r) => r.cut && r.cause === "COUNTRY").length, q.key).toBeGreaterThanOrEqual(5);
      // Immersion DUV scanners are made in the Netherlands and Japan only: stopping both leaves none.
      const duv = rows.find((r) => r.dependent === "duv-immersion-lithography" && r.type === "PRODUCES");
      expect(duv, q.key).toMatchObject({ cut: true, providersLeft: [] });
    }
  });
});

describe("counterfactuals on the project's seed, seen from the country that needs a product", () => {
  const stop = { countries: ["US", "NL", "JP"] };
  const cutFor = (root: string) =>
    new Set(
      exposure(layer, root, stop, 8)
        .cuts.filter((r) => r.cut)
        .map((r) => r.dependent),
    );

  it("leave Intel 18A its EUV scanners, light sources and mask blanks when the US, the Netherlands and Japan stop", () => {
    const intel = cutFor("intel-18a");
    for (const id of ["intel-18a", "euv-lithography", "euv-light-source", "euv-mask-blanks"]) expect(intel.has(id), id).toBe(false);
  });

  it("cut them for TSMC's N3 in Taiwan, outside those countries", () => {
    const rows = exposure(layer, "tsmc-n3", stop, 8).cuts;
    expect(rows.find((r) => r.dependent === "tsmc-n3" && r.input === "euv-lithography")).toMatchObject({ cut: true, cause: "COUNTRY" });
  });
});

describe("the exposure of the Ascend 910B on the project's seed (the front page's first question)", () => {
  const rows = exposure(layer, "ascend-910b", { rules: true }, 8).cuts;

  it("shows SMIC's immersion DUV lithography restricted by the Dutch rules and still made by Nikon", () => {
    // The Dutch rules bind immersion scanners only (not dry ArF or KrF): they reach ASML's, not
    // Nikon's (Japanese).
    const duv = rows.find((c) => c.input === "duv-immersion-lithography");
    expect(duv?.cut).toBe(false);
    expect(duv?.rules.some((r) => r.startsWith("netherlands-"))).toBe(true);
    expect(duv?.providersLeft).toEqual(["nikon"]);
  });

  it("shows SMIC's making of it cut by the Huawei foreign-direct-product rule, through SMIC's American tools, and not its design", () => {
    // SMIC is Chinese, but the August 2020 rule reaches foreign-made items for Huawei that rest on US
    // technology: SMIC's tools from Applied Materials and Lam Research. Huawei and HiSilicon
    // designing their own chip are not cut off from themselves.
    const made = rows.find((c) => c.dependent === "ascend-910b" && c.type === "MANUFACTURES");
    expect(made).toMatchObject({ cut: true, cause: "RULE", providers: ["smic"] });
    expect(made?.rules).toContain("huawei-fdp-rule-2020-08");
    expect(made?.through).toEqual(expect.arrayContaining(["applied-materials", "lam-research"]));
    expect(rows.filter((c) => c.dependent === "ascend-910b" && c.type === "DESIGNS")).toEqual([]);
  });

  it("cites only rules that cut supplies: no investment ban (EO 13959) or procurement ban", () => {
    const cited = new Set(rows.flatMap((c) => c.rules));
    expect(cited.size).toBeGreaterThan(0);
    for (const id of cited) {
      const policy = graph.entities.find((e) => e.id === id);
      expect(["export-control-rule", "entity-listing", "sanction"], id).toContain(policy?.attributes.policyType);
    }
  });
});
