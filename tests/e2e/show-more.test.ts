/**
 * Expanding a node with more neighbours than the cap: the first expansion shows the cap, "Show
 * more" brings the rest, and undo takes them away again.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canvasSettled, type Explorer, SEED, shot, startExplorer } from "./setup.js";

const NEIGHBOURS = 20;
let explorer: Explorer;

beforeAll(async () => {
  // The web fixture plus one lab with more models than the expansion cap (15).
  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-hub-"));
  fs.cpSync(SEED, seedDir, { recursive: true });
  fs.mkdirSync(path.join(seedDir, "entities/model"), { recursive: true });
  const relations: string[] = [];
  for (let i = 1; i <= NEIGHBOURS; i++) {
    const id = `hub-model-${String(i).padStart(2, "0")}`;
    fs.writeFileSync(path.join(seedDir, "entities/model", `${id}.yaml`), `id: ${id}\nkind: MODEL\nname: Hub model ${i}\n`);
    relations.push(`  - type: DEVELOPS\n    to: ${id}\n    status: confirmed\n    sources:\n      - wikipedia-deepseek\n`);
  }
  fs.writeFileSync(
    path.join(seedDir, "entities/organization/hub-lab.yaml"),
    `id: hub-lab\nkind: ORGANIZATION\nname: Hub Lab\ncountry: US\nrelations:\n${relations.join("")}`,
  );
  explorer = await startExplorer({ seedDir });
}, 240_000);

afterAll(async () => {
  await explorer?.close();
});

describe("expanding past the cap", () => {
  it("shows 15 neighbours, then the rest with “Show more”, and undo takes them back", async () => {
    const page = await explorer.openPage("/?n=hub-lab&sel=hub-lab");
    await page.getByRole("heading", { name: "Hub Lab", level: 2 }).waitFor();
    await canvasSettled(page, ["===", 1]);
    await page.getByTestId("action-expand").click();
    const capped = await canvasSettled(page, ["===", 16]);
    expect(capped.edges).toBe(15);
    const more = page.getByTestId("action-more");
    expect(await more.textContent()).toBe("Show more (5)");
    await more.click();
    const all = await canvasSettled(page, ["===", NEIGHBOURS + 1]);
    expect(all.edges).toBe(NEIGHBOURS);
    await shot(page, "show-more");
    await page.getByTestId("undo").click();
    expect((await canvasSettled(page, ["===", 16])).nodes).toBe(16);
    await page.close();
  });
});
