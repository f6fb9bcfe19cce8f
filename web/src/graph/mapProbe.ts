/**
 * The front-page map's test and benchmark hook. The map is painted on a canvas, with no element per
 * entity, so what a reader sees is also given in numbers, on the map's element as `atlasMap`:
 *
 *   const probe = (document.querySelector('[data-testid="map"]') as ProbedElement).atlasMap;
 *   probe.view();      // { zoom, x, y, width, height }: the map point (0, 0) is drawn at x, y
 *   probe.entities();  // [{ id, kind, x, y, named }]: each entity drawn, its centre on screen in CSS
 *                      // pixels from the map box's top-left corner, and whether its name is painted
 *   probe.panBy(dx, dy);  // moves the picture, as a drag would (the render benchmark pans with it)
 *
 * Browser tests (tests/e2e/map.test.ts) and the render benchmark (bench/render/main.ts) read it;
 * nothing in the explorer does.
 */

export interface MapProbeView {
  zoom: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapProbeEntity {
  id: string;
  kind: string;
  x: number;
  y: number;
  named: boolean;
}

export interface MapProbe {
  view(): MapProbeView;
  entities(): MapProbeEntity[];
  panBy(dx: number, dy: number): void;
}

export type ProbedElement = HTMLElement & { atlasMap?: MapProbe };

/** Puts the probe on `el`; returns what takes it off. */
export function attachProbe(el: HTMLElement, probe: MapProbe): () => void {
  const probed = el as ProbedElement;
  probed.atlasMap = probe;
  return () => {
    if (probed.atlasMap === probe) delete probed.atlasMap;
  };
}
