/**
 * Draws the front-page map into a container: the bands and relations on a plain canvas underneath
 * (mapUnderlay.ts), the entities and band names in a Cytoscape instance above it, viewed whole;
 * names given to the entities in view once zoomed in. MapView and the render benchmark
 * (bench/render/main.ts) both call this, so the benchmark times what the page does.
 */
import cytoscape, { type Core } from "cytoscape";
import type { GraphMap } from "../api/documents.js";
import type { OntologyInfo } from "../api/types.js";
import type { Lang } from "../state/view.js";
import { mapElements, mapLabelsShown, mapStyle, mapViewport } from "./mapElements.js";
import { underlayGeometry, underlayPainter } from "./mapUnderlay.js";

export const MAP_PADDING = 24;
/** How long the view must rest before the entities newly in view get their names, and the relations are painted sharp. */
const SETTLE_MS = 60;
/** Entities this far beyond the view (a share of its size) are named with it, ready for a short pan. */
const NAME_MARGIN = 0.25;

export interface DrawnMap {
  cy: Core;
  /** Called with whether names are drawn, at once and whenever that changes. */
  onLabels(listener: (shown: boolean) => void): void;
  /** The whole map in view, as it opened. */
  fit(): void;
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
  Object.assign(canvas.style, { position: "absolute", left: "0", top: "0", pointerEvents: "none" });
  // The underlay reaches past the view on every side, ready to be moved into it.
  container.style.overflow = "hidden";
  container.prepend(canvas);
  return canvas;
}

export function drawMap(container: HTMLElement, map: GraphMap, ontology: OntologyInfo, lang: Lang): DrawnMap {
  const canvas = underlayCanvas(container);
  const whole = () => mapViewport(map, container.clientWidth, container.clientHeight, MAP_PADDING);
  const cy = cytoscape({
    container,
    elements: mapElements(map, ontology, lang),
    style: mapStyle(),
    // The server placed every entity: no layout, and no fit (it would measure every label first);
    // the view of the whole map is worked out from the bands.
    layout: { name: "as-given" },
    ...whole(),
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: "single",
    autoungrabify: true,
    // Panning and zooming a thousand entities: draw a cached picture while the view moves.
    textureOnViewport: true,
  });
  const fitWhole = () => cy.viewport(whole());
  // Work out every element's bounds now: worked out during the first draw instead, they would
  // mark every element changed, and the second frame would throw the first's cached pictures away.
  cy.elements().boundingBox();
  // Drawn into a box not laid out yet: the view is fitted once the box has a size.
  let fitted = container.clientWidth > 0 && container.clientHeight > 0;

  const paintView = underlayPainter(canvas, underlayGeometry(map, ontology));
  let frame: number | undefined;
  const paint = (settled: boolean) =>
    paintView({ zoom: cy.zoom(), pan: { ...cy.pan() }, width: cy.width(), height: cy.height(), pixelRatio: window.devicePixelRatio || 1 }, settled);
  // While the view moves: once a frame, the picture shifted or scaled.
  const repaint = () => {
    frame ??= requestAnimationFrame(() => {
      frame = undefined;
      paint(false);
    });
  };

  const listeners: ((shown: boolean) => void)[] = [];
  let shown = mapLabelsShown(cy.zoom());
  // A small graph on a large screen opens close enough to read.
  if (shown) nameInView(cy);
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
  paint(true);
  return {
    cy,
    onLabels(listener) {
      listeners.push(listener);
      listener(shown);
    },
    fit: fitWhole,
    resize() {
      cy.resize();
      if (!fitted && cy.width() > 0 && cy.height() > 0) {
        fitted = true;
        fitWhole();
      }
      paint(true);
    },
    destroy() {
      if (timer !== undefined) clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      cy.destroy();
      canvas.remove();
    },
  };
}
