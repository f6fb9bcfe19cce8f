/**
 * The shapes the explorer works with. Where a shape is exactly what the API answers, it is the
 * generated type (generated.ts, from schema.graphql); the others are the explorer's own (statuses in
 * lower case, as the seed spells them; ontology fields optional for hand-made test graphs), and
 * documents.ts proves at compile time that each generated result fits them.
 */
import type { ExplorerOntologyQuery, ExplorerSuggestRelationQuery } from "./generated.js";

export type Status = "confirmed" | "reported" | "claimed" | "disputed";
export const STATUSES: readonly Status[] = ["confirmed", "reported", "claimed", "disputed"];

export interface KindInfo {
  kind: string;
  /** The per-kind GraphQL type (`Chip`) that carries the kind's attributes. */
  typeName?: string;
  label: string;
  labelZh: string;
  colour: string;
  shape: string;
  /** Made once (a trained model): the analysis never cuts its own links. */
  finished?: boolean;
  description?: string | null;
  attributes?: AttributeInfo[] | null;
}

/** A kind attribute as the explorer shows it: its name and (enumerated) values in both languages. */
export interface AttributeInfo {
  name: string;
  type: string;
  label?: string;
  labelZh?: string;
  valueLabels?: { value: string; label: string; labelZh: string }[] | null;
}

export interface RelationTypeInfo {
  type: string;
  label: string;
  labelZh: string;
  colour: string;
  description?: string | null;
  /** A-B is B-A: drawn without an arrowhead. */
  symmetric?: boolean;
  /** Kinds it may start at and end at. */
  from?: string[];
  to?: string[];
  /** Which end depends on the other, and how (null: the type says nothing about dependence). */
  dependency?: { dependent: "FROM" | "TO"; role: "INPUT" | "PROVIDER" } | null;
  /** Types that cut supply (RESTRICTS). */
  restriction?: boolean;
}

/** An open question an entity can have (Entity.openQuestions), and the relation that would answer it. */
export interface OpenQuestionInfo {
  question: string;
  label: string;
  labelZh: string;
  answer?: { type?: string | null; end: "FROM" | "TO" } | null;
}

export interface OntologyInfo {
  kinds: KindInfo[];
  relationTypes: RelationTypeInfo[];
  openQuestions?: OpenQuestionInfo[];
}

/** What the canvas needs of an entity. */
export interface EntityCore {
  id: string;
  kind: string;
  name: string;
  nameZh?: string | null;
  aliases?: string[] | null;
  country?: string | null;
  description?: string | null;
  descriptionZh?: string | null;
}

/** What the canvas needs of a relation: its ends as ids. */
export interface RelationCore {
  id: string;
  type: string;
  status: Status;
  since?: string | null;
  until?: string | null;
  from: { id: string };
  to: { id: string };
}

export interface Source {
  id: string;
  url?: string | null;
  title: string;
  publisher?: string | null;
  date?: string | null;
  language?: string | null;
}

export interface RelationDetail {
  id: string;
  type: string;
  status: Status;
  since?: string | null;
  until?: string | null;
  note?: string | null;
  noteZh?: string | null;
  /** The day an audit last found it stated by its sources, as it stands. */
  checkedOn?: string | null;
  from: EntityCore;
  to: EntityCore;
  sources: Source[];
  quotes?: Quote[];
}

/** A cited source's own words stating a relation, with a translation. */
export interface Quote {
  text: string;
  language: string;
  translation: string;
  source: { id: string; title: string; url?: string | null };
}

export interface EntityDetail extends EntityCore {
  __typename?: string;
  homepage?: string | null;
  wikidata?: string | null;
  /** What the graph does not say yet about it (OpenQuestion values). */
  openQuestions?: string[] | null;
  relations: RelationDetail[];
  /** Kind-specific attributes, read from the per-kind GraphQL type. */
  [attribute: string]: unknown;
}

export interface SearchHit {
  score: number;
  entity: EntityCore;
}

export interface Subgraph {
  nodes: EntityCore[];
  edges: RelationCore[];
  truncated: boolean;
}

export interface PathResult {
  length: number;
  nodes: EntityCore[];
  edges: RelationCore[];
}

export type StatsInfo = ExplorerOntologyQuery["stats"];

/** A relation to check with `suggestRelation` (ids; status as the seed spells it). */
export interface SuggestionInput {
  from: string;
  type: string;
  to: string;
  sources: string[];
  status: Status;
  claimedBy: string[];
  since: string;
  until: string;
  note: string;
  noteZh: string;
  quote: string;
  quoteTranslation: string;
  quoteSource: string;
  key: string;
}

/** The API's answer: problems by input field, or the YAML to add and where. */
export type RelationSuggestion = ExplorerSuggestRelationQuery["suggestRelation"];
