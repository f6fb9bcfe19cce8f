/**
 * The explorer end to end: the real server (GraphQL over the real Neo4j, synced from a small
 * fixture seed) serves a fresh Vite build of web/, and Debian's Chromium drives it.
 * Each test saves a screenshot under tests/artifacts/; axe-core checks accessibility.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import axe from "axe-core";
import type { Driver } from "neo4j-driver";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { Database } from "../../server/src/db/run.js";
import { createAtlasServer } from "../../server/src/http.js";
import { loadOntology } from "../../server/src/ontology.js";
import { syncSeed } from "../../server/src/seed/sync.js";
import { formatProblem, validateSeed } from "../../server/src/seed/validate.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";

const SEED = path.join(repoRoot, "tests/fixtures/web-seed");
const ARTIFACTS = path.join(repoRoot, "tests/artifacts");
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let driver: Driver;
let server: ReturnType<typeof createAtlasServer>;
let base: string;
let webDist: string;
let browser: Browser;
let context: BrowserContext;

async function listen(s: ReturnType<typeof createAtlasServer>): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

async function stop(s: ReturnType<typeof createAtlasServer>): Promise<void> {
  await new Promise<void>((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });
}

async function openPage(url = "/"): Promise<Page> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  (page as Page & { problems?: string[] }).problems = problems;
  await page.goto(new URL(url, base).href);
  await page.waitForSelector(".tabs");
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `e2e-${name}.png`) });
}

type Count = [op: "===" | ">" | ">=" | "<", value: number];

/** Waits until the canvas shows a number of entities (e.g. [">", 3]) and its layout has stopped. */
async function canvasSettled(page: Page, [op, value]: Count = [">", 0]): Promise<{ nodes: number; edges: number }> {
  // A structured test, not a string to evaluate: the page's CSP forbids eval.
  await page.waitForFunction(
    ([o, v]) => {
      const el = document.querySelector<HTMLElement>('[data-testid="canvas"]');
      if (!el || el.dataset.layout === "running") return false;
      const n = Number(el.dataset.nodes ?? 0);
      return o === "===" ? n === v : o === ">" ? n > v : o === ">=" ? n >= v : n < v;
    },
    [op, value] as Count,
    { timeout: 15_000 },
  );
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="canvas"]');
    return { nodes: Number(el?.dataset.nodes ?? 0), edges: Number(el?.dataset.edges ?? 0) };
  });
}

async function searchAndOpen(page: Page, query: string, optionText: string): Promise<void> {
  await page.getByTestId("search").fill(query);
  const option = page.getByRole("option").filter({ hasText: optionText }).first();
  await option.waitFor({ timeout: 10_000 });
  await option.click();
}

/** Runs axe-core in the page; returns the serious and critical violations. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  // evaluated over the DevTools protocol: the page's CSP rightly refuses inline scripts
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const run = (
      window as unknown as {
        axe: {
          run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[]; help: string }[] }>;
        };
      }
    ).axe.run;
    return run(document, { resultTypes: ["violations"] });
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const ontology = loadOntology(SEED);
  const checked = validateSeed({ seedDir: SEED, ontology });
  if (!checked.graph) throw new Error(`The web fixture seed is invalid:\n${checked.problems.map(formatProblem).join("\n")}`);
  driver = testDriver();
  await clearAtlasGraph(driver);
  await syncSeed(checked.graph, { driver, ontology });

  webDist = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-web-"));
  await build({
    root: path.join(repoRoot, "web"),
    configFile: path.join(repoRoot, "web/vite.config.ts"),
    logLevel: "warn",
    build: { outDir: webDist, emptyOutDir: true },
  });

  server = createAtlasServer({ db: new Database(driver, { timeoutMs: 10_000 }), ontology, webDist });
  base = await listen(server);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US", acceptDownloads: true });
}, 240_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (server) await stop(server);
  await driver?.close();
  if (webDist) fs.rmSync(webDist, { recursive: true, force: true });
});

describe("the explorer", () => {
  it("serves a page without inline scripts", async () => {
    const html = await (await fetch(base)).text();
    expect(html).toContain('<div id="root">');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body?.trim()).toBe("");
    }
  });

  it("shows the empty state, with no serious accessibility problem", async () => {
    const page = await openPage();
    await page.getByTestId("empty-state").getByText("18 entities").waitFor();
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

  it("searches “华为” (Chinese) and finds Huawei", async () => {
    const page = await openPage();
    await searchAndOpen(page, "华为", "Huawei");
    await canvasSettled(page, [">=", 8]);
    await page.getByRole("heading", { name: "Huawei", level: 2 }).waitFor();
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

    const again = await openPage(deepLink.replace(base, ""));
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

  it("switches the language to Chinese", async () => {
    const page = await openPage("/?n=huawei,nvidia,ascend-910b&sel=huawei&tab=list");
    await canvasSettled(page, ["===", 3]);
    await page.getByTestId("lang").click();
    await page.getByRole("heading", { name: "人工智能生态图谱" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    const names = await page.getByTestId("list-view").locator("tbody").first().locator("th").allTextContents();
    expect(names).toEqual(expect.arrayContaining(["华为", "英伟达", "昇腾910B"]));
    expect(page.url()).toContain("lang=zh");
    await shot(page, "chinese");
    expect(await accessibilityProblems(page)).toEqual([]);
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
    const doomed = createAtlasServer({ db: new Database(driver, { timeoutMs: 10_000 }), ontology: loadOntology(SEED), webDist });
    const doomedBase = await listen(doomed);
    const page = await context.newPage();
    await page.goto(`${doomedBase}/`);
    await page.getByTestId("empty-state").getByText("18 entities").waitFor();
    await stop(doomed);
    await page.getByTestId("search").fill("Huawei");
    const banner = page.getByTestId("server-down");
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.getAttribute("role")).toBe("alert");
    expect(await banner.textContent()).toContain("The Atlas server cannot be reached.");
    expect(await page.locator("header h1").textContent()).toBe("AI Ecosystem Atlas");
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
