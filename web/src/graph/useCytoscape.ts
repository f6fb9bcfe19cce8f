/**
 * One Cytoscape instance for the life of a component: made once in the component's container,
 * told when the container changes size (the window and the panels move it), given each new
 * stylesheet, and destroyed when the component goes.
 */
import cytoscape, { type Core, type CytoscapeOptions, type StylesheetJson } from "cytoscape";
import { type RefObject, useEffect, useRef } from "react";

/**
 * `options` are read once, when the instance is made; `wire` then adds its listeners (it may also
 * mark the container). Returns the instance's ref: undefined before the first effect and after unmount.
 */
export function useCytoscape(
  container: RefObject<HTMLDivElement | null>,
  options: Omit<CytoscapeOptions, "container" | "style">,
  stylesheet: StylesheetJson,
  wire: (cy: Core, box: HTMLDivElement) => void,
): RefObject<Core | undefined> {
  const cyRef = useRef<Core | undefined>(undefined);
  const setup = useRef({ options, stylesheet, wire });
  setup.current = { options, stylesheet, wire };

  useEffect(() => {
    const box = container.current;
    if (!box) return;
    const cy = cytoscape({ ...setup.current.options, container: box, style: setup.current.stylesheet });
    setup.current.wire(cy, box);
    cyRef.current = cy;
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(box);
    return () => {
      resize.disconnect();
      cy.destroy();
      cyRef.current = undefined;
    };
  }, [container]);

  useEffect(() => {
    cyRef.current?.style(stylesheet);
  }, [stylesheet]);

  return cyRef;
}
