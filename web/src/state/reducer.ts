/**
 * How the view changes: every change is an event reduced over the undo history, and says what the
 * browser's history should do with it. Pure, so it is tested without a browser.
 */
import { type History, pushHistory, redo, replacePresent, undo } from "./history.js";
import type { ViewState } from "./view.js";

/** `push`: an undo step and a browser history entry; `replace`: neither (selection, language, typing). */
export type Mode = "push" | "replace";

export type ViewEvent =
  | { type: "change"; change: (view: ViewState) => ViewState; mode: Mode }
  | { type: "undo" }
  | { type: "redo" }
  /** Back or forward in the browser: the view of the URL it went to. */
  | { type: "navigate"; view: ViewState };

export interface Reduced {
  history: History<ViewState>;
  /** What to do with the URL: a new entry, the same entry rewritten, or nothing. */
  url: Mode | "none";
}

/** A draft suggestion is work in progress, not a place: undo, redo and back keep it as it is. */
function keepDraft(history: History<ViewState>, draftFrom: ViewState): History<ViewState> {
  return replacePresent(history, { ...history.present, suggest: draftFrom.suggest });
}

export function reduceView(history: History<ViewState>, event: ViewEvent): Reduced {
  switch (event.type) {
    case "change": {
      const next = event.change(history.present);
      if (next === history.present) return { history, url: "none" };
      return { history: event.mode === "push" ? pushHistory(history, next) : replacePresent(history, next), url: event.mode };
    }
    case "undo":
    case "redo": {
      const moved = event.type === "undo" ? undo(history) : redo(history);
      if (moved === history) return { history, url: "none" };
      return { history: keepDraft(moved, history.present), url: "push" };
    }
    case "navigate":
      return { history: pushHistory(history, { ...event.view, suggest: history.present.suggest }), url: "replace" };
  }
}
