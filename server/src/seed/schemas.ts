/**
 * JSON Schemas of the seed files, built from the ontology, with messages that say what to do.
 * Structure only; the cross-file rules (dangling ids, kinds at each end...) live in validate.ts.
 */
import type { AttributeDef, Ontology } from "../ontology.js";
import { STATUSES } from "../ontology.js";
import { PARTIAL_DATE } from "../core/dates.js";
import { RELATION_KEYS } from "./format.js";

export const SLUG = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
export { PARTIAL_DATE } from "../core/dates.js";
const HTTP_URL = "^https?://[^\\s/$.?#][^\\s]*$";

const slug = (what: string) => ({
  type: "string",
  pattern: SLUG,
  maxLength: 80,
  errorMessage: `${what} must be a slug of lower-case a-z, 0-9 and single hyphens, like "ascend-910c"; got \${0}`,
});
const text = (what: string) => ({ type: "string", minLength: 1, errorMessage: `${what} must be non-empty text` });
const partialDate = (what: string) => ({
  type: "string",
  pattern: PARTIAL_DATE,
  errorMessage: `${what} must be a partial ISO date such as 2019, 2019-05 or 2019-05-16 (quoted); got \${0}`,
});
const url = (what: string) => ({ type: "string", pattern: HTTP_URL, errorMessage: `${what} must be an http(s) URL; got \${0}` });

export function relationSchema(ontology: Ontology) {
  const types = ontology.relationTypes.map((t) => t.type);
  return {
    type: "object",
    required: ["type", "to", "status", "sources"],
    additionalProperties: false,
    properties: {
      type: { type: "string", enum: types, errorMessage: `unknown relation type \${0}; use one of ${types.join(", ")} (seed/ontology/relation-types.yaml)` },
      to: slug("to"),
      key: slug("key"),
      status: { type: "string", enum: [...STATUSES], errorMessage: `status must be one of ${STATUSES.join(", ")}; got \${0}` },
      claimedBy: {
        type: "array",
        minItems: 1,
        items: slug("claimedBy entry"),
        errorMessage: { type: "claimedBy must be a list of entity ids", minItems: "claimedBy must name at least one entity id" },
      },
      since: partialDate("since"),
      until: partialDate("until"),
      sources: {
        type: "array",
        minItems: 1,
        uniqueItems: true,
        items: slug("source id"),
        errorMessage: {
          type: "sources must be a list of source ids",
          minItems: "a relation needs at least one source: add its id under sources",
          uniqueItems: "sources lists the same id twice",
        },
      },
      attributes: { type: "object", errorMessage: "attributes must be a mapping of attribute names to values" },
      note: text("note"),
    },
    errorMessage: {
      required: {
        type: "a relation needs `type` (e.g. DESIGNS)",
        to: "a relation needs `to`: the id of its target entity",
        status: `a relation needs \`status\`: one of ${STATUSES.join(", ")}`,
        sources: "a relation needs at least one source: add `sources:` with a source id from seed/sources/",
      },
      additionalProperties: `a relation may only have ${RELATION_KEYS.join(", ")}`,
    },
  };
}

export function entitySchema(ontology: Ontology) {
  const kinds = ontology.kinds.map((k) => k.kind);
  return {
    type: "object",
    required: ["id", "kind", "name"],
    additionalProperties: false,
    properties: {
      id: slug("id"),
      kind: { type: "string", enum: kinds, errorMessage: `unknown kind \${0}; use one of ${kinds.join(", ")} (seed/ontology/kinds.yaml)` },
      name: text("name"),
      nameZh: { type: "string", pattern: "[\\u3400-\\u9fff]", errorMessage: "nameZh must contain Chinese characters; got ${0}" },
      aliases: {
        type: "array",
        uniqueItems: true,
        items: text("an alias"),
        errorMessage: { type: "aliases must be a list of names", uniqueItems: "aliases lists the same name twice" },
      },
      country: { type: "string", pattern: "^[A-Z]{2}$", errorMessage: "country must be an ISO 3166-1 alpha-2 code in capitals, like CN or US; got ${0}" },
      description: text("description"),
      homepage: url("homepage"),
      wikidata: { type: "string", pattern: "^Q[1-9]\\d*$", errorMessage: "wikidata must be a Wikidata item id like Q160120; got ${0}" },
      attributes: { type: "object", errorMessage: "attributes must be a mapping of attribute names to values" },
      relations: { type: "array", items: relationSchema(ontology), errorMessage: { type: "relations must be a list" } },
    },
    errorMessage: {
      required: {
        id: "an entity needs `id` (its file name without .yaml)",
        kind: "an entity needs `kind` (its folder, in capitals, e.g. CHIP)",
        name: "an entity needs `name` (its English name)",
      },
      additionalProperties: "an entity may only have id, kind, name, nameZh, aliases, country, description, homepage, wikidata, attributes, relations",
    },
  };
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

export function sourceSchema() {
  return {
    type: "object",
    required: ["id", "title", "language"],
    additionalProperties: false,
    properties: {
      id: slug("id"),
      url: url("url"),
      title: text("title"),
      publisher: text("publisher"),
      date: partialDate("date"),
      language: { type: "string", pattern: "^[a-z]{2}(?:-[A-Za-z]{2,4})?$", errorMessage: "language must be an ISO 639-1 code like en or zh; got ${0}" },
      note: text("note"),
    },
    if: { not: { required: ["url"] } },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema keyword
    then: { required: ["note"], errorMessage: { required: "a source without url must say in `note` how a reader can find it" } },
    errorMessage: {
      required: {
        id: "a source needs `id` (its file name without .yaml)",
        title: "a source needs `title`: the real title of the page or article",
        language: "a source needs `language` (en, zh, ...)",
      },
      additionalProperties: "a source may only have id, url, title, publisher, date, language, note",
    },
  };
}
