/**
 * What the front-page map shows, read in a browser test: its view and the entities on screen come
 * from the map's test hook (web/src/graph/mapProbe.ts), as the map is one canvas with no element per
 * entity; colours from a screenshot, as the reader sees them.
 */
import type { Page } from "playwright-core";
import type { ProbedElement } from "../../web/src/graph/mapProbe.js";

export interface DrawnEntity {
  id: string;
  kind: string;
  x: number;
  y: number;
  named: boolean;
}

/**
 * The entities drawn, with their centres on the page, read from the map's test hook
 * (web/src/graph/mapProbe.ts): the map is one canvas, with no element per entity.
 */
export function drawn(page: Page): Promise<DrawnEntity[]> {
  return page.evaluate(() => {
    const el = document.querySelector<ProbedElement>('[data-testid="map"]');
    const probe = el?.atlasMap;
    if (!probe) return [];
    const box = el.getBoundingClientRect();
    return probe.entities().map((n) => ({ ...n, x: box.left + n.x, y: box.top + n.y }));
  });
}

/** The map's view: its zoom, and where the map point 0,0 is drawn (CSS pixels from the map's corner). */
export function mapView(page: Page): Promise<{ zoom: number; x: number; y: number }> {
  return page.evaluate(() => {
    const probe = document.querySelector<ProbedElement>('[data-testid="map"]')?.atlasMap;
    if (!probe) throw new Error("the map has no test hook (atlasMap)");
    const { zoom, x, y } = probe.view();
    return { zoom, x, y };
  });
}

export async function mapReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="map"][data-state="ready"]', { timeout: 15_000 });
}

/** Waits until the URL names the region in view (`?map=x,y,zoom`, the middle of the view in map units), or names none. */
export async function urlFollowsMap(page: Page, region: "shown" | "none"): Promise<void> {
  await page.waitForFunction((want) => {
    const view = document.querySelector<ProbedElement>('[data-testid="map"]')?.atlasMap?.view();
    const param = new URL(window.location.href).searchParams.get("map");
    if (!view) return false;
    if (want === "none") return param === null;
    if (!param) return false;
    const [x, y, zoom] = param.split(",").map(Number) as [number, number, number];
    const middle = { x: (view.width / 2 - view.x) / view.zoom, y: (view.height / 2 - view.y) / view.zoom };
    return Math.abs(middle.x - x) <= 1 && Math.abs(middle.y - y) <= 1 && Math.abs(zoom / view.zoom - 1) < 0.005;
  }, region);
}

/** The colour of the page's pixel at (x, y), as the reader sees it (from a screenshot), as #rrggbb. */
export async function pixel(page: Page, x: number, y: number): Promise<string> {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const ctx = new OffscreenCanvas(1, 1).getContext("2d");
    ctx?.drawImage(image, 0, 0);
    const [r, g, b] = ctx?.getImageData(0, 0, 1, 1).data ?? [];
    return `#${[r, g, b].map((v) => (v ?? 0).toString(16).padStart(2, "0")).join("")}`;
  }, png.toString("base64"));
}

/** The entities whose centres are in view. */
export async function inView(page: Page): Promise<string[]> {
  const box = await page.getByTestId("map").boundingBox();
  if (!box) throw new Error("the map has no box");
  return (await drawn(page))
    .filter((n) => n.x >= box.x && n.x <= box.x + box.width && n.y >= box.y && n.y <= box.y + box.height)
    .map((n) => n.id)
    .sort();
}
