/**
 * The front page: the whole graph at the server's positions (preset layout, canvas renderer), its
 * bands labelled, entity labels drawn only once zoomed in. Tapping an entity opens it. Its own
 * Cytoscape instance, so the explorer's working canvas (GraphView) keeps its state underneath.
 */
import cytoscape, { type Core } from "cytoscape";
import { useEffect, useRef } from "react";
import type { GraphMap } from "../api/documents.js";
import type { EntityCore, OntologyInfo } from "../api/types.js";
import type { Lang } from "../state/view.js";
import { mapElements, mapLabelsShown, mapStyle } from "./mapElements.js";

export interface MapViewProps {
  map: GraphMap;
  ontology: OntologyInfo;
  lang: Lang;
  label: string;
  onOpen(entity: EntityCore): void;
}

export function MapView({ map, ontology, lang, label, onOpen }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    const box = container.current;
    if (!box) return;
    box.dataset.state = "drawing";
    const entities = new Map(map.nodes.map((n) => [n.id, n]));
    const cy: Core = cytoscape({
      container: box,
      elements: mapElements(map, lang),
      style: mapStyle(ontology),
      layout: { name: "preset", fit: true, padding: 24 },
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: "single",
      autoungrabify: true,
      // Panning and zooming a few thousand elements: draw a cached picture while the view moves.
      textureOnViewport: true,
      hideEdgesOnViewport: false,
    });
    const showLabels = () => {
      box.dataset.labels = mapLabelsShown(cy.zoom()) ? "shown" : "hidden";
    };
    cy.on("zoom", showLabels);
    showLabels();
    cy.on("tap", "node.entity", (e) => {
      const n = entities.get(e.target.id());
      if (n) open.current({ id: n.id, kind: n.kind, name: n.name, nameZh: n.nameZh, country: n.country });
    });
    cy.one("render", () => {
      box.dataset.state = "ready";
      box.dataset.readyMs = String(Math.round(performance.now()));
    });
    box.dataset.nodes = String(map.nodes.length);
    box.dataset.edges = String(map.edges.length);
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(box);
    return () => {
      resize.disconnect();
      cy.destroy();
    };
  }, [map, ontology, lang]);

  return <div ref={container} className="map-canvas" role="img" aria-label={label} data-testid="map" />;
}
