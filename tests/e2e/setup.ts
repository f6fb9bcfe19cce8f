/**
 * What the browser tests share: the real server (GraphQL over the real Neo4j, synced from a small
 * fixture seed) serving a production Vite build of web/ (made once per change of web/), Debian's
 * Chromium headless shell to drive it (the full Chromium if the shell is not installed), screenshots
 * under tests/artifacts/, and axe-core for accessibility.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import axe from "axe-core";
import type { Driver } from "neo4j-driver";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { CHROMIUM_FLAGS, testBrowserPath } from "../../scripts/chromium.js";
import { repoRoot } from "../../server/src/config.js";
import { Database } from "../../server/src/db/run.js";
import { createAtlasServer } from "../../server/src/http.js";
import { loadOntology } from "../../server/src/ontology.js";
import { syncSeed } from "../../server/src/seed/sync.js";
import { formatProblem, validateSeed } from "../../server/src/seed/validate.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";
import { webBuild } from "./web-build.js";

export const SEED = path.join(repoRoot, "tests/fixtures/web-seed");
export const ARTIFACTS = path.join(repoRoot, "tests/artifacts");

type AtlasServer = ReturnType<typeof createAtlasServer>;

export async function listen(s: AtlasServer): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

export async function stop(s: AtlasServer): Promise<void> {
  await new Promise<void>((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });
}

export interface Explorer {
  driver: Driver;
  /** The server's address, e.g. http://127.0.0.1:40123 */
  base: string;
  /** The build of web/ the server serves (e2e/web-build.ts: rebuilt when web/ changes). */
  webDist: string;
  context: BrowserContext;
  /** Opens a page of the explorer (a path and query, e.g. `/?tab=path`) once its tabs are there. */
  openPage(url?: string): Promise<Page>;
  close(): Promise<void>;
}

export interface ExplorerOptions {
  /** The repository the suggestion form links to (the server's REPO_URL). */
  repoUrl?: string;
  /** Another fixture seed than tests/fixtures/web-seed. */
  seedDir?: string;
}

/** Syncs the web fixture seed into the test Neo4j, builds web/, starts the server and Chromium. */
export async function startExplorer(options: ExplorerOptions = {}): Promise<Explorer> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const seedDir = options.seedDir ?? SEED;
  const ontology = loadOntology(seedDir);
  const checked = validateSeed({ seedDir, ontology });
  if (!checked.graph) throw new Error(`The web fixture seed is invalid:\n${checked.problems.map(formatProblem).join("\n")}`);
  const driver = testDriver();
  let server: AtlasServer | undefined;
  let browser: Browser | undefined;
  // Whatever started is stopped again if a later step fails: no process outlives the tests.
  const cleanUp = async () => {
    await browser?.close();
    if (server) await stop(server);
    await driver.close();
  };
  try {
    await clearAtlasGraph(driver);
    await syncSeed(checked.graph, { driver, ontology });
    const webDist = await webBuild();
    server = createAtlasServer({ db: new Database(driver, { timeoutMs: 10_000 }), ontology, webDist, repoUrl: options.repoUrl });
    const base = await listen(server);
    browser = await chromium.launch({ executablePath: testBrowserPath(), args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US", acceptDownloads: true, reducedMotion: "reduce" });
    return explorer(driver, base, webDist, context, cleanUp);
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

function explorer(driver: Driver, base: string, webDist: string, context: BrowserContext, cleanUp: () => Promise<void>): Explorer {
  return {
    driver,
    base,
    webDist,
    context,
    async openPage(url = "/") {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(e.message));
      (page as Page & { problems?: string[] }).problems = problems;
      const operations: string[] = [];
      page.on("request", (r) => {
        if (r.method() !== "POST" || new URL(r.url()).pathname !== "/graphql") return;
        const query = String((r.postDataJSON() as { query?: unknown } | null)?.query ?? "");
        operations.push(/\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "(anonymous)");
      });
      (page as Page & { operations?: string[] }).operations = operations;
      await page.goto(new URL(url, base).href);
      await page.waitForSelector(".tabs");
      return page;
    },
    async close() {
      await context.close();
      await cleanUp();
    },
  };
}

/**
 * One explorer for the tests of a file: started before them, closed after them. Call it at the
 * top of the file; the function it returns gives the running explorer.
 */
export function explorerForFile(options: ExplorerOptions = {}): () => Explorer {
  let explorer: Explorer | undefined;
  beforeAll(async () => {
    explorer = await startExplorer(options);
  }, 240_000);
  afterAll(async () => {
    await explorer?.close();
  });
  return () => {
    if (!explorer) throw new Error("the explorer has not started: explorerForFile() runs its beforeAll first");
    return explorer;
  };
}

/** The GraphQL operations a page of openPage() has sent so far, by name, in order. */
export function sentOperations(page: Page): string[] {
  return [...((page as Page & { operations?: string[] }).operations ?? [])];
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `e2e-${name}.png`) });
}

type Count = [op: "===" | ">" | ">=" | "<", value: number];

/** Waits until the canvas shows a number of entities (e.g. [">", 3]) and its layout has stopped. */
export async function canvasSettled(page: Page, [op, value]: Count = [">", 0]): Promise<{ nodes: number; edges: number }> {
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

export async function searchAndOpen(page: Page, query: string, optionText: string): Promise<void> {
  await page.getByTestId("search").fill(query);
  const option = page.getByRole("option").filter({ hasText: optionText }).first();
  await option.waitFor({ timeout: 10_000 });
  await option.click();
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
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
