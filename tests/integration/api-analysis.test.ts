/**
 * The six analysis fields over the real Neo4j, loaded with tests/fixtures/analysis-seed: a
 * hand-made chain whose answers are worked out in the comments. EUV (made only by nl-tools, NL)
 * -> process-n5 (developed by tw-fab, TW) -> gpu-x (US, designed by us-designer, made by tw-fab)
 * -> system-cn (CN, also built on npu-y) and system-fr (FR). rule-2022 (US, destinations CN)
 * restricts gpu-x from 2022-10-07; cn-ban-2070 (CN) bans exports of cn-kit outright from 2070;
 * cn-import-ban-2080 (CN, direction imports) bans imports of gpu-x into China from 2080.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureApi, fixtureApi } from "../helpers/fixture-api.js";

let api: FixtureApi;

beforeAll(async () => {
  api = await fixtureApi("analysis-seed");
});

afterAll(async () => {
  await api?.close();
});

const gql = (query: string) => api.gql(query);

const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe("dependencies and dependents", () => {
  it("follows what a system needs, level by level, with the providers of each input", async () => {
    const a = await gql(`{ dependencies(id: "system-fr", depth: 2) {
      root { id } nodes { id } edges { id status sources { id } } truncated
      inputs { dependent { id } relationType item { id } providers { entity { id } relation { id } } } } }`);
    expect(a.errors).toBeUndefined();
    const d = a.data.dependencies;
    // Level 1: its developer fr-lab and gpu-x; level 2: gpu-x's process node, fab and designer
    // (links in relation-id order).
    expect(ids(d.nodes)).toEqual(["system-fr", "fr-lab", "gpu-x", "process-n5", "tw-fab", "us-designer"]);
    expect(d.truncated).toBe(true); // process-n5 needs euv, one level further
    expect(d.edges.map((e: { id: string }) => e.id).sort()).toEqual([
      "fr-lab/DEVELOPS/system-fr",
      "gpu-x/USES/process-n5",
      "system-fr/USES/gpu-x",
      "tw-fab/MANUFACTURES/gpu-x",
      "us-designer/DESIGNS/gpu-x",
    ]);
    expect(d.edges[0].sources).toEqual([{ id: "fixture-source" }]);
    const gpu = d.inputs.filter((g: { dependent: { id: string } }) => g.dependent.id === "gpu-x");
    expect(gpu.map((g: { relationType: string; providers: { entity: { id: string } }[] }) => [g.relationType, g.providers.map((p) => p.entity.id)])).toEqual([
      ["MANUFACTURES", ["tw-fab"]],
      ["DESIGNS", ["us-designer"]],
    ]);
    // The version, the layer (unless cached for this version: then not read again), the projection.
    expect(a.queries.filter((q) => q !== "analysisLayer")).toEqual(["graphVersion", "analysisProjection"]);
    const again = await gql(`{ dependencies(id: "system-fr") { truncated } }`);
    expect(again.queries).toEqual(["graphVersion", "analysisProjection"]);
  });

  it("finds everything that depends on EUV", async () => {
    const a = await gql(`{ dependents(id: "euv", depth: 6) { nodes { id } truncated } }`);
    // Model CN was trained on GPU X: it stays in the tree, though nothing can take its training back.
    expect(ids(a.data.dependents.nodes)).toEqual(["euv", "process-n5", "gpu-x", "model-cn", "system-cn", "system-fr"]);
    expect(a.data.dependents.truncated).toBe(false);
  });
});

describe("exposure", () => {
  it("cuts gpu-x for the Chinese system once the rule is in force, and not for the French one", async () => {
    const a =
      await gql(`{ cn: exposure(id: "system-cn", asOf: "2023-01-01") { cut dependent { id } input { id } relationType cause rules { id } path { id } since relations { id } }
      fr: exposure(id: "system-fr", asOf: "2023-01-01") { input { id } }
      before: exposure(id: "system-cn", asOf: "2022-10-06") { input { id } } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data.cn).toEqual([
      {
        cut: true,
        dependent: { id: "system-cn" },
        input: { id: "gpu-x" },
        relationType: "USES",
        cause: "RULE",
        rules: [{ id: "rule-2022" }],
        path: [{ id: "system-cn" }, { id: "gpu-x" }],
        since: "2022-10-07",
        relations: [{ id: "system-cn/USES/gpu-x" }],
      },
    ]);
    expect(a.data.fr).toEqual([]);
    expect(a.data.before).toEqual([]);
  });

  it("takes nothing back from a Chinese model trained on gpu-x: no cut, and its tree still shows the GPU", async () => {
    const a = await gql(`{ exposure(id: "model-cn", asOf: "2023-01-01") { input { id } }
      dependencies(id: "model-cn", depth: 1) { nodes { id } } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data.exposure).toEqual([]);
    expect(ids(a.data.dependencies.nodes)).toEqual(["model-cn", "gpu-x"]);
  });

  it("answers the counterfactual: if the Netherlands stopped supplying, EUV and everything on it falls", async () => {
    const a = await gql(
      `{ exposure(id: "system-fr", country: "NL") { cut dependent { id } input { id } relationType cause country providers { id } providersLeft { id } } }`,
    );
    const rows = a.data.exposure.map((c: { dependent: { id: string }; relationType: string; input: { id: string }; cause: string }) => [
      c.dependent.id,
      c.relationType,
      c.input.id,
      c.cause,
    ]);
    expect(rows).toEqual([
      ["system-fr", "USES", "gpu-x", "UPSTREAM"],
      ["gpu-x", "USES", "process-n5", "UPSTREAM"],
      ["process-n5", "USES", "euv", "UPSTREAM"],
      ["euv", "PRODUCES", "euv", "COUNTRY"],
    ]);
    expect(a.data.exposure[3]).toMatchObject({ country: "NL", providers: [{ id: "nl-tools" }], providersLeft: [] });
  });
});

describe("chokepoints", () => {
  it("ranks EUV first: four dependents, all left without it, one provider, one country", async () => {
    const a = await gql(`{ chokepoints(first: 3) { input { id } score dependents leftWithout countries providers { entity { id } } } }`);
    expect(a.errors).toBeUndefined();
    type Row = { input: { id: string }; score: number; dependents: number; leftWithout: number };
    expect(a.data.chokepoints.map((c: Row) => [c.input.id, c.score, c.dependents, c.leftWithout])).toEqual([
      ["euv", 4, 4, 4],
      ["process-n5", 3, 3, 3],
      ["gpu-x", 2, 2, 2],
    ]);
    expect(a.data.chokepoints[0]).toMatchObject({ countries: ["NL"], providers: [{ entity: { id: "nl-tools" } }] });
  });

  it("counts only a country's own dependents when scoped to it", async () => {
    const a = await gql(`{ chokepoints(scope: "FR") { input { id } dependents } }`);
    expect(a.data.chokepoints.map((c: { input: { id: string }; dependents: number }) => [c.input.id, c.dependents])).toEqual([
      ["euv", 1],
      ["gpu-x", 1],
      ["process-n5", 1],
    ]);
  });
});

describe("loss", () => {
  it("lists what would be left without the Taiwanese fab: its node and GPU, then the systems built on the GPU", async () => {
    // tw-fab alone develops process-n5 and makes gpu-x (distance 1); both systems are built on
    // gpu-x (distance 2). cn-lab and fr-lab develop the systems and need nothing of tw-fab's.
    const a = await gql(`{ loss(id: "tw-fab", first: 10) { entity { id } total failing leftWithout { distance fails entity { id } path { id } } } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data.loss).toMatchObject({ entity: { id: "tw-fab" }, total: 4, failing: 4 });
    type Row = { distance: number; fails: boolean; entity: { id: string }; path: { id: string }[] };
    expect(a.data.loss.leftWithout.map((r: Row) => [r.entity.id, r.distance, r.path.map((p) => p.id).join(">")])).toEqual([
      ["gpu-x", 1, "tw-fab>gpu-x"],
      ["process-n5", 1, "tw-fab>process-n5"],
      ["system-cn", 2, "tw-fab>gpu-x>system-cn"],
      ["system-fr", 2, "tw-fab>gpu-x>system-fr"],
    ]);
  });
});

describe("impact", () => {
  it("tells what the rule restricts, the link it binds and what it cuts off", async () => {
    const a = await gql(
      `{ impact(policy: "rule-2022", asOf: "2024-01-01") { policy { id } restricted { id } cuts { dependent { id } input { id } } affected { entity { id } distance } truncated } }`,
    );
    expect(a.errors).toBeUndefined();
    expect(a.data.impact).toEqual({
      policy: { id: "rule-2022" },
      restricted: [{ id: "gpu-x" }],
      cuts: [{ dependent: { id: "system-cn" }, input: { id: "gpu-x" } }],
      affected: [{ entity: { id: "system-cn" }, distance: 0 }],
      truncated: false,
    });
  });

  it("cuts with an outright export ban (licensing prohibited, no destinations) for every consumer outside its issuer's country", async () => {
    // cn-ban-2070 (CN) bans exports of cn-kit (CN) from 2070, when system-fr (FR) and system-cn (CN) start
    // to use it: the French system loses it, the Chinese one keeps it.
    const q = (asOf: string) =>
      gql(
        `{ impact(policy: "cn-ban-2070", asOf: "${asOf}") { policy { ... on Policy { licensing } } cuts { dependent { id } input { id } } affected { entity { id } } } }`,
      );
    const a = await q("2070-06-01");
    expect(a.errors).toBeUndefined();
    expect(a.data.impact.policy.licensing).toBe("prohibited");
    expect(a.data.impact.cuts).toEqual([{ dependent: { id: "system-fr" }, input: { id: "cn-kit" } }]);
    expect(a.data.impact.affected).toEqual([{ entity: { id: "system-fr" } }]);
    // Before it takes effect it cuts nothing.
    expect((await q("2060-01-01")).data.impact.cuts).toEqual([]);
  });

  it("cuts with an import ban for buyers in its issuer's country only", async () => {
    // cn-import-ban-2080 (CN) bans imports of gpu-x (US, made in TW) from 2080: system-cn (CN) loses
    // it, system-fr (FR) keeps it; the US rule on the same chip is not offered alongside it.
    const q = (asOf: string) =>
      gql(
        `{ impact(policy: "cn-import-ban-2080", asOf: "${asOf}") { policy { ... on Policy { direction } } overlapping { id } cuts { dependent { id } input { id } } } }`,
      );
    const a = await q("2080-06-01");
    expect(a.errors).toBeUndefined();
    expect(a.data.impact).toEqual({
      policy: { direction: "imports" },
      overlapping: [],
      cuts: [{ dependent: { id: "system-cn" }, input: { id: "gpu-x" } }],
    });
    expect((await q("2079-01-01")).data.impact.cuts).toEqual([]);
  });

  it("binds a foreign-direct-product rule to a Chinese supplier through its American tools, and names them", async () => {
    // From 2040, fdp-2040 (US, reaches foreign products) lists CN Lab; CN Fab (CN) supplies it NPU Y
    // on tools from US Designer. The rule cuts that supply through US Designer, and GPU X (American)
    // for CN Lab's system as any rule listing CN Lab would; not CN Lab developing its own system, nor
    // Open Kit (American, open source), which CN Lab uses.
    const a = await gql(
      `{ impact(policy: "fdp-2040", asOf: "2040-06-01") { cuts { dependent { id } input { id } rules { id } reachedThrough { id } providers { id } } } }`,
    );
    expect(a.errors).toBeUndefined();
    expect(a.data.impact.cuts).toEqual([
      {
        dependent: { id: "cn-lab" },
        input: { id: "npu-y" },
        rules: [{ id: "fdp-2040" }],
        reachedThrough: [{ id: "us-designer" }],
        providers: [{ id: "cn-fab" }],
      },
      { dependent: { id: "system-cn" }, input: { id: "gpu-x" }, rules: [{ id: "fdp-2040" }], reachedThrough: [], providers: [{ id: "gpu-x" }] },
    ]);
    // The 2022 rule binds only American suppliers: its cut names no tools.
    const b = await gql(`{ impact(policy: "rule-2022", asOf: "2040-06-01") { cuts { dependent { id } reachedThrough { id } } } }`);
    expect(b.data.impact.cuts).toEqual([{ dependent: { id: "system-cn" }, reachedThrough: [] }]);
  });

  it("records a listing whose licences are reviewed case by case, and cuts nothing with it", async () => {
    // From 2050, listing-2050 (US) lists CN Fab with licences reviewed case by case: US Designer's
    // supply to CN Fab, which a denial would cut, stays.
    const a = await gql(`{ impact(policy: "listing-2050", asOf: "2050-06-01") { restricted { id } caseByCase { id } cuts { dependent { id } } } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data.impact).toEqual({ restricted: [{ id: "cn-fab" }], caseByCase: [{ id: "cn-fab" }], cuts: [] });
    const b = await gql(`{ exposure(id: "cn-fab", asOf: "2050-06-01") { dependent { id } input { id } rules { id } } }`);
    expect(b.data.exposure.filter((c: { rules: { id: string }[] }) => c.rules.some((r) => r.id === "listing-2050"))).toEqual([]);
  });

  it("cuts nothing with a rule while a suspension of it holds, and says which", async () => {
    // suspension-2045 suspends rule-2022 through 2045: the rule cuts GPU X for the Chinese system before and after.
    const on = async (day: string) =>
      (await gql(`{ impact(policy: "rule-2022", asOf: "${day}") { suspendedBy { id } restricted { id } cuts { dependent { id } } } }`)).data.impact;
    expect(await on("2045-06-01")).toEqual({ suspendedBy: [{ id: "suspension-2045" }], restricted: [], cuts: [] });
    expect(await on("2044-06-01")).toEqual({ suspendedBy: [], restricted: [{ id: "gpu-x" }], cuts: [{ dependent: { id: "system-cn" } }] });
    expect(await on("2046-06-01")).toEqual({ suspendedBy: [], restricted: [{ id: "gpu-x" }], cuts: [{ dependent: { id: "system-cn" } }] });
  });

  it("applies coordinated rules together: each alone leaves the other's maker, together they cut", async () => {
    // Immersion litho is made in NL and in JP; CN Fab uses it. Each country's 2030 rule reaches its own maker.
    const ask = (extra: string) =>
      gql(`{ impact(policy: "nl-rule-2030", asOf: "2030-06-01"${extra}) { alongside { id } cuts { dependent { id } input { id } rules { id } } } }`);
    const alone = await ask("");
    expect(alone.errors).toBeUndefined();
    expect(alone.data.impact).toEqual({ alongside: [], cuts: [] });
    const together = await ask(`, alongside: ["jp-rule-2030"]`);
    expect(together.errors).toBeUndefined();
    expect(together.data.impact).toEqual({
      alongside: [{ id: "jp-rule-2030" }],
      cuts: [{ dependent: { id: "cn-fab" }, input: { id: "immersion-litho" }, rules: [{ id: "jp-rule-2030" }, { id: "nl-rule-2030" }] }],
    });
    // If the Netherlands stopped supplying, Japan's maker is left; if both stopped, it is cut.
    const stop = async (countries: string) =>
      (await gql(`{ exposure(id: "cn-fab", countries: ${countries}) { cut dependent { id } providersLeft { id } countries } }`)).data.exposure.find(
        (c: { dependent: { id: string } }) => c.dependent.id === "immersion-litho",
      );
    expect(await stop(`["NL"]`)).toEqual({ cut: false, dependent: { id: "immersion-litho" }, providersLeft: [{ id: "jp-tools" }], countries: ["NL"] });
    const both = await stop(`["nl", "JP"]`);
    expect(both).toMatchObject({ cut: true, dependent: { id: "immersion-litho" }, providersLeft: [] });
    expect([...both.countries].sort()).toEqual(["JP", "NL"]);
    // Under every rule in force, the same link is cut by both.
    const exposed = await gql(`{ exposure(id: "cn-fab", asOf: "2030-06-01") { cut input { id } rules { id } } }`);
    expect(exposed.data.exposure).toEqual([{ cut: true, input: { id: "immersion-litho" }, rules: [{ id: "jp-rule-2030" }, { id: "nl-rule-2030" }] }]);
  });
});

describe("bad arguments get coded errors", () => {
  it.each([
    [`{ dependencies(id: "nope") { truncated } }`, "NOT_FOUND"],
    [`{ dependencies(id: "gpu-x", depth: 0) { truncated } }`, "BAD_USER_INPUT"],
    [`{ dependents(id: "gpu-x", first: 5000) { truncated } }`, "BAD_USER_INPUT"],
    [`{ exposure(id: "system-cn", country: "Netherlands") { cut } }`, "BAD_USER_INPUT"],
    [`{ exposure(id: "system-cn", countries: ["NL", "Japan"]) { cut } }`, "BAD_USER_INPUT"],
    [`{ chokepoints(scope: "nope") { score } }`, "NOT_FOUND"],
    [`{ loss(id: "nope") { total } }`, "NOT_FOUND"],
    [`{ loss(id: "tw-fab", first: 0) { total } }`, "BAD_USER_INPUT"],
    [`{ impact(policy: "gpu-x") { truncated } }`, "BAD_USER_INPUT"],
    [`{ impact(policy: "rule-2022", alongside: ["gpu-x"]) { truncated } }`, "BAD_USER_INPUT"],
    [`{ impact(policy: "rule-2022", alongside: ["nope"]) { truncated } }`, "NOT_FOUND"],
    [`{ impact(policy: "rule-2022", alongside: [${Array(21).fill('"rule-2022"').join(", ")}]) { truncated } }`, "BAD_USER_INPUT"],
    [`{ dependencies(id: "gpu-x") { nodes { relations { id } } } }`, "BAD_USER_INPUT"],
  ])("%s -> %s", async (query, code) => {
    const a = await gql(query);
    expect(a.errors?.[0]?.extensions?.code, JSON.stringify(a.errors)).toBe(code);
    expect(JSON.stringify(a.errors)).not.toMatch(/MATCH|RETURN|\.ts:\d+/);
  });
});

describe("the ontology query", () => {
  it("exposes each relation type's dependency meaning, restriction flag and attributes", async () => {
    const a = await gql(`{ ontology { relationTypes { type dependency { dependent role internal } restriction attributes { name type } } } }`);
    const byType = Object.fromEntries(a.data.ontology.relationTypes.map((t: { type: string }) => [t.type, t]));
    expect(byType.SUPPLIES).toMatchObject({ dependency: { dependent: "TO", role: "PROVIDER", internal: false }, restriction: false });
    // A plant needs its operator; no rule or country stop cuts an operator off its own plant.
    expect(byType.OPERATES).toMatchObject({ dependency: { dependent: "TO", role: "PROVIDER", internal: true } });
    expect(byType.TRAINED_ON.attributes).toEqual([
      { name: "quantity", type: "integer" },
      { name: "gpuHours", type: "number" },
    ]);
    expect(byType.RESTRICTS).toMatchObject({ dependency: null, restriction: true });
    expect(byType.COMPETES_WITH.dependency).toBeNull();
  });
});

describe("one budget per request", () => {
  it("refuses many aliased root fields that each fit but together do not, and accepts a few", async () => {
    const field = (i: number) => `n${i}: neighborhood(id: "gpu-x", depth: 3, limit: 1000) { nodes { id } edges { id } }`;
    const many = await gql(`{ ${Array.from({ length: 10 }, (_, i) => field(i)).join(" ")} }`);
    expect(many.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(many.errors?.[0]?.message).toMatch(/over all its fields/);
    // Refused before any of its fields reached the database.
    await new Promise((r) => setTimeout(r, 200));
    expect(many.queries).toEqual([]);
    const two = await gql(`{ ${field(0)} ${field(1)} }`);
    expect(two.errors).toBeUndefined();
    const analyses = await gql(`{ ${Array.from({ length: 8 }, (_, i) => `d${i}: dependencies(id: "gpu-x", first: 2000) { truncated }`).join(" ")} }`);
    expect(analyses.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});

describe("compare", () => {
  it("puts two chips side by side with the links they share and the ones only one has", async () => {
    const a = await gql(`{ compare(ids: ["gpu-x", "npu-y"]) {
      entities { entity { id ... on Chip { name } } relations { type from { id } to { id } } figures { metric { id } } }
      shared { relationType direction other { id } entities { id } missing { id } } } }`);
    expect(a.errors).toBeUndefined();
    expect(a.data.compare.entities.map((e: { entity: { id: string } }) => e.entity.id)).toEqual(["gpu-x", "npu-y"]);
    // Only system-cn uses both: the one shared link. Their fabs and designers differ.
    expect(a.data.compare.shared).toEqual([
      { relationType: "USES", direction: "IN", other: { id: "system-cn" }, entities: [{ id: "gpu-x" }, { id: "npu-y" }], missing: [] },
    ]);
    const gpu = a.data.compare.entities[0].relations.map(
      (r: { type: string; from: { id: string }; to: { id: string } }) => `${r.from.id} ${r.type} ${r.to.id}`,
    );
    expect(gpu).toEqual(expect.arrayContaining(["us-designer DESIGNS gpu-x", "tw-fab MANUFACTURES gpu-x", "rule-2022 RESTRICTS gpu-x"]));
    expect(a.queries, a.queries.join(",")).toEqual(["compare"]);
  });

  it.each([
    [`{ compare(ids: ["gpu-x"]) { shared { other { id } } } }`, "BAD_USER_INPUT"],
    [`{ compare(ids: ["gpu-x", "a", "b", "c", "d"]) { shared { other { id } } } }`, "BAD_USER_INPUT"],
    [`{ compare(ids: ["gpu-x", "nope"]) { shared { other { id } } } }`, "NOT_FOUND"],
  ])("%s -> %s", async (query, code) => {
    expect((await gql(query)).errors?.[0]?.extensions?.code).toBe(code);
  });
});
