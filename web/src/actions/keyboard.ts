/** The keyboard map, read from the action registry: global keys on the window, canvas keys on the canvas. */
import type React from "react";
import { actionForKey } from "./registry.js";
import type { ActionContext } from "./types.js";

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable));
}

/** Ctrl/⌘ shortcuts (undo, redo) from anywhere except while typing; returns the unsubscribe. */
export function registerKeys(context: () => ActionContext): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (isTyping(e.target) || !(e.ctrlKey || e.metaKey)) return;
    const action = actionForKey("global", e);
    if (!action) return;
    if (action.key?.preventDefault) e.preventDefault();
    void action.perform(context());
  };
  window.addEventListener("keydown", onKey);
  return () => window.removeEventListener("keydown", onKey);
}

/** Single keys while the canvas (next, expand, hide, pin, fit, zoom…) or the map (zoom, pan, fit) has focus. */
export function canvasKeyHandler(context: () => ActionContext, scope: "canvas" | "map" = "canvas") {
  return (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const ctx = context();
    if (!(scope === "map" ? ctx.map : ctx.graph)) return;
    const action = actionForKey(scope, e);
    if (!action) return;
    if (action.key?.preventDefault) e.preventDefault();
    void action.perform(ctx);
  };
}
