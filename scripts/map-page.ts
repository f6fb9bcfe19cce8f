/**
 * The front page end to end, in Debian's Chromium against a running server: from navigation to the
 * first frame where the map can be clicked, over several cold loads (a fresh browser context each,
 * so nothing is cached), with the steps in between; optionally a screenshot of the map.
 *   npx tsx scripts/map-page.ts --url http://127.0.0.1:4000/ --runs 7
 *   npx tsx scripts/map-page.ts --url http://127.0.0.1:4000/ --runs 1 --shot docs/map.png
 * "Can be clicked" = the map has drawn its first frame (its element says data-state="ready") and
 * the main thread is free again: a task queued from the frame that first shows it has run.
 */
import { Command } from "commander";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium.js";

/** Milliseconds from navigation start. */
interface Timing {
  /** The first frame showing the map has been painted and the page takes input. */
  interactive: number;
  /** The scripts arrived. */
  script: number;
  /** The map's request was sent, and its answer arrived. */
  mapAsked: number;
  map: number;
  /** The map's first frame was drawn (its own record, data-ready-ms). */
  drawn: number;
}

/**
 * Runs in the page before its own scripts: watches every frame for the ready map. A string, not a
 * function: tsx would wrap a function's inner functions in a helper the page does not have.
 */
const WATCH_MAP = `(() => {
  const tick = () => {
    if (document.querySelector('[data-testid="map"][data-state="ready"]')) {
      setTimeout(() => { window.mapInteractiveMs = performance.now(); }, 0);
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** What the page measured (a string too, for the same reason), in ms from navigation start. */
const READ_TIMINGS = `(() => {
  const resources = performance.getEntriesByType("resource");
  const api = resources.filter((r) => r.name.includes("/graphql"));
  const mapEntry = api.sort((a, b) => b.decodedBodySize - a.decodedBodySize)[0];
  const map = document.querySelector('[data-testid="map"]');
  return {
    interactive: window.mapInteractiveMs,
    script: Math.max(0, ...resources.filter((r) => r.name.endsWith(".js")).map((r) => r.responseEnd)),
    // Resource timing does not name the GraphQL operation: the map is the largest answer.
    mapAsked: mapEntry ? mapEntry.startTime : NaN,
    map: mapEntry ? mapEntry.responseEnd : NaN,
    drawn: Number(map ? map.dataset.readyMs : NaN),
  };
})()`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[Math.floor((s.length - 1) / 2)] ?? 0) + (s[Math.ceil((s.length - 1) / 2)] ?? 0)) / 2 : Number.NaN;
};

async function main(): Promise<void> {
  const opts = new Command()
    .name("map-page")
    .description("Time the front-page map from navigation to the first clickable frame, in headless Chromium.")
    .option("--url <urls>", "the explorer's front page; several, comma-separated, are loaded in turns (before/after in one run)", "http://127.0.0.1:4000/")
    .option("--runs <n>", "cold page loads of each", (v) => Number(v), 5)
    .option("--width <px>", "viewport width", (v) => Number(v), 1280)
    .option("--height <px>", "viewport height", (v) => Number(v), 800)
    .option("--shot <file>", "save a screenshot of the first page's last load here")
    .option("--json", "print the timings as JSON")
    .parse()
    .opts<{ url: string; runs: number; width: number; height: number; shot?: string; json?: boolean }>();
  const urls = opts.url.split(",").map((u) => u.trim());
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const timings = new Map<string, Timing[]>(urls.map((u) => [u, []]));
  const show = (t: Record<string, number>) =>
    Object.entries(t)
      .map(([k, v]) => `${k} ${Math.round(v)}`)
      .join(", ");
  try {
    for (let i = 0; i < opts.runs; i++) {
      for (const url of urls) {
        const context = await browser.newContext({ viewport: { width: opts.width, height: opts.height }, locale: "en-US" });
        const page = await context.newPage();
        await page.addInitScript({ content: WATCH_MAP });
        await page.goto(url, { waitUntil: "commit" });
        await page.waitForFunction(() => "mapInteractiveMs" in window, undefined, { timeout: 60_000 });
        const t = (await page.evaluate(READ_TIMINGS)) as Timing;
        timings.get(url)?.push(t);
        if (!opts.json) process.stderr.write(`${url} run ${i + 1}: ${show({ ...t })} ms\n`);
        if (opts.shot && url === urls[0] && i === opts.runs - 1) {
          await page.waitForTimeout(500);
          await page.screenshot({ path: opts.shot });
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const medians = [...timings].map(([url, list]) => ({
    url,
    runs: list,
    median: Object.fromEntries((Object.keys(list[0] ?? {}) as (keyof Timing)[]).map((k) => [k, Math.round(median(list.map((t) => t[k])))])),
  }));
  if (opts.json) process.stdout.write(`${JSON.stringify(medians)}\n`);
  else for (const m of medians) process.stdout.write(`${m.url} median of ${m.runs.length}: ${show(m.median)} ms\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`map-page failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
