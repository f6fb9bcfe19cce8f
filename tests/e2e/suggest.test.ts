/**
 * "Suggest a connection" end to end: the form in the explorer, checked live by the API's
 * validation-only `suggestRelation` over the real Neo4j, in Debian's Chromium. A valid relation
 * shows its YAML and a link to its seed file; each problem shows by its field; nothing is written.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, canvasSettled, type Explorer, shot, startExplorer } from "./setup.js";

const REPO_URL = "https://github.com/example-org/atlas-fork";

let explorer: Explorer;
let before: string;

/** Everything the Atlas keeps in Neo4j, as text: entities, sources, the seed marker and relations. */
async function databaseSnapshot(): Promise<string> {
  const nodes = await explorer.driver.executeQuery("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id");
  const relations = await explorer.driver.executeQuery(
    "MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY r.id, a.id, b.id",
  );
  return JSON.stringify({ nodes: nodes.records.map((r) => r.toObject()), relations: relations.records.map((r) => r.toObject()) });
}

beforeAll(async () => {
  explorer = await startExplorer({ repoUrl: REPO_URL });
  before = await databaseSnapshot();
}, 240_000);

afterAll(async () => {
  await explorer?.close();
});

/** Chooses an entity in one of the form's autocomplete boxes. */
async function pick(page: Page, testId: string, query: string, optionText: string): Promise<void> {
  const box = page.getByTestId(testId);
  await box.fill(query);
  const listbox = page.locator(`[id="${await box.getAttribute("aria-controls")}"]`);
  const option = listbox.getByRole("option").filter({ hasText: optionText }).first();
  await option.waitFor({ timeout: 10_000 });
  await option.click();
}

/** Waits for the live check to settle in a state: valid, invalid, idle or failed. */
async function checked(page: Page, state: "valid" | "invalid" | "idle" | "failed"): Promise<void> {
  await page.locator(`[data-testid="suggest-state"][data-state="${state}"]`).waitFor({ timeout: 10_000 });
}

/** The problems shown by one field, and whether that field is marked invalid and described by them. */
async function problemAt(page: Page, field: string, input: string): Promise<{ text: string; invalid: string | null; describedBy: boolean }> {
  const problems = page.getByTestId(`suggest-problem-${field}`);
  await problems.waitFor({ timeout: 10_000 });
  const text = (await problems.textContent()) ?? "";
  const id = await problems.getAttribute("id");
  const control = page.getByTestId(input);
  const describedBy = ((await control.getAttribute("aria-describedby")) ?? "").split(" ").includes(id ?? "-");
  return { text, invalid: await control.getAttribute("aria-invalid"), describedBy };
}

describe("suggest a connection", () => {
  it("checks a valid relation live and shows its YAML, a copy button and a link to the right seed file", async () => {
    await explorer.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: explorer.base });
    const page = await explorer.openPage("/?n=huawei&sel=huawei");
    await page.getByRole("heading", { name: "Huawei", level: 2 }).waitFor();
    await page.getByTestId("tab-suggest").click();
    // `from` starts as the selected entity
    expect(await page.getByTestId("suggest-from").inputValue()).toBe("Huawei");
    await checked(page, "idle");

    await pick(page, "suggest-to", "CloudMatrix", "CloudMatrix 384");
    // only the types allowed from an organization to a system are offered
    const offered = await page
      .getByTestId("suggest-type")
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining(["DESIGNS", "DEVELOPS", "MANUFACTURES"]));
    expect(offered).not.toContain("SUPPLIES");
    expect(offered).not.toContain("TRAINED_ON");
    await page.getByTestId("suggest-type").selectOption("DESIGNS");
    await page.getByTestId("suggest-reads").getByText("Huawei designs CloudMatrix 384").waitFor();
    await page.getByTestId("suggest-sources").fill("people-daily-2025-06-10");
    await page.getByTestId("suggest-since").fill("2025-04");
    await page.getByTestId("suggest-note").fill("Huawei presented the CloudMatrix 384 supernode.");
    await checked(page, "valid");

    const yaml = (await page.getByTestId("suggest-yaml").textContent()) ?? "";
    expect(yaml).toContain("type: DESIGNS");
    expect(yaml).toContain("to: cloudmatrix-384");
    expect(yaml).toContain("people-daily-2025-06-10");
    expect(yaml).toMatch(/since: "?2025-04"?/);
    expect(await page.getByTestId("suggest-result").textContent()).toContain("Add these lines under relations: in seed/entities/organization/huawei.yaml");
    const link = page.getByTestId("suggest-edit-link");
    expect(await link.getAttribute("href")).toBe(`${REPO_URL}/edit/main/seed/entities/organization/huawei.yaml`);
    expect(await link.textContent()).toContain("Open seed/entities/organization/huawei.yaml in the repository editor");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toContain("noopener");

    await page.getByTestId("suggest-copy").click();
    await page.getByTestId("suggest-copied").getByText("YAML copied").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(yaml);

    // the draft is part of the view: the URL reopens it
    await page.waitForFunction(() => window.location.search.includes("sto=cloudmatrix-384"));
    const url = page.url();
    expect(url).toContain("tab=suggest");
    expect(url).toContain("sfrom=huawei");
    expect(url).toContain("stype=DESIGNS");
    expect(url).toContain("ssrc=people-daily-2025-06-10");
    expect(url).toContain("ssince=2025-04");
    await shot(page, "suggest-valid");
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((page as Page & { problems?: string[] }).problems).toEqual([]);

    const again = await explorer.openPage(url.replace(explorer.base, ""));
    await checked(again, "valid");
    // the link holds ids; their names arrive with a request of their own
    await expect.poll(() => again.getByTestId("suggest-from").inputValue()).toBe("Huawei");
    await expect.poll(() => again.getByTestId("suggest-to").inputValue()).toBe("CloudMatrix 384");
    expect(await again.getByTestId("suggest-yaml").textContent()).toBe(yaml);
    await again.close();
    await page.close();
  });

  it("works in Chinese: autocomplete by Chinese names, translated form and messages", async () => {
    const page = await explorer.openPage("/?lang=zh&tab=suggest");
    await page.getByRole("heading", { name: "建议一条关联" }).waitFor();
    await pick(page, "suggest-from", "深度求索", "深度求索");
    await pick(page, "suggest-to", "昇腾", "昇腾910B");
    expect(await page.getByTestId("suggest-from").inputValue()).toBe("深度求索");
    await page.getByTestId("suggest-type").selectOption("USES");
    expect(await page.getByTestId("suggest-reads").textContent()).toContain("深度求索 使用 昇腾910B");
    await checked(page, "invalid");
    // The server names the problem by its code; the explorer says it in Chinese, not in the server's English.
    const problem = (await problemAt(page, "sources", "suggest-sources")).text;
    expect(problem).toContain("关系至少需要一个来源");
    expect(problem).not.toContain("at least one source");
    await page.getByTestId("suggest-sources").fill("wikipedia-deepseek");
    await checked(page, "valid");
    expect(await page.getByTestId("suggest-state").textContent()).toBe("有效：可以添加这条关系。");
    const link = page.getByTestId("suggest-edit-link");
    expect(await link.textContent()).toContain("在仓库编辑器中打开 seed/entities/organization/deepseek.yaml");
    expect(await link.getAttribute("href")).toBe(`${REPO_URL}/edit/main/seed/entities/organization/deepseek.yaml`);
    await shot(page, "suggest-chinese");
    expect(await accessibilityProblems(page)).toEqual([]);
    // the explorer remembers the language; the next tests start in English again
    await page.evaluate(() => window.localStorage.removeItem("atlas.lang"));
    await page.close();
  });

  it("shows a type not allowed between the kinds by the field, after an end changes", async () => {
    const page = await explorer.openPage("/?n=huawei&sel=huawei&tab=suggest");
    await pick(page, "suggest-to", "Ascend", "Ascend 910B");
    await page.getByTestId("suggest-type").selectOption("DEVELOPS");
    await page.getByTestId("suggest-sources").fill("wikipedia-huawei");
    await checked(page, "valid");
    // TSMC is an organization: DEVELOPS does not end at one; the choice stays, marked as not allowed
    await pick(page, "suggest-to", "TSMC", "TSMC");
    await checked(page, "invalid");
    const at = await problemAt(page, "to", "suggest-to");
    expect(at.text).toContain("DEVELOPS cannot end at an organization (tsmc)");
    expect(at.invalid).toBe("true");
    expect(at.describedBy).toBe(true);
    expect(await page.getByTestId("suggest-type").locator("option:checked").textContent()).toContain("not allowed between these kinds");
    expect(await page.getByTestId("suggest-type").getAttribute("aria-invalid")).toBe("true");
    await expectNoYaml(page);
    await shot(page, "suggest-type-not-allowed");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("shows a type from a link that is not allowed at all between the kinds", async () => {
    const page = await explorer.openPage("/?tab=suggest&sfrom=huawei&stype=SUPPLIES&sto=ascend-910b&ssrc=wikipedia-huawei");
    await checked(page, "invalid");
    expect((await problemAt(page, "to", "suggest-to")).text).toContain("SUPPLIES cannot end at a chip (ascend-910b); it goes to an organization");
    await page.close();
  });

  it("shows a missing source, an unknown source and a malformed date by their fields", async () => {
    const page = await explorer.openPage("/?tab=suggest&sfrom=nvidia&stype=DESIGNS&sto=gb200-nvl72");
    await checked(page, "invalid");
    const sources = await problemAt(page, "sources", "suggest-sources");
    expect(sources.text).toContain("a relation needs at least one source");
    expect(sources.invalid).toBe("true");
    expect(sources.describedBy).toBe(true);

    await page.getByTestId("suggest-sources").fill("wikipedia-nowhere");
    await page.getByTestId("suggest-problem-sources").getByText('unknown source id "wikipedia-nowhere"').waitFor();

    await page.getByTestId("suggest-sources").fill("wikipedia-nvidia");
    await page.getByTestId("suggest-since").fill("May 2024");
    await page.getByTestId("suggest-problem-since").waitFor();
    await checked(page, "invalid");
    expect(await page.getByTestId("suggest-problem-sources").count()).toBe(0);
    const since = await problemAt(page, "since", "suggest-since");
    expect(since.text).toContain('since must be a partial ISO date such as 2019, 2019-05 or 2019-05-16; got "May 2024"');
    expect(since.invalid).toBe("true");
    expect(since.describedBy).toBe(true);

    await page.getByTestId("suggest-since").fill("2024-02-30");
    await page.getByTestId("suggest-problem-since").getByText("since 2024-02-30 is not a real calendar date").waitFor();
    await page.getByTestId("suggest-since").fill("2024-03");
    await page.getByTestId("suggest-until").fill("2023");
    await page.getByTestId("suggest-problem-until").getByText("until 2023 is before since 2024-03").waitFor();
    await shot(page, "suggest-problems");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByTestId("suggest-until").fill("");
    await checked(page, "valid");
    await page.close();
  });

  it("asks who claims a claimed relation, and takes the claimant from the autocomplete", async () => {
    const page = await explorer.openPage("/?tab=suggest&sfrom=huawei&stype=DESIGNS&sto=cloudmatrix-384&ssrc=people-daily-2025-06-10");
    await checked(page, "valid");
    await page.getByTestId("suggest-status").selectOption("claimed");
    await checked(page, "invalid");
    expect((await problemAt(page, "status", "suggest-status")).text).toContain("a claimed relation needs `claimedBy`");
    await pick(page, "suggest-claimant", "华为", "Huawei");
    await page.getByTestId("suggest-claimants").getByText("Huawei").waitFor();
    // A claim also needs the words of its source.
    await checked(page, "invalid");
    expect((await problemAt(page, "status", "suggest-status")).text).toContain("a claimed relation needs a quote");
    await page.getByTestId("suggest-quote").fill("华为发布了Cloud Matrix 384。");
    await page.getByTestId("suggest-quote-translation").fill("Huawei released CloudMatrix 384.");
    await checked(page, "valid");
    const yaml = (await page.getByTestId("suggest-yaml").textContent()) ?? "";
    expect(yaml).toMatch(/claimedBy:\s*\n\s*- huawei/);
    expect(yaml).toMatch(
      /quotes:\s*\n\s*- text: 华为发布了Cloud Matrix 384。\s*\n\s*language: zh\s*\n\s*translation: Huawei released CloudMatrix 384.\s*\n\s*source: people-daily-2025-06-10/,
    );
    expect(new URL(page.url()).searchParams.get("squote")).toBe("华为发布了Cloud Matrix 384。");
    await page.getByRole("button", { name: "Remove Huawei" }).click();
    await checked(page, "invalid");
    await page.close();
  });

  it("refuses a duplicate of an existing relation", async () => {
    const page = await explorer.openPage("/?tab=suggest&sfrom=huawei&stype=DESIGNS&sto=ascend-910b&ssrc=wikipedia-huawei");
    await checked(page, "invalid");
    const problem = page.getByTestId("suggest-problem-relation");
    expect(await problem.textContent()).toContain("duplicate relation huawei/DESIGNS/ascend-910b");
    await expectNoYaml(page);
    // a symmetric relation is the same either way round
    const mirror = await explorer.openPage("/?tab=suggest&sfrom=nvidia&stype=COMPETES_WITH&sto=huawei&ssrc=wikipedia-nvidia");
    await checked(mirror, "invalid");
    expect(await mirror.getByTestId("suggest-problem-relation").textContent()).toContain("duplicate relation nvidia/COMPETES_WITH/huawei");
    await mirror.close();
    // a key tells two relations apart
    await page.getByTestId("suggest-key").fill("second-generation");
    await checked(page, "valid");
    expect(await page.getByTestId("suggest-yaml").textContent()).toContain("key: second-generation");
    await shot(page, "suggest-duplicate-key");
    await page.close();
  });

  it("is operable with the keyboard alone", async () => {
    const page = await explorer.openPage("/?tab=suggest");
    // The panel loads on first use: a reader tabs into the form once it is on the screen.
    await page.getByTestId("suggest-from").waitFor();
    await page.getByTestId("tab-suggest").focus();
    await page.keyboard.press("Tab"); // the tab panel
    await page.keyboard.press("Tab"); // from
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("suggest-from");
    await page.keyboard.type("Huawei");
    await page.getByTestId("suggest-from").and(page.locator('[aria-expanded="true"]')).waitFor();
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("suggest-from").inputValue()).toBe("Huawei");
    await page.keyboard.press("Tab"); // type
    await page.keyboard.press("Tab"); // to
    await page.keyboard.type("Ascend");
    await page.getByTestId("suggest-to").and(page.locator('[aria-expanded="true"]')).waitFor();
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("suggest-to").inputValue()).toBe("Ascend 910B");
    await page.keyboard.press("Shift+Tab"); // back to type
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("suggest-type");
    await page.keyboard.press("ArrowDown");
    const type = await page.getByTestId("suggest-type").inputValue();
    expect(type).not.toBe("");
    await page.keyboard.press("Tab"); // to
    await page.keyboard.press("Tab"); // sources
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("suggest-sources");
    await page.keyboard.type("wikipedia-huawei");
    await checked(page, "valid");
    for (let i = 0; i < 20; i++) {
      if ((await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === "suggest-copy") break;
      await page.keyboard.press("Tab");
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("suggest-copy");
    await page.keyboard.press("Enter");
    await page
      .getByTestId("suggest-copied")
      .getByText(/YAML copied|Ctrl\+C/)
      .waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("suggest-edit-link");
    await shot(page, "suggest-keyboard");
    await page.close();
  });

  it("keeps the draft while switching tabs and undoing a canvas change", async () => {
    const page = await explorer.openPage("/?n=nvidia&sel=nvidia&tab=suggest");
    await canvasSettled(page, ["===", 1]);
    expect(await page.getByTestId("suggest-from").inputValue()).toBe("NVIDIA");
    await page.getByTestId("suggest-sources").fill("wikipedia-nvidia");
    await page.getByTestId("suggest-note").fill("draft in progress");
    await page.getByTestId("tab-details").click();
    await page.waitForFunction(() => window.location.search.includes("snote=draft"));
    await page.getByTestId("action-expand").click();
    await canvasSettled(page, [">", 1]);
    await page.getByTestId("undo").click();
    await canvasSettled(page, ["===", 1]);
    await page.getByTestId("tab-suggest").click();
    expect(await page.getByTestId("suggest-sources").inputValue()).toBe("wikipedia-nvidia");
    expect(await page.getByTestId("suggest-note").inputValue()).toBe("draft in progress");
    await page.close();
  });

  it("asks what the atlas does not know about an entity, and drafts the relation that would answer it", async () => {
    const page = await explorer.openPage("/?n=h20&sel=h20");
    await page.getByRole("heading", { name: "H20", level: 2 }).waitFor();
    // The fixture names no fab and no process node for the H20; Nvidia designs it.
    const questions = page.getByTestId("open-questions");
    await questions.waitFor();
    const asked = await questions.locator("[data-question]").evaluateAll((items) => items.map((i) => i.getAttribute("data-question")));
    expect(asked).toEqual(["CHIP_WITHOUT_MANUFACTURER", "CHIP_WITHOUT_PROCESS_NODE"]);
    expect(await questions.textContent()).toContain("Which fab makes it?");
    await page.getByTestId("answer-h20-CHIP_WITHOUT_MANUFACTURER").click();
    expect(await page.getByTestId("tab-suggest").getAttribute("aria-selected")).toBe("true");
    // Who makes it is the open end: the H20 is what is made.
    expect(await page.getByTestId("suggest-to").inputValue()).toBe("H20");
    expect(await page.getByTestId("suggest-from").inputValue()).toBe("");
    expect(await page.getByTestId("suggest-type").inputValue()).toBe("MANUFACTURES");
    await pick(page, "suggest-from", "TSMC", "TSMC");
    await page.getByTestId("suggest-reads").getByText("TSMC manufactures H20").waitFor();
    // An entity the atlas knows enough about has no such section.
    await page.goto(new URL("/?n=smic&sel=smic", explorer.base).href);
    await page.getByRole("heading", { name: "SMIC", level: 2 }).waitFor();
    expect(await page.getByTestId("open-questions").count()).toBe(0);
    await page.close();
  });

  it("lists under a supply tree what the atlas does not know about its entities, in Chinese too", async () => {
    const page = await explorer.openPage("/?sel=deepseek-v3&tab=supply");
    const unknown = page.getByTestId("supply-questions");
    await unknown.waitFor({ timeout: 20_000 });
    // DeepSeek-V3 was trained on the H20, whose fab and node the fixture does not name.
    const entities = await unknown.locator("li > [data-entity]").evaluateAll((els) => els.map((e) => e.getAttribute("data-entity")));
    expect(entities).toEqual(["h20"]);
    expect(await unknown.textContent()).toMatch(/H20\s*Which fab makes it\?.*On which process node is it made\?/);
    await page.getByTestId("lang").click();
    await unknown.getByText("由哪家晶圆厂制造？").waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("shows contributors where the atlas needs them, by question, and drafts an answer from the list", async () => {
    const page = await explorer.openPage("/?tab=suggest&lang=en");
    const help = page.getByTestId("where-to-help");
    await help.waitFor({ timeout: 20_000 });
    const fab = help.locator('details[data-question="CHIP_WITHOUT_MANUFACTURER"]');
    // The summary counts the entities asking it; opening it lists them, the H20 among them.
    const count = Number((await fab.locator("summary").textContent())?.match(/\((\d+)\)/)?.[1]);
    expect(count).toBeGreaterThan(0);
    await fab.locator("summary").click();
    await fab.locator('[data-entity="h20"]').waitFor({ timeout: 10_000 });
    expect(await fab.locator("li [data-entity]").count()).toBe(count);
    // A question nobody asks is not listed.
    expect(await help.locator('details[data-question="MODEL_WITHOUT_TRAINING_HARDWARE"]').count()).toBe(0);
    await fab.getByTestId("help-h20-CHIP_WITHOUT_MANUFACTURER").click();
    await expect.poll(() => page.getByTestId("suggest-to").inputValue()).toBe("H20");
    expect(await page.getByTestId("suggest-type").inputValue()).toBe("MANUFACTURES");
    // The form comes back into view, its title focused.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Suggest a connection");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByTestId("lang").click();
    await help.getByText("由哪家晶圆厂制造？").waitFor();
    await page.close();
  });

  it("leaves the database unchanged", async () => {
    expect(await databaseSnapshot()).toBe(before);
  });
});

async function expectNoYaml(page: Page): Promise<void> {
  expect(await page.getByTestId("suggest-yaml").count()).toBe(0);
  expect(await page.getByTestId("suggest-edit-link").count()).toBe(0);
}
