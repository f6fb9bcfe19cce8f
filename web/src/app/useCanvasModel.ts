/** What the canvas draws, derived from the view and the store: visible graph, elements, style. */
import { useMemo } from "react";
import type { PathResult } from "../api/types.js";
import { toElements } from "../graph/elements.js";
import { graphStyle } from "../graph/style.js";
import type { Atlas } from "../state/useAtlas.js";
import { neighboursOffCanvas, visibleGraph } from "../state/view.js";

export function useCanvasModel(atlas: Atlas) {
  const { view, store, ontology, version } = atlas;
  const chosenPaths: PathResult[] = useMemo(() => {
    const chosen = atlas.pathIndex !== undefined ? atlas.paths[atlas.pathIndex] : undefined;
    return chosen ? [chosen] : atlas.paths;
  }, [atlas.paths, atlas.pathIndex]);
  const pathNodes = useMemo(() => new Set(chosenPaths.flatMap((p) => p.nodes.map((n) => n.id))), [chosenPaths]);
  const pathEdges = useMemo(() => new Set(chosenPaths.flatMap((p) => p.edges.map((e) => e.id))), [chosenPaths]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` marks new data in the (mutable) store
  const visible = useMemo(() => visibleGraph(view, store, pathNodes), [view, store, pathNodes, version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` marks new data in the (mutable) store
  const elements = useMemo(
    () =>
      ontology
        ? toElements(visible, ontology, {
            lang: view.lang,
            selected: view.selected,
            pinned: view.pinned,
            expanded: view.expanded,
            pathNodes,
            pathEdges,
            more: (id) => neighboursOffCanvas(view, store, id),
          })
        : [],
    [visible, ontology, view, pathNodes, pathEdges, store, version],
  );
  const stylesheet = useMemo(() => (ontology ? graphStyle(ontology) : []), [ontology]);
  const kindsInView = useMemo(() => new Set(visible.nodes.map((n) => n.kind)), [visible]);
  return { visible, elements, stylesheet, kindsInView, empty: view.nodes.length === 0 };
}

export type CanvasModel = ReturnType<typeof useCanvasModel>;
