/** A user action, registered once: the toolbar, the details panel and the keyboard all read it. */
import type { GraphViewHandle } from "../graph/GraphView.js";
import type { MapViewHandle } from "../graph/MapView.js";
import type { Strings } from "../i18n/index.js";
import type { Atlas } from "../state/useAtlas.js";
import type { VisibleGraph } from "../state/view.js";

/** What an action works on: the state, the canvas (absent before it mounts) and the interface text. */
export interface ActionContext {
  atlas: Atlas;
  graph: GraphViewHandle | null;
  /** The front-page map, while it is shown (over the empty canvas). */
  map: MapViewHandle | null;
  t: Strings;
  /** What the canvas shows (exports take it). */
  visible: VisibleGraph;
  /** A short message in the status bar. */
  flash(message: string): void;
}

export type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/** `global`: anywhere but a text field (with Ctrl or ⌘); `canvas` / `map`: while the canvas or the map has focus (no modifier). */
export type KeyScope = "global" | "canvas" | "map";

export interface ActionKey {
  /** Where the key acts: one scope, or several. */
  scope: KeyScope | readonly KeyScope[];
  test(event: KeyLike): boolean;
  /** Keeps the key from scrolling the page (arrows, Enter). */
  preventDefault?: boolean;
}

export interface Action {
  name: string;
  label(t: Strings, ctx: ActionContext): string;
  perform(ctx: ActionContext): void | Promise<void>;
  key?: ActionKey;
  /** Shown in the button's title beside the label, e.g. "Ctrl+Z". */
  shortcut?: string;
  /** Whether its button can be pressed (keys act regardless, as they always have). */
  enabled?(ctx: ActionContext): boolean;
  /** For a toggle: whether it is on (aria-pressed). */
  pressed?(ctx: ActionContext): boolean;
  /** Whether its button is shown at all. */
  shown?(ctx: ActionContext): boolean;
  /** How its button looks. */
  button?: {
    icon?: string;
    /** `text` (default), `icon` (label as aria-label), `icon-text`, `icon-hidden-text` (label for screen readers only). */
    look?: "text" | "icon" | "icon-text" | "icon-hidden-text";
    /** The button's title: `true` for the label (and the shortcut, if any), or a hint of its own. */
    title?: true | ((t: Strings) => string);
    testId?: string;
  };
}
