/**
 * The explorer end to end: the real server (GraphQL over the real Neo4j, synced from a small
 * fixture seed) serves a fresh Vite build of web/, and Debian's Chromium drives it.
 * Each test saves a screenshot under tests/artifacts/; axe-core checks accessibility.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Database } from "../../server/src/db/run.js";
import { createAtlasServer } from "../../server/src/http.js";
import { loadOntology } from "../../server/src/ontology.js";
import { ARTIFACTS, accessibilityProblems, canvasSettled, explorerForFile, listen, SEED, searchAndOpen, sentOperations, shot, stop } from "./setup.js";

const explorer = explorerForFile();
const openPage = (url?: string) => explorer().openPage(url);

describe("the explorer", () => {
  it("serves a page without inline scripts", async () => {
    const html = await (await fetch(explorer().base)).text();
    expect(html).toContain('<div id="root">');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body?.trim()).toBe("");
    }
  });

  it("shows the empty state, having asked for the ontology and the map once each, with no serious accessibility problem", async () => {
    const page = await openPage();
    await page.getByTestId("empty-state").getByText("24 entities").waitFor();
    // No request for half a second: a second round of startup requests would have gone out by then.
    await page.waitForLoadState("networkidle");
    expect(sentOperations(page).sort()).toEqual(["ExplorerMap", "ExplorerOntology"]);
    await shot(page, "empty");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("searches “Huawei” and shows its neighbourhood, coloured by kind with a legend", async () => {
    const page = await openPage();
    await page.getByTestId("search").fill("Huawei");
    const option = page.getByRole("option").first();
    await option.waitFor();
    expect(await option.textContent()).toContain("华为");
    await page.getByTestId("search").press("Enter");
    const { nodes, edges } = await canvasSettled(page, [">=", 8]);
    expect(nodes).toBe(8);
    expect(edges).toBeGreaterThanOrEqual(9);
    await page.getByRole("heading", { name: "Huawei", level: 2 }).waitFor();
    expect(page.url()).toContain("n=huawei");
    expect(await page.locator(".legend").textContent()).toContain("Organization");
    await shot(page, "search-huawei");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("fits the working canvas clear of the open legend, on opening and on Fit", async () => {
    const page = await openPage();
    await page.setViewportSize({ width: 1100, height: 720 });
    await searchAndOpen(page, "Huawei", "Huawei");
    await canvasSettled(page, [">=", 8]);
    const clear = async () => {
      const canvas = page.getByTestId("canvas");
      const [x1, y1, x2, y2] = ((await canvas.getAttribute("data-drawn")) ?? "").split(",").map(Number) as [number, number, number, number];
      const c = await canvas.boundingBox();
      const l = await page.locator("details.legend").boundingBox();
      if (!c || !l) throw new Error("no canvas or legend");
      expect(await page.locator("details.legend").evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
      // The graph's box (its entities and their names), in page pixels, beside or above the legend.
      const drawn = { x1: c.x + x1, y1: c.y + y1, x2: c.x + x2, y2: c.y + y2 };
      expect(drawn.x1 >= l.x + l.width || drawn.y2 <= l.y).toBe(true);
      // …and inside the canvas.
      expect(drawn.x1).toBeGreaterThanOrEqual(c.x);
      expect(drawn.y1).toBeGreaterThanOrEqual(c.y);
      expect(drawn.x2).toBeLessThanOrEqual(c.x + c.width);
      expect(drawn.y2).toBeLessThanOrEqual(c.y + c.height);
    };
    await clear();
    await page.getByTestId("canvas").evaluate((el) => {
      el.dataset.drawn = "";
    });
    await page.getByTestId("fit").click();
    await page.waitForFunction(() => Boolean(document.querySelector<HTMLElement>('[data-testid="canvas"]')?.dataset.drawn));
    await clear();
    await shot(page, "canvas-clear-of-legend");
    await page.close();
  });

  it("searches “华为” (Chinese) and finds Huawei", async () => {
    const page = await openPage();
    await searchAndOpen(page, "华为", "Huawei");
    await canvasSettled(page, [">=", 8]);
    const heading = page.getByRole("heading", { name: "Huawei", level: 2 });
    await heading.waitFor();
    expect(await heading.isVisible()).toBe(true);
    await shot(page, "search-huawei-zh");
    await page.close();
  });

  it("expands a node with a cap, then undoes and redoes it", async () => {
    const page = await openPage("/?n=nvidia&sel=nvidia");
    await page.getByRole("heading", { name: "NVIDIA", level: 2 }).waitFor();
    const before = await canvasSettled(page, ["===", 1]);
    await page.getByTestId("action-expand").click();
    const after = await canvasSettled(page, [">", before.nodes]);
    expect(after.nodes).toBeGreaterThan(before.nodes);
    await shot(page, "expand");
    await page.getByTestId("undo").click();
    expect((await canvasSettled(page, ["===", before.nodes])).nodes).toBe(before.nodes);
    await shot(page, "undo");
    await page.keyboard.press("Control+y");
    expect((await canvasSettled(page, ["===", after.nodes])).nodes).toBe(after.nodes);
    await page.close();
  });

  it("hides, pins and collapses", async () => {
    const page = await openPage("/?n=huawei,nvidia,tsmc,ascend-910b,hisilicon&sel=tsmc");
    await canvasSettled(page, ["===", 5]);
    await page.getByRole("heading", { name: "TSMC", level: 2 }).waitFor();
    await page.getByTestId("action-pin").click();
    await page.waitForFunction(() => window.location.search.includes("pin=tsmc"));
    await page.getByTestId("action-hide").click();
    await canvasSettled(page, ["===", 4]);
    await page.getByTestId("show-hidden").click();
    await canvasSettled(page, ["===", 5]);
    // collapse Huawei: its leaves (TSMC only hangs on Huawei) go, shared neighbours stay
    await page.getByTestId("tab-list").click();
    await page.getByTestId("list-view").getByRole("button", { name: "Huawei" }).click();
    await page.getByTestId("tab-details").click();
    await page.getByTestId("action-collapse").click();
    // NVIDIA and TSMC hang only on Huawei; Ascend 910B and HiSilicon are also linked to each other
    const { nodes } = await canvasSettled(page, ["<", 5]);
    expect(nodes).toBe(3);
    await page.close();
  });

  it("filters by entity kind", async () => {
    const page = await openPage();
    await searchAndOpen(page, "Huawei", "Huawei");
    const before = await canvasSettled(page, [">=", 8]);
    await page.getByTestId("tab-filters").click();
    await page.getByTestId("filter-kind-ORGANIZATION").uncheck();
    const after = await canvasSettled(page, ["<", before.nodes]);
    expect(after.nodes).toBeLessThan(before.nodes);
    expect(page.url()).toContain("xk=ORGANIZATION");
    await page.getByTestId("tab-list").click();
    const kinds = await page.getByTestId("list-view").locator("tbody").first().locator("td:nth-child(3)").allTextContents();
    expect(kinds.some((k) => k.includes("Organization"))).toBe(false);
    await shot(page, "filter-kind");
    await page.close();
  });

  it("hides relations outside their dates with the as-of slider", async () => {
    const page = await openPage("/?n=huawei,tsmc,nvidia,h20,h100&tab=filters");
    await canvasSettled(page, ["===", 5]);
    const relations = () => page.getByTestId("list-view").locator("tbody").nth(1).locator("tr").allTextContents();
    await page.getByTestId("asof-enable").check();
    // 2019-06: TSMC still supplied Huawei; NVIDIA did not design the H20 yet
    await page.getByTestId("asof-slider").fill(String((2019 - 1985) * 12 + 5));
    await page.waitForFunction(() => window.location.search.includes("asof=2019-06"));
    await page.getByTestId("tab-list").click();
    let rows = await relations();
    expect(rows.some((r) => r.includes("TSMC") && r.includes("supplies"))).toBe(true);
    expect(rows.some((r) => r.includes("H20") && r.includes("designs"))).toBe(false);
    await shot(page, "as-of-2019");
    await page.getByTestId("tab-filters").click();
    await page.getByTestId("asof-slider").fill(String((2024 - 1985) * 12));
    await page.waitForFunction(() => window.location.search.includes("asof=2024-01"));
    await page.getByTestId("tab-list").click();
    rows = await relations();
    expect(rows.some((r) => r.includes("supplies"))).toBe(false);
    expect(rows.some((r) => r.includes("H20") && r.includes("designs"))).toBe(true);
    await shot(page, "as-of-2024");
    await page.close();
  });

  it("finds the path between two entities, lists it in words and highlights it", async () => {
    const page = await openPage("/?tab=path");
    await page.getByTestId("path-from").fill("Ren Zhengfei");
    await page.getByRole("option").filter({ hasText: "Ren Zhengfei" }).first().click();
    await page.getByTestId("path-to").fill("H100");
    await page.getByRole("option").filter({ hasText: "H100" }).first().click();
    await page.getByTestId("path-find").click();
    const results = page.getByTestId("path-results");
    await results.getByText("NVIDIA designs H100").first().waitFor();
    const text = await results.textContent();
    expect(text).toMatch(/Ren Zhengfei (founded|leads) Huawei/);
    expect(page.url()).toContain("path=ren-zhengfei,h100");
    await canvasSettled(page, [">=", 4]);
    await shot(page, "path");
    await page.close();
    // A link with the question alone (nothing on the canvas) shows its ends in the fields too.
    const linked = await openPage("/?tab=path&path=ren-zhengfei,h100,4");
    await linked.getByTestId("path-results").getByText("NVIDIA designs H100").first().waitFor();
    await linked.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-testid="path-from"]')?.value === "Ren Zhengfei");
    expect(await linked.getByTestId("path-to").inputValue()).toContain("H100");
    await linked.close();
  });

  it("shows details: both names, kind, country, attributes, and relations with their sources", async () => {
    const page = await openPage("/?n=huawei&sel=huawei");
    const details = page.getByTestId("details");
    await details.getByRole("heading", { name: "Huawei" }).waitFor();
    await details.getByText("华为", { exact: true }).waitFor();
    const text = await details.textContent();
    expect(text).toContain("Organization");
    expect(text).toContain("China");
    expect(text).toContain("Shenzhen, China");
    const link = details.getByRole("link", { name: "任正非接受人民日报专访" });
    expect(await link.getAttribute("href")).toBe("http://paper.people.com.cn/rmrb/pc/layout/202506/10/node_01.html");
    expect(text).toContain("人民日报 · 2025-06-10");
    expect(text).toContain("confirmed");
    // tests/fixtures/web-seed/audits/1.yaml: one of Huawei's relations was read against its sources as it stands.
    expect(text?.split("Checked against its sources on 2026-12-06")).toHaveLength(2);
    await shot(page, "details");
    await page.close();
  });

  it("keeps the whole view in the URL: a deep link reloads it, back and forward work", async () => {
    const page = await openPage();
    await searchAndOpen(page, "Huawei", "Huawei");
    const first = await canvasSettled(page, [">=", 8]);
    await page.getByTestId("tab-list").click();
    await page.getByTestId("list-view").getByRole("button", { name: "NVIDIA" }).click();
    await page.getByTestId("tab-details").click();
    // selecting and switching tabs change the URL in place; expanding adds a history entry
    const firstUrl = page.url();
    expect(firstUrl).toContain("sel=nvidia");
    await page.getByTestId("action-expand").click();
    const second = await canvasSettled(page, [">", first.nodes]);
    const deepLink = page.url();
    expect(deepLink).toContain("x=");

    const again = await openPage(deepLink.replace(explorer().base, ""));
    expect((await canvasSettled(again, ["===", second.nodes])).nodes).toBe(second.nodes);
    await again.getByRole("heading", { name: "NVIDIA", level: 2 }).waitFor();
    await shot(again, "deep-link");
    await again.close();

    await page.goBack();
    await page.waitForFunction((u) => window.location.href === u, firstUrl);
    expect((await canvasSettled(page, ["===", first.nodes])).nodes).toBe(first.nodes);
    await page.goForward();
    expect((await canvasSettled(page, ["===", second.nodes])).nodes).toBe(second.nodes);
    await page.close();
  });

  it("is keyboard operable: arrows move between entities, Enter expands", async () => {
    const page = await openPage("/?n=nvidia,huawei");
    await canvasSettled(page, ["===", 2]);
    await page.getByTestId("canvas").focus();
    await page.keyboard.press("ArrowRight");
    await page.getByTestId("details").waitFor();
    const selected = new URL(page.url()).searchParams.get("sel");
    expect(["nvidia", "huawei"]).toContain(selected);
    await page.keyboard.press("Enter");
    await canvasSettled(page, [">", 2]);
    await page.keyboard.press("Control+z");
    await canvasSettled(page, ["===", 2]);
    await page.close();
  });

  it("exports the view as PNG, JSON and GraphML", async () => {
    const page = await openPage("/?n=huawei,nvidia,ascend-910b");
    await canvasSettled(page, ["===", 3]);
    const save = async (testId: string) => {
      await page.getByTestId("export").click();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
      const file = path.join(ARTIFACTS, `e2e-export-${download.suggestedFilename().replace(/\d{4}-\d{2}-\d{2}/, "view")}`);
      await download.saveAs(file);
      return fs.readFileSync(file);
    };
    const png = await save("export-png");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(5_000);
    const json = JSON.parse((await save("export-json")).toString()) as { nodes: { id: string }[]; edges: { type: string }[] };
    expect(json.nodes.map((n) => n.id).sort()).toEqual(["ascend-910b", "huawei", "nvidia"]);
    expect(json.edges.map((e) => e.type)).toEqual(expect.arrayContaining(["DESIGNS", "COMPETES_WITH"]));
    const graphml = (await save("export-graphml")).toString();
    expect(graphml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
    expect(graphml).toContain('<node id="huawei">');
    expect(graphml).toContain('source="huawei" target="ascend-910b"');
    await page.close();
  });

  it("shows a clear banner, not a blank page, when the server goes down", async () => {
    const doomed = createAtlasServer({ db: new Database(explorer().driver, { timeoutMs: 10_000 }), ontology: loadOntology(SEED), webDist: explorer().webDist });
    const doomedBase = await listen(doomed);
    const page = await explorer().context.newPage();
    await page.goto(`${doomedBase}/`);
    await page.getByTestId("empty-state").getByText("24 entities").waitFor();
    await stop(doomed);
    await page.getByTestId("search").fill("Huawei");
    const banner = page.getByTestId("server-down");
    await banner.waitFor({ timeout: 30_000 }); // a refused connection fails at once: 30 s allows for a busy machine
    expect(await banner.getAttribute("role")).toBe("alert");
    expect(await banner.textContent()).toContain("The Atlas server cannot be reached.");
    expect(await page.locator("header h1").textContent()).toBe("AI Ecosystem Atlas");
    // The search box says the search failed, not that nothing matched.
    expect(await page.locator(".search-empty").first().textContent()).toBe("Search is unavailable: the server cannot be reached.");
    await shot(page, "server-down");
    await page.close();
  });

  it("has no serious accessibility problem with a graph, filters, paths and the list", async () => {
    const page = await openPage("/?n=huawei,nvidia,ascend-910b,tsmc,cann&sel=huawei");
    await canvasSettled(page, ["===", 5]);
    await page.getByTestId("details").waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    for (const tab of ["filters", "path", "list"]) {
      await page.getByTestId(`tab-${tab}`).click();
      expect(await accessibilityProblems(page), tab).toEqual([]);
    }
    await page.close();
  });
});
