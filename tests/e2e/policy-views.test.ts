/**
 * The views of policies: the timeline of controls and countermeasures, and the impact of a listing
 * whose licences are reviewed case by case (the web fixture plus one such listing of SMIC, one
 * Chinese countermeasure answering the October 2022 rules, and a Chinese import ban on the H100).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, type Explorer, SEED, startExplorer } from "./setup.js";

let explorer: Explorer;

const policy = (id: string, lines: string[]) => [`id: ${id}`, "kind: POLICY", ...lines, ""].join("\n");

beforeAll(async () => {
  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-policies-"));
  fs.cpSync(SEED, seedDir, { recursive: true });
  const write = (id: string, lines: string[]) => fs.writeFileSync(path.join(seedDir, `entities/policy/${id}.yaml`), policy(id, lines));
  write("smic-listing-case-by-case", [
    "name: SMIC listing (case by case)",
    "country: US",
    "relations:",
    "  - type: RESTRICTS",
    "    to: smic",
    "    status: confirmed",
    "    attributes:",
    "      licenceReview: case-by-case",
    "    sources:",
    "      - fixture-statements",
  ]);
  write("china-countermeasure-2023", [
    "name: Chinese countermeasure (fixture)",
    "nameZh: 中国反制措施（测试）",
    "country: CN",
    "attributes:",
    "  policyType: countermeasure",
    "  announced: 2023-07-03",
    "  effective: 2023-08-01",
    "relations:",
    "  - type: RESPONDS_TO",
    "    to: us-export-controls-2022",
    "    status: confirmed",
    "    sources:",
    "      - fixture-statements",
  ]);
  write("china-import-ban-2024", [
    "name: Chinese import ban (fixture)",
    "nameZh: 中国进口禁令（测试）",
    "country: CN",
    "attributes:",
    "  policyType: countermeasure",
    "  effective: 2024-01-15",
    "  direction: imports",
    "relations:",
    "  - type: RESTRICTS",
    "    to: h100",
    "    status: confirmed",
    "    sources:",
    "      - fixture-statements",
  ]);
  explorer = await startExplorer({ seedDir });
}, 240_000);

afterAll(async () => {
  await explorer?.close();
});

const rowIds = (page: import("playwright-core").Page) => page.getByTestId("timeline-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-entity")));

describe("the timeline of controls and countermeasures", () => {
  it("lists every policy by the day it took effect, with what it restricts and what answers it, and filters by issuer", async () => {
    const page = await explorer.openPage("/?tab=timeline");
    await page.getByTestId("timeline").waitFor();
    // By effective date, else announced: the Dutch rule of March 2023 took effect in September; undated last.
    expect(await rowIds(page)).toEqual([
      "us-export-controls-2022",
      "china-countermeasure-2023",
      "netherlands-semiconductor-export-controls-2023",
      "us-export-controls-2023",
      "china-import-ban-2024",
      "smic-listing-case-by-case",
    ]);
    expect(await page.locator(".timeline-year th").allTextContents()).toEqual(["2022", "2023", "2024", "Undated"]);
    expect(await page.getByTestId("timeline-count").textContent()).toBe("6 of 6 policies");
    const first = page.locator("[data-testid=timeline-row][data-entity=us-export-controls-2022]");
    expect(await first.getByTestId("timeline-restricts").textContent()).toBe("Restricts:H100");
    expect(await first.getByTestId("timeline-answered").textContent()).toBe("Answered by:Chinese countermeasure (fixture)");
    const answer = page.locator("[data-testid=timeline-row][data-entity=china-countermeasure-2023]");
    expect(await answer.getByTestId("timeline-responds").textContent()).toBe("Answers:US advanced computing export controls (October 2022)");
    // A rule that restricts nothing offers no impact.
    expect(await answer.getByTestId("timeline-impact").count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    // One issuer: the filter is in the link, and the link opens it again.
    await page.getByTestId("timeline-issuer").selectOption("CN");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("issuer") === "CN");
    expect(await rowIds(page)).toEqual(["china-countermeasure-2023", "china-import-ban-2024"]);
    expect(await page.getByTestId("timeline-count").textContent()).toBe("2 of 6 policies");
    await page.goto(new URL("/?tab=timeline&issuer=US&ptype=export-control-rule&lang=zh", explorer.base).href);
    await page.getByTestId("timeline").waitFor();
    expect(await rowIds(page)).toEqual(["us-export-controls-2022", "us-export-controls-2023"]);
    expect(await page.getByRole("heading", { level: 2 }).first().textContent()).toBe("管制与反制时间线");

    // What a rule cuts opens its impact in the supply-chain panel.
    await page.locator("[data-testid=timeline-row][data-entity=us-export-controls-2022]").getByTestId("timeline-impact").click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("sel") === "us-export-controls-2022");
    expect(new URL(page.url()).searchParams.get("tab")).toBe("supply");
    expect(await page.getByTestId("impact-restricted").textContent()).toBe("H100");
    // The language chosen by the link is remembered: forget it for the other tests.
    await page.evaluate(() => window.localStorage.removeItem("atlas.lang"));
    await page.close();
  });

  it("is one of the front page's questions", async () => {
    const page = await explorer.openPage("/");
    await page.getByTestId("ask-timeline").click();
    await page.getByTestId("timeline").waitFor();
    expect(await page.getByTestId("tab-timeline").getAttribute("aria-selected")).toBe("true");
    await page.close();
  });
});

describe("a listing reviewed case by case", () => {
  it("lists SMIC as restricted, says the atlas cuts nothing with it, and shows no other notice or cut", async () => {
    const page = await explorer.openPage("/?tab=supply&sel=smic-listing-case-by-case");
    const notice = page.getByTestId("impact-case-by-case");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^Licences reviewed case by case.*cuts nothing with it, for: SMIC$/);
    expect(await page.getByTestId("impact-restricted").textContent()).toBe("SMIC");
    expect(await page.getByTestId("impact-nothing").count()).toBe(0);
    expect(await page.getByTestId("impact-cuts").count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });
});

describe("an import ban", () => {
  it("says in its own terms why it cuts nothing, and offers no export rule to apply with it", async () => {
    // The fixture's Chinese import ban on the H100 finds no Chinese buyer of it; the US rule on the
    // H100 controls exports, so it is not offered alongside.
    const page = await explorer.openPage("/?tab=supply&sel=china-import-ban-2024");
    const notice = page.getByTestId("impact-nothing");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^This import ban cuts nothing on this day: .*no buyer in the issuer's country/);
    expect(await page.getByTestId("impact-restricted").textContent()).toBe("H100");
    expect(await page.getByTestId("impact-together").count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });
});
