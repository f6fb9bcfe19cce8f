/**
 * Render benchmark: bench/render/ (the explorer's toElements + graphStyle with Cytoscape.js and
 * fcose) built with Vite, served on loopback, driven in headless Chromium through playwright-core:
 * time to the first complete layout and frames per second while panning, canvas and WebGL; then
 * the real seed's whole map as the front page draws it, beside its floors, in fresh pages in turns.
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
import { layoutMap } from "../server/src/map/layout.js";
import type { Ontology } from "../server/src/ontology.js";
import { validateSeed } from "../server/src/seed/validate.js";
import type { GraphMap } from "../web/src/api/documents.js";
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
  /** Each run's time to the first frame, when the cell is a median of several. */
  runsMs?: number[];
}

export interface RenderResult {
  source: string;
  panSeconds?: number;
  cells: RenderCell[];
  error?: string;
}

const SIZES = [1_000, 5_000, 10_000];

/** The real seed's `map` answer as the explorer asks for it (Query.map's layout code), and how long the layout took. */
function realSeedMap(ontology: Ontology): { map: GraphMap; layoutMs: number } {
  const { graph } = validateSeed({ seedDir: path.join(repoRoot, "seed"), ontology });
  if (!graph) throw new Error("seed/ is invalid: run `npm run validate`.");
  const started = performance.now();
  const layout = layoutMap(graph.entities, graph.relations);
  const layoutMs = performance.now() - started;
  const nodes = graph.entities.map((e) => {
    const p = layout.positions.get(e.id) ?? { x: 0, y: 0 };
    return { id: e.id, kind: e.kind as GraphMap["nodes"][number]["kind"], name: e.name, nameZh: e.nameZh ?? null, country: e.country ?? null, x: p.x, y: p.y };
  });
  const edges = graph.relations.map((r) => ({
    type: r.type as GraphMap["edges"][number]["type"],
    from: r.from,
    to: r.to,
    status: r.status.toUpperCase() as GraphMap["edges"][number]["status"],
  }));
  return { map: { version: null, nodes, edges, rows: layout.rows, columns: layout.columns }, layoutMs };
}
const PAN_SECONDS = 4;
/** Fresh pages per full-map cell: the machine is shared, so one run says little. */
const MAP_RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return ((s[Math.floor((s.length - 1) / 2)] ?? 0) + (s[Math.ceil((s.length - 1) / 2)] ?? 0)) / 2;
}

/** `sizes`: the synthetic graphs to draw (none: only the real seed's full map). */
export async function benchRender(ontology: Ontology, log: (line: string) => void, sizes: readonly number[] = SIZES): Promise<RenderResult> {
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
      for (const elements of sizes) {
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
    // The front page: the real seed's whole map, canvas renderer, as MapView draws it, and its floor.
    // Several fresh pages each, taken in turns, so both see the same load; medians reported.
    const real = realSeedMap(ontology);
    log(
      `  map layout (server, once per graph version): ${Math.round(real.layoutMs)} ms for ${real.map.nodes.length} entities, ${JSON.stringify(real.map).length} bytes of answer`,
    );
    const variants = {
      map: "full map (server preset), as MapView draws it (drawMap)",
      floorAll: "floor: Cytoscape, entities and relations as elements, one plain style",
      floorEntities: "floor: Cytoscape, entities only, one plain style",
    } as const;
    const runs: Record<keyof typeof variants, RenderRun[]> = { map: [], floorAll: [], floorEntities: [] };
    for (let i = 0; i < MAP_RUNS; i++) {
      for (const which of Object.keys(variants) as (keyof typeof variants)[]) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        try {
          await page.goto(`http://127.0.0.1:${port}/index.html`);
          await page.waitForFunction(() => "atlasBench" in window);
          const run = (await (which === "map"
            ? page.evaluate(([o, m, seconds]) => window.atlasBench.runMap(o, m, seconds), [info, real.map, PAN_SECONDS] as const)
            : page.evaluate(([m, seconds, relations]) => window.atlasBench.runMapFloor(m, seconds, relations), [
                real.map,
                PAN_SECONDS,
                which === "floorAll",
              ] as const))) as RenderRun;
          runs[which].push(run);
          log(
            `  ${variants[which]} (${run.nodes} entities, ${run.edges} relations): first frame ${Math.round(run.layoutMs)} ms, ${run.fps.toFixed(1)} FPS panning`,
          );
        } finally {
          await page.close();
        }
      }
    }
    for (const which of Object.keys(variants) as (keyof typeof variants)[]) {
      const list = runs[which];
      const edges = which === "floorEntities" ? 0 : real.map.edges.length;
      cells.push({
        elements: real.map.nodes.length + edges,
        nodes: real.map.nodes.length,
        edges,
        renderer: "canvas",
        layout: variants[which],
        layoutMs: median(list.map((r) => r.layoutMs)),
        fps: median(list.map((r) => r.fps)),
        runsMs: list.map((r) => Math.round(r.layoutMs)),
      });
    }
    return {
      source:
        "bench/render/ (standalone page: it uses the explorer's toElements, graphStyle and fcose settings, and for the full map the drawMap that MapView calls)",
      panSeconds: PAN_SECONDS,
      cells,
    };
  } finally {
    await browser?.close();
    server?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
