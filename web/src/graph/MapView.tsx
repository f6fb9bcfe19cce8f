/**
 * The front page: the whole graph at the server's positions (drawMap.ts), its bands labelled,
 * entity names drawn only once zoomed in. Tapping or clicking an entity opens it; with the map
 * focused, the registered zoom, pan and fit keys move it and Enter opens the entity at its middle
 * (marked while the map has keyboard focus). Drawn on a canvas of its own, without Cytoscape, over
 * the explorer's working canvas (GraphView), which keeps its state underneath. The region in view
 * goes to the view state (and so to the URL) once the reader stops moving it; a region from the
 * state (a link, undo, "Whole map") is shown.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";
import type { GraphMap } from "../api/documents.js";
import type { EntityCore, OntologyInfo } from "../api/types.js";
import type { Lang } from "../state/view.js";
import { type DrawnMap, drawMap } from "./drawMap.js";
import type { MapNode } from "./mapEntities.js";
import { type MapRegion, sameRegion } from "./mapRegion.js";

/** How long the map must rest before the URL follows it (one history rewrite per move, not per frame). */
const REGION_DELAY_MS = 300;

export interface MapViewHandle {
  /** Zooms by a factor about the middle of the view. */
  zoom(factor: number): void;
  /** Moves the picture by screen pixels (positive x: to the right). */
  panBy(dx: number, dy: number): void;
  /** The whole map in view. */
  fit(): void;
  /** Opens the entity at the middle of the view, if there is one. */
  openAtMiddle(): void;
}

export interface MapViewProps {
  map: GraphMap;
  ontology: OntologyInfo;
  lang: Lang;
  label: string;
  /** The region to show (undefined: the whole map). */
  region?: MapRegion | undefined;
  /** Called once the reader has moved the map and let it rest. */
  onRegion?(region: MapRegion | undefined): void;
  onOpen(entity: EntityCore): void;
  onKey?(event: React.KeyboardEvent<HTMLDivElement>): void;
}

const entityCore = (n: MapNode): EntityCore => ({ id: n.id, kind: n.kind, name: n.name, nameZh: n.nameZh, country: n.country });

export const MapView = forwardRef<MapViewHandle, MapViewProps>(function MapView({ map, ontology, lang, label, region, onRegion, onOpen, onKey }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef<DrawnMap | undefined>(undefined);
  const open = useRef(onOpen);
  open.current = onOpen;
  const regionChanged = useRef(onRegion);
  regionChanged.current = onRegion;
  // The region the map shows, as the view state knows it: a prop that differs came from elsewhere.
  const shown = useRef(region);

  useEffect(() => {
    const box = container.current;
    if (!box) return;
    box.dataset.state = "drawing";
    const view = drawMap(box, map, ontology, lang, shown.current);
    drawn.current = view;
    view.onLabels((shown) => {
      box.dataset.labels = shown ? "shown" : "hidden";
    });
    view.onOpen((n) => open.current(entityCore(n)));
    view.ready.then(() => {
      if (drawn.current !== view) return;
      box.dataset.state = "ready";
      box.dataset.readyMs = String(Math.round(performance.now()));
    });
    let resting: ReturnType<typeof setTimeout> | undefined;
    view.onView(() => {
      if (resting !== undefined) clearTimeout(resting);
      resting = setTimeout(() => {
        const now = view.region();
        if (sameRegion(now, shown.current)) return;
        shown.current = now;
        regionChanged.current?.(now);
      }, REGION_DELAY_MS);
    });
    box.dataset.nodes = String(map.nodes.length);
    box.dataset.edges = String(map.edges.length);
    const resize = new ResizeObserver(() => view.resize());
    resize.observe(box);
    return () => {
      if (resting !== undefined) clearTimeout(resting);
      resize.disconnect();
      view.destroy();
      drawn.current = undefined;
    };
  }, [map, ontology, lang]);

  useEffect(() => {
    if (sameRegion(region, shown.current)) return;
    shown.current = region;
    drawn.current?.show(region);
  }, [region]);

  useImperativeHandle(
    ref,
    () => ({
      zoom: (factor) => drawn.current?.zoomBy(factor),
      panBy: (dx, dy) => drawn.current?.panBy(dx, dy),
      fit: () => drawn.current?.fit(),
      openAtMiddle: () => {
        const box = container.current;
        const n = box && drawn.current?.entityAt({ x: box.clientWidth / 2, y: box.clientHeight / 2 });
        if (n) open.current(entityCore(n));
      },
    }),
    [],
  );

  return (
    <div
      ref={container}
      className="map-canvas"
      role="application"
      aria-roledescription="map"
      aria-label={label}
      aria-describedby="keyboard-help"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the map is a keyboard-operable widget (role application)
      tabIndex={0}
      onKeyDown={(e) => onKey?.(e)}
      data-testid="map"
    />
  );
});
