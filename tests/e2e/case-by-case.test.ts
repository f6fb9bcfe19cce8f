/**
 * A listing whose licences are reviewed case by case: the impact view names what it restricts and
 * says why it cuts nothing, once (the web fixture plus one such listing of SMIC).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, type Explorer, SEED, startExplorer } from "./setup.js";

let explorer: Explorer;

beforeAll(async () => {
  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-listing-"));
  fs.cpSync(SEED, seedDir, { recursive: true });
  fs.writeFileSync(
    path.join(seedDir, "entities/policy/smic-listing-case-by-case.yaml"),
    [
      "id: smic-listing-case-by-case",
      "kind: POLICY",
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
      "",
    ].join("\n"),
  );
  explorer = await startExplorer({ seedDir });
}, 240_000);

afterAll(async () => {
  await explorer?.close();
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
