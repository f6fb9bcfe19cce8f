/**
 * Draws the front-page map into a container, on one canvas of our own (mapLayer.ts): the bands and
 * relations (mapUnderlay.ts), the bands' names and, once zoomed in, the entities' names
 * (mapNames.ts), and the entities in their kinds' colours and shapes (mapEntities.ts); viewed whole
 * or at a region (a link's `?map=`). Dragging, the wheel and pinching move the view (mapGestures.ts);
 * a tap on an entity opens it. The first picture is painted over short tasks (no task keeps the page
 * from answering input), later ones at once when the view settles. MapView and the render benchmark
 * (bench/render/main.ts) both call this, so the benchmark times what the page does.
 */
import type { GraphMap } from "../api/documents.js";
import type { OntologyInfo } from "../api/types.js";
import type { Lang } from "../state/view.js";
import { type Box, mapBounds, mapViewport, type Point, panBy, toMap, toScreen, zoomAbout } from "./mapCamera.js";
import { entityAt, entityPainter, hitRadius, MAP_NODE_SIZE, type MapEntity, type MapNode, mapEntities } from "./mapEntities.js";
import { attachGestures } from "./mapGestures.js";
import { type Context2D, layerPainter, type PaintMode, type Viewport } from "./mapLayer.js";
import { bandNames, mapLabelsShown, paintBandNames, paintEntityNames } from "./mapNames.js";
import { attachProbe } from "./mapProbe.js";
import { type MapRegion, type MapViewportLike, regionOfViewport, sameRegion, viewportOfRegion } from "./mapRegion.js";
import { paintBands, paintRelations, relationCount, type UnderlayGeometry, underlayGeometry } from "./mapUnderlay.js";

export const MAP_PADDING = 24;
/** How long the view must rest before it is painted sharp at its zoom, with the names of the entities newly in view. */
const SETTLE_MS = 60;
/** Map units past the bands that entity names may reach into (painted with the map). */
const NAME_SLACK = 120;
/**
 * How long one task of the first picture may paint (a task over 50 ms on a slow phone is what
 * Lighthouse counts as blocking), and how many relations it paints between looks at the clock.
 */
const TASK_MS = 20;
const RELATIONS_PER_STEP = 100;

/** Lets the browser paint and handle input before the next step. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

export interface DrawnMap {
  /** Settles once the first picture, every entity in it, is shown (on the frame that shows it). */
  ready: Promise<void>;
  /** The view: zoom and pan, as Cytoscape counted them (the map point 0,0 is drawn at pan). */
  view(): MapViewportLike;
  /** Called at every change of view. */
  onView(listener: () => void): void;
  /** Called with whether names are drawn, at once and whenever that changes. */
  onLabels(listener: (shown: boolean) => void): void;
  /** Called when the reader taps or clicks an entity. */
  onOpen(listener: (node: MapNode) => void): void;
  /** The entity at a point of the box (CSS pixels from its top-left corner), if any. */
  entityAt(at: Point): MapNode | undefined;
  /** Zooms by a factor about a point of the box (default: its middle), within the map's zoom limits. */
  zoomBy(factor: number, at?: Point): void;
  /** Moves the picture by screen pixels (positive x: to the right). */
  panBy(dx: number, dy: number): void;
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

/** The canvas the map is painted on (styled here, so the benchmark page needs no stylesheet). */
function mapCanvas(container: HTMLElement): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.setAttribute("aria-hidden", "true");
  Object.assign(canvas.style, { position: "absolute", left: "0", top: "0", pointerEvents: "none", willChange: "transform" });
  // No size until first painted (a canvas is 300 × 150 by default): nothing appears, then moves.
  canvas.width = 0;
  canvas.height = 0;
  Object.assign(canvas.style, { width: "0", height: "0" });
  // The canvas reaches past the view on every side, ready to be moved into it.
  container.style.overflow = "hidden";
  container.prepend(canvas);
  return canvas;
}

const grow = (box: Box, by: number): Box => ({ x1: box.x1 - by, y1: box.y1 - by, x2: box.x2 + by, y2: box.y2 + by });

/** What the map paints, worked out from the answer in the first tasks. */
interface Contents {
  underlay: UnderlayGeometry;
  entities?: { list: MapEntity[]; paint(ctx: Context2D, view: Viewport): void };
}

export function drawMap(container: HTMLElement, map: GraphMap, ontology: OntologyInfo, lang: Lang, region?: MapRegion): DrawnMap {
  const canvas = mapCanvas(container);
  const size = () => ({ width: container.clientWidth, height: container.clientHeight });
  const whole = () => mapViewport(map, container.clientWidth, container.clientHeight, MAP_PADDING);
  const bounds = mapBounds(map);
  // A region whose middle lies off the map (a stale or edited link) shows the whole map instead.
  const onMap = (r: MapRegion | undefined) => r !== undefined && r.x >= bounds.x1 && r.x <= bounds.x2 && r.y >= bounds.y1 && r.y <= bounds.y2;
  const viewOf = (r: MapRegion | undefined) => (r && onMap(r) ? viewportOfRegion(r, container.clientWidth, container.clientHeight) : whole());
  let view = viewOf(region);
  // Drawn into a box not laid out yet: the view is set once the box has a size.
  let fitted = container.clientWidth > 0 && container.clientHeight > 0;
  const viewport = (): Viewport => ({ ...view, ...size(), pixelRatio: window.devicePixelRatio || 1 });

  const names = bandNames(map, lang);
  let contents: Contents | undefined;
  /** The entities whose names the picture shows (indices). */
  let named: number[] = [];
  const paintNames = (ctx: Context2D, v: Viewport) => {
    paintBandNames(ctx, names, v);
    const list = contents?.entities?.list;
    named = list ? paintEntityNames(ctx, list, MAP_NODE_SIZE / 2, v) : [];
  };
  const painter = layerPainter(
    canvas,
    (ctx, v) => {
      if (!contents) return;
      paintBands(ctx, contents.underlay, v);
      paintRelations(ctx, contents.underlay, v);
      contents.entities?.paint(ctx, v);
      paintNames(ctx, v);
    },
    grow(bounds, NAME_SLACK),
  );
  /** While the first picture is painted, over several tasks, nothing else is. */
  let drawing = true;
  const paint = (mode: PaintMode) => {
    if (!drawing) painter(viewport(), mode);
  };

  const viewListeners: (() => void)[] = [];
  const labelListeners: ((shown: boolean) => void)[] = [];
  const openListeners: ((node: MapNode) => void)[] = [];
  let shown = mapLabelsShown(view.zoom);
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const setView = (next: MapViewportLike) => {
    if (next.zoom === view.zoom && next.pan.x === view.pan.x && next.pan.y === view.pan.y) return;
    view = { zoom: next.zoom, pan: { ...next.pan } };
    // While the view moves: once a frame, the picture shifted or scaled; once it rests, painted sharp.
    frame ??= requestAnimationFrame(() => {
      frame = undefined;
      paint("moving");
    });
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => paint("settled"), SETTLE_MS);
    const now = mapLabelsShown(view.zoom);
    if (now !== shown) {
      shown = now;
      for (const l of labelListeners) l(now);
    }
    for (const l of viewListeners) l();
  };
  const middle = () => ({ x: container.clientWidth / 2, y: container.clientHeight / 2 });
  const hit = (at: Point) => {
    const list = contents?.entities?.list;
    return list && entityAt(list, toMap(view, at), hitRadius(view.zoom))?.node;
  };

  const detachGestures = attachGestures(container, {
    panBy: (dx, dy) => setView(panBy(view, dx, dy)),
    zoomAbout: (factor, at) => setView(zoomAbout(view, factor, at)),
    tap: (at) => {
      const node = hit(at);
      if (node) for (const l of openListeners) l(node);
    },
    hover: (at) => {
      container.style.cursor = at && hit(at) ? "pointer" : "";
    },
  });
  const detachProbe = attachProbe(container, {
    view: () => ({ zoom: view.zoom, x: view.pan.x, y: view.pan.y, ...size() }),
    entities: () => {
      const isNamed = new Set(named);
      return (contents?.entities?.list ?? []).map((e, i) => ({ id: e.node.id, kind: e.node.kind, ...toScreen(view, e), named: isNamed.has(i) }));
    },
    panBy: (dx, dy) => setView(panBy(view, dx, dy)),
  });

  let destroyed = false;
  // The first picture, in short tasks: the bands, the relations a task's worth at a time, the
  // entities, the names; shown once complete.
  const ready = (async () => {
    await nextTask();
    if (destroyed) return;
    const underlay = underlayGeometry(map, ontology);
    contents = { underlay };
    await nextTask();
    if (destroyed) return;
    const job = painter.begin(viewport());
    if (job) {
      paintBands(job.ctx, underlay, job.view);
      job.flush();
      const total = relationCount(underlay);
      for (let done = 0; done < total; ) {
        await nextTask();
        if (destroyed) return;
        const started = performance.now();
        while (done < total && performance.now() - started < TASK_MS) {
          paintRelations(job.ctx, underlay, job.view, done, done + RELATIONS_PER_STEP);
          job.flush();
          done += RELATIONS_PER_STEP;
        }
      }
    }
    await nextTask();
    if (destroyed) return;
    const list = mapEntities(map.nodes, ontology, lang);
    contents.entities = { list, paint: entityPainter(list) };
    await nextTask();
    if (destroyed) return;
    if (job) {
      contents.entities.paint(job.ctx, job.view);
      job.flush();
      await nextTask();
      if (destroyed) return;
      paintNames(job.ctx, job.view);
      job.flush();
    }
    drawing = false;
    // Shown as painted, or, if the view moved meanwhile, placed where it now is (painted afresh if it must be).
    if (!job?.commit()) paint("fresh");
    paint("settled");
    await new Promise((resolve) => requestAnimationFrame(resolve));
  })();
  const show = (r: MapRegion | undefined) => setView(viewOf(r));
  return {
    ready,
    view: () => ({ zoom: view.zoom, pan: { ...view.pan } }),
    onView: (listener) => viewListeners.push(listener),
    onLabels(listener) {
      labelListeners.push(listener);
      listener(shown);
    },
    onOpen: (listener) => openListeners.push(listener),
    entityAt: hit,
    zoomBy: (factor, at) => setView(zoomAbout(view, factor, at ?? middle())),
    panBy: (dx, dy) => setView(panBy(view, dx, dy)),
    fit: () => show(undefined),
    show,
    region() {
      const { width, height } = size();
      const now = regionOfViewport(view, width, height);
      return sameRegion(now, regionOfViewport(whole(), width, height)) ? undefined : now;
    },
    resize() {
      const { width, height } = size();
      if (!fitted && width > 0 && height > 0) {
        fitted = true;
        show(region);
      }
      paint("settled");
    },
    destroy() {
      destroyed = true;
      if (timer !== undefined) clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      detachGestures();
      detachProbe();
      container.style.cursor = "";
      canvas.remove();
    },
  };
}
