/**
 * The supply-chain, exposure, impact, chokepoint and compare views end to end, over the web fixture's
 * small supply chain: the Ascend 910B is designed by HiSilicon or Huawei, made by SMIC on SMIC N+2,
 * which needs DUV lithography from ASML (NL), restricted for Chinese destinations by the 2023 Dutch rule.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accessibilityProblems, explorerForFile, shot } from "./setup.js";

const explorer = explorerForFile();

/** Waits for the supply drawing's layout and returns each entity's height on it. */
async function supplyHeights(page: Page): Promise<Record<string, number>> {
  await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="supply-graph"]')?.dataset.layout === "done", undefined, {
    timeout: 15_000,
  });
  return JSON.parse((await page.getByTestId("supply-graph").getAttribute("data-y")) ?? "{}") as Record<string, number>;
}

describe("the supply chain", () => {
  it("draws the tree of a chip from a link, the fab and the tool above the chip, coloured by country", async () => {
    const page = await explorer().openPage("/?view=supply&sel=ascend-910b");
    await page.getByRole("heading", { name: "Supply chain of Ascend 910B", level: 2 }).waitFor();
    // The rules that cut links arrive with the exposure answer, after the tree is first drawn.
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="supply-graph"]')?.getAttribute("data-y") ?? "").includes("netherlands-semiconductor-export-controls-2023"),
      undefined,
      { timeout: 15_000 },
    );
    const y = await supplyHeights(page);
    expect(Object.keys(y)).toEqual(expect.arrayContaining(["ascend-910b", "smic", "smic-n2", "duv-lithography", "asml", "hisilicon", "huawei"]));
    // inputs above what needs them: the fab above the chip, the lithography tool above the process
    expect(y.smic).toBeLessThan(y["ascend-910b"] ?? 0);
    expect(y["duv-lithography"]).toBeLessThan(y["smic-n2"] ?? 0);
    expect(y.asml).toBeLessThan(y["duv-lithography"] ?? 0);
    // the rule that cuts the link is drawn beside it
    expect(y["netherlands-semiconductor-export-controls-2023"]).toBeDefined();
    const legend = await page.getByTestId("supply-legend").textContent();
    expect(legend).toContain("US and allies");
    expect(legend).toContain("China");
    // the same tree as text: alternatives are named as such
    const needs = page.getByTestId("supply-needs");
    expect(await needs.textContent()).toMatch(/designs — any of 2: HiSilicon, Huawei/);
    expect(await needs.textContent()).toMatch(/manufactures — single source: SMIC/);
    expect(await page.getByTestId("tab-supply").getAttribute("aria-selected")).toBe("true");
    // Small enough to read whole: shown whole, with no note that part of it is out of view.
    expect(
      await page.getByTestId("supply-graph").getAttribute("data-cropped"),
      `zoom ${await page.getByTestId("supply-graph").getAttribute("data-zoom")}`,
    ).toBe("false");
    expect(await page.getByTestId("supply-cropped").count()).toBe(0);
    await shot(page, "supply-chain");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("on a phone, opens a tree too wide to read at a readable size on its chip, the whole tree a click away", async () => {
    const page = await explorer().context.newPage();
    await page.setViewportSize({ width: 360, height: 780 });
    // The exposure answers well after the tree: the drawing waits for it rather than reporting an
    // empty layout as done (which once let this check read the empty drawing's "not cropped").
    await page.route("**/graphql", async (route) => {
      if (route.request().postData()?.includes("ExplorerExposure")) await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
    await page.goto(new URL("/?tab=supply&sel=ascend-910b", explorer().base).href);
    const graph = page.getByTestId("supply-graph");
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="supply-graph"]')?.dataset.layout === "done", undefined, {
      timeout: 15_000,
    });
    expect(await graph.getAttribute("data-cropped"), `zoom ${await graph.getAttribute("data-zoom")}`).toBe("true");
    expect(Number(await graph.getAttribute("data-zoom"))).toBeCloseTo(0.8, 2);
    // The chip's whole name is in view, above the drawing's bottom edge.
    const height = await graph.evaluate((el) => el.clientHeight);
    expect(Number(await graph.getAttribute("data-subject-bottom"))).toBeLessThanOrEqual(height);
    await page.getByTestId("supply-whole").click();
    expect(await graph.getAttribute("data-cropped")).toBe("false");
    expect(Number(await graph.getAttribute("data-zoom"))).toBeLessThan(0.5);
    expect(await page.getByTestId("supply-cropped").count()).toBe(0);
    await page.close();
  });

  it("tells what would be left without ASML: its DUV lithography, then the node made with it, then the chip made on the node", async () => {
    const page = await explorer().openPage("/?tab=loss&sel=asml");
    await page.getByRole("heading", { name: "If ASML were lost", level: 2 }).waitFor();
    const count = page.getByTestId("loss-count");
    await count.waitFor();
    expect(await count.textContent()).toBe("3 left without it, 3 of them failing.");
    const rows = await page.getByTestId("loss-table").locator("tbody tr").allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain("ASML → DUV lithography → SMIC N+2 → Ascend 910B");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByTestId("loss-table").getByRole("button", { name: "Ascend 910B" }).first().click();
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get("sel") === "ascend-910b");
    await page.close();
  });

  it("lists the exposure with the rule that cuts it, and the counterfactual of a country", async () => {
    const page = await explorer().openPage("/?tab=supply&sel=ascend-910b");
    const rows = page.getByTestId("exposure-row");
    await rows.first().waitFor();
    const text = (await page.getByTestId("exposure").textContent()) ?? "";
    expect(text).toContain("SMIC N+2 loses DUV lithography");
    expect(text).toContain("cut by a rule");
    expect(text).toContain("Dutch export controls on advanced semiconductor manufacturing equipment (2023)");
    expect(text).toContain("2023-09-01");
    expect(text).toContain("Ascend 910B → SMIC N+2 → DUV lithography");
    // before the rule was in force, nothing is cut
    const before = await explorer().openPage("/?tab=supply&sel=ascend-910b&asof=2023-06");
    await before.getByTestId("exposure-nothing").waitFor();
    await before.close();
    // a product cut from its only maker names the maker it loses, not itself
    const h100 = await explorer().openPage("/?tab=supply&sel=h100&stop=TW");
    await h100.getByText("H100 loses TSMC").first().waitFor();
    await h100.close();
    // what if Dutch suppliers stopped? ASML's DUV lithography goes, whatever the rules
    await page.getByTestId("exposure-country-NL").check();
    await page.waitForFunction(() => window.location.search.includes("stop=NL"));
    await page.getByText("cut: suppliers in Netherlands stop").first().waitFor();
    await shot(page, "exposure-nl");
    // countries tick together: the link keeps both
    await page.getByTestId("exposure-country-US").check();
    await page.waitForFunction(() => window.location.search.includes("stop=NL,US"));
    await page.getByText("cut: suppliers in Netherlands stop").first().waitFor();
    // a click on a name selects that entity (its supply chain follows)
    await page.getByTestId("exposure").getByRole("button", { name: "SMIC N+2" }).first().click();
    await page.getByRole("heading", { name: "Supply chain of SMIC N+2", level: 2 }).waitFor();
    expect(new URL(page.url()).searchParams.get("sel")).toBe("smic-n2");
    await page.close();
  });

  it("says a trained model keeps what it was trained on: no stopped supply takes it back", async () => {
    // DeepSeek-V3 (CN) was trained on H20s, from the US. If US suppliers stopped, the H20 would not
    // reach China any more, but the model keeps its training: nothing in its tree is cut.
    const page = await explorer().openPage("/?tab=supply&sel=deepseek-v3&stop=US");
    await page.getByTestId("exposure-nothing").waitFor();
    expect(await page.getByTestId("exposure-trained").textContent()).toContain("A trained model keeps what it was trained on");
    // Its tree still shows what it was trained on.
    expect(await page.getByTestId("supply-needs").textContent()).toContain("H20");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("opens from the details panel with the action, and in Chinese", async () => {
    const page = await explorer().openPage("/?n=ascend-910b&sel=ascend-910b");
    await page.getByRole("heading", { name: "Ascend 910B", level: 2 }).waitFor();
    await page.getByTestId("action-supply").click();
    await page.getByTestId("supply-graph").waitFor();
    await page.getByTestId("lang").click();
    await page.getByRole("heading", { name: "昇腾910B 的供应链", level: 2 }).waitFor();
    expect(await page.getByTestId("exposure").textContent()).toContain("被规则切断");
    expect(await accessibilityProblems(page)).toEqual([]);
    // the language is remembered: back to English for the next tests
    await page.getByTestId("lang").click();
    await page.getByRole("heading", { name: "Supply chain of Ascend 910B", level: 2 }).waitFor();
    // The next action, by its key: what would be left without the chip.
    await page.getByTestId("canvas").focus();
    await page.keyboard.press("l");
    await page.getByRole("heading", { name: "If Ascend 910B were lost", level: 2 }).waitFor();
    expect(await page.getByTestId("tab-loss").getAttribute("aria-selected")).toBe("true");
    await page.close();
  });

  it("shows what a rule cuts when the selection is a policy", async () => {
    const page = await explorer().openPage("/?tab=supply&sel=netherlands-semiconductor-export-controls-2023");
    const affected = page.getByTestId("impact-affected");
    await affected.waitFor();
    expect(await page.getByTestId("impact-restricted").textContent()).toContain("DUV lithography");
    expect(await page.getByTestId("impact-cuts").textContent()).toContain("SMIC N+2 loses DUV lithography");
    const rows = await affected.locator("tbody tr").allTextContents();
    expect(rows[0]).toContain("SMIC N+2");
    expect(rows[0]).toContain("directly");
    expect(rows.some((r) => r.includes("Ascend 910B") && r.includes("1 step(s) downstream"))).toBe(true);
    await shot(page, "impact");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("offers the other rules on the same items, applies a ticked one together, and keeps it in the link", async () => {
    const page = await explorer().openPage("/?tab=supply&sel=netherlands-semiconductor-export-controls-2023");
    const together = page.getByTestId("impact-together");
    await together.waitFor();
    // The US rule of October 2023 also restricts DUV lithography: it is offered, unticked.
    const us = page.getByTestId("impact-with-us-export-controls-2023");
    expect(await us.isChecked()).toBe(false);
    await us.check();
    await page.waitForURL(/with=netherlands-semiconductor-export-controls-2023:us-export-controls-2023/);
    await page.getByTestId("impact-cuts").waitFor();
    expect(await page.getByTestId("impact-with-us-export-controls-2023").isChecked()).toBe(true);
    await page.getByRole("heading", { name: /Impact with 1 other rule\(s\) applied together/, level: 2 }).waitFor();
    // The link holds the choice: opened afresh, the rule is still applied.
    const again = await explorer().openPage(new URL(page.url()).search);
    await again.getByTestId("impact-cuts").waitFor();
    expect(await again.getByTestId("impact-with-us-export-controls-2023").isChecked()).toBe(true);
    expect(await accessibilityProblems(again)).toEqual([]);
    await again.close();
    await page.close();
  });
});

describe("chokepoints", () => {
  it("ranks inputs for the whole graph and for a country", async () => {
    const page = await explorer().openPage("/?tab=chokepoints");
    const table = page.getByTestId("chokepoints");
    await table.waitFor();
    const first = await table.locator("tbody tr").first().textContent();
    expect(first).toContain("DUV lithography");
    expect(await table.locator("thead").textContent()).toContain("Left without it");
    expect(first).toContain("ASML");
    // The count of what would be left without it opens that list.
    const left = await table.locator("tbody tr").first().getByTestId("choke-loss").textContent();
    await table.locator("tbody tr").first().getByTestId("choke-loss").click();
    await page.getByRole("heading", { name: "If DUV lithography were lost", level: 2 }).waitFor();
    expect(await page.getByTestId("loss-count").textContent()).toMatch(new RegExp(`^${left} left without it`));
    await page.getByTestId("tab-chokepoints").click();
    await page.getByTestId("choke-scope").selectOption("CN");
    await page.waitForFunction(() => window.location.search.includes("scope=CN"));
    await table.locator("tbody tr").first().waitFor();
    await shot(page, "chokepoints");
    expect(await accessibilityProblems(page)).toEqual([]);
    await table.getByRole("button", { name: "ASML" }).first().click();
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get("sel") === "asml");
    await page.close();
  });

  it("ranks the inputs of the selection's supply tree", async () => {
    const page = await explorer().openPage("/?tab=chokepoints&sel=ascend-910b&scope=entity");
    const scope = page.getByTestId("choke-scope");
    await page.waitForFunction(
      () => document.querySelector<HTMLSelectElement>('[data-testid="choke-scope"]')?.selectedOptions[0]?.textContent === "Supply tree of Ascend 910B",
    );
    expect(await scope.inputValue()).toBe("entity");
    await page.getByTestId("chokepoints").locator("tbody tr").first().waitFor();
    const rows = await page.getByTestId("chokepoints").locator("tbody tr").allTextContents();
    expect(rows[0]).toContain("DUV lithography");
    expect(rows.some((r) => r.includes("H20"))).toBe(false);
    await page.close();
  });
});

describe("the front page's questions", () => {
  it("offers the questions whose entity the graph holds, and each opens its analysis", async () => {
    const page = await explorer().openPage("/");
    const ascend = page.getByTestId("ask-ascend-supply");
    await ascend.waitFor();
    // The fixture has the Ascend 910B but not the October 2023 rule: that question is not offered.
    expect(await page.locator("[data-testid^='ask-']").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")))).toEqual([
      "ask-ascend-supply",
      "ask-allies-stop",
      "ask-tsmc-loss",
      "ask-cloudmatrix-nvl72",
      "ask-chokepoints",
      "ask-timeline",
    ]);
    await ascend.click();
    await page.getByRole("heading", { name: "Supply chain of Ascend 910B", level: 2 }).waitFor();
    expect(await page.getByTestId("tab-supply").getAttribute("aria-selected")).toBe("true");
    // Its neighbourhood is on the canvas, and the link opens the same view.
    await page.waitForFunction(() => new URL(location.href).searchParams.get("sel") === "ascend-910b");
    expect(new URL(page.url()).searchParams.get("tab")).toBe("supply");
    expect(new URL(page.url()).searchParams.get("stop")).toBeNull();
    // The counterfactual question opens the same tree with three countries' suppliers stopped.
    await page.goto(new URL("/", explorer().base).href);
    await page.getByTestId("ask-allies-stop").click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("stop") === "US,NL,JP");
    await page.getByText("cut: suppliers in Netherlands stop").first().waitFor();
    expect(await page.getByTestId("exposure-country-JP").isChecked()).toBe(true);
    // What would be left without TSMC: the H100 it alone makes.
    await page.goto(new URL("/", explorer().base).href);
    await page.getByTestId("ask-tsmc-loss").click();
    await page.getByRole("heading", { name: "If TSMC were lost", level: 2 }).waitFor();
    expect(await page.getByTestId("tab-loss").getAttribute("aria-selected")).toBe("true");
    await page.getByTestId("loss-table").getByRole("button", { name: "H100" }).first().waitFor();
    // The seed commentary's comparison: CloudMatrix 384 against GB200 NVL72, side by side.
    await page.goto(new URL("/", explorer().base).href);
    await page.getByTestId("ask-cloudmatrix-nvl72").click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("compare") === "cloudmatrix-384,gb200-nvl72");
    const compared = page.getByTestId("compare-table").locator("thead th");
    await compared.last().getByText("GB200 NVL72").waitFor();
    expect(await compared.allTextContents()).toEqual(["Attribute", "CloudMatrix 384", "GB200 NVL72"]);
    expect(await page.getByTestId("tab-compare").getAttribute("aria-selected")).toBe("true");
    await page.goto(new URL("/", explorer().base).href);
    await page.getByTestId("ask-chokepoints").click();
    await page.getByTestId("chokepoints").waitFor();
    expect(await page.getByTestId("tab-chokepoints").getAttribute("aria-selected")).toBe("true");
    expect(await page.getByTestId("choke-scope").inputValue()).toBe("");
    await page.close();
  });
});

describe("compare", () => {
  it("adds entities from the details panel and shows the link they share", async () => {
    const page = await explorer().openPage("/?n=h100,h20&sel=h100");
    await page.getByRole("heading", { name: "H100", level: 2 }).waitFor();
    await page.getByTestId("action-compare").click();
    await page.getByTestId("compare-tray").getByText("H100").waitFor();
    expect(await page.getByTestId("compare-panel").textContent()).toContain("Add at least one more entity");
    await page.getByTestId("tab-list").click();
    await page.getByTestId("list-view").getByRole("button", { name: "H20" }).click();
    await page.getByTestId("tab-details").click();
    await page.getByRole("heading", { name: "H20", level: 2 }).waitFor();
    await page.getByTestId("action-compare").click();
    const shared = page.getByTestId("compare-shared");
    await shared.waitFor();
    expect(new URL(page.url()).searchParams.get("compare")).toBe("h100,h20");
    const row = await shared.locator("tbody tr").first().textContent();
    expect(row).toContain("NVIDIA designs it");
    expect(row).toContain("✓ has it");
    // Figures of one measure and unit stand in one row, read across, with who reports them and their status.
    const compute = page.getByTestId("compare-measure-compute");
    // The row names its measure, with the unit under it.
    expect(await compute.locator("th").textContent()).toMatch(/^Compute/);
    expect(await compute.locator("th .figure-unit").textContent()).toBe("TFLOPS");
    // The H20's figure is published in GFLOPS: it stands in the row's TFLOPS, with the value as published.
    expect(await compute.locator("td").allTextContents()).toEqual([
      expect.stringMatching(/^989 TFLOPS.*claimed.*NVIDIA/),
      expect.stringMatching(/^148 TFLOPS as published: 148000 GFLOPS.*reported/),
    ]);
    // No figure is left over for either.
    expect(await page.getByTestId("compare-figures-h100").textContent()).toBe("no figure");
    // A value opens its figure (on the canvas, selected).
    await compute.getByRole("button", { name: "148 TFLOPS" }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("sel") === "h20-bf16-tflops");
    await shot(page, "compare");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("opens from a link, side by side, and shows what one lacks", async () => {
    const page = await explorer().openPage("/?compare=h100,h20,ascend-910b");
    const table = page.getByTestId("compare-table");
    await table.waitFor();
    expect(await table.locator("thead th").allTextContents()).toEqual(["Attribute", "H100", "H20", "Ascend 910B"]);
    await table.getByText("TSMC 4N").waitFor();
    // Attributes are named as the details panel names them, not by their keys.
    const names = await table.locator("tbody th[scope=row]").allTextContents();
    expect(names).toEqual(expect.arrayContaining(["Chip type", "Process node"]));
    expect(names).not.toContain("processNode");
    const row = await page.getByTestId("compare-shared").locator("tbody tr").first().textContent();
    expect(row).toContain("✗ does not");
    await page.getByRole("button", { name: "Remove Ascend 910B from compare" }).click();
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get("compare") === "h100,h20");
    await page.close();
  });
});
