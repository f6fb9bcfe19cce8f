/** `kg gaps` on small graphs: each kind of gap found where it is, and nowhere else. */
import { describe, expect, it } from "vitest";
import { loadOntology } from "../../server/src/ontology.js";
import { findGaps, openQuestionsOf } from "../../server/src/seed/gaps.js";
import type { EntityRecord, RelationRecord, SeedGraph } from "../../server/src/seed/model.js";

const ontology = loadOntology();
const e = (id: string, kind: string, attributes: EntityRecord["attributes"] = {}): EntityRecord => ({
  id,
  kind,
  name: id.toUpperCase(),
  aliases: [],
  attributes,
});
const r = (from: string, type: string, to: string, attributes: RelationRecord["attributes"] = {}): RelationRecord => ({
  id: `${from}/${type}/${to}`,
  type,
  from,
  to,
  status: "confirmed",
  claimedBy: [],
  quotes: [],
  sources: ["s"],
  attributes,
});

/** The gaps of one kind in a graph. */
const gapsOf = (graph: SeedGraph, code: string) => findGaps(graph, ontology).filter((g) => g.code === code);

describe("the gaps report", () => {
  it("names each missing piece once, by entity", () => {
    const graph: SeedGraph = {
      sources: [],
      entities: [
        e("chip-a", "CHIP"),
        e("node-x", "TECHNOLOGY", { techType: "process-node" }),
        e("fab", "ORGANIZATION"),
        e("designer", "ORGANIZATION"),
        e("chip-b", "CHIP"),
        e("model-m", "MODEL"),
        e("model-tuned", "MODEL"),
        e("model-served", "MODEL"),
        e("model-n", "MODEL"),
        e("cluster", "SYSTEM"),
        e("cloud", "ORGANIZATION"),
        e("rule-r", "POLICY", { policyType: "export-control-rule" }),
        e("rule-s", "POLICY", { policyType: "export-control-rule" }),
        e("wafer", "MATERIAL"),
        e("p1", "ORGANIZATION"),
        e("p2", "ORGANIZATION"),
        e("alone", "PERSON"),
        e("plant", "FACILITY"),
        e("site", "FACILITY"),
        // A national data-centre cluster: many operators' data centres, run by no one.
        e("zone", "FACILITY", { facilityType: "zone" }),
      ],
      relations: [
        r("fab", "MANUFACTURES", "chip-a"),
        r("designer", "DESIGNS", "chip-a"),
        r("chip-a", "USES", "node-x"),
        r("model-m", "TRAINED_ON", "chip-b"),
        // A fine-tune stands on its base's hardware; a system providing compute is hardware.
        r("model-tuned", "BASED_ON", "model-m"),
        r("designer", "DEVELOPS", "model-tuned"),
        r("cluster", "PROVIDES_COMPUTE_TO", "model-served"),
        r("designer", "DEVELOPS", "model-served"),
        r("designer", "DEVELOPS", "model-n"),
        // A cloud serving a model is no training hardware.
        r("cloud", "PROVIDES_COMPUTE_TO", "model-n"),
        r("rule-s", "RESTRICTS", "chip-a"),
        r("p1", "PRODUCES", "wafer", { share: 30, shareAsOf: "2024" }),
        r("p2", "PRODUCES", "wafer"),
        r("p1", "OPERATES", "plant"),
        r("plant", "PRODUCES", "wafer"),
        r("site", "PRODUCES", "wafer"),
        r("zone", "POWERED_BY", "p1"),
      ],
    };
    expect(findGaps(graph, ontology).map((g) => [g.code, g.entity])).toEqual([
      ["chip-without-manufacturer", "chip-b"],
      ["chip-without-designer", "chip-b"],
      ["chip-without-process-node", "chip-b"],
      ["model-without-developer", "model-m"],
      ["model-without-training-hardware", "model-n"],
      ["facility-without-operator", "site"],
      ["rule-restricts-nothing", "rule-r"],
      ["rule-without-destinations", "rule-s"],
      // The plant p1 runs is in p1's share; the site no one runs is not.
      ["share-missing", "p2"],
      ["share-missing", "site"],
      ["entity-without-relation", "alone"],
      ["entity-without-relation", "rule-r"],
    ]);
  });

  it("keeps an entity's own gaps as its open questions, not a relation's or a source's", () => {
    const graph: SeedGraph = {
      sources: [{ id: "unused", title: "Unused", language: "en" }],
      entities: [e("chip", "CHIP"), e("designer", "ORGANIZATION"), e("p1", "ORGANIZATION"), e("p2", "ORGANIZATION"), e("wafer", "MATERIAL")],
      relations: [
        r("designer", "DESIGNS", "chip"),
        r("p1", "PRODUCES", "wafer", { share: 30, shareAsOf: "2024" }),
        r("p2", "PRODUCES", "wafer"),
        r("p1", "SUPPLIES", "designer"),
      ],
    };
    // p2's missing share and p1's supply without an item are about a relation: the report lists them, the entities do not ask.
    expect(findGaps(graph, ontology).map((g) => g.code)).toEqual(expect.arrayContaining(["share-missing", "supply-without-item", "source-unused"]));
    expect(Object.fromEntries(openQuestionsOf(graph, ontology))).toEqual({ chip: ["chip-without-manufacturer", "chip-without-process-node"] });
  });

  it("does not ask what a list restricts when its additions say it (the Entity List and its listings)", () => {
    const graph: SeedGraph = {
      sources: [],
      entities: [
        e("list", "POLICY", { policyType: "entity-listing" }),
        e("listing", "POLICY", { policyType: "entity-listing" }),
        e("empty-list", "POLICY", { policyType: "entity-listing" }),
        e("empty-listing", "POLICY", { policyType: "entity-listing" }),
        e("firm", "ORGANIZATION"),
      ],
      relations: [r("listing", "AMENDS", "list"), r("listing", "RESTRICTS", "firm"), r("empty-listing", "AMENDS", "empty-list")],
    };
    const nothing = gapsOf(graph, "rule-restricts-nothing");
    expect(nothing.map((g) => g.entity).sort()).toEqual(["empty-list", "empty-listing"]);
  });

  it("does not ask the destinations of a rule that requires a licence for every destination, or of an import ban", () => {
    const graph: SeedGraph = {
      sources: [],
      entities: [
        e("everywhere", "POLICY", { policyType: "export-control-rule", licensing: "every-destination" }),
        e("import-ban", "POLICY", { policyType: "export-control-rule", direction: "imports" }),
        e("unsaid", "POLICY", { policyType: "export-control-rule" }),
        e("gallium", "MATERIAL"),
      ],
      relations: [r("everywhere", "RESTRICTS", "gallium"), r("import-ban", "RESTRICTS", "gallium"), r("unsaid", "RESTRICTS", "gallium")],
    };
    expect(gapsOf(graph, "rule-without-destinations").map((g) => g.entity)).toEqual(["unsaid"]);
  });

  it("does not ask what a rule restricts, or where, when its text says it names nothing (`restrictsBy`)", () => {
    const graph: SeedGraph = {
      sources: [],
      entities: [
        e("thresholds", "POLICY", { policyType: "export-control-rule", restrictsBy: "parameters" }),
        e("catch-all", "POLICY", { policyType: "export-control-rule", restrictsBy: "end-use" }),
        e("revenue-share", "POLICY", { policyType: "export-control-rule", restrictsBy: "condition" }),
        e("silent", "POLICY", { policyType: "export-control-rule" }),
        e("state-buyers", "POLICY", { policyType: "countermeasure", restrictsBy: "end-use" }),
        e("by-parameters", "POLICY", { policyType: "export-control-rule", restrictsBy: "parameters" }),
        e("chip", "CHIP"),
      ],
      relations: [r("state-buyers", "RESTRICTS", "chip"), r("by-parameters", "RESTRICTS", "chip")],
    };
    expect(gapsOf(graph, "rule-restricts-nothing").map((g) => g.entity)).toEqual(["silent"]);
    // Kinds of buyers are no destinations; parameters say what, not where.
    expect(gapsOf(graph, "rule-without-destinations").map((g) => g.entity)).toEqual(["by-parameters"]);
    expect(openQuestionsOf(graph, ontology).get("thresholds")).not.toContain("rule-restricts-nothing");
    expect(openQuestionsOf(graph, ontology).get("silent")).toContain("rule-restricts-nothing");
  });

  it("does not ask what a suspension or a licence restricts: it lifts restrictions", () => {
    const graph: SeedGraph = {
      sources: [],
      entities: [
        e("rule", "POLICY", { policyType: "export-control-rule" }),
        e("suspension", "POLICY", { policyType: "export-control-rule" }),
        e("licence", "POLICY", { policyType: "export-control-rule" }),
        e("firm", "ORGANIZATION"),
      ],
      relations: [r("rule", "RESTRICTS", "firm"), r("suspension", "SUSPENDS", "rule"), r("licence", "EXEMPTS", "firm")],
    };
    expect(gapsOf(graph, "rule-restricts-nothing")).toEqual([]);
    const bare = { ...graph, relations: graph.relations.slice(0, 1) };
    const nothing = gapsOf(bare, "rule-restricts-nothing");
    expect(nothing.map((g) => g.entity).sort()).toEqual(["licence", "suspension"]);
  });

  it("asks what a supply without an item supplies, and only for the types that name one", () => {
    const graph: SeedGraph = {
      sources: [],
      entities: [e("vendor", "ORGANIZATION"), e("buyer", "ORGANIZATION"), e("tool", "TECHNOLOGY"), e("chip", "CHIP")],
      relations: [
        r("vendor", "SUPPLIES", "buyer"),
        { ...r("vendor", "SUPPLIES", "buyer", { item: "tool" }), id: "vendor/SUPPLIES/buyer/tool" },
        r("vendor", "MANUFACTURES", "chip"),
      ],
    };
    const missing = gapsOf(graph, "supply-without-item");
    expect(missing.map((g) => [g.entity, g.detail])).toEqual([["vendor", "VENDOR (SUPPLIES buyer)"]]);
    // The tool has no relation of its own, but a supply names it: it is not left alone.
    expect(gapsOf(graph, "entity-without-relation")).toEqual([]);
    const unnamed = { ...graph, relations: graph.relations.filter((x) => !x.attributes.item) };
    expect(gapsOf(unnamed, "entity-without-relation").map((g) => g.entity)).toEqual(["tool"]);
  });

  it("asks for the Chinese of a note written only in English, and of no relation without a note", () => {
    const graph: SeedGraph = {
      sources: [],
      entities: [e("fab", "ORGANIZATION"), e("chip-a", "CHIP"), e("chip-b", "CHIP"), e("chip-c", "CHIP")],
      relations: [
        { ...r("fab", "MANUFACTURES", "chip-a"), note: "On N7.", noteZh: "采用 N7 工艺。" },
        { ...r("fab", "MANUFACTURES", "chip-b"), note: "On N5." },
        r("fab", "MANUFACTURES", "chip-c"),
      ],
    };
    const missing = gapsOf(graph, "note-without-chinese");
    expect(missing.map((g) => [g.entity, g.detail])).toEqual([["fab", "FAB (MANUFACTURES chip-b)"]]);
    expect(missing[0]?.message).toContain("write it in Chinese");
  });

  it("counts the claimant of a claim as linked, not as an entity without a relation", () => {
    const graph: SeedGraph = {
      sources: [],
      entities: [e("chip-a", "CHIP"), e("chip-b", "CHIP"), e("analyst", "ORGANIZATION"), e("bystander", "ORGANIZATION")],
      relations: [{ ...r("chip-a", "COMPARED_WITH", "chip-b"), status: "claimed", claimedBy: ["analyst"] }],
    };
    const alone = (g: SeedGraph) => gapsOf(g, "entity-without-relation").map((x) => x.entity);
    expect(alone(graph)).toEqual(["bystander"]);
    // Without the claim, the analyst is alone too.
    expect(alone({ ...graph, relations: [] })).toEqual(["analyst", "bystander", "chip-a", "chip-b"]);
  });

  it("lists the sources that no relation cites or quotes", () => {
    const source = (id: string) => ({ id, title: `Title of ${id}`, language: "en" }) as SeedGraph["sources"][number];
    const quoted: RelationRecord = {
      ...r("fab", "MANUFACTURES", "chip-a"),
      sources: ["cited"],
      quotes: [{ source: "quoted", text: "…", language: "en", translation: "…" }],
    };
    const graph: SeedGraph = {
      sources: [source("cited"), source("quoted"), source("unused")],
      entities: [e("chip-a", "CHIP"), e("fab", "ORGANIZATION")],
      relations: [quoted],
    };
    const unused = gapsOf(graph, "source-unused");
    expect(unused).toEqual([
      {
        code: "source-unused",
        entity: "unused",
        detail: "Title of unused",
        message: "unused (Title of unused): a source that no relation cites or quotes: cite it where it backs a relation, or remove its file",
      },
    ]);
  });

  it("lists the sources whose note says their title was made from the URL, and only those", () => {
    const source = (id: string, note?: string) => ({ id, title: `Title of ${id}`, language: "en", note }) as SeedGraph["sources"][number];
    const graph: SeedGraph = {
      sources: [
        source("slug", "Title not checked word for word: taken from the URL slug. Reports the deal."),
        source("article-url", "Title taken from the article's URL (not checked word for word)."),
        source("headline", "Reports the deal."),
        source("described", "The stored copy shows no headline; the title describes the page; the date is from the URL."),
        source("page-address", "Title as given in the page address. Reports the deal."),
        source("earlier", "The stored copy shows no headline; the title describes the page (an earlier title was taken from the page address)."),
        source("dated-by-address", "The title describes the page, and the date is the one in the page address."),
        source("no-note"),
      ],
      entities: [e("chip-a", "CHIP"), e("fab", "ORGANIZATION")],
      relations: [
        {
          ...r("fab", "MANUFACTURES", "chip-a"),
          sources: ["slug", "article-url", "headline", "described", "page-address", "earlier", "dated-by-address", "no-note"],
        },
      ],
    };
    const fromUrl = gapsOf(graph, "source-title-from-url");
    expect(fromUrl.map((g) => g.entity)).toEqual(["article-url", "page-address", "slug"]);
    expect(fromUrl[0]?.message).toContain("give it the headline its page shows");
  });

  it("lists the sources citing a code host at a branch or a repository's front page, and not those at a commit", () => {
    const at = (id: string, url: string) => ({ id, title: `Title of ${id}`, language: "en", url }) as SeedGraph["sources"][number];
    const sha = "06dbd30b096f8e1dd9d4faadd532d52610fb347f";
    const graph: SeedGraph = {
      sources: [
        at("root", "https://github.com/deepseek-ai/DeepSeek-V3"),
        at("root-slash", "https://github.com/deepseek-ai/DeepSeek-V3/"),
        at("branch", "https://github.com/meta-llama/llama-models/blob/main/models/llama4/MODEL_CARD.md"),
        at("raw-branch", "https://raw.githubusercontent.com/NVIDIA/nccl/master/README.md"),
        at("hf-branch", "https://huggingface.co/zai-org/GLM-4.6/blob/main/README.md"),
        at("hf-dataset-branch", "https://huggingface.co/datasets/open-r1/OpenR1-Math-220k/blob/main/README.md"),
        at("hf-dataset-pinned", `https://huggingface.co/datasets/open-r1/OpenR1-Math-220k/blob/${sha}/README.md`),
        at("pinned", `https://github.com/deepseek-ai/DeepSeek-V3/blob/${sha}/README.md`),
        at("raw-pinned", `https://raw.githubusercontent.com/NVIDIA/nccl/${sha}/README.md`),
        at("issue", "https://github.com/SkyworkAI/Skywork-OR1/issues/21"),
        at("commit", `https://github.com/aws/aws-sdk-go/commit/${sha}`),
        at("model-page", "https://huggingface.co/deepseek-ai/DeepSeek-V3"),
        at("org", "https://github.com/deepseek-ai"),
      ],
      entities: [e("chip-a", "CHIP"), e("fab", "ORGANIZATION")],
      relations: [
        {
          ...r("fab", "MANUFACTURES", "chip-a"),
          sources: [
            "root",
            "root-slash",
            "branch",
            "raw-branch",
            "hf-branch",
            "hf-dataset-branch",
            "hf-dataset-pinned",
            "pinned",
            "raw-pinned",
            "issue",
            "commit",
            "model-page",
            "org",
          ],
        },
      ],
    };
    const moving = gapsOf(graph, "source-at-moving-address");
    expect(moving.map((g) => g.entity)).toEqual(["branch", "hf-branch", "hf-dataset-branch", "raw-branch", "root", "root-slash"]);
    expect(moving[0]?.message).toContain("cite the file at the 40-hex commit you read");
  });

  it("asks whom an investigation or an enforcement action targets when it names no one, and asks no rule", () => {
    const graph: SeedGraph = {
      sources: [],
      entities: [
        e("probe", "POLICY", { policyType: "investigation" }),
        e("plea", "POLICY", { policyType: "enforcement" }),
        e("silent-plea", "POLICY", { policyType: "enforcement" }),
        e("rule", "POLICY", { policyType: "export-control-rule" }),
        e("firm", "ORGANIZATION"),
      ],
      relations: [
        r("probe", "TARGETS", "firm"),
        r("plea", "TARGETS", "firm"),
        r("plea", "ENFORCES", "rule"),
        r("silent-plea", "ENFORCES", "rule"),
        r("rule", "RESTRICTS", "firm"),
      ],
    };
    expect(gapsOf(graph, "case-targets-nobody").map((g) => g.entity)).toEqual(["silent-plea"]);
    expect(openQuestionsOf(graph, ontology).get("silent-plea")).toEqual(["case-targets-nobody"]);
    expect(openQuestionsOf(graph, ontology).has("plea")).toBe(false);
  });

  it("finds nothing missing in a complete chain", () => {
    const graph: SeedGraph = {
      sources: [],
      entities: [
        e("chip-a", "CHIP"),
        e("node-x", "TECHNOLOGY", { techType: "process-node" }),
        e("fab", "ORGANIZATION"),
        e("rule", "POLICY", { policyType: "entity-listing" }),
      ],
      relations: [r("fab", "MANUFACTURES", "chip-a"), r("fab", "DESIGNS", "chip-a"), r("chip-a", "USES", "node-x"), r("rule", "RESTRICTS", "fab")],
    };
    expect(findGaps(graph, ontology)).toEqual([]);
  });
});
