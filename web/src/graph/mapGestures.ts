/**
 * Pointer gestures on the front-page map, turned into view changes: drag (mouse, pen or one finger)
 * pans, the wheel and a two-finger pinch zoom about the pointer, a press that does not move is a tap,
 * and a mouse that moves without a button down hovers. Points are CSS pixels from the element's
 * top-left corner. The element takes every touch gesture for itself (`touch-action: none`).
 */
import type { Point } from "./mapCamera.js";

export interface GestureTarget {
  panBy(dx: number, dy: number): void;
  zoomAbout(factor: number, at: Point): void;
  tap(at: Point): void;
  /** The pointer is over `at`, no button down (undefined: it left). */
  hover(at: Point | undefined): void;
}

/** A press that moves less than this (CSS pixels) is a tap, and does not pan. */
export const TAP_SLOP = 5;

/**
 * How much a wheel event zooms, as d3-zoom does: by 2^(-deltaY × 0.002) for pixels (a notch of 100
 * pixels zooms by about 1.15), lines counting 25 pixels and pages 500; a trackpad pinch (the wheel
 * with Ctrl) ten times as much per pixel.
 */
export function wheelFactor(e: Pick<WheelEvent, "deltaY" | "deltaMode" | "ctrlKey">): number {
  const rate = e.deltaMode === 1 ? 0.05 : e.deltaMode === 2 ? 1 : 0.002;
  return 2 ** (-e.deltaY * rate * (e.ctrlKey ? 10 : 1));
}

const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Listens on `el` until the returned function is called. */
export function attachGestures(el: HTMLElement, target: GestureTarget): () => void {
  const pointers = new Map<number, Point>();
  let pressedAt: Point | undefined;
  /** Whether this press has moved past the slop (or become a pinch): then it is no tap. */
  let moved = false;
  const local = (e: { clientX: number; clientY: number }): Point => {
    const box = el.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  const down = (e: PointerEvent) => {
    if (e.pointerType === "mouse" && e.button !== 0) return;
    el.setPointerCapture?.(e.pointerId);
    const p = local(e);
    pointers.set(e.pointerId, p);
    if (pointers.size === 1) {
      pressedAt = p;
      moved = false;
    } else moved = true;
  };

  const move = (e: PointerEvent) => {
    const p = local(e);
    const last = pointers.get(e.pointerId);
    if (!last) {
      if (pointers.size === 0) target.hover(p);
      return;
    }
    if (pointers.size === 1) {
      if (!moved && pressedAt && distance(p, pressedAt) <= TAP_SLOP) return;
      moved = true;
      pointers.set(e.pointerId, p);
      target.panBy(p.x - last.x, p.y - last.y);
      return;
    }
    const other = [...pointers].find(([id]) => id !== e.pointerId)?.[1];
    pointers.set(e.pointerId, p);
    if (!other) return;
    const [before, after] = [midpoint(last, other), midpoint(p, other)];
    const spread = distance(last, other);
    if (spread > 0) target.zoomAbout(distance(p, other) / spread, before);
    target.panBy(after.x - before.x, after.y - before.y);
  };

  const up = (e: PointerEvent) => {
    if (!pointers.delete(e.pointerId)) return;
    if (e.type === "pointerup" && pointers.size === 0 && !moved) target.tap(local(e));
  };

  const wheel = (e: WheelEvent) => {
    e.preventDefault();
    if (e.deltaY !== 0) target.zoomAbout(wheelFactor(e), local(e));
  };

  const leave = () => {
    if (pointers.size === 0) target.hover(undefined);
  };

  const listeners = [
    ["pointerdown", down],
    ["pointermove", move],
    ["pointerup", up],
    ["pointercancel", up],
    ["pointerleave", leave],
  ] as const;
  el.style.touchAction = "none";
  for (const [type, listener] of listeners) el.addEventListener(type, listener as EventListener);
  el.addEventListener("wheel", wheel, { passive: false });
  return () => {
    for (const [type, listener] of listeners) el.removeEventListener(type, listener as EventListener);
    el.removeEventListener("wheel", wheel);
  };
}
