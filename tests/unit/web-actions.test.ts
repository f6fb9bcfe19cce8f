/** The explorer's action registry, keyboard map and view reducer: pure code, no browser. */
import { describe, expect, it } from "vitest";
import { ACTIONS, actionForKey, actionNamed, keyActsIn } from "../../web/src/actions/registry.js";
import type { Action, ActionContext, KeyLike } from "../../web/src/actions/types.js";
import { en, zh } from "../../web/src/i18n/strings.js";
import { startHistory } from "../../web/src/state/history.js";
import { reduceView } from "../../web/src/state/reducer.js";
import { emptyDraft, emptyView, type ViewState } from "../../web/src/state/view.js";

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("the action registry", () => {
  it("registers each action once, with a label in English and Chinese", () => {
    const names = ACTIONS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    const ctx = { atlas: { view: emptyView(), store: { relations: new Map() } } } as unknown as ActionContext;
    for (const action of ACTIONS) {
      expect(action.label(en, ctx), action.name).toMatch(/\S/);
      expect(action.label(zh, ctx), action.name).toMatch(/\S/);
    }
  });

  it("maps the keys the keyboard help promises to their actions", () => {
    const canvas: [string, string][] = [
      ["ArrowRight", "next"],
      ["ArrowDown", "next"],
      ["ArrowLeft", "previous"],
      ["Enter", "expand"],
      ["c", "collapse"],
      ["H", "hide"],
      ["Delete", "hide"],
      ["p", "pin"],
      ["m", "showMore"],
      ["s", "supplyChain"],
      ["A", "addToCompare"],
      ["f", "fit"],
      ["+", "zoomIn"],
      ["-", "zoomOut"],
      ["Escape", "deselect"],
    ];
    for (const [k, name] of canvas) expect(actionForKey("canvas", key(k))?.name, k).toBe(name);
    // On the front-page map: zoom, pan and fit (arrows pan there instead of stepping through entities),
    // and Enter opens the entity at the middle of the view (instead of expanding the selection).
    const map: [string, string][] = [
      ["+", "zoomIn"],
      ["=", "zoomIn"],
      ["-", "zoomOut"],
      ["0", "fit"],
      ["ArrowLeft", "panLeft"],
      ["ArrowRight", "panRight"],
      ["ArrowUp", "panUp"],
      ["ArrowDown", "panDown"],
      ["Enter", "openOnMap"],
    ];
    for (const [k, name] of map) expect(actionForKey("map", key(k))?.name, `map ${k}`).toBe(name);
    // The canvas's own keys do nothing on the map.
    for (const k of ["H", "Delete", "p", "c"]) expect(actionForKey("map", key(k)), `map ${k}`).toBeUndefined();
    expect(actionForKey("global", key("z", { ctrlKey: true }))?.name).toBe("undo");
    expect(actionForKey("global", key("Z", { ctrlKey: true, shiftKey: true }))?.name).toBe("redo");
    expect(actionForKey("global", key("y", { metaKey: true }))?.name).toBe("redo");
    expect(actionForKey("canvas", key("x"))).toBeUndefined();
  });

  it("gives no key to two actions in one scope", () => {
    const keys = ["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "Enter", "Escape", "Delete", "+", "=", "-", ..."abcdefghijklmnopqrstuvwxyz"];
    for (const scope of ["canvas", "map", "global"] as const) {
      for (const k of [...keys, "0", "_"]) {
        const matching = (ACTIONS as readonly Action[]).filter((a) => keyActsIn(a, scope) && a.key?.test(key(k, { ctrlKey: scope === "global" })));
        expect(matching.length, `${scope} ${k}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("says which name is missing when an action is not registered", () => {
    expect(() => actionNamed("nope" as never)).toThrow(/No action is registered as "nope"/);
  });
});

describe("the view reducer", () => {
  const withNodes = (v: ViewState, nodes: string[]): ViewState => ({ ...v, nodes });

  it("makes an undo step and a new URL for a push, neither for a replace, nothing for no change", () => {
    const start = startHistory(emptyView());
    const pushed = reduceView(start, { type: "change", change: (v) => withNodes(v, ["a"]), mode: "push" });
    expect(pushed.url).toBe("push");
    expect(pushed.history.past).toHaveLength(1);
    const replaced = reduceView(pushed.history, { type: "change", change: (v) => ({ ...v, selected: "a" }), mode: "replace" });
    expect(replaced.url).toBe("replace");
    expect(replaced.history.past).toHaveLength(1);
    const same = reduceView(replaced.history, { type: "change", change: (v) => v, mode: "push" });
    expect(same).toEqual({ history: replaced.history, url: "none" });
  });

  it("keeps the draft suggestion through undo, redo and back", () => {
    let h = reduceView(startHistory(emptyView()), { type: "change", change: (v) => withNodes(v, ["a"]), mode: "push" }).history;
    const draft = { ...emptyDraft(), from: "a" };
    h = reduceView(h, { type: "change", change: (v) => ({ ...v, suggest: draft }), mode: "replace" }).history;
    const undone = reduceView(h, { type: "undo" });
    expect(undone.history.present.nodes).toEqual([]);
    expect(undone.history.present.suggest).toEqual(draft);
    const redone = reduceView(undone.history, { type: "redo" });
    expect(redone.history.present.nodes).toEqual(["a"]);
    expect(redone.history.present.suggest).toEqual(draft);
    const back = reduceView(redone.history, { type: "navigate", view: emptyView() });
    expect(back.url).toBe("replace");
    expect(back.history.present.suggest).toEqual(draft);
    expect(reduceView(startHistory(emptyView()), { type: "undo" }).url).toBe("none");
  });
});
