/**
 * `npm run lighthouse`: Lighthouse (mobile defaults: a throttled mid-range phone on a slow 4G
 * network) on a running Atlas server's explorer, in Debian's Chromium. Prints the performance and
 * accessibility scores with the metrics behind them, and writes them to bench/results/lighthouse.json.
 * Start the server first (`npm start`); not part of `npm test`.
 */
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import { Command } from "commander";
import lighthouse from "lighthouse";
import { repoRoot } from "../server/src/config.js";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium.js";

const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "interactive"];

/** The elements an audit found at fault (their CSS selectors), a few of them. */
function selectors(details: unknown): string[] {
  const items = (details as { items?: { node?: { selector?: string } }[] } | undefined)?.items ?? [];
  return items.flatMap((i) => (i.node?.selector ? [i.node.selector] : [])).slice(0, 6);
}

export async function audit(url: string) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ["performance", "accessibility"], logLevel: "error", output: "json" });
    if (!result) throw new Error("Lighthouse returned no result");
    const { lhr } = result;
    return {
      url,
      lighthouse: lhr.lighthouseVersion,
      userAgent: lhr.environment.hostUserAgent,
      fetchedAt: lhr.fetchTime,
      scores: {
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      },
      metrics: Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.displayValue ?? "n/a"])),
      /** What Lighthouse would fix first: its opportunities with their estimated savings. */
      opportunities: Object.values(lhr.audits)
        .filter((a) => a.details?.type === "opportunity" && (a.score ?? 1) < 0.9)
        .map((a) => `${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`),
      accessibilityFailures: Object.values(lhr.audits)
        .filter((a) => lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id) && a.score === 0)
        .map((a) => `${a.title}: ${selectors(a.details).join(", ")}`),
    };
  } finally {
    chrome.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  new Command("lighthouse")
    .description("Lighthouse on a running explorer (start it with npm start)")
    .option("--url <url>", "the explorer's address", "http://127.0.0.1:4000/")
    .option("--out <file>", "where to write the figures", path.join(repoRoot, "bench/results/lighthouse.json"))
    .action(async (o: { url: string; out: string }) => {
      const report = await audit(o.url);
      console.log(`Lighthouse ${report.lighthouse} on ${report.url}: performance ${report.scores.performance}, accessibility ${report.scores.accessibility}`);
      for (const [id, value] of Object.entries(report.metrics)) console.log(`  ${id}: ${value}`);
      for (const line of report.opportunities) console.log(`  to do: ${line}`);
      for (const line of report.accessibilityFailures) console.log(`  accessibility: ${line}`);
      fs.writeFileSync(o.out, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`written to ${path.relative(process.cwd(), o.out)}`);
    })
    .parseAsync()
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
