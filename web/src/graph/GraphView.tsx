/**
 * The canvas. This component owns the one Cytoscape instance: it applies element definitions
 * (from toElements) by difference, runs layouts when entities arrive, and reports taps.
 */
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular, type StylesheetJson } from "cytoscape";
import fcose from "cytoscape-fcose";
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";
import type { LayoutName } from "../state/view.js";
import { clearFit, type Rect } from "./clearFit.js";
import { fcoseOptions } from "./layout.js";
import { useCytoscape } from "./useCytoscape.js";

cytoscape.use(fcose);

export interface GraphViewHandle {
  fit(): void;
  zoom(factor: number): void;
  positionOf(id: string): [number, number];
  positions(): Record<string, { x: number; y: number }>;
  png(): Promise<Blob>;
  /** The visible entity ids, left to right then top to bottom (keyboard order). */
  order(): string[];
  centerOn(id: string): void;
}

export interface GraphViewProps {
  elements: ElementDefinition[];
  stylesheet: StylesheetJson;
  layout: LayoutName;
  /** Changes when the layout must run again (a new layout chosen, or "re-run"). */
  layoutRun: number;
  selected?: string | undefined;
  label: string;
  onSelect(id: string | undefined): void;
  onExpand(id: string): void;
  onKey?(event: React.KeyboardEvent<HTMLDivElement>): void;
  /** What floats over the canvas (the open legend), in pixels of the canvas: fits keep clear of it. */
  cover?(): Rect | undefined;
}

/** The canvas: zoom bounds, one selection at a time, no box selection. */
const CANVAS = { minZoom: 0.15, maxZoom: 3, boxSelectionEnabled: false, selectionType: "single" } as const;

const MAX_FIT_ZOOM = 1.25;
/** Room around a fitted graph, in pixels (the layouts' `padding`). */
const FIT_PADDING = 48;

const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

function layoutOptions(name: LayoutName, cy: Core, incremental: boolean, selected?: string): LayoutOptions {
  const animate = !reducedMotion() && cy.nodes().length < 300;
  const common = { fit: true, padding: FIT_PADDING, animate, animationDuration: 450 };
  const fixed = cy.nodes(":locked").map((n) => ({ nodeId: n.id(), position: n.position() }));
  switch (name) {
    case "fcose":
      return fcoseOptions({ nodes: cy.nodes().length, incremental, animate, fixed });
    case "concentric":
      return {
        name: "concentric",
        ...common,
        minNodeSpacing: 40,
        concentric: (n: NodeSingular) => (n.id() === selected ? 1000 : n.degree(false)),
        levelWidth: () => 2,
      } as LayoutOptions;
    case "breadthfirst":
      return {
        name: "breadthfirst",
        ...common,
        directed: false,
        spacingFactor: 1.1,
        roots: selected && cy.getElementById(selected).nonempty() ? `#${CSS.escape(selected)}` : undefined,
      } as LayoutOptions;
    case "circle":
      return { name: "circle", ...common, spacingFactor: 1.1 } as LayoutOptions;
    default:
      return { name: "grid", ...common, avoidOverlapPadding: 30 } as LayoutOptions;
  }
}

/** The view that fits the whole graph clear of `cover`; undefined: a plain fit is clear of it. */
function clearView(cy: Core, cover: Rect | undefined) {
  if (!cover || cy.elements().empty()) return undefined;
  const bb = cy.elements().boundingBox();
  return clearFit({ x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 }, { width: cy.width(), height: cy.height() }, FIT_PADDING, cover, MAX_FIT_ZOOM);
}

/** Where a fitted graph is drawn, in pixels of the canvas (`data-drawn`: x1,y1,x2,y2), for tests. */
function markDrawn(cy: Core, box: HTMLElement) {
  const bb = cy.elements().renderedBoundingBox();
  box.dataset.drawn = [bb.x1, bb.y1, bb.x2, bb.y2].map(Math.round).join(",");
}

export const GraphView = forwardRef<GraphViewHandle, GraphViewProps>(function GraphView(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const lastLayoutRun = useRef(props.layoutRun);
  const lastLayout = useRef(props.layout);

  const cyRef = useCytoscape(container, CANVAS, props.stylesheet, (cy, box) => {
    cy.on("tap", "node", (e) => callbacks.current.onSelect(e.target.id()));
    cy.on("dbltap", "node", (e) => callbacks.current.onExpand(e.target.id()));
    cy.on("tap", (e) => {
      if (e.target === cy) callbacks.current.onSelect(undefined);
    });
    box.dataset.layout = "idle";
  });

  // Apply elements by difference; run the layout when entities arrive or the layout changes.
  useEffect(() => {
    const cy = cyRef.current;
    const box = container.current;
    if (!cy || !box) return;
    const wanted = new Map(props.elements.map((e) => [String(e.data.id), e]));
    let added = 0;
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        if (!wanted.has(ele.id())) ele.remove();
      });
      const newNodes: ElementDefinition[] = [];
      const newEdges: ElementDefinition[] = [];
      for (const def of props.elements) {
        const existing = cy.getElementById(String(def.data.id));
        if (existing.nonempty()) {
          existing.data(def.data);
          existing.classes(def.classes ?? []);
          if (existing.isNode()) {
            if (def.locked && def.position) {
              existing.unlock().position(def.position).lock();
            } else if (!def.locked && existing.locked()) existing.unlock();
          }
        } else if (def.group === "nodes") newNodes.push(def);
        else newEdges.push(def);
      }
      // A new entity starts beside a neighbour already placed, so the layout only nudges.
      const extent = cy.nodes().nonempty() ? cy.nodes().boundingBox() : { x1: 0, y1: 0, w: 0, h: 0 };
      const centre = { x: extent.x1 + extent.w / 2, y: extent.y1 + extent.h / 2 };
      for (const def of newNodes) {
        const id = String(def.data.id);
        const edge = newEdges.find((e) => e.data.source === id || e.data.target === id);
        const anchorId = edge ? (edge.data.source === id ? edge.data.target : edge.data.source) : undefined;
        const anchor = anchorId ? cy.getElementById(String(anchorId)) : undefined;
        const base = anchor?.nonempty() ? anchor.position() : centre;
        const angle = Math.random() * Math.PI * 2;
        const position = def.position ?? { x: base.x + Math.cos(angle) * 80, y: base.y + Math.sin(angle) * 80 };
        const node = cy.add({ ...def, position });
        if (def.locked) node.lock();
        added++;
      }
      cy.add(newEdges);
    });
    const layoutChanged = props.layoutRun !== lastLayoutRun.current || props.layout !== lastLayout.current;
    lastLayoutRun.current = props.layoutRun;
    lastLayout.current = props.layout;
    if ((added > 0 || layoutChanged) && cy.nodes().nonempty()) {
      const incremental = !layoutChanged && cy.nodes().length > added;
      box.dataset.layout = "running";
      const layout = cy.layout(layoutOptions(props.layout, cy, incremental, props.selected));
      layout.one("layoutstop", () => {
        // A handful of entities fitted to the screen would be drawn huge: keep them at a readable size.
        if (cy.zoom() > MAX_FIT_ZOOM) {
          cy.zoom(MAX_FIT_ZOOM);
          cy.center();
        }
        const clear = clearView(cy, callbacks.current.cover?.());
        if (clear) cy.viewport(clear);
        markDrawn(cy, box);
        box.dataset.layout = "done";
      });
      layout.run();
    } else if (box.dataset.layout !== "running") {
      box.dataset.layout = cy.nodes().nonempty() ? "done" : "idle";
    }
    box.dataset.nodes = String(cy.nodes().length);
    box.dataset.edges = String(cy.edges().length);
  }, [props.elements, props.layout, props.layoutRun, props.selected]);

  useImperativeHandle(
    ref,
    () => ({
      fit: () => {
        const cy = cyRef.current;
        if (!cy) return;
        const clear = clearView(cy, callbacks.current.cover?.());
        cy.animate({
          ...(clear ?? { fit: { eles: cy.elements(), padding: FIT_PADDING } }),
          duration: reducedMotion() ? 0 : 250,
          complete: () => container.current && markDrawn(cy, container.current),
        });
      },
      zoom: (factor: number) => {
        const cy = cyRef.current;
        if (!cy) return;
        cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      },
      positionOf: (id: string) => {
        const p = cyRef.current?.getElementById(id).position() ?? { x: 0, y: 0 };
        return [p.x, p.y];
      },
      positions: () =>
        Object.fromEntries((cyRef.current?.nodes() ?? []).map((n) => [n.id(), { x: Math.round(n.position().x), y: Math.round(n.position().y) }])),
      png: async () => {
        const cy = cyRef.current;
        if (!cy) throw new Error("The canvas is not ready.");
        return cy.png({ output: "blob-promise", full: true, scale: 2, bg: "#ffffff" });
      },
      order: () =>
        (cyRef.current?.nodes().toArray() ?? []).sort((a, b) => a.position().x - b.position().x || a.position().y - b.position().y).map((n) => n.id()),
      centerOn: (id: string) => {
        const cy = cyRef.current;
        const node = cy?.getElementById(id);
        if (!cy || !node?.nonempty()) return;
        const extent = cy.extent();
        const p = node.position();
        if (p.x < extent.x1 || p.x > extent.x2 || p.y < extent.y1 || p.y > extent.y2)
          cy.animate({ center: { eles: node }, duration: reducedMotion() ? 0 : 200 });
      },
    }),
    [],
  );

  return (
    <div
      ref={container}
      className="canvas"
      role="application"
      aria-roledescription="graph"
      aria-label={props.label}
      aria-describedby="keyboard-help"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas is a keyboard-operable widget (role application)
      tabIndex={0}
      onKeyDown={(e) => props.onKey?.(e)}
      data-testid="canvas"
    />
  );
});
