/**
 * Draws the front-page map into a container: the bands and relations on a plain canvas underneath
 * (mapUnderlay.ts), the entities and band names in a Cytoscape instance above it, viewed whole or
 * at a region (a link's `?map=`); names given to the entities in view once zoomed in. The work is
 * spread over short tasks (band names; relations; entities in batches), so the page keeps
 * answering while the map is drawn. MapView and the render benchmark (bench/render/main.ts) both
 * call this, so the benchmark times what the page does.
 */
import cytoscape, { type Core } from "cytoscape";
import type { GraphMap } from "../api/documents.js";
import type { OntologyInfo } from "../api/types.js";
import type { Lang } from "../state/view.js";
import { mapBandElements, mapBounds, mapEntityElements, mapLabelsShown, mapStyle, mapViewport } from "./mapElements.js";
import { MAP_MAX_ZOOM, MAP_MIN_ZOOM, type MapRegion, regionOfViewport, sameRegion, viewportOfRegion } from "./mapRegion.js";
import { underlayGeometry, underlayPainter } from "./mapUnderlay.js";

export const MAP_PADDING = 24;
/** How long the view must rest before the entities newly in view get their names, and the relations are painted sharp. */
const SETTLE_MS = 60;
/** Entities this far beyond the view (a share of its size) are named with it, ready for a short pan. */
const NAME_MARGIN = 0.25;
/**
 * Entities added per task while the map is drawn. Cytoscape works out each entity's style and
 * bounds as it is added; in batches this size no task keeps the page from answering input (a
 * task over 50 ms on a slow phone is what Lighthouse counts as blocking).
 */
const BATCH = 100;

/** Lets the browser paint and handle input before the next batch. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

export interface DrawnMap {
  cy: Core;
  /** Settles once every entity is drawn (they are added in batches, band names first). */
  ready: Promise<void>;
  /** Called with whether names are drawn, at once and whenever that changes. */
  onLabels(listener: (shown: boolean) => void): void;
  /** The whole map in view. */
  fit(): void;
  /** Shows a region (undefined, or one whose middle is off the map: the whole map). */
  show(region: MapRegion | undefined): void;
  /** The region in view, or undefined when it is the whole map. */
  region(): MapRegion | undefined;
  /** After the container changed size. */
  resize(): void;
  destroy(): void;
}

/**
 * A layout that leaves every entity where its element says: Cytoscape's preset layout would set
 * each position again (a thousand position events and bounding-box updates) only to keep it.
 */
function AsGiven(this: { options: unknown }, options: unknown) {
  this.options = options;
}
AsGiven.prototype.run = function run(this: { emit(event: string): void }) {
  this.emit("layoutstart");
  this.emit("layoutready");
  this.emit("layoutstop");
  return this;
};
AsGiven.prototype.stop = function stop() {
  return this;
};
cytoscape("layout", "as-given", AsGiven);

/** Names the entities in and around the view, when names are drawn at this zoom. */
function nameInView(cy: Core): void {
  if (!mapLabelsShown(cy.zoom())) return;
  const e = cy.extent();
  const [mx, my] = [e.w * NAME_MARGIN, e.h * NAME_MARGIN];
  const unnamed = cy.nodes(".entity").filter((n) => {
    if (n.hasClass("named")) return false;
    const p = n.position();
    return p.x >= e.x1 - mx && p.x <= e.x2 + mx && p.y >= e.y1 - my && p.y <= e.y2 + my;
  });
  if (unnamed.nonempty()) cy.batch(() => unnamed.addClass("named"));
}

/** The canvas beneath Cytoscape's (styled here, so the benchmark page needs no stylesheet). */
function underlayCanvas(container: HTMLElement): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.setAttribute("aria-hidden", "true");
  Object.assign(canvas.style, { position: "absolute", left: "0", top: "0", pointerEvents: "none", willChange: "transform" });
  // No size until first painted (a canvas is 300 × 150 by default): nothing appears, then moves.
  canvas.width = 0;
  canvas.height = 0;
  Object.assign(canvas.style, { width: "0", height: "0" });
  // The underlay reaches past the view on every side, ready to be moved into it.
  container.style.overflow = "hidden";
  container.prepend(canvas);
  return canvas;
}

/**
 * Nothing on the map can be dragged (autoungrabify) or box-selected, so Cytoscape's drag and
 * selection layers stay empty; yet Cytoscape clears both at every frame of a pan, and Chromium
 * drawing without a GPU copies each cleared canvas to the screen. Hidden, they cost nothing (the
 * grey dot a press on the background would leave on the selection layer is not drawn). Found by
 * the names Cytoscape gives its layers: should those change, the map only pans more slowly.
 */
function hideEmptyLayers(container: HTMLElement): void {
  for (const layer of container.querySelectorAll<HTMLElement>('canvas[data-id$="-drag"], canvas[data-id$="-selectbox"]')) layer.style.display = "none";
}

export function drawMap(container: HTMLElement, map: GraphMap, ontology: OntologyInfo, lang: Lang, region?: MapRegion): DrawnMap {
  const canvas = underlayCanvas(container);
  const whole = () => mapViewport(map, container.clientWidth, container.clientHeight, MAP_PADDING);
  const bounds = mapBounds(map);
  // A region whose middle lies off the map (a stale or edited link) shows the whole map instead.
  const onMap = (r: MapRegion | undefined) => r !== undefined && r.x >= bounds.x1 && r.x <= bounds.x2 && r.y >= bounds.y1 && r.y <= bounds.y2;
  const viewOf = (r: MapRegion | undefined) => (r && onMap(r) ? viewportOfRegion(r, container.clientWidth, container.clientHeight) : whole());
  const cy = cytoscape({
    container,
    elements: mapBandElements(map, lang),
    style: mapStyle(),
    // The server placed every entity: no layout, and no fit (it would measure every label first);
    // the view of the whole map is worked out from the bands.
    layout: { name: "as-given" },
    ...viewOf(region),
    minZoom: MAP_MIN_ZOOM,
    maxZoom: MAP_MAX_ZOOM,
    boxSelectionEnabled: false,
    selectionType: "single",
    autoungrabify: true,
    // Panning and zooming a thousand entities: draw a cached picture while the view moves.
    textureOnViewport: true,
  });
  const show = (r: MapRegion | undefined) => cy.viewport(viewOf(r));
  hideEmptyLayers(container);
  // Work out every element's bounds as it is added: worked out during the first draw instead, they
  // would mark every element changed, and the next frame would throw the first's cached pictures away.
  cy.elements().boundingBox();
  // Drawn into a box not laid out yet: the view is set once the box has a size.
  let fitted = container.clientWidth > 0 && container.clientHeight > 0;

  let paintView: ReturnType<typeof underlayPainter> | undefined;
  let frame: number | undefined;
  const paint = (settled: boolean) => {
    paintView?.({ zoom: cy.zoom(), pan: { ...cy.pan() }, width: cy.width(), height: cy.height(), pixelRatio: window.devicePixelRatio || 1 }, settled);
  };
  // While the view moves: once a frame, the picture shifted or scaled.
  const repaint = () => {
    frame ??= requestAnimationFrame(() => {
      frame = undefined;
      paint(false);
    });
  };

  const listeners: ((shown: boolean) => void)[] = [];
  let shown = mapLabelsShown(cy.zoom());
  let timer: ReturnType<typeof setTimeout> | undefined;
  cy.on("viewport", () => {
    repaint();
    const now = mapLabelsShown(cy.zoom());
    if (now !== shown) {
      shown = now;
      for (const l of listeners) l(now);
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      nameInView(cy);
      paint(true);
    }, SETTLE_MS);
  });
  let destroyed = false;
  const ready = (async () => {
    await nextTask();
    if (destroyed) return;
    // The relations are painted in a task of their own, after the band names are drawn.
    paintView = underlayPainter(canvas, underlayGeometry(map, ontology));
    paint(true);
    for (let i = 0; i < map.nodes.length; i += BATCH) {
      await nextTask();
      if (destroyed) return;
      cy.add(mapEntityElements(map.nodes.slice(i, i + BATCH), ontology, lang)).boundingBox();
    }
    // A small graph on a large screen opens close enough to read.
    if (shown) nameInView(cy);
    await new Promise((resolve) => cy.one("render", resolve));
  })();
  return {
    cy,
    ready,
    onLabels(listener) {
      listeners.push(listener);
      listener(shown);
    },
    fit: () => show(undefined),
    show,
    region() {
      const [width, height] = [cy.width(), cy.height()];
      const now = regionOfViewport({ zoom: cy.zoom(), pan: cy.pan() }, width, height);
      return sameRegion(now, regionOfViewport(whole(), width, height)) ? undefined : now;
    },
    resize() {
      cy.resize();
      if (!fitted && cy.width() > 0 && cy.height() > 0) {
        fitted = true;
        show(region);
      }
      paint(true);
    },
    destroy() {
      destroyed = true;
      if (timer !== undefined) clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      cy.destroy();
      canvas.remove();
    },
  };
}
