/**
 * Driver values -> plain objects for the resolvers: Neo4j Integers become numbers, internal
 * properties (the sync's `hash`, validity days) never leave this module.
 */
import { isInt } from "neo4j-driver";
import { BOOKKEEPING_PROPERTIES } from "../core/fields.js";

/** Properties stored for the sync's own use; never part of the API. */
const INTERNAL = new Set<string>(BOOKKEEPING_PROPERTIES);

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/**
 * Deep copy with Integers as numbers and internal properties dropped. Strings and numbers, most of
 * what a read returns, are tested first; objects are walked with `for…in` (no entries array per map).
 */
export function toPlain(value: unknown): Plain {
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value;
    case "bigint":
      return Number(value);
    case "undefined":
      return null;
    case "object":
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out: Plain[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) out[i] = toPlain(value[i]);
        return out;
      }
      if (isInt(value)) return (value as { toNumber(): number }).toNumber();
      return plainObject(value as Record<string, unknown>);
    default:
      return String(value);
  }
}

function plainObject(value: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const k in value) if (Object.hasOwn(value, k) && !INTERNAL.has(k)) out[k] = toPlain(value[k]);
  return out;
}

export type PlainObject = { [key: string]: Plain };

export function toObject(value: unknown): PlainObject | null {
  const plain = toPlain(value);
  return plain !== null && typeof plain === "object" && !Array.isArray(plain) ? plain : null;
}

export function toList(value: unknown): PlainObject[] {
  const plain = toPlain(value);
  return Array.isArray(plain) ? plain.filter((x): x is PlainObject => x !== null && typeof x === "object" && !Array.isArray(x)) : [];
}

/** A list column of maps, or of tuples when `keys` names what each of their values stands for (read-builder.ts Tuple). */
export function toRows(value: unknown, keys?: string[]): PlainObject[] {
  if (!keys) return toList(value);
  if (!Array.isArray(value)) return [];
  // Which places of a tuple are kept, found once for the whole column.
  const kept = keys.flatMap((key, i) => (INTERNAL.has(key) ? [] : [[key, i] as const]));
  const rows: PlainObject[] = new Array(value.length);
  for (let r = 0; r < value.length; r++) {
    const item = value[r] as unknown[];
    const out: PlainObject = {};
    for (const [key, i] of kept) out[key] = toPlain(item[i]);
    rows[r] = out;
  }
  return rows;
}

export function toNumber(value: unknown): number {
  const plain = toPlain(value);
  return typeof plain === "number" ? plain : 0;
}
