/**
 * Zoom, pan and fit, registered with the other actions (registry.ts): the canvas controls and the
 * keys act on the front-page map while it is shown, else on the working canvas. On the map the
 * arrow keys pan and Enter opens the entity at the middle of the view; on the canvas the arrows
 * step through the entities (registry.ts).
 */
import type { Action, ActionContext, KeyLike } from "./types.js";

/** The same keys on the working canvas and on the front-page map. */
const viewKeys = (...keys: string[]) => ({ scope: ["canvas", "map"] as const, test: (e: KeyLike) => keys.includes(e.key) });
const onMap = (...keys: string[]) => ({ scope: "map" as const, test: (e: KeyLike) => keys.includes(e.key), preventDefault: true });
/** What zoom, pan and fit act on: the map while it is shown, else the canvas. */
const viewOf = (ctx: ActionContext) => ctx.map ?? ctx.graph;
/** How far an arrow key moves the map, in screen pixels. */
const PAN_STEP = 120;

export const VIEW_ACTIONS = [
  {
    name: "zoomIn",
    label: (t) => t.zoomIn,
    shortcut: "+",
    key: viewKeys("+", "="),
    perform: (ctx) => viewOf(ctx)?.zoom(1.25),
    button: { icon: "+", look: "icon", title: true },
  },
  {
    name: "zoomOut",
    label: (t) => t.zoomOut,
    shortcut: "−",
    key: viewKeys("-", "_"),
    perform: (ctx) => viewOf(ctx)?.zoom(0.8),
    button: { icon: "−", look: "icon", title: true },
  },
  {
    name: "fit",
    label: (t) => t.fit,
    shortcut: "0",
    key: viewKeys("0", "f", "F"),
    perform: (ctx) => viewOf(ctx)?.fit(),
    button: { title: true, testId: "fit" },
  },
  {
    name: "panLeft",
    label: (t) => t.panLeft,
    shortcut: "←",
    key: onMap("ArrowLeft"),
    perform: (ctx) => ctx.map?.panBy(PAN_STEP, 0),
  },
  {
    name: "panRight",
    label: (t) => t.panRight,
    shortcut: "→",
    key: onMap("ArrowRight"),
    perform: (ctx) => ctx.map?.panBy(-PAN_STEP, 0),
  },
  {
    name: "panUp",
    label: (t) => t.panUp,
    shortcut: "↑",
    key: onMap("ArrowUp"),
    perform: (ctx) => ctx.map?.panBy(0, PAN_STEP),
  },
  {
    name: "panDown",
    label: (t) => t.panDown,
    shortcut: "↓",
    key: onMap("ArrowDown"),
    perform: (ctx) => ctx.map?.panBy(0, -PAN_STEP),
  },
  {
    name: "openOnMap",
    label: (t) => t.openOnMap,
    shortcut: "Enter",
    key: onMap("Enter"),
    perform: (ctx) => ctx.map?.openAtMiddle(),
  },
] as const satisfies readonly Action[];
