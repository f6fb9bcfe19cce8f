/**
 * The canonical writer for seed files. A file is canonical when it is byte for byte what this
 * writer makes of it: keys in a fixed order, relations sorted, dates as strings, no comments.
 * So a pull request shows only real changes, and `npm run kg -- fmt` fixes any file.
 */
import YAML from "yaml";
import { ENTITY_KEYS, FIELDS, RELATION_KEYS, SOURCE_KEYS } from "../core/model.generated.js";
import type { Ontology } from "../ontology.js";
import { INLINE_COMMENT_TEXT, inlineCommentOffsets } from "../yaml-errors.js";

// The key orders are the order of seed/ontology/fields.yaml.
export { ENTITY_KEYS, RELATION_KEYS, SOURCE_KEYS } from "../core/model.generated.js";

/** Base fields holding a partial date (years written as numbers become strings). */
const DATE_KEYS = new Set([...FIELDS.entity, ...FIELDS.relation, ...FIELDS.source].filter((f) => f.type === "date").map((f) => f.name));

type Obj = Record<string, unknown>;

/** The keys of a quote, in the order QuoteRecord (core/fields.ts) gives them. */
const QUOTE_KEYS = ["text", "language", "translation", "source"] as const;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Years written as plain numbers (since: 2019) become the strings the format stores. */
function dateValue(value: unknown): unknown {
  return typeof value === "number" && Number.isInteger(value) ? String(value) : value;
}

function ordered(obj: Obj, keys: readonly string[], map: (key: string, value: unknown) => unknown = (_k, v) => v): Obj {
  const out: Obj = {};
  for (const key of keys) {
    const value = obj[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (isObj(value) && Object.keys(value).length === 0) continue;
    out[key] = map(key, value);
  }
  // Unknown keys stay (after the known ones) so the validator can point at them.
  for (const key of Object.keys(obj)) if (!keys.includes(key) && obj[key] !== undefined) out[key] = obj[key];
  return out;
}

function relationSortKey(rel: unknown): string {
  if (!isObj(rel)) return "";
  return `${String(rel.type ?? "")}\u0000${String(rel.to ?? "")}\u0000${String(rel.key ?? "")}`;
}

/** A relation's attributes in the order relation-attributes.yaml defines them. */
function relationAttributes(value: Obj, ontology?: Ontology): Obj {
  const defs = ontology?.relationAttributes ?? [];
  const order = defs.length > 0 ? defs.map((a) => a.name) : Object.keys(value).sort();
  return ordered(value, order, (name, v) => (defs.find((a) => a.name === name)?.type === "date" ? dateValue(v) : v));
}

export function canonicalEntity(raw: unknown, ontology?: Ontology): unknown {
  if (!isObj(raw)) return raw;
  return ordered(raw, ENTITY_KEYS, (key, value) => {
    if (key === "attributes" && isObj(value)) {
      const kind = typeof raw.kind === "string" ? ontology?.kind(raw.kind) : undefined;
      const order = kind ? kind.attributes.map((a) => a.name) : Object.keys(value).sort();
      return ordered(value, order, (name, v) => (kind?.attributes.find((a) => a.name === name)?.type === "date" ? dateValue(v) : v));
    }
    if (key === "relations" && Array.isArray(value)) {
      return value
        .map((rel) =>
          isObj(rel)
            ? ordered(rel, RELATION_KEYS, (k, v) =>
                k === "attributes" && isObj(v)
                  ? relationAttributes(v, ontology)
                  : k === "quotes" && Array.isArray(v)
                    ? v.map((q) => (isObj(q) ? ordered(q, QUOTE_KEYS) : q))
                    : DATE_KEYS.has(k)
                      ? dateValue(v)
                      : v,
              )
            : rel,
        )
        .sort((a, b) => (relationSortKey(a) < relationSortKey(b) ? -1 : relationSortKey(a) > relationSortKey(b) ? 1 : 0));
    }
    return value;
  });
}

export function canonicalSource(raw: unknown): unknown {
  if (!isObj(raw)) return raw;
  return ordered(raw, SOURCE_KEYS, (k, v) => (DATE_KEYS.has(k) ? dateValue(v) : v));
}

export function toYaml(value: unknown): string {
  return YAML.stringify(value, { lineWidth: 0, indent: 2, indentSeq: true, singleQuote: false, aliasDuplicateObjects: false });
}

/** A seed text the writer refuses: writing it would drop the text after a comment on `line`. */
export class InlineCommentError extends Error {
  constructor(readonly line: number) {
    super(`line ${line}: ${INLINE_COMMENT_TEXT}`);
  }
}

/** The canonical text of a seed file, given its path-derived role (refused when it would lose text). */
export function formatSeedText(text: string, role: "entity" | "source", ontology?: Ontology): string {
  const [comment] = inlineCommentOffsets(text);
  if (comment !== undefined) throw new InlineCommentError(text.slice(0, comment).split("\n").length);
  const raw = YAML.parse(text);
  return toYaml(role === "entity" ? canonicalEntity(raw, ontology) : canonicalSource(raw));
}
