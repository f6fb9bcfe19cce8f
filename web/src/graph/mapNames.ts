/**
 * The names on the front-page map: the bands' names (rows left of their rows, sides above their
 * sides), always drawn, and the entities' names under each entity, drawn once the reader has zoomed
 * in far enough to read them, cut short so that nothing is measured letter by letter. Painted in
 * screen pixels at each settled view, so they stay crisp at any zoom.
 */
import type { GraphMap } from "../api/documents.js";
import type { Lang } from "../state/view.js";
import { ROW_NAME_GAP, ROW_NAME_SIZE, ROW_NAME_WIDTH, SIDE_NAME_GAP, SIDE_NAME_SIZE } from "./mapCamera.js";
import type { Context2D, Viewport } from "./mapLayer.js";
import { columnRect, mapTransform, rowRect } from "./mapUnderlay.js";
import { LABEL_FONT } from "./style.js";

/** Entity label size in map units, and the smallest on-screen size at which it is drawn. */
export const MAP_LABEL_SIZE = 10;
export const MAP_MIN_LABEL_PX = 8;
/** A name longer than this many columns (a CJK character counts two) is cut with an ellipsis. */
export const MAP_LABEL_COLUMNS = 18;
/** Gap between an entity's bottom and its name, in map units. */
const LABEL_GAP = 2;
const NAME_COLOUR = "#1d2433";
const BAND_NAME_COLOUR = "#4a5468";
/** Line height of wrapped row names, as a share of their size. */
const LINE_HEIGHT = 1.25;

/** Whether entity names are drawn at this zoom. */
export function mapLabelsShown(zoom: number): boolean {
  return MAP_LABEL_SIZE * zoom >= MAP_MIN_LABEL_PX;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const WIDE_ALL = new RegExp(WIDE.source, "gu");

/** A name cut to at most MAP_LABEL_COLUMNS columns, ellipsis included, so labels stay about 90 map units wide. */
export function mapShortLabel(text: string, columns = MAP_LABEL_COLUMNS): string {
  // Most names fit: counted at once, not character by character.
  if (text.length * 2 <= columns) return text;
  const chars = [...text];
  if (chars.length + (text.match(WIDE_ALL)?.length ?? 0) <= columns) return text;
  let used = 1;
  let out = "";
  for (const ch of chars) {
    used += WIDE.test(ch) ? 2 : 1;
    if (used > columns) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Words joined into lines no wider than `max` (a word wider than that keeps a line of its own). */
export function wrapWords(text: string, max: number, measure: (line: string) => number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    const joined = last >= 0 ? `${lines[last]} ${word}` : word;
    if (last >= 0 && measure(joined) <= max) lines[last] = joined;
    else lines.push(word);
  }
  return lines;
}

/** A band's name and where it stands: rows right-aligned left of the row, centred on it; sides centred above the side. */
export interface BandName {
  text: string;
  side: boolean;
  x: number;
  y: number;
}

export function bandNames(map: Pick<GraphMap, "rows" | "columns">, lang: Lang): BandName[] {
  const text = (b: { label: string; labelZh: string }) => (lang === "zh" ? b.labelZh : b.label);
  return [
    ...map.rows.map((r) => {
      const rect = rowRect(r);
      return { text: text(r), side: false, x: rect.x - ROW_NAME_GAP, y: rect.y + rect.height / 2 };
    }),
    ...map.columns.map((c) => {
      const rect = columnRect(c);
      return { text: text(c), side: true, x: rect.x + rect.width / 2, y: rect.y - SIDE_NAME_GAP };
    }),
  ];
}

export function paintBandNames(ctx: Context2D, names: readonly BandName[], view: Viewport): void {
  mapTransform(ctx, view);
  ctx.fillStyle = BAND_NAME_COLOUR;
  for (const name of names) {
    const size = name.side ? SIDE_NAME_SIZE : ROW_NAME_SIZE;
    ctx.font = `700 ${size}px ${LABEL_FONT}`;
    if (name.side) {
      ctx.textAlign = "center";
      ctx.textBaseline = "bottom";
      ctx.fillText(name.text, name.x, name.y);
      continue;
    }
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    const lines = wrapWords(name.text, ROW_NAME_WIDTH, (line) => ctx.measureText(line).width);
    const top = name.y - ((lines.length - 1) * size * LINE_HEIGHT) / 2;
    lines.forEach((line, i) => {
      ctx.fillText(line, name.x, top + i * size * LINE_HEIGHT);
    });
  }
}

/** An entity as its name is drawn: its centre and half its height in map units, and its (short) name. */
export interface NamedPoint {
  x: number;
  y: number;
  label: string;
}

/**
 * Paints the names of the entities on the canvas (those whose name starts within it), in screen
 * pixels under each entity; returns their indices. Nothing when the zoom is too far out to read them.
 */
export function paintEntityNames(ctx: Context2D, entities: readonly NamedPoint[], half: number, view: Viewport): number[] {
  const { zoom, pan, pixelRatio: px, width, height } = view;
  if (!mapLabelsShown(zoom)) return [];
  const size = MAP_LABEL_SIZE * zoom;
  ctx.setTransform(px, 0, 0, px, 0, 0);
  ctx.font = `${size}px ${LABEL_FONT}`;
  ctx.fillStyle = NAME_COLOUR;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  const named: number[] = [];
  entities.forEach((e, i) => {
    const [x, y] = [e.x * zoom + pan.x, (e.y + half + LABEL_GAP) * zoom + pan.y];
    if (x < -size * MAP_LABEL_COLUMNS || x > width + size * MAP_LABEL_COLUMNS || y < -size || y > height) return;
    ctx.fillText(e.label, x, y);
    named.push(i);
  });
  return named;
}
