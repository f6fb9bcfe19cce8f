/**
 * The force layout's settings, in one place: the explorer and the render benchmark both use them,
 * so the benchmark measures what users get.
 */
import type { LayoutOptions } from "cytoscape";

/** Above this many nodes the layout is spectral only ("draft"): a second at 5k elements, not several. */
export const DRAFT_ABOVE_NODES = 250;

export interface FcoseContext {
  nodes: number;
  /** Keep current positions as the start (an expansion), instead of starting afresh. */
  incremental: boolean;
  animate: boolean;
  fixed?: { nodeId: string; position: { x: number; y: number } }[];
}

export function fcoseOptions({ nodes, incremental, animate, fixed }: FcoseContext): LayoutOptions {
  const draft = nodes > DRAFT_ABOVE_NODES;
  return {
    name: "fcose",
    fit: true,
    padding: 48,
    animate,
    animationDuration: 450,
    quality: draft ? "draft" : "default",
    randomize: !incremental,
    nodeRepulsion: () => 14000,
    idealEdgeLength: () => 150,
    edgeElasticity: () => 0.4,
    nodeSeparation: 90,
    gravity: 0.3,
    // Fewer force iterations on big graphs: the spectral start is already readable there.
    numIter: nodes > 1000 ? 800 : 2500,
    packComponents: true,
    fixedNodeConstraint: fixed?.length ? fixed : undefined,
  } as LayoutOptions;
}
