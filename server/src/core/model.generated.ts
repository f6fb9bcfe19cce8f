// GENERATED from seed/ontology/fields.yaml by `npm run generate`: do not edit by hand.

import type { BaseFields, QuoteRecord, StatusDef } from "./fields.js";

/** The value of a kind attribute. */
export type AttributeValue = string | number | boolean;

/** The value of a relation attribute (`countries` is a list of codes). */
export type RelationAttributeValue = string | number | boolean | string[];

/** How well established a relation can be, in fields.yaml order. */
export const STATUSES = ["confirmed", "reported", "claimed", "disputed"] as const;

export type Status = (typeof STATUSES)[number];

/** Every base field of an entity, in fields.yaml order. */
export const ENTITY_FIELDS = [
  "id",
  "kind",
  "name",
  "nameZh",
  "aliases",
  "country",
  "description",
  "descriptionZh",
  "homepage",
  "wikidata",
  "openQuestions",
  "attributes",
  "relations",
] as const;

/** The keys of an entity in a seed file, in canonical order. */
export const ENTITY_KEYS = [
  "id",
  "kind",
  "name",
  "nameZh",
  "aliases",
  "country",
  "description",
  "descriptionZh",
  "homepage",
  "wikidata",
  "attributes",
  "relations",
] as const;

/** A checked entity: its base fields (seed/ontology/fields.yaml). */
export interface EntityRecord {
  /** Stable id (a slug such as `huawei`), the file name of its seed file. */
  id: string;
  /** What sort of entity this is; decides which concrete type it has. */
  kind: string;
  /** Name in English. */
  name: string;
  /** Name in Chinese, if it has one (mandatory for entities from CN, HK and MO). */
  nameZh?: string;
  /** Other names in any language: former names, abbreviations, transliterations. */
  aliases: string[];
  /** Country as an ISO 3166-1 alpha-2 code, e.g. CN, US, TW. */
  country?: string;
  /** One or two sentences on what it is. */
  description?: string;
  /** One or two sentences on what it is, in Chinese, written as a Chinese reader would write it (not word for word from the English). Required for new entities. */
  descriptionZh?: string;
  /** Official website. */
  homepage?: string;
  /** Wikidata item id (Q...), when checked. */
  wikidata?: string;
  /** What the graph does not say yet about it and a reader would expect (which fab makes a chip, what a rule restricts): derived by the sync from the seed (`npm run kg -- gaps`), never written in a seed file. */
  openQuestions?: string[];
  /** The typed attributes its kind allows (seed/ontology/kinds.yaml). */
  attributes: Record<string, AttributeValue>;
}

/** Every base field of a relation, in fields.yaml order. */
export const RELATION_FIELDS = [
  "id",
  "type",
  "from",
  "to",
  "key",
  "status",
  "claimedBy",
  "since",
  "until",
  "attributes",
  "sources",
  "quotes",
  "note",
  "noteZh",
  "checkedOn",
] as const;

/** The keys of a relation in a seed file, in canonical order. */
export const RELATION_KEYS = ["type", "to", "key", "status", "claimedBy", "since", "until", "attributes", "sources", "quotes", "note", "noteZh"] as const;

/** A checked relation: its base fields (seed/ontology/fields.yaml). */
export interface RelationRecord {
  /** Stable id, `from/TYPE/to`, or `from/TYPE/to/key` when a key tells two relations apart. */
  id: string;
  /** The relation type. */
  type: string;
  /** The id of the entity it starts at (the entity whose file lists it). */
  from: string;
  /** The id of the entity it ends at. */
  to: string;
  /** Tells two relations of the same type between the same entities apart. */
  key?: string;
  /** How well established it is. */
  status: Status;
  /** Who makes the claim, for a claimed relation (entity ids). */
  claimedBy: string[];
  /** When it began, if known. */
  since?: string;
  /** When it ended, if it has. */
  until?: string;
  /** The typed attributes its type allows (seed/ontology/relation-attributes.yaml). */
  attributes: Record<string, RelationAttributeValue>;
  /** The ids of the sources that back it (seed/sources/). */
  sources: string[];
  /** The sentences of cited sources that state it, in the source's own language, each with a translation (into English from Chinese, into Chinese from any other language). Required for claimed and disputed relations and for a figure (METRIC) taken from a source. */
  quotes: QuoteRecord[];
  /** Details, figures of a claim, or who disputes it. */
  note?: string;
  /** The note in Chinese; expected at least for claimed and disputed relations. */
  noteZh?: string;
  /** The day a reader last checked it, as it stands, against its cited pages and found it stated there (an audit in seed/audits/): derived by the sync, never written in an entity's file. */
  checkedOn?: string;
}

/** Every base field of a source, in fields.yaml order. */
export const SOURCE_FIELDS = ["id", "url", "title", "publisher", "date", "language", "note", "relations"] as const;

/** The keys of a source in a seed file, in canonical order. */
export const SOURCE_KEYS = ["id", "url", "title", "publisher", "date", "language", "note"] as const;

/** A checked source: its base fields (seed/ontology/fields.yaml). */
export interface SourceRecord {
  /** Stable id, the file name of its seed file. */
  id: string;
  /** Where to read it (absent only for print-only sources). */
  url?: string;
  /** Its real title. */
  title: string;
  /** Who published it. */
  publisher?: string;
  /** When it was published. */
  date?: string;
  /** Its language (ISO 639-1, e.g. en, zh). */
  language: string;
  /** How to find it, or what it covers. */
  note?: string;
}

/** The statuses with their labels (fields.yaml). */
export const STATUS_DEFS: readonly StatusDef[] = [
  {
    name: "confirmed",
    label: "confirmed",
    labelZh: "已证实",
    description: "Stated by a primary source (the parties, an official rule) or well established.",
  },
  {
    name: "reported",
    label: "reported",
    labelZh: "有报道",
    description: "Stated by reputable reporting but not confirmed by the parties.",
  },
  {
    name: "claimed",
    label: "claimed",
    labelZh: "声称",
    description: "Asserted by a party with a stake; `claimedBy` names who.",
  },
  {
    name: "disputed",
    label: "disputed",
    labelZh: "有争议",
    description: "Contested by other sources; the note says by whom.",
  },
];

/** The base fields with their types and labels (fields.yaml). */
export const FIELDS: BaseFields = {
  entity: [
    {
      name: "id",
      type: "slug",
      required: true,
      label: "id",
      labelZh: "标识",
      description: "Stable id (a slug such as `huawei`), the file name of its seed file.",
      seed: true,
      graphql: {},
    },
    {
      name: "kind",
      type: "kind",
      required: true,
      label: "kind",
      labelZh: "类别",
      description: "What sort of entity this is; decides which concrete type it has.",
      seed: true,
      graphql: {},
    },
    {
      name: "name",
      type: "text",
      required: true,
      label: "name",
      labelZh: "名称",
      description: "Name in English.",
      seed: true,
      graphql: {},
    },
    {
      name: "nameZh",
      type: "chinese-text",
      required: false,
      label: "Chinese name",
      labelZh: "中文名称",
      description: "Name in Chinese, if it has one (mandatory for entities from CN, HK and MO).",
      seed: true,
      graphql: {},
    },
    {
      name: "aliases",
      type: "text-list",
      required: false,
      label: "aliases",
      labelZh: "别名",
      description: "Other names in any language: former names, abbreviations, transliterations.",
      seed: true,
      graphql: {},
    },
    {
      name: "country",
      type: "country",
      required: false,
      label: "country",
      labelZh: "国家或地区",
      description: "Country as an ISO 3166-1 alpha-2 code, e.g. CN, US, TW.",
      seed: true,
      graphql: {},
    },
    {
      name: "description",
      type: "text",
      required: false,
      label: "description",
      labelZh: "简介",
      description: "One or two sentences on what it is.",
      seed: true,
      graphql: {},
    },
    {
      name: "descriptionZh",
      type: "chinese-text",
      required: false,
      label: "description in Chinese",
      labelZh: "中文简介",
      description:
        "One or two sentences on what it is, in Chinese, written as a Chinese reader would write it (not word for word from the English). Required for new entities.",
      seed: true,
      graphql: {},
    },
    {
      name: "homepage",
      type: "url",
      required: false,
      label: "homepage",
      labelZh: "官网",
      description: "Official website.",
      seed: true,
      graphql: {},
    },
    {
      name: "wikidata",
      type: "wikidata-id",
      required: false,
      label: "Wikidata item",
      labelZh: "维基数据条目",
      description: "Wikidata item id (Q...), when checked.",
      seed: true,
      graphql: {},
    },
    {
      name: "openQuestions",
      type: "slug-list",
      required: false,
      label: "open questions",
      labelZh: "待解问题",
      description:
        "What the graph does not say yet about it and a reader would expect (which fab makes a chip, what a rule restricts): derived by the sync from the seed (`npm run kg -- gaps`), never written in a seed file.",
      seed: false,
      graphql: {
        type: "[OpenQuestion!]!",
        description:
          "What the graph does not say yet about it and a reader would expect (which fab makes a chip, what a rule restricts), empty when nothing is missing. The analyses cannot see what the graph does not hold.",
      },
    },
    {
      name: "attributes",
      type: "attributes",
      required: false,
      label: "attributes",
      labelZh: "属性",
      description: "The typed attributes its kind allows (seed/ontology/kinds.yaml).",
      seed: true,
      graphql: false,
    },
    {
      name: "relations",
      type: "relations",
      required: false,
      label: "relations",
      labelZh: "关系",
      description: "Its outgoing relations, written in its own file.",
      seed: true,
      graphql: {
        description:
          "Relations that touch this entity, ordered by type, then the other end's name. Fetched in the same database query as the field above it, whatever the nesting.",
      },
    },
  ],
  relation: [
    {
      name: "id",
      type: "slug",
      required: true,
      label: "id",
      labelZh: "标识",
      description: "Stable id, `from/TYPE/to`, or `from/TYPE/to/key` when a key tells two relations apart.",
      seed: false,
      graphql: {
        description: "Stable id: `from/TYPE/to`, or `from/TYPE/to/key` when a key tells two such relations apart.",
      },
    },
    {
      name: "type",
      type: "relation-type",
      required: true,
      label: "type",
      labelZh: "关系类型",
      description: "The relation type.",
      seed: true,
      graphql: {},
    },
    {
      name: "from",
      type: "slug",
      required: true,
      label: "from",
      labelZh: "起点",
      description: "The id of the entity it starts at (the entity whose file lists it).",
      seed: false,
      graphql: {
        type: "Entity!",
        description: "The entity it starts at.",
      },
    },
    {
      name: "to",
      type: "slug",
      required: true,
      label: "to",
      labelZh: "终点",
      description: "The id of the entity it ends at.",
      seed: true,
      graphql: {
        type: "Entity!",
        description: "The entity it ends at.",
      },
    },
    {
      name: "key",
      type: "slug",
      required: false,
      label: "key",
      labelZh: "区分键",
      description: "Tells two relations of the same type between the same entities apart.",
      seed: true,
      graphql: {
        type: "String",
      },
    },
    {
      name: "status",
      type: "status",
      required: true,
      label: "status",
      labelZh: "可信度",
      description: "How well established it is.",
      seed: true,
      graphql: {},
    },
    {
      name: "claimedBy",
      type: "slug-list",
      required: false,
      label: "claimed by",
      labelZh: "声称方",
      description: "Who makes the claim, for a claimed relation (entity ids).",
      seed: true,
      graphql: {
        type: "[Entity!]!",
        description: "Who makes the claim, for a CLAIMED relation.",
      },
    },
    {
      name: "since",
      type: "date",
      required: false,
      label: "since",
      labelZh: "起始时间",
      description: "When it began, if known.",
      seed: true,
      graphql: {},
    },
    {
      name: "until",
      type: "date",
      required: false,
      label: "until",
      labelZh: "结束时间",
      description: "When it ended, if it has.",
      seed: true,
      graphql: {},
    },
    {
      name: "attributes",
      type: "attributes",
      required: false,
      label: "attributes",
      labelZh: "属性",
      description: "The typed attributes its type allows (seed/ontology/relation-attributes.yaml).",
      seed: true,
      graphql: {
        type: "RelationAttributes!",
        description: "Typed attributes its type allows (market share, quantity, stake, item supplied, destinations); fields absent on a relation are null.",
      },
    },
    {
      name: "sources",
      type: "slug-list",
      required: true,
      label: "sources",
      labelZh: "来源",
      description: "The ids of the sources that back it (seed/sources/).",
      seed: true,
      graphql: {
        type: "[Source!]!",
        description: "The sources that back it, in the order the seed lists them.",
      },
    },
    {
      name: "quotes",
      type: "quotes",
      required: false,
      label: "quotes",
      labelZh: "原文引述",
      description:
        "The sentences of cited sources that state it, in the source's own language, each with a translation (into English from Chinese, into Chinese from any other language). Required for claimed and disputed relations and for a figure (METRIC) taken from a source.",
      seed: true,
      graphql: {
        description: "Evidence in the source's own words: the sentence (under 300 characters) of a cited source that states this relation, with a translation.",
      },
    },
    {
      name: "note",
      type: "text",
      required: false,
      label: "note",
      labelZh: "备注",
      description: "Details, figures of a claim, or who disputes it.",
      seed: true,
      graphql: {},
    },
    {
      name: "noteZh",
      type: "chinese-text",
      required: false,
      label: "note in Chinese",
      labelZh: "中文备注",
      description: "The note in Chinese; expected at least for claimed and disputed relations.",
      seed: true,
      graphql: {},
    },
    {
      name: "checkedOn",
      type: "date",
      required: false,
      label: "checked against its sources",
      labelZh: "已对照来源核对",
      description:
        "The day a reader last checked it, as it stands, against its cited pages and found it stated there (an audit in seed/audits/): derived by the sync, never written in an entity's file.",
      seed: false,
      graphql: {
        description:
          "The day a reader last checked this relation, as it stands, against its cited pages and found it stated there (an audit record in seed/audits/); null when no audit has, or when it changed since.",
      },
    },
  ],
  source: [
    {
      name: "id",
      type: "slug",
      required: true,
      label: "id",
      labelZh: "标识",
      description: "Stable id, the file name of its seed file.",
      seed: true,
      graphql: {},
    },
    {
      name: "url",
      type: "url",
      required: false,
      label: "URL",
      labelZh: "网址",
      description: "Where to read it (absent only for print-only sources).",
      seed: true,
      graphql: {},
    },
    {
      name: "title",
      type: "text",
      required: true,
      label: "title",
      labelZh: "标题",
      description: "Its real title.",
      seed: true,
      graphql: {},
    },
    {
      name: "publisher",
      type: "text",
      required: false,
      label: "publisher",
      labelZh: "发布者",
      description: "Who published it.",
      seed: true,
      graphql: {},
    },
    {
      name: "date",
      type: "date",
      required: false,
      label: "date",
      labelZh: "发布日期",
      description: "When it was published.",
      seed: true,
      graphql: {},
    },
    {
      name: "language",
      type: "language",
      required: true,
      label: "language",
      labelZh: "语言",
      description: "Its language (ISO 639-1, e.g. en, zh).",
      seed: true,
      graphql: {},
    },
    {
      name: "note",
      type: "text",
      required: false,
      label: "note",
      labelZh: "备注",
      description: "How to find it, or what it covers.",
      seed: true,
      graphql: {},
    },
    {
      name: "relations",
      type: "relations",
      required: false,
      label: "relations",
      labelZh: "关系",
      description: "The relations that cite it, ordered by id.",
      seed: false,
      graphql: {},
    },
  ],
};
