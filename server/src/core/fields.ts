/**
 * The shape of the base-field definitions (seed/ontology/fields.yaml). The definitions themselves
 * are in model.generated.ts (written by `npm run generate`); server/src/ontology.ts loads and
 * checks the YAML. Dependency-free, so the web can import it.
 */

export const FIELD_TYPES = [
  "slug",
  "kind",
  "relation-type",
  "text",
  "chinese-text",
  "text-list",
  "slug-list",
  "country",
  "url",
  "wikidata-id",
  "date",
  "status",
  "language",
  "attributes",
  "relations",
  "quotes",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What a field is in the GraphQL API: its type, when not its field type's default, and description. */
export interface GraphqlFieldDef {
  type?: string;
  description?: string;
}

export interface FieldDef {
  name: string;
  type: FieldType;
  /** The seed file must have it; the API never returns null for it. */
  required: boolean;
  label: string;
  labelZh: string;
  description: string;
  /** False: not written in seed files (derived, like a relation's id, or only in the API). */
  seed: boolean;
  /** False: not a field of the GraphQL type. */
  graphql: GraphqlFieldDef | false;
}

export interface StatusDef {
  name: string;
  label: string;
  labelZh: string;
  description: string;
}

export const RECORDS = ["entity", "relation", "source"] as const;
export type RecordName = (typeof RECORDS)[number];

export type BaseFields = Record<RecordName, readonly FieldDef[]>;

/** The keys a seed file of this record may have, in canonical order. */
export function seedKeys(fields: readonly FieldDef[]): string[] {
  return fields.filter((f) => f.seed).map((f) => f.name);
}

/**
 * Properties the sync stores beside the fields: its change hash, the list of what it wrote, the
 * day bounds of since/until, and on a source the entities whose relations cite it.
 */
export const BOOKKEEPING_PROPERTIES = ["hash", "atlasKeys", "validFrom", "validTo", "citedFrom"] as const;

/** The longest free text a seed field may hold (a description, a note): a paragraph, not a document. */
export const TEXT_MAX_LENGTH = 2_000;
/** The longest entry of a list of texts (an alias) and the longest URL. */
export const LIST_ENTRY_MAX_LENGTH = 300;
export const URL_MAX_LENGTH = 2_000;

/** The longest quote a relation may carry, in characters: a sentence or two, not a passage. */
export const QUOTE_MAX_LENGTH = 300;

/** A sentence of a cited source that states a relation, with its translation (fields.yaml `quotes`). */
export interface QuoteRecord {
  /** The words of the source, in its language. */
  text: string;
  /** The language of the text (ISO 639-1), the cited source's language. */
  language: string;
  /** Into English from Chinese; into Chinese from any other language. */
  translation: string;
  /** The id of the source quoted: one the relation cites. */
  source: string;
}
