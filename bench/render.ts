/**
 * Render benchmark: bench/render/ (the explorer's toElements + graphStyle with Cytoscape.js and
 * fcose) built with Vite, served on loopback, driven in headless Chromium through playwright-core:
 * time to the first complete layout and frames per second while panning, canvas and WebGL.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import sirv from "sirv";
import { build } from "vite";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../scripts/chromium.js";
import { repoRoot } from "../server/src/config.js";
import type { Ontology } from "../server/src/ontology.js";
import { DRAFT_ABOVE_NODES } from "../web/src/graph/layout.js";
import type { RenderRun } from "./render/main.js";

export interface RenderCell {
  elements: number;
  nodes: number;
  edges: number;
  renderer: "canvas" | "webgl";
  layout: string;
  layoutMs: number;
  fps: number;
}

export interface RenderResult {
  source: string;
  panSeconds?: number;
  cells: RenderCell[];
  error?: string;
}

const SIZES = [1_000, 5_000, 10_000];
const PAN_SECONDS = 4;

export async function benchRender(ontology: Ontology, log: (line: string) => void): Promise<RenderResult> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-render-bench-"));
  let server: http.Server | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    await build({
      root: path.join(repoRoot, "bench/render"),
      configFile: false,
      logLevel: "warn",
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5_000 },
    });
    const info = {
      kinds: ontology.kinds.map((k) => ({ kind: k.kind, label: k.label, labelZh: k.labelZh, colour: k.colour, shape: k.shape })),
      relationTypes: ontology.relationTypes.map((t) => ({ type: t.type, label: t.label, labelZh: t.labelZh, colour: t.colour, symmetric: t.symmetric })),
    };
    const statics = sirv(outDir, { dev: true });
    const httpServer = http.createServer((req, res) =>
      statics(req, res, () => {
        res.writeHead(404).end();
      }),
    );
    server = httpServer;
    const port = await new Promise<number>((resolve) =>
      httpServer.listen(0, "127.0.0.1", () => {
        const address = httpServer.address();
        resolve(typeof address === "object" && address ? address.port : 0);
      }),
    );
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, "--enable-unsafe-swiftshader"] });
    const cells: RenderCell[] = [];
    for (const renderer of ["canvas", "webgl"] as const) {
      for (const elements of SIZES) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        try {
          await page.goto(`http://127.0.0.1:${port}/index.html`);
          await page.waitForFunction(() => "atlasBench" in window);
          const run = (await page.evaluate(([o, n, webgl, seconds]) => window.atlasBench.run(o, n, webgl, seconds), [
            info,
            elements,
            renderer === "webgl",
            PAN_SECONDS,
          ] as const)) as RenderRun;
          cells.push({
            elements,
            nodes: run.nodes,
            edges: run.edges,
            renderer,
            layout: `fcose (draft above ${DRAFT_ABOVE_NODES} nodes)`,
            layoutMs: run.layoutMs,
            fps: run.fps,
          });
          log(`  ${renderer} ${elements} elements: layout ${Math.round(run.layoutMs)} ms, ${run.fps.toFixed(1)} FPS panning`);
        } finally {
          await page.close();
        }
      }
    }
    return {
      source: "bench/render/ (standalone page: the explorer offers no benchmark hook yet; it uses the explorer's toElements, graphStyle and fcose settings)",
      panSeconds: PAN_SECONDS,
      cells,
    };
  } finally {
    await browser?.close();
    server?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
