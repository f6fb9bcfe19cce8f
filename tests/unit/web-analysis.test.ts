/** The supply-chain drawing's elements, the country blocs and the compare/supply URL: pure code, no browser. */
import { describe, expect, it } from "vitest";
import type { CutInput, DependencyTree } from "../../web/src/api/documents.js";
import type { OntologyInfo } from "../../web/src/api/types.js";
import { blocOf } from "../../web/src/graph/blocs.js";
import { groupNodeId, supplyElements } from "../../web/src/graph/supplyElements.js";
import { needsRows } from "../../web/src/graph/supplyNeeds.js";
import { countryNames } from "../../web/src/i18n/index.js";
import { en } from "../../web/src/i18n/strings.js";
import { byWhereCut } from "../../web/src/panels/analysis/ExposureList.js";
import { viewFromSearch, viewToSearch } from "../../web/src/state/url.js";
import { addToCompare, COMPARE_MAX, emptyView, removeFromCompare } from "../../web/src/state/view.js";

const ontology: OntologyInfo = {
  kinds: [],
  relationTypes: [
    { type: "USES", label: "uses", labelZh: "使用", colour: "#000", dependency: { dependent: "FROM", role: "INPUT" } },
    { type: "DESIGNS", label: "designs", labelZh: "设计", colour: "#000", dependency: { dependent: "TO", role: "PROVIDER" } },
    { type: "MANUFACTURES", label: "manufactures", labelZh: "制造", colour: "#000", dependency: { dependent: "TO", role: "PROVIDER" } },
    { type: "RESTRICTS", label: "restricts", labelZh: "限制", colour: "#000", restriction: true },
  ],
};
const e = (id: string, kind: string, country: string | null) => ({
  __typename: "Chip" as const,
  id,
  kind,
  name: id.toUpperCase(),
  nameZh: null,
  aliases: [],
  country,
});
const rel = (from: string, type: string, to: string) => ({
  id: `${from}/${type}/${to}`,
  type,
  status: "CONFIRMED",
  since: null,
  until: null,
  note: null,
  from: { id: from },
  to: { id: to },
});

const tree = {
  truncated: false,
  root: e("chip", "CHIP", "CN"),
  nodes: [
    e("chip", "CHIP", "CN"),
    e("node", "TECHNOLOGY", "CN"),
    e("fab", "ORGANIZATION", "CN"),
    e("hisi", "ORGANIZATION", "CN"),
    e("hw", "ORGANIZATION", "CN"),
  ],
  edges: [rel("chip", "USES", "node"), rel("fab", "MANUFACTURES", "chip"), rel("hisi", "DESIGNS", "chip"), rel("hw", "DESIGNS", "chip")],
  inputs: [
    {
      relationType: "DESIGNS",
      dependent: { id: "chip" },
      item: e("chip", "CHIP", "CN"),
      providers: ["hisi", "hw"].map((id) => ({
        share: null,
        shareAsOf: null,
        entity: e(id, "ORGANIZATION", "CN"),
        relation: { id: `${id}/DESIGNS/chip`, status: "CONFIRMED" },
      })),
    },
    {
      relationType: "MANUFACTURES",
      dependent: { id: "chip" },
      item: e("chip", "CHIP", "CN"),
      providers: [{ share: 40, shareAsOf: null, entity: e("fab", "ORGANIZATION", "CN"), relation: { id: "fab/MANUFACTURES/chip", status: "REPORTED" } }],
    },
  ],
} as unknown as DependencyTree;

const edge = (els: ReturnType<typeof supplyElements>, id: string) => els.find((x) => x.data.id === id);

describe("the supply tree as text", () => {
  it("puts inputs for one part on one row of alternatives, and every other input on its own", () => {
    // The chip's compute die is made on node or node2 (part compute-die); its I/O die on io.
    const part = (r: ReturnType<typeof rel>, value: string) => ({ ...r, attributes: { part: value } });
    const withParts = {
      ...tree,
      nodes: [...tree.nodes, e("node2", "TECHNOLOGY", "TW"), e("io", "TECHNOLOGY", "TW")],
      edges: [
        ...tree.edges.filter((r) => r.type !== "USES"),
        part(rel("chip", "USES", "node"), "compute-die"),
        part(rel("chip", "USES", "node2"), "compute-die"),
        part(rel("chip", "USES", "io"), "io-die"),
      ],
    } as unknown as DependencyTree;
    const [chip] = needsRows(withParts, ontology);
    expect(chip?.inputs.map((i) => i.entities.map((x) => x.id))).toEqual([["node", "node2"], ["io"]]);
    // The provider groups are unchanged: the designers and the fab.
    expect(chip?.groups.map((g) => g.relationType)).toEqual(["DESIGNS", "MANUFACTURES"]);
    // Without parts, each input is a row of its own.
    const [plain] = needsRows({ ...withParts, edges: withParts.edges.map((r) => ({ ...r, attributes: { part: null } })) }, ontology);
    expect(plain?.inputs.map((i) => i.entities.map((x) => x.id))).toEqual([["node"], ["node2"], ["io"]]);
  });
});

describe("the supply-chain drawing", () => {
  it("draws every edge from what is needed to what needs it, providers through a junction per group", () => {
    const els = supplyElements(tree, ontology, { lang: "en", t: en });
    // an input: the process node above the chip that uses it
    expect(edge(els, "chip/USES/node")?.data).toMatchObject({ source: "node", target: "chip" });
    // two designers meet in one junction ("any of 2"), which feeds the chip
    const designers = groupNodeId("chip", "DESIGNS", "chip");
    expect(edge(els, designers)?.data.label).toBe("designs · any of 2");
    expect(edge(els, `${designers}->`)?.data).toMatchObject({ source: designers, target: "chip" });
    expect(edge(els, `hisi/DESIGNS/chip@${designers}`)?.data).toMatchObject({ source: "hisi", target: designers });
    const fab = groupNodeId("chip", "MANUFACTURES", "chip");
    expect(edge(els, fab)?.classes).toContain("single");
    expect(edge(els, `fab/MANUFACTURES/chip@${fab}`)?.data.label).toBe("40%");
    // no relation is drawn twice
    expect(els.filter((x) => String(x.data.id).startsWith("hisi/DESIGNS/chip")).length).toBe(1);
  });

  it("marks cut links, what loses an input, and the rule beside the input it restricts", () => {
    const exposure = [
      {
        cut: true,
        cause: "RULE",
        country: null,
        countries: [],
        since: "2023-09-01",
        relationType: "USES",
        dependent: e("chip", "CHIP", "CN"),
        input: e("node", "TECHNOLOGY", "CN"),
        rules: [e("rule", "POLICY", "NL")],
        path: [],
        providers: [],
        providersLeft: [],
        relations: [{ id: "chip/USES/node" }],
      },
    ] as unknown as CutInput[];
    const els = supplyElements(tree, ontology, { lang: "en", t: en, exposure });
    expect(edge(els, "chip/USES/node")?.classes).toContain("cut");
    expect(edge(els, "chip")?.classes).toContain("loses");
    expect(edge(els, "rule")?.classes).toContain("rule");
    expect(edge(els, "rule:rule->node")?.data).toMatchObject({ source: "rule", target: "node" });
  });

  it("colours by bloc: the US and its allies, China, elsewhere, none", () => {
    expect(["US", "NL", "JP", "TW", "KR"].map(blocOf)).toEqual(Array(5).fill("allied"));
    expect(["CN", "HK", "MO"].map(blocOf)).toEqual(Array(3).fill("china"));
    expect(blocOf("IN")).toBe("elsewhere");
    expect(blocOf(null)).toBe("none");
  });
});

describe("the compare tray and the analysis links", () => {
  it("keeps two to four entities, the oldest leaving when full", () => {
    let view = emptyView();
    for (const id of ["a", "b", "c", "d", "e"]) view = addToCompare(view, id);
    expect(view.compare).toEqual(["b", "c", "d", "e"]);
    expect(view.compare.length).toBe(COMPARE_MAX);
    expect(addToCompare(view, "c")).toBe(view);
    expect(removeFromCompare(view, "c").compare).toEqual(["b", "d", "e"]);
  });

  it("round-trips compare, the counterfactual country, the chokepoint scope and rules applied together through the URL", () => {
    const view = {
      ...emptyView(),
      selected: "ascend-910b",
      panel: "supply" as const,
      compare: ["h100", "h20"],
      stopCountries: ["NL", "JP"],
      chokeScope: "CN",
      together: { policy: "nl-2023", alongside: ["jp-2023", "us-2023"] },
    };
    const search = viewToSearch(view);
    expect(search).toContain("compare=h100,h20");
    expect(search).toContain("with=nl-2023:jp-2023,us-2023");
    expect(viewFromSearch(search)).toEqual(view);
  });

  it("reads the short forms: ?view=supply, and ?compare= opens the compare tab", () => {
    expect(viewFromSearch("?view=supply&sel=ascend-910b")).toMatchObject({ panel: "supply", selected: "ascend-910b" });
    expect(viewFromSearch("?compare=a,b")).toMatchObject({ panel: "compare", compare: ["a", "b"] });
    const bad = viewFromSearch("?compare=a,<x>,b,c,d,e&stop=Netherlands&scope=drop table&with=nl-2023:<x>,nl-2023");
    expect(bad.compare).toEqual(["a", "b", "c", "d"]);
    expect(bad.together).toBeUndefined();
    expect(viewFromSearch("?with=nl-2023:jp-2023,<x>").together).toEqual({ policy: "nl-2023", alongside: ["jp-2023"] });
    expect(bad.stopCountries).toEqual([]);
    expect(viewFromSearch("?stop=US,nl,NL,JP,FR").stopCountries).toEqual(["US", "NL", "JP"]);
    expect(bad.chokeScope).toBeUndefined();
  });
});

describe("the cause of a cut by countries stopping", () => {
  it("names every stopping country, in the reader's language", () => {
    expect(countryNames(["NL"], "en")).toBe("Netherlands");
    expect(countryNames(["NL", "JP"], "en")).toBe("Netherlands and Japan");
    expect(countryNames(["US", "NL", "JP"], "en")).toBe("United States, Netherlands, and Japan");
    expect(countryNames(["NL", "JP"], "zh")).toBe("荷兰和日本");
  });
});

describe("the exposure list's order", () => {
  it("puts where the cuts happen first, then what keeps some providers, then what is cut further up, in tree order within each", () => {
    const row = (id: string, cut: boolean, cause: string) => ({ cut, cause, input: { id } }) as unknown as CutInput;
    const rows = [row("a", true, "UPSTREAM"), row("b", false, "COUNTRY"), row("c", true, "COUNTRY"), row("d", true, "UPSTREAM"), row("e", true, "RULE")];
    expect(byWhereCut(rows).map((r) => r.input.id)).toEqual(["c", "e", "b", "a", "d"]);
  });
});
