/**
 * Every user action, registered once (Excalidraw's action manager): the toolbar, the canvas
 * controls, the details panel's buttons, the export menu and the keyboard map are drawn from here.
 */
import { toGraphML, toJSONExport } from "../graph/export.js";
import { fill } from "../i18n/index.js";
import { neighboursOffCanvas } from "../state/view.js";
import { download } from "./download.js";
import type { Action, ActionContext, KeyLike, KeyScope } from "./types.js";
import { VIEW_ACTIONS } from "./view-actions.js";

const plain = (...keys: string[]) => ({ scope: "canvas" as const, test: (e: KeyLike) => keys.includes(e.key) });

const selectedId = (ctx: ActionContext) => ctx.atlas.view.selected;
const onCanvas = (ctx: ActionContext) => {
  const id = selectedId(ctx);
  return Boolean(id && ctx.atlas.view.nodes.includes(id));
};
const empty = (ctx: ActionContext) => ctx.atlas.view.nodes.length === 0;
/** An action that opens an analysis panel on the selection (pressed while that panel is open). */
const opensAnalysis = (panel: "supply" | "loss") => ({
  enabled: (ctx: ActionContext) => Boolean(selectedId(ctx)),
  pressed: (ctx: ActionContext) => ctx.atlas.view.panel === panel,
  perform: (ctx: ActionContext) => {
    if (selectedId(ctx)) ctx.atlas.actions.setPanel(panel);
  },
  button: { title: true as const, testId: `action-${panel}` },
});

/** Moves the selection along the canvas's keyboard order, and centres on it. */
function step(ctx: ActionContext, delta: number): void {
  const graph = ctx.graph;
  if (!graph) return;
  const order = graph.order();
  const id = selectedId(ctx);
  const at = id ? order.indexOf(id) : -1;
  const next = order[(at + delta + order.length) % order.length];
  if (next) {
    ctx.atlas.actions.select(next);
    graph.centerOn(next);
  }
}

function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}

export const ACTIONS = [
  {
    name: "undo",
    label: (t) => t.undo,
    shortcut: "Ctrl+Z",
    key: { scope: "global", test: (e) => e.key.toLowerCase() === "z" && !e.shiftKey, preventDefault: true },
    enabled: (ctx) => ctx.atlas.canUndo,
    perform: (ctx) => ctx.atlas.actions.undo(),
    button: { icon: "↶", look: "icon-text", title: true, testId: "undo" },
  },
  {
    name: "redo",
    label: (t) => t.redo,
    shortcut: "Ctrl+Y",
    key: { scope: "global", test: (e) => (e.key.toLowerCase() === "z" && e.shiftKey) || e.key.toLowerCase() === "y", preventDefault: true },
    enabled: (ctx) => ctx.atlas.canRedo,
    perform: (ctx) => ctx.atlas.actions.redo(),
    button: { icon: "↷", look: "icon-text", title: true, testId: "redo" },
  },
  {
    name: "next",
    label: (t) => t.nextEntity,
    key: { ...plain("ArrowRight", "ArrowDown"), preventDefault: true },
    perform: (ctx) => step(ctx, 1),
  },
  {
    name: "previous",
    label: (t) => t.previousEntity,
    key: { ...plain("ArrowLeft", "ArrowUp"), preventDefault: true },
    perform: (ctx) => step(ctx, ctx.graph?.order().length ? -1 : 0),
  },
  {
    name: "expand",
    label: (t) => t.expand,
    key: { ...plain("Enter"), preventDefault: true },
    perform: (ctx) => {
      const id = selectedId(ctx);
      if (!id) return;
      if (onCanvas(ctx)) ctx.atlas.actions.expand(id);
      else ctx.atlas.actions.bringIn(id);
    },
    button: { title: (t) => t.expandHint, testId: "action-expand" },
  },
  {
    name: "showMore",
    label: (t, ctx) => {
      const id = selectedId(ctx);
      return fill(t.showMore, { n: (id && neighboursOffCanvas(ctx.atlas.view, ctx.atlas.store, id)) || "…" });
    },
    key: plain("m", "M"),
    shown: (ctx) => {
      const id = selectedId(ctx);
      return Boolean(id && ctx.atlas.view.expanded[id] !== undefined && ctx.atlas.store.truncated.get(id));
    },
    perform: (ctx) => {
      const id = selectedId(ctx);
      if (id) ctx.atlas.actions.expand(id, true);
    },
    button: { testId: "action-more" },
  },
  {
    name: "collapse",
    label: (t) => t.collapse,
    key: plain("c", "C"),
    enabled: onCanvas,
    perform: (ctx) => {
      const id = selectedId(ctx);
      if (id) ctx.atlas.actions.collapse(id);
    },
    button: { testId: "action-collapse" },
  },
  {
    name: "pin",
    label: (t, ctx) => {
      const id = selectedId(ctx);
      return id && id in ctx.atlas.view.pinned ? t.unpin : t.pin;
    },
    key: plain("p", "P"),
    enabled: onCanvas,
    pressed: (ctx) => {
      const id = selectedId(ctx);
      return Boolean(id && id in ctx.atlas.view.pinned);
    },
    perform: (ctx) => {
      const id = selectedId(ctx);
      if (id) ctx.atlas.actions.pin(id, ctx.graph?.positionOf(id) ?? [0, 0]);
    },
    button: { testId: "action-pin" },
  },
  {
    name: "hide",
    label: (t) => t.hide,
    key: plain("h", "H", "Delete"),
    enabled: onCanvas,
    perform: (ctx) => {
      const id = selectedId(ctx);
      if (id) ctx.atlas.actions.hide(id);
    },
    button: { testId: "action-hide" },
  },
  {
    name: "supplyChain",
    label: (t) => t.supplyChain,
    shortcut: "S",
    key: plain("s", "S"),
    ...opensAnalysis("supply"),
  },
  {
    name: "ifLost",
    label: (t) => t.ifLost,
    shortcut: "L",
    key: plain("l", "L"),
    ...opensAnalysis("loss"),
  },
  {
    name: "addToCompare",
    label: (t, ctx) => {
      const id = selectedId(ctx);
      return id && ctx.atlas.view.compare.includes(id) ? t.inCompare : t.addToCompare;
    },
    shortcut: "A",
    key: plain("a", "A"),
    enabled: (ctx) => {
      const id = selectedId(ctx);
      return Boolean(id && !ctx.atlas.view.compare.includes(id));
    },
    perform: (ctx) => {
      const id = selectedId(ctx);
      if (id) ctx.atlas.actions.addToCompare(id);
    },
    button: { title: true, testId: "action-compare" },
  },
  {
    name: "deselect",
    label: (t) => t.deselect,
    key: plain("Escape"),
    perform: (ctx) => ctx.atlas.actions.select(undefined),
  },
  // Zoom, pan and fit: on the canvas, and on the front-page map while it is shown.
  ...VIEW_ACTIONS,
  {
    name: "relayout",
    label: (t) => t.relayout,
    perform: (ctx) => ctx.atlas.actions.relayout(),
    button: { icon: "⟳", look: "icon-hidden-text", title: true },
  },
  {
    name: "showHidden",
    label: (t, ctx) => fill(t.showHidden, { n: ctx.atlas.view.hidden.length }),
    shown: (ctx) => ctx.atlas.view.hidden.length > 0,
    perform: (ctx) => ctx.atlas.actions.showHidden(),
    button: { testId: "show-hidden" },
  },
  {
    name: "clear",
    label: (t) => t.clear,
    shown: (ctx) => !empty(ctx),
    perform: (ctx) => ctx.atlas.actions.clear(),
    button: { testId: "clear" },
  },
  {
    name: "wholeMap",
    label: (t) => t.wholeMap,
    key: plain("w", "W"),
    shown: (ctx) => !empty(ctx),
    perform: (ctx) => ctx.atlas.actions.clear(),
    button: { title: (t) => t.wholeMapHint, testId: "whole-map" },
  },
  {
    name: "toggleLanguage",
    label: (t) => t.switchLanguageLabel,
    perform: (ctx) => ctx.atlas.actions.setLang(ctx.atlas.view.lang === "en" ? "zh" : "en"),
  },
  {
    name: "exportPng",
    label: (t) => t.exportPng,
    enabled: (ctx) => !empty(ctx),
    perform: async (ctx) => {
      if (!ctx.atlas.ontology) return;
      const blob = await ctx.graph?.png();
      if (blob) download(`atlas-${stamp()}.png`, blob);
    },
    button: { testId: "export-png" },
  },
  {
    name: "exportJson",
    label: (t) => t.exportJson,
    enabled: (ctx) => !empty(ctx),
    perform: (ctx) => {
      const ontology = ctx.atlas.ontology;
      if (!ontology) return;
      const text = toJSONExport(ctx.visible, ontology, ctx.graph?.positions() ?? {}, window.location.href);
      download(`atlas-${stamp()}.json`, new Blob([text], { type: "application/json" }));
    },
    button: { testId: "export-json" },
  },
  {
    name: "exportGraphml",
    label: (t) => t.exportGraphml,
    enabled: (ctx) => !empty(ctx),
    perform: (ctx) => {
      const ontology = ctx.atlas.ontology;
      if (!ontology) return;
      download(`atlas-${stamp()}.graphml`, new Blob([toGraphML(ctx.visible, ontology, ctx.graph?.positions() ?? {})], { type: "application/graphml+xml" }));
    },
    button: { testId: "export-graphml" },
  },
  {
    name: "copyLink",
    label: (t) => t.copyLink,
    perform: async (ctx) => {
      try {
        await navigator.clipboard.writeText(window.location.href);
        ctx.flash(ctx.t.linkCopied);
      } catch {
        ctx.flash(window.location.href);
      }
    },
  },
] as const satisfies readonly Action[];

export type ActionName = (typeof ACTIONS)[number]["name"];

const byName = new Map<string, Action>(ACTIONS.map((a) => [a.name, a]));

export function actionNamed(name: ActionName): Action {
  const action = byName.get(name);
  if (!action) throw new Error(`No action is registered as "${name}"; register it in web/src/actions/registry.ts.`);
  return action;
}

/** Whether an action's key acts in a scope. */
export function keyActsIn(action: Action, scope: KeyScope): boolean {
  const scopes = action.key?.scope;
  return scopes === scope || (Array.isArray(scopes) && scopes.includes(scope));
}

/** The action a key press asks for, in a scope (the first registered wins). */
export function actionForKey(scope: KeyScope, event: KeyLike): Action | undefined {
  return ACTIONS.find((a: Action) => keyActsIn(a, scope) && a.key?.test(event));
}
