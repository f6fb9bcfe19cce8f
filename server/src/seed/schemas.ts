/**
 * JSON Schemas of the seed files, built from the ontology, with messages that say what to do.
 * Structure only; the cross-file rules (dangling ids, kinds at each end...) live in validate.ts.
 */

import { PARTIAL_DATE } from "../core/dates.js";
import { type FieldDef, type FieldType, LIST_ENTRY_MAX_LENGTH, QUOTE_MAX_LENGTH, type RecordName, TEXT_MAX_LENGTH, URL_MAX_LENGTH } from "../core/fields.js";
import type { AttributeDef, Ontology } from "../ontology.js";

export const SLUG = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
export { PARTIAL_DATE } from "../core/dates.js";

const HTTP_URL = "^https?://[^\\s/$.?#][^\\s]*$";

const slug = (what: string) => ({
  type: "string",
  pattern: SLUG,
  maxLength: 80,
  errorMessage: `${what} must be a slug of lower-case a-z, 0-9 and single hyphens, like "ascend-910c"; got \${0}`,
});
const text = (what: string, max = TEXT_MAX_LENGTH) => ({
  type: "string",
  minLength: 1,
  maxLength: max,
  errorMessage: `${what} must be non-empty text of at most ${max.toLocaleString("en")} characters`,
});
const partialDate = (what: string) => ({
  type: "string",
  pattern: PARTIAL_DATE,
  errorMessage: `${what} must be a partial ISO date such as 2019, 2019-05 or 2019-05-16 (quoted); got \${0}`,
});
const url = (what: string) => ({
  type: "string",
  pattern: HTTP_URL,
  maxLength: URL_MAX_LENGTH,
  errorMessage: `${what} must be an http(s) URL of at most ${URL_MAX_LENGTH.toLocaleString("en")} characters; got \${0}`,
});

const ARTICLE: Record<RecordName, string> = { entity: "an entity", relation: "a relation", source: "a source" };

/**
 * Wording for a few fields, so a message names what a reader should write. The structure comes
 * from fields.yaml; a field without wording here gets a plain message from its type.
 */
const WORDING: Record<string, { entry?: string; entries?: string; empty?: string; missing?: string }> = {
  "entity.id": { missing: "an entity needs `id` (its file name without .yaml)" },
  "entity.kind": { missing: "an entity needs `kind` (its folder, in capitals, e.g. CHIP)" },
  "entity.name": { missing: "an entity needs `name` (its English name)" },
  "entity.aliases": { entry: "an alias", entries: "names" },
  "relation.type": { missing: "a relation needs `type` (e.g. DESIGNS)" },
  "relation.to": { missing: "a relation needs `to`: the id of its target entity" },
  "relation.claimedBy": { entry: "claimedBy entry", entries: "entity ids", empty: "claimedBy must name at least one entity id" },
  "relation.sources": {
    entry: "source id",
    entries: "source ids",
    empty: "a relation needs at least one source: add its id under sources",
    missing: "a relation needs at least one source: add `sources:` with a source id from seed/sources/",
  },
  "source.id": { missing: "a source needs `id` (its file name without .yaml)" },
  "source.title": { missing: "a source needs `title`: the real title of the page or article" },
  "source.language": { missing: "a source needs `language` (en, zh, ...)" },
};

/** The JSON Schema of one base field, by its type (fields.yaml). */
function fieldSchema(ontology: Ontology, record: RecordName, field: FieldDef): object {
  const { name } = field;
  const words = WORDING[`${record}.${name}`] ?? {};
  const kinds = ontology.kinds.map((k) => k.kind);
  const types = ontology.relationTypes.map((t) => t.type);
  const statuses = ontology.statuses.map((s) => s.name);
  const byType: Record<FieldType, () => object> = {
    slug: () => slug(name),
    kind: () => ({ type: "string", enum: kinds, errorMessage: `unknown kind \${0}; use one of ${kinds.join(", ")} (seed/ontology/kinds.yaml)` }),
    "relation-type": () => ({
      type: "string",
      enum: types,
      errorMessage: `unknown relation type \${0}; use one of ${types.join(", ")} (seed/ontology/relation-types.yaml)`,
    }),
    text: () => text(name),
    "chinese-text": () => ({
      type: "string",
      pattern: "[\\u3400-\\u9fff]",
      maxLength: TEXT_MAX_LENGTH,
      errorMessage: `${name} must contain Chinese characters, at most ${TEXT_MAX_LENGTH.toLocaleString("en")} characters in all; got \${0}`,
    }),
    "text-list": () => ({
      type: "array",
      uniqueItems: true,
      items: text(words.entry ?? `an entry of ${name}`, LIST_ENTRY_MAX_LENGTH),
      errorMessage: {
        type: `${name} must be a list of ${words.entries ?? "texts"}`,
        uniqueItems: `${name} lists the same ${words.entries === "names" ? "name" : "text"} twice`,
      },
    }),
    "slug-list": () => ({
      type: "array",
      minItems: 1,
      uniqueItems: true,
      items: slug(words.entry ?? `${name} entry`),
      errorMessage: {
        type: `${name} must be a list of ${words.entries ?? "ids"}`,
        minItems: words.empty ?? `${name} must name at least one id`,
        uniqueItems: `${name} lists the same id twice`,
      },
    }),
    country: () => ({
      type: "string",
      pattern: "^[A-Z]{2}$",
      errorMessage: `${name} must be an ISO 3166-1 alpha-2 code in capitals, like CN or US; got \${0}`,
    }),
    url: () => url(name),
    "wikidata-id": () => ({ type: "string", pattern: "^Q[1-9]\\d*$", errorMessage: `${name} must be a Wikidata item id like Q160120; got \${0}` }),
    date: () => partialDate(name),
    status: () => ({ type: "string", enum: statuses, errorMessage: `${name} must be one of ${statuses.join(", ")}; got \${0}` }),
    language: () => ({ type: "string", pattern: "^[a-z]{2}(?:-[A-Za-z]{2,4})?$", errorMessage: `${name} must be an ISO 639-1 code like en or zh; got \${0}` }),
    attributes: () => ({ type: "object", errorMessage: `${name} must be a mapping of attribute names to values` }),
    relations: () => ({ type: "array", items: relationSchema(ontology), errorMessage: { type: `${name} must be a list` } }),
    quotes: () => ({
      type: "array",
      minItems: 1,
      items: quoteSchema(),
      errorMessage: {
        type: `${name} must be a list of quotes (text, language, translation, source)`,
        minItems: `${name}, when given, needs at least one quote`,
      },
    }),
  };
  return byType[field.type]();
}

/** One quote: a sentence or two of a cited source, its language, a translation, the source's id. */
function quoteSchema(): object {
  const words = (what: string, max: number) => ({
    type: "string",
    minLength: 1,
    maxLength: max,
    errorMessage: `${what} must be text of at most ${max} characters (a sentence or two, not a passage)`,
  });
  return {
    type: "object",
    properties: {
      text: words("a quote's text", QUOTE_MAX_LENGTH),
      language: {
        type: "string",
        pattern: "^[a-z]{2}(?:-[A-Za-z]{2,4})?$",
        errorMessage: "a quote's language must be an ISO 639-1 code like en or zh; got ${0}",
      },
      translation: words("a quote's translation", 2 * QUOTE_MAX_LENGTH),
      source: slug("a quote's source"),
    },
    required: ["text", "language", "translation", "source"],
    additionalProperties: false,
    errorMessage: {
      type: "a quote must be a mapping with text, language, translation and source",
      required: {
        text: "a quote needs `text`: the words of the source, as written",
        language: "a quote needs `language`: the language of the text (en, zh...)",
        translation: "a quote needs `translation`: into English from Chinese, into Chinese from any other language",
        source: "a quote needs `source`: the id of the cited source it comes from",
      },
      additionalProperties: "a quote has only text, language, translation and source",
    },
  };
}

/** The message for a missing required field. */
function missing(ontology: Ontology, record: RecordName, field: FieldDef): string {
  const words = WORDING[`${record}.${field.name}`];
  if (words?.missing) return words.missing;
  if (field.type === "status") return `${ARTICLE[record]} needs \`${field.name}\`: one of ${ontology.statuses.map((s) => s.name).join(", ")}`;
  return `${ARTICLE[record]} needs \`${field.name}\` (${field.label})`;
}

/** properties, required and their messages for one record, from its base fields. */
function recordSchema(ontology: Ontology, record: RecordName) {
  const fields = ontology.fields[record].filter((f) => f.seed);
  const required = fields.filter((f) => f.required);
  return {
    type: "object",
    required: required.map((f) => f.name),
    additionalProperties: false,
    properties: Object.fromEntries(fields.map((f) => [f.name, fieldSchema(ontology, record, f)])),
    errorMessage: {
      required: Object.fromEntries(required.map((f) => [f.name, missing(ontology, record, f)])),
      additionalProperties: `${ARTICLE[record]} may only have ${fields.map((f) => f.name).join(", ")}`,
    },
  };
}

export function relationSchema(ontology: Ontology) {
  return recordSchema(ontology, "relation");
}

export function entitySchema(ontology: Ontology) {
  return recordSchema(ontology, "entity");
}

function attributeSchema(def: AttributeDef): object {
  switch (def.type) {
    case "integer":
      return { type: "integer", errorMessage: `${def.name} must be a whole number; got \${0}` };
    case "number":
      return { type: "number", errorMessage: `${def.name} must be a number; got \${0}` };
    case "boolean":
      return { type: "boolean", errorMessage: `${def.name} must be true or false; got \${0}` };
    case "date":
      return partialDate(def.name);
    case "countries":
      return {
        type: "array",
        minItems: 1,
        uniqueItems: true,
        items: { type: "string", pattern: "^[A-Z]{2}$" },
        errorMessage: `${def.name} must be a list of ISO 3166-1 alpha-2 codes in capitals, like [CN, MO]; got \${0}`,
      };
    case "entity":
      return slug(def.name);
    default:
      return def.values ? { type: "string", enum: def.values, errorMessage: `${def.name} must be one of ${def.values.join(", ")}; got \${0}` } : text(def.name);
  }
}

export function attributesSchema(ontology: Ontology, kind: string) {
  const def = ontology.kind(kind);
  const names = def?.attributes.map((a) => a.name) ?? [];
  return {
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries((def?.attributes ?? []).map((a) => [a.name, attributeSchema(a)])),
    errorMessage: { additionalProperties: `a ${kind} may only have the attributes ${names.join(", ") || "(none)"} (seed/ontology/kinds.yaml)` },
  };
}

/** The `attributes:` of a relation of one type: only the attributes its type allows. */
export function relationAttributesSchema(ontology: Ontology, type: string) {
  const def = ontology.relationType(type);
  const attrs = def?.attributes ?? [];
  return {
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(attrs.map((a) => [a.name, attributeSchema(a)])),
    errorMessage: {
      additionalProperties: `a ${type} relation may only have the attributes ${attrs.map((a) => a.name).join(", ") || "(none)"} (seed/ontology/relation-types.yaml)`,
    },
  };
}

export function sourceSchema(ontology: Ontology) {
  return {
    ...recordSchema(ontology, "source"),
    if: { not: { required: ["url"] } },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema keyword
    then: { required: ["note"], errorMessage: { required: "a source without url must say in `note` how a reader can find it" } },
  };
}
