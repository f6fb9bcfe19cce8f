/**
 * The front page: the whole graph at the server's positions (drawMap.ts), its bands labelled,
 * entity names drawn only once zoomed in. Tapping an entity opens it; with the map focused, the
 * registered zoom, pan and fit keys move it. Its own Cytoscape instance, so the explorer's working
 * canvas (GraphView) keeps its state underneath. The region in view goes to the view state (and so
 * to the URL) once the reader stops moving it; a region from the state (a link, undo, "Whole map")
 * is shown.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";
import type { GraphMap } from "../api/documents.js";
import type { EntityCore, OntologyInfo } from "../api/types.js";
import type { Lang } from "../state/view.js";
import { type DrawnMap, drawMap } from "./drawMap.js";
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
    const entities = new Map(map.nodes.map((n) => [n.id, n]));
    const view = drawMap(box, map, ontology, lang, shown.current);
    drawn.current = view;
    const { cy } = view;
    view.onLabels((shown) => {
      box.dataset.labels = shown ? "shown" : "hidden";
    });
    cy.on("tap", "node.entity", (e) => {
      const n = entities.get(e.target.id());
      if (n) open.current({ id: n.id, kind: n.kind, name: n.name, nameZh: n.nameZh, country: n.country });
    });
    view.ready.then(() => {
      if (drawn.current !== view) return;
      box.dataset.state = "ready";
      box.dataset.readyMs = String(Math.round(performance.now()));
    });
    let resting: ReturnType<typeof setTimeout> | undefined;
    cy.on("viewport", () => {
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
      zoom: (factor) => {
        const cy = drawn.current?.cy;
        cy?.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      },
      panBy: (dx, dy) => drawn.current?.cy.panBy({ x: dx, y: dy }),
      fit: () => drawn.current?.fit(),
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
