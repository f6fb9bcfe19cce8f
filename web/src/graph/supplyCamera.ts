/**
 * Where the supply drawing opens (pure: tested without a browser). A tree that fits at a readable
 * size is shown whole; one so wide that fitting it would shrink its names below reading size (a
 * chip's tree on the real seed: dozens of inputs in its top layer) opens at a readable zoom on the
 * entity it is about, drawn at the bottom, with its nearest inputs above it; the reader drags or
 * zooms out for the rest, and the list beside it names every input.
 */

/** Fitted below this, names (11 px at zoom 1) are too small to read: the drawing opens cropped. */
export const CROP_BELOW_ZOOM = 0.5;
/** The zoom a cropped drawing opens at. */
export const READABLE_ZOOM = 0.8;
/** The most a small tree is enlarged. */
export const MAX_OPEN_ZOOM = 1.3;
/** Room left below the subject's name, in pixels. */
const BOTTOM_MARGIN = 12;

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/**
 * The opening view given the zoom that fits the whole tree, the subject's centre `x` and the
 * `bottom` of its name in drawing units (undefined: no subject drawn; a long name wraps to several
 * lines below the node) and the drawing's size in pixels; `cropped` when part of the tree is out of
 * view. undefined: keep the fitted view.
 */
export function openingView(
  fitZoom: number,
  subject: { x: number; bottom: number } | undefined,
  size: { width: number; height: number },
): (Viewport & { cropped: boolean }) | undefined {
  if (fitZoom >= CROP_BELOW_ZOOM) return undefined;
  if (!subject) return undefined;
  return {
    zoom: READABLE_ZOOM,
    pan: { x: size.width / 2 - subject.x * READABLE_ZOOM, y: size.height - BOTTOM_MARGIN - subject.bottom * READABLE_ZOOM },
    cropped: true,
  };
}
