/**
 * The render benchmark page: the explorer's own element builder (toElements) and stylesheet
 * (graphStyle) with Cytoscape.js + fcose, set as the explorer sets them for large graphs, and the
 * front-page map as drawMap (MapView's) draws it, beside Cytoscape floors; bench/render.ts calls
 * `window.atlasBench` from headless Chromium.
 */
import cytoscape, { type Core, type LayoutOptions } from "cytoscape";
import fcose from "cytoscape-fcose";
import { prng } from "../../server/src/core/random.js";
import type { GraphMap } from "../../web/src/api/documents.js";
import type { EntityCore, OntologyInfo, RelationCore, Status } from "../../web/src/api/types.js";
import { type DrawnMap, drawMap } from "../../web/src/graph/drawMap.js";
import { toElements } from "../../web/src/graph/elements.js";
import { fcoseOptions } from "../../web/src/graph/layout.js";
import { graphStyle } from "../../web/src/graph/style.js";

cytoscape.use(fcose);

export interface RenderRun {
  nodes: number;
  edges: number;
  layoutMs: number;
  fps: number;
  frames: number;
}

const STATUSES: Status[] = ["confirmed", "confirmed", "confirmed", "reported", "claimed", "disputed"];

/** A connected graph with preferential attachment (power-law degrees), kinds and types from the ontology. */
function makeGraph(ontology: OntologyInfo, nodeCount: number, edgeCount: number): { nodes: EntityCore[]; edges: RelationCore[] } {
  const random = prng(nodeCount);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const nodes: EntityCore[] = Array.from({ length: nodeCount }, (_, i) => {
    const kind = pick(ontology.kinds).kind;
    return { id: `n${i}`, kind, name: `${kind.toLowerCase()} ${i}`, nameZh: `实体${i}` };
  });
  const ends: number[] = [0];
  const edges: RelationCore[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < nodeCount; i++) {
    const to = ends[Math.floor(random() * ends.length)] as number;
    edges.push({ id: `e${edges.length}`, type: pick(ontology.relationTypes).type, status: pick(STATUSES), from: { id: `n${i}` }, to: { id: `n${to}` } });
    seen.add(`${i}-${to}`);
    ends.push(i, to);
  }
  while (edges.length < edgeCount) {
    const a = Math.floor(random() * nodeCount);
    const b = ends[Math.floor(random() * ends.length)] as number;
    if (a === b || seen.has(`${a}-${b}`)) continue;
    seen.add(`${a}-${b}`);
    edges.push({ id: `e${edges.length}`, type: pick(ontology.relationTypes).type, status: pick(STATUSES), from: { id: `n${a}` }, to: { id: `n${b}` } });
    ends.push(a, b);
  }
  return { nodes, edges };
}

/** The explorer's own fcose settings (web/src/graph/layout.ts), animation off. */
function layoutFor(nodes: number): LayoutOptions {
  return fcoseOptions({ nodes, incremental: false, animate: false });
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

let cy: Core | undefined;

async function run(ontology: OntologyInfo, elements: number, webgl: boolean, panSeconds: number): Promise<RenderRun> {
  cy?.destroy();
  const nodeCount = Math.round(elements / 3);
  const graph = makeGraph(ontology, nodeCount, elements - nodeCount);
  const defs = toElements({ ...graph, filteredOut: 0 }, ontology, { lang: "en", pinned: {}, expanded: {} });
  const container = document.getElementById("cy") as HTMLDivElement;
  await frame();
  const started = performance.now();
  cy = cytoscape({
    container,
    style: graphStyle(ontology),
    minZoom: 0.15,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: "single",
    ...(webgl ? { renderer: { name: "canvas", webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
  cy.add(defs);
  const layout = cy.layout(layoutFor(nodeCount));
  const stopped = new Promise<void>((resolve) => layout.one("layoutstop", () => resolve()));
  layout.run();
  await stopped;
  // Complete = laid out and drawn: wait for the frame that paints the result.
  await frame();
  await frame();
  const layoutMs = performance.now() - started;

  const core = cy;
  const fps = await panFps((x, y) => core.panBy({ x, y }), panSeconds);
  return { nodes: cy.nodes().length, edges: cy.edges().length, layoutMs, fps, frames: Math.round(fps * panSeconds) };
}

/** Pans for `seconds` with `panBy`, each frame moving the view (so each frame must redraw); frames per second. */
async function panFps(panBy: (dx: number, dy: number) => void, seconds: number): Promise<number> {
  let frames = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    panBy(frames % 120 < 60 ? 6 : -6, frames % 80 < 40 ? 4 : -4);
    await frame();
    frames++;
  }
  return frames / ((performance.now() - started) / 1000);
}

let drawnMap: DrawnMap | undefined;

/**
 * The front-page map as the explorer draws it (drawMap, which MapView calls): the server's answer in, time
 * until the first frame that shows every entity (the map is interactive from then on), then pan FPS.
 */
async function runMap(ontology: OntologyInfo, map: GraphMap, panSeconds: number): Promise<RenderRun> {
  cy?.destroy();
  drawnMap?.destroy();
  const container = document.getElementById("cy") as HTMLDivElement;
  await frame();
  const started = performance.now();
  const drawn = drawMap(container, map, ontology, "en");
  drawnMap = drawn;
  await drawn.ready;
  await frame();
  const layoutMs = performance.now() - started;
  const fps = await panFps(drawn.panBy, panSeconds);
  return { nodes: map.nodes.length, edges: map.edges.length, layoutMs, fps, frames: 0 };
}

/**
 * The floors for the map: the same entities at the same positions drawn by Cytoscape with the least
 * it can be asked to do (one plain style, no names, no bands, no fit), with the relations as
 * Cytoscape edges too (`relations`: what drawing everything as elements costs at best), or without
 * them (what drawing the entities costs at best; the map paints relations on a canvas beneath).
 */
async function runMapFloor(map: GraphMap, panSeconds: number, relations: boolean): Promise<RenderRun> {
  cy?.destroy();
  const container = document.getElementById("cy") as HTMLDivElement;
  await frame();
  const started = performance.now();
  const core = cytoscape({
    container,
    elements: [
      ...map.nodes.map((n) => ({ group: "nodes" as const, data: { id: n.id }, position: { x: n.x, y: n.y } })),
      ...(relations ? map.edges.map((e, i) => ({ group: "edges" as const, data: { id: `e${i}`, source: e.from, target: e.to } })) : []),
    ],
    style: [
      { selector: "node", style: { width: 12, height: 12 } },
      { selector: "edge", style: { "curve-style": "haystack", width: 1 } },
    ],
    layout: { name: "preset", fit: false },
    zoom: 0.1,
    pan: { x: 40, y: 40 },
    autoungrabify: true,
    textureOnViewport: true,
  });
  cy = core;
  await new Promise<void>((resolve) => core.one("render", () => resolve()));
  await frame();
  const layoutMs = performance.now() - started;
  const fps = await panFps((x, y) => core.panBy({ x, y }), panSeconds);
  return { nodes: map.nodes.length, edges: relations ? map.edges.length : 0, layoutMs, fps, frames: 0 };
}

declare global {
  interface Window {
    atlasBench: { run: typeof run; runMap: typeof runMap; runMapFloor: typeof runMapFloor };
  }
}

window.atlasBench = { run, runMap, runMapFloor };
