/**
 * A figure's unit as the seed writes it, read apart so that figures in one base unit can be read
 * across: "million USD (final award)" is 10^6 USD, qualified "final award"; "PFLOPS (dense BF16)"
 * is 10^15 FLOPS, qualified "dense BF16"; "kW" is 10^3 W. Units are free text in the seed (the
 * page's own words), so only a number word ("billion") or a metric prefix on a known symbol
 * ("T" in "TFLOPS") is read as a scale; anything else is the base unit itself, unscaled.
 */

/** Number words the seed's units use, as powers of ten. */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ["thousand", 3],
  ["million", 6],
  ["crore", 7],
  ["billion", 9],
  ["trillion", 12],
]);

/** Metric prefixes, as powers of ten. */
const PREFIXES: Readonly<Record<string, number>> = { k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Symbols a metric prefix may scale: watts, watt-hours, operations and bytes (per second). */
const SCALED_SYMBOLS = /^(k|M|G|T|P|E)?(W|Wh|FLOPS|OPS|B|B\/s|b\/s)$/;

export interface ParsedUnit {
  /** The unit without its qualifier, as written: "million USD", "kW". */
  head: string;
  /** The power of ten the unit stands for (0 for "W", 9 for "billion USD" or "GW"). */
  exponent: number;
  /** The unit without its scale or qualifier: "USD", "FLOPS", "% of revenue". */
  base: string;
  /** The words in brackets after it, as written ("dense BF16"), or "" when there are none. */
  qualifier: string;
}

/** Reads a unit apart: its scale, its base and its qualifier. */
export function parseUnit(unit: string): ParsedUnit {
  const text = unit.trim();
  const open = text.endsWith(")") ? text.indexOf(" (") : -1;
  const head = open < 0 ? text : text.slice(0, open).trim();
  const qualifier = open < 0 ? "" : text.slice(open + 2, -1).trim();
  const [first = "", ...others] = head.split(/\s+/);
  const word = others.length > 0 ? NUMBER_WORDS.get(first) : undefined;
  let exponent = word ?? 0;
  let base = word === undefined ? head : others.join(" ");
  const symbol = SCALED_SYMBOLS.exec(base);
  if (symbol) {
    exponent += PREFIXES[symbol[1] ?? ""] ?? 0;
    base = symbol[2] ?? base;
  }
  return { head, exponent, base, qualifier };
}

/** A value moved from one scale to another (458 million → 0.458 billion), without float noise. */
export function rescale(value: number, from: number, to: number): number {
  const shift = from - to;
  const moved = shift >= 0 ? value * 10 ** shift : value / 10 ** -shift;
  return Number(moved.toPrecision(12));
}
