/**
 * The supply-chain drawing: its own Cytoscape instance with a layered layout (dagre, top to bottom:
 * inputs above what needs them). A tap selects the entity, as everywhere else. The lists beside it
 * are the text alternative; the container reports each entity's height for tests (data-y).
 */
import cytoscape, { type ElementDefinition, type StylesheetJson } from "cytoscape";
import dagre from "cytoscape-dagre";
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";
import { MAX_OPEN_ZOOM, openingView } from "./supplyCamera.js";
import { useCytoscape } from "./useCytoscape.js";

cytoscape.use(dagre);

/** The drawing: zoom bounds; nodes stay where the layout puts them. */
const DRAWING = { minZoom: 0.2, maxZoom: 2.5, boxSelectionEnabled: false, autoungrabify: true } as const;

export interface SupplyGraphProps {
  elements: ElementDefinition[];
  stylesheet: StylesheetJson;
  label: string;
  onSelect(id: string): void;
  /** Told after each layout whether part of the tree opened out of view (too wide to read whole). */
  onCropped?(cropped: boolean): void;
}

/** What the panel can ask of the drawing. */
export interface SupplyGraphHandle {
  /** Shows the whole tree, however small its names become. */
  fitWhole(): void;
}

export const SupplyGraph = forwardRef<SupplyGraphHandle, SupplyGraphProps>(function SupplyGraph({ elements, stylesheet, label, onSelect, onCropped }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onCroppedRef = useRef(onCropped);
  onCroppedRef.current = onCropped;

  const cyRef = useCytoscape(container, DRAWING, stylesheet, (cy) => {
    cy.on("tap", "node.entity, node.rule", (e) => onSelectRef.current(e.target.id()));
  });

  useEffect(() => {
    const cy = cyRef.current;
    const box = container.current;
    if (!cy || !box) return;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    // Nothing to draw yet (the panel waits for the exposure before drawing): not a finished layout.
    if (elements.length === 0) {
      box.dataset.layout = "waiting";
      return;
    }
    box.dataset.layout = "running";
    const layout = cy.layout({
      name: "dagre",
      rankDir: "TB",
      nodeSep: 24,
      rankSep: 44,
      edgeSep: 10,
      padding: 16,
      fit: true,
      animate: false,
      // Labels take room too: without this, a junction's label runs over its neighbour.
      nodeDimensionsIncludeLabels: true,
    } as cytoscape.LayoutOptions);
    layout.one("layoutstop", () => {
      if (cy.zoom() > MAX_OPEN_ZOOM) {
        cy.zoom(MAX_OPEN_ZOOM);
        cy.center();
      }
      const subject = cy.nodes(".entity.selected").first();
      const named = subject.nonempty() ? { x: subject.position().x, bottom: subject.boundingBox({ includeLabels: true }).y2 } : undefined;
      const view = openingView(cy.zoom(), named, { width: cy.width(), height: cy.height() });
      if (view) cy.viewport({ zoom: view.zoom, pan: view.pan });
      box.dataset.cropped = String(Boolean(view?.cropped));
      box.dataset.zoom = cy.zoom().toFixed(2);
      // Where the subject's name ends on screen (pixels from the drawing's top), for tests.
      if (subject.nonempty()) box.dataset.subjectBottom = String(Math.round(subject.renderedBoundingBox({ includeLabels: true }).y2));
      onCroppedRef.current?.(Boolean(view?.cropped));
      box.dataset.y = JSON.stringify(Object.fromEntries(cy.nodes(".entity, .rule").map((n) => [n.id(), Math.round(n.position().y)])));
      box.dataset.nodes = String(cy.nodes(".entity").length);
      box.dataset.layout = "done";
    });
    layout.run();
  }, [elements]);

  useImperativeHandle(ref, () => ({
    fitWhole() {
      const cy = cyRef.current;
      if (!cy || !container.current) return;
      cy.fit(undefined, 16);
      container.current.dataset.cropped = "false";
      container.current.dataset.zoom = cy.zoom().toFixed(2);
      onCroppedRef.current?.(false);
    },
  }));

  return <div ref={container} className="supply-graph" role="img" aria-label={label} data-testid="supply-graph" />;
});
