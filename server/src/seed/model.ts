/** The checked graph: what the seed files say, after validation. */
import type { Status } from "../ontology.js";

export type AttributeValue = string | number | boolean;
export type RelationAttributeValue = string | number | boolean | string[];

export interface SourceRecord {
  id: string;
  url?: string;
  title: string;
  publisher?: string;
  date?: string;
  language: string;
  note?: string;
}

export interface EntityRecord {
  id: string;
  kind: string;
  name: string;
  nameZh?: string;
  aliases: string[];
  country?: string;
  description?: string;
  homepage?: string;
  wikidata?: string;
  attributes: Record<string, AttributeValue>;
}

export interface RelationRecord {
  /** `from/TYPE/to`, or `from/TYPE/to/key` when a key tells two relations apart. */
  id: string;
  type: string;
  from: string;
  to: string;
  status: Status;
  claimedBy: string[];
  since?: string;
  until?: string;
  sources: string[];
  note?: string;
  key?: string;
  /** Typed attributes its relation type allows (share, quantity, item...). */
  attributes: Record<string, RelationAttributeValue>;
}

export interface SeedGraph {
  entities: EntityRecord[];
  relations: RelationRecord[];
  sources: SourceRecord[];
}

export function relationId(from: string, type: string, to: string, key?: string): string {
  return key ? `${from}/${type}/${to}/${key}` : `${from}/${type}/${to}`;
}
