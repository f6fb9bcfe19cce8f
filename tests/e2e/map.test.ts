/**
 * The front page: opening "/" with no state in the URL shows the whole fixture graph as the map,
 * names appear as the reader zooms in, the keyboard zooms and pans it, and clicking an entity opens
 * it (details and neighbourhood); the region in view is kept in the URL, so a link opens it again.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { drawn, inView, mapReady, mapView, pixel, urlFollowsMap } from "./map-probe.js";
import { accessibilityProblems, canvasSettled, explorerForFile, shot } from "./setup.js";

const explorer = explorerForFile();

describe("the front-page map", () => {
  it("shows every entity of the graph on opening /, with no serious accessibility problem", async () => {
    const page = await explorer().openPage("/");
    await mapReady(page);
    const expected = await explorer().driver.executeQuery("MATCH (n:AtlasEntity) RETURN n.id AS id ORDER BY id");
    const ids = (await drawn(page)).map((n) => n.id).sort();
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).toEqual(expected.records.map((r) => r.get("id")));
    await shot(page, "map");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("leaves the map in view: where to start sits beside it, the legend is folded, the status line counts the map", async () => {
    const page = await explorer().openPage("/");
    await mapReady(page);
    // Where to start is in the details panel, not on a card over the map's top-left corner (where
    // the China side's name and the upper rows' names are drawn).
    const start = page.locator("aside [data-testid='empty-state']");
    await start.getByText("24 entities").waitFor();
    expect(await page.locator(".canvas-wrap [data-testid='empty-state']").count()).toBe(0);
    // The legend shows its title only; opened, it shows the kinds.
    const legend = page.locator("details.legend");
    expect(await legend.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    // What is drawn over the map (controls, the legend's title, the status lines) hides little of it.
    const map = page.getByTestId("map");
    const box = await map.boundingBox();
    if (!box) throw new Error("the map has no box");
    const covered = await page.evaluate((b) => {
      let hidden = 0;
      let all = 0;
      for (let x = b.x + 5; x < b.x + b.width; x += 20)
        for (let y = b.y + 5; y < b.y + b.height; y += 20) {
          all++;
          if (document.elementFromPoint(x, y)?.closest('[data-testid="map"]') === null) hidden++;
        }
      return hidden / all;
    }, box);
    expect(covered).toBeLessThan(0.05);
    await legend.locator("summary").click();
    await legend.getByText("Organization").waitFor();
    // The status line counts what the map shows, not the (empty) working canvas.
    const relations = await explorer().driver.executeQuery("MATCH (:AtlasEntity)-[r]->(:AtlasEntity) WHERE r.id IS NOT NULL RETURN count(r) AS n");
    const entities = (await drawn(page)).length;
    expect(await page.getByTestId("status").textContent()).toBe(`On the map: ${entities} entities · ${relations.records[0]?.get("n")} relations`);
    await page.close();
  });

  it("fits a phone's width: the map above, where to start below it, nothing scrolled sideways", async () => {
    const page = await explorer().openPage("/");
    await page.setViewportSize({ width: 412, height: 823 });
    await mapReady(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
    const map = await page.getByTestId("map").boundingBox();
    const start = await page.locator("aside [data-testid='empty-state']").boundingBox();
    if (!map || !start) throw new Error("the map or where to start has no box");
    expect(map.width).toBeGreaterThan(380);
    expect(start.y).toBeGreaterThanOrEqual(map.y + map.height);
    await page.close();
  });

  it("shows names once zoomed in", async () => {
    const page = await explorer().openPage("/");
    await mapReady(page);
    const map = page.getByTestId("map");
    expect(await map.getAttribute("data-labels")).toBe("hidden");
    expect((await drawn(page)).filter((n) => n.named)).toEqual([]);
    const box = await map.boundingBox();
    if (!box) throw new Error("the map has no box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 40 && (await map.getAttribute("data-labels")) !== "shown"; i++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(80);
    }
    expect(await map.getAttribute("data-labels")).toBe("shown");
    // Once the view rests, the entities in view have their names painted (and only then).
    const box2 = await map.boundingBox();
    if (!box2) throw new Error("the map has no box");
    await expect
      .poll(async () => (await drawn(page)).some((n) => n.named && n.x >= box2.x && n.x <= box2.x + box2.width && n.y >= box2.y && n.y <= box2.y + box2.height))
      .toBe(true);
    await shot(page, "map-zoomed");
    await page.close();
  });

  it("zooms with + and −, pans with the arrow keys and shows the whole map again with 0, with no serious accessibility problem", async () => {
    const page = await explorer().openPage("/");
    await mapReady(page);
    const map = page.getByTestId("map");
    await map.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("map");
    await page.getByText("Keys on the map: +/− zoom").waitFor();
    const start = await mapView(page);

    await page.keyboard.press("+");
    const zoomedIn = await mapView(page);
    expect(zoomedIn.zoom).toBeCloseTo(start.zoom * 1.25, 6);
    await page.keyboard.press("-");
    expect((await mapView(page)).zoom).toBeCloseTo(start.zoom, 6);
    await page.keyboard.press("+");
    await page.keyboard.press("+");
    expect((await mapView(page)).zoom).toBeCloseTo(start.zoom * 1.25 * 1.25, 6);

    const before = await mapView(page);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    const panned = await mapView(page);
    // The view moves right and down: the picture moves left and up.
    expect(panned.x).toBeCloseTo(before.x - 240, 6);
    expect(panned.y).toBeCloseTo(before.y - 120, 6);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowUp");
    expect(await mapView(page)).toMatchObject({ x: expect.closeTo(before.x - 120, 6), y: expect.closeTo(before.y, 6) });
    // The page itself did not scroll: the arrows were the map's.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await shot(page, "map-keys");

    await page.keyboard.press("0");
    const whole = await mapView(page);
    expect(whole.zoom).toBeCloseTo(start.zoom, 6);
    expect(whole.x).toBeCloseTo(start.x, 6);
    expect(whole.y).toBeCloseTo(start.y, 6);
    // The canvas controls act on the map while it is shown.
    await page.getByRole("button", { name: "Zoom in" }).click();
    expect((await mapView(page)).zoom).toBeCloseTo(start.zoom * 1.25, 6);
    await page.getByTestId("fit").click();
    expect((await mapView(page)).zoom).toBeCloseTo(start.zoom, 6);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((page as Page & { problems?: string[] }).problems).toEqual([]);
    await page.close();
  });

  it("keeps the region in view in the URL, without a history entry per move: the link opens the same region, a bad one the whole map", async () => {
    const page = await explorer().openPage("/");
    await mapReady(page);
    const whole = await mapView(page);
    const entries = await page.evaluate(() => window.history.length);
    const map = page.getByTestId("map");
    const box = await map.boundingBox();
    if (!box) throw new Error("the map has no box");
    // Zoom in about a point left of the middle (four notches of the wheel), then drag the picture.
    await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.45);
    for (let i = 0; i < 4; i++) {
      await page.mouse.wheel(0, -100);
      await page.waitForTimeout(60);
    }
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.35 + 150, box.y + box.height * 0.45 + 90, { steps: 10 });
    await page.mouse.up();
    await urlFollowsMap(page, "shown");
    const moved = await mapView(page);
    expect(moved.zoom).toBeGreaterThan(whole.zoom * 1.2);
    expect(await page.evaluate(() => window.history.length)).toBe(entries);
    const link = page.url();
    expect(new URL(link).searchParams.get("map")).toMatch(/^-?\d+,-?\d+,[\d.]+$/);
    const seen = await inView(page);
    expect(seen.length).toBeGreaterThan(0);

    const opened = await explorer().openPage(link);
    await mapReady(opened);
    const shown = await mapView(opened);
    expect(shown.zoom / moved.zoom).toBeCloseTo(1, 2);
    expect(Math.abs(shown.x - moved.x)).toBeLessThan(5);
    expect(Math.abs(shown.y - moved.y)).toBeLessThan(5);
    expect(await inView(opened)).toEqual(seen);
    // Showing the whole map again (0) takes the region out of the URL.
    await opened.getByTestId("map").focus();
    await opened.keyboard.press("0");
    await urlFollowsMap(opened, "none");
    expect((opened as Page & { problems?: string[] }).problems).toEqual([]);
    await opened.close();
    await page.close();

    for (const bad of ["/?map=1,abc,NaN", "/?map=99999,-99999,1", "/?map=0,0,100", "/?map=%3Cscript%3E"]) {
      const badPage = await explorer().openPage(bad);
      await mapReady(badPage);
      const view = await mapView(badPage);
      expect(view.zoom, bad).toBeCloseTo(whole.zoom, 6);
      expect(view.x, bad).toBeCloseTo(whole.x, 6);
      expect(view.y, bad).toBeCloseTo(whole.y, 6);
      expect((badPage as Page & { problems?: string[] }).problems, bad).toEqual([]);
      await badPage.close();
    }
  });

  it("draws each entity in its kind's colour, and shows a hand over it", async () => {
    const page = await explorer().openPage("/");
    await mapReady(page);
    const colours = await page.evaluate(async () => {
      const res = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ ontology { kinds { kind colour } } }" }),
      });
      const body = (await res.json()) as { data: { ontology: { kinds: { kind: string; colour: string }[] } } };
      return Object.fromEntries(body.data.ontology.kinds.map((k) => [k.kind, k.colour]));
    });
    const map = page.getByTestId("map");
    await map.focus();
    // Zoomed in until an entity (12 map units) is some eight pixels wide, names not yet drawn.
    while ((await mapView(page)).zoom * 1.25 < 0.8) await page.keyboard.press("+");
    expect(await map.getAttribute("data-labels")).toBe("hidden");
    // Without focus, so that the mark of the map's middle (drawn while it has keyboard focus) is not in the way.
    await map.evaluate((el) => el.blur());
    const box = await map.boundingBox();
    if (!box) throw new Error("the map has no box");
    await page.waitForTimeout(300);
    const entities = await drawn(page);
    // Not under the cards over the map (the search hint, the legend, the controls).
    const uncovered = await page.evaluate(
      (points) => points.map(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid="map"]') !== null),
      entities.map((n) => [n.x, n.y] as [number, number]),
    );
    const alone = entities.filter(
      (n, i) =>
        uncovered[i] &&
        n.x > box.x + 20 &&
        n.x < box.x + box.width - 20 &&
        n.y > box.y + 20 &&
        n.y < box.y + box.height - 20 &&
        entities.every((m) => m === n || Math.hypot(m.x - n.x, m.y - n.y) > 14),
    );
    expect(alone.length).toBeGreaterThan(2);
    const near = (a: string, b: string) =>
      [1, 3, 5].every((i) => Math.abs(Number.parseInt(a.slice(i, i + 2), 16) - Number.parseInt(b.slice(i, i + 2), 16)) <= 6);
    for (const n of alone.slice(0, 8)) {
      const seen = await pixel(page, n.x, n.y);
      expect(near(seen, colours[n.kind] ?? ""), `${n.id} (${n.kind}) is drawn ${seen}, not ${colours[n.kind]}`).toBe(true);
    }
    const [one] = alone;
    if (!one) throw new Error("no entity stands alone");
    await page.mouse.move(one.x, one.y);
    expect(await map.evaluate((el) => getComputedStyle(el).cursor)).toBe("pointer");
    await page.mouse.move(one.x + 14, one.y + 14);
    expect(await map.evaluate((el) => getComputedStyle(el).cursor)).not.toBe("pointer");
    await page.close();
  });

  it("opens the entity at the middle of the view with Enter", async () => {
    const page = await explorer().openPage("/");
    await mapReady(page);
    const map = page.getByTestId("map");
    const box = await map.boundingBox();
    if (!box) throw new Error("the map has no box");
    const huawei = (await drawn(page)).find((n) => n.id === "huawei");
    if (!huawei) throw new Error("huawei is not on the map");
    // Drag Huawei to the middle (a press that moves is a pan, not a click), then press Enter.
    await page.mouse.move(huawei.x, huawei.y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(await page.getByRole("heading", { name: "Huawei", level: 2 }).count()).toBe(0);
    await map.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Huawei", level: 2 }).waitFor();
    expect(page.url()).toContain("sel=huawei");
    await page.close();
  });

  it("opens an entity's details and neighbourhood when it is clicked", async () => {
    const page = await explorer().openPage("/");
    await mapReady(page);
    const huawei = (await drawn(page)).find((n) => n.id === "huawei");
    if (!huawei) throw new Error("huawei is not on the map");
    await page.mouse.click(huawei.x, huawei.y);
    await page.getByRole("heading", { name: "Huawei", level: 2 }).waitFor();
    const { nodes } = await canvasSettled(page, [">", 1]);
    expect(nodes).toBeGreaterThan(1);
    expect(page.url()).toContain("sel=huawei");
    expect(await page.getByTestId("map").count()).toBe(0);
    // The registered "Whole map" action brings the map back.
    await page.getByTestId("whole-map").click();
    await mapReady(page);
    await page.close();
  });
});
