/** Where the supply drawing opens (web/src/graph/supplyCamera.ts): whole when readable, else on its subject. */
import { describe, expect, it } from "vitest";
import { CROP_BELOW_ZOOM, openingView, READABLE_ZOOM } from "../../web/src/graph/supplyCamera.js";

describe("openingView", () => {
  const size = { width: 600, height: 380 };

  it("keeps the fitted view of a tree that is readable whole", () => {
    expect(openingView(CROP_BELOW_ZOOM, { x: 100, bottom: 300 }, size)).toBeUndefined();
    expect(openingView(0.7, { x: 100, bottom: 300 }, size)).toBeUndefined();
    expect(openingView(1.2, { x: 100, bottom: 300 }, size)).toBeUndefined();
  });

  it("opens a tree too wide to read at a readable zoom, its subject at the bottom middle with its whole name in view", () => {
    // The node's centre at y 900; its name, wrapped on three lines, ends at 960.
    const subject = { x: 2400, bottom: 960 };
    const view = openingView(0.2, subject, size);
    expect(view?.cropped).toBe(true);
    expect(view?.zoom).toBe(READABLE_ZOOM);
    if (!view) throw new Error("no view");
    // Where the subject lands on screen: the middle, its name ending just above the bottom edge.
    const onScreen = { x: subject.x * view.zoom + view.pan.x, bottom: subject.bottom * view.zoom + view.pan.y };
    expect(onScreen.x).toBeCloseTo(size.width / 2, 6);
    expect(onScreen.bottom).toBeGreaterThan(size.height * 0.9);
    expect(onScreen.bottom).toBeLessThan(size.height);
  });

  it("keeps the fitted view when there is no subject to open on", () => {
    expect(openingView(0.2, undefined, size)).toBeUndefined();
  });
});
