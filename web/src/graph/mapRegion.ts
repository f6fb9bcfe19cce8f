/**
 * The part of the front-page map in view, as a link keeps it (`?map=x,y,zoom`): the map point at
 * the middle of the view, in map units, and the zoom. The middle rather than a corner, so a link
 * opened in a window of another size shows the same place. Values are rounded (whole map units,
 * three significant digits of zoom) so links stay short; anything malformed reads as no region.
 * Pure: tested without a browser.
 */

export interface MapRegion {
  x: number;
  y: number;
  zoom: number;
}

export interface MapViewportLike {
  zoom: number;
  pan: { x: number; y: number };
}

/** The map's zoom limits (mapCamera.ts keeps the view within them). */
export const MAP_MIN_ZOOM = 0.05;
export const MAP_MAX_ZOOM = 4;
/** No map is this large: a coordinate beyond it is a broken link. */
const COORDINATE_LIMIT = 1e6;
const DECIMAL = /^-?\d+(\.\d+)?$/;

const roundZoom = (zoom: number) => Number(zoom.toPrecision(3));

export function regionToParam(region: MapRegion): string {
  return `${Math.round(region.x)},${Math.round(region.y)},${roundZoom(region.zoom)}`;
}

/** The region a `map` parameter names, or undefined when it is missing or malformed. */
export function regionFromParam(text: string | null | undefined): MapRegion | undefined {
  const parts = (text ?? "").split(",");
  if (parts.length !== 3 || !parts.every((p) => DECIMAL.test(p))) return undefined;
  const [x, y, zoom] = parts.map(Number) as [number, number, number];
  if (Math.abs(x) > COORDINATE_LIMIT || Math.abs(y) > COORDINATE_LIMIT) return undefined;
  if (!(zoom >= MAP_MIN_ZOOM && zoom <= MAP_MAX_ZOOM)) return undefined;
  return { x: Math.round(x), y: Math.round(y), zoom: roundZoom(zoom) };
}

/** The region a Cytoscape view (zoom and pan) of a width × height box shows, rounded as a link keeps it. */
export function regionOfViewport(view: MapViewportLike, width: number, height: number): MapRegion {
  return {
    x: Math.round((width / 2 - view.pan.x) / view.zoom),
    y: Math.round((height / 2 - view.pan.y) / view.zoom),
    zoom: roundZoom(view.zoom),
  };
}

/** The Cytoscape view (zoom and pan) that shows a region in a width × height box. */
export function viewportOfRegion(region: MapRegion, width: number, height: number): MapViewportLike {
  return { zoom: region.zoom, pan: { x: width / 2 - region.x * region.zoom, y: height / 2 - region.y * region.zoom } };
}

export function sameRegion(a: MapRegion | undefined, b: MapRegion | undefined): boolean {
  if (!a || !b) return a === b;
  return regionToParam(a) === regionToParam(b);
}
