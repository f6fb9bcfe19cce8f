/** Checks and normalises arguments; every refusal says which argument and what would be accepted. */
import { startOf } from "../core/dates.js";
import { badInput } from "./errors.js";

/** Caps on list sizes: what one request may ask for. */
export const LIMITS = {
  entitiesFirst: 500,
  relationsFirst: 500,
  nestedFirst: 200,
  searchFirst: 100,
  searchLength: 200,
  neighborhoodLimit: 1000,
  neighborhoodDepth: 3,
  pathsFirst: 25,
  maxHops: 6,
  timelineFirst: 500,
  timelineNames: 50,
  idLength: 200,
  /** Largest number of objects a single root field may be estimated to return. */
  maxObjects: 50_000,
  /** Largest number of objects all the root fields of one request may be estimated to return. */
  maxObjectsPerRequest: 60_000,
} as const;

export function intIn(argument: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw badInput("INT_OUT_OF_RANGE", { argument, min, max, got: JSON.stringify(value) ?? String(value) }, argument);
  }
  return value;
}

export function id(argument: string, value: unknown): string {
  const text = String(value ?? "");
  if (text.trim() === "") throw badInput("ID_EMPTY", { argument }, argument);
  if (text.length > LIMITS.idLength) throw badInput("ID_TOO_LONG", { argument, length: text.length, max: LIMITS.idLength }, argument);
  return text;
}

export function optionalId(argument: string, value: unknown): string | null {
  return value === null || value === undefined ? null : id(argument, value);
}

/** A non-empty list, or null for "no filter". An empty list would match nothing: refuse it. */
export function list<T>(argument: string, value: readonly T[] | null | undefined): T[] | null {
  if (value === null || value === undefined) return null;
  if (value.length === 0) throw badInput("LIST_EMPTY", { argument }, argument);
  return [...new Set(value)];
}

export function countries(value: readonly string[] | null | undefined): string[] | null {
  return list("countries", value)?.map((c) => countryCode("countries", c)) ?? null;
}

/** An ISO 3166-1 alpha-2 code, upper-cased. */
export function countryCode(argument: string, value: unknown): string {
  const code = String(value).trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw badInput("COUNTRY_INVALID", { argument, value: JSON.stringify(value), example: '"CN" or "US"' }, argument);
  return code;
}

/** A partial date as the day it starts on (Date values were already checked by the scalar). */
export function asOfDay(value: unknown): string | null {
  return typeof value === "string" ? startOf(value) : null;
}

const CURSOR_PREFIX = "atlas:";

export function encodeCursor(kind: "entity" | "relation", id: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${kind}:${id}`, "utf8").toString("base64url");
}

export function decodeCursor(kind: "entity" | "relation", value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === "string" && value.length <= 1000 ? Buffer.from(value, "base64url").toString("utf8") : "";
  const prefix = `${CURSOR_PREFIX}${kind}:`;
  if (!text.startsWith(prefix)) throw badInput("CURSOR_INVALID", {}, "after");
  return text.slice(prefix.length);
}
