/**
 * Driver values -> plain objects for the resolvers: Neo4j Integers become numbers, internal
 * properties (the sync's `hash`, validity days) never leave this module.
 */
import { isInt } from "neo4j-driver";
import { BOOKKEEPING_PROPERTIES } from "../core/fields.js";

/** Properties stored for the sync's own use; never part of the API. */
const INTERNAL = new Set<string>(BOOKKEEPING_PROPERTIES);

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Deep copy with Integers as numbers and internal properties dropped. */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === "object") {
    const out: { [key: string]: Plain } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (!INTERNAL.has(k)) out[k] = toPlain(v);
    return out;
  }
  return String(value);
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
  return value.map((item: unknown) => {
    const out: PlainObject = {};
    keys.forEach((key, i) => {
      if (!INTERNAL.has(key)) out[key] = toPlain((item as unknown[])[i]);
    });
    return out;
  });
}

export function toNumber(value: unknown): number {
  const plain = toPlain(value);
  return typeof plain === "number" ? plain : 0;
}
