// biome-ignore-all lint: generated code
/* GENERATED from schema.graphql and web/src/api/documents.graphql by `npm run generate:web`: do not edit by hand. */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };

import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
/** The kinds of entity in the Atlas (seed/ontology/kinds.yaml). */
export type EntityKind =
  /** Chip (芯片): A processor or memory chip (GPU, NPU, AI accelerator, CPU, HBM stack). */
  | "CHIP"
  /** Facility (设施): A physical site: a fab, a packaging plant, a data-centre campus, a mine or refinery. */
  | "FACILITY"
  /** Material (材料): A raw material, chemical, gas or wafer the chip industry consumes (gallium, germanium, rare earths, photoresists, silicon wafers). */
  | "MATERIAL"
  /** Figure (数据): A dated figure (spending, energy use, utilisation), attributed through its relations' sources and status. */
  | "METRIC"
  /** Model (模型): An AI model (language, multimodal, reasoning, image, video). */
  | "MODEL"
  /** Organization (组织机构): A company, lab, university, government body, agency or other organised group. */
  | "ORGANIZATION"
  /** Person (人物): A person who founds, leads, funds or shapes the ecosystem. */
  | "PERSON"
  /** Policy (政策): An export-control rule, entity listing, law, sanction or national programme. */
  | "POLICY"
  /** System (系统): A cluster, rack-scale system, supercomputer, server or data centre. */
  | "SYSTEM"
  /** Technology (技术): A software stack, framework, interconnect, process node, memory standard or architecture. */
  | "TECHNOLOGY";

/** The types of relation in the Atlas (seed/ontology/relation-types.yaml); each goes from one set of kinds to another. */
export type RelationType =
  /** acquired (收购): An organisation acquired another (since = when the deal closed). From ORGANIZATION to ORGANIZATION. */
  | "ACQUIRED"
  /** alternative to (替代): A product or technology is offered or used as a substitute for another. From CHIP, SYSTEM, MODEL, TECHNOLOGY, MATERIAL to CHIP, SYSTEM, MODEL, TECHNOLOGY, MATERIAL. */
  | "ALTERNATIVE_TO"
  /** amends (修订): A policy amends, expands or replaces an earlier one. From POLICY to POLICY. */
  | "AMENDS"
  /** based on (基于): A model, chip or technology is derived from or built on another. From MODEL, CHIP, TECHNOLOGY, SYSTEM to MODEL, CHIP, TECHNOLOGY, SYSTEM. */
  | "BASED_ON"
  /** compared with (对比): A comparison of two things by someone; the figures live in the note and the status says whose claim it is. From CHIP, SYSTEM, MODEL, ORGANIZATION, TECHNOLOGY to CHIP, SYSTEM, MODEL, ORGANIZATION, TECHNOLOGY. */
  | "COMPARED_WITH"
  /** competes with (竞争): Two organisations or products compete in the same market. From ORGANIZATION, CHIP, SYSTEM, MODEL, TECHNOLOGY, MATERIAL to ORGANIZATION, CHIP, SYSTEM, MODEL, TECHNOLOGY, MATERIAL. Symmetric: stored once, either way round. */
  | "COMPETES_WITH"
  /** component of (组成部分): A chip, technology or material is a part of a system, chip or larger technology (the whole depends on the part). From CHIP, TECHNOLOGY, SYSTEM, MATERIAL to SYSTEM, CHIP, TECHNOLOGY. */
  | "COMPONENT_OF"
  /** designs (设计): An organisation designs a chip or system (its architecture, not its fabrication). From ORGANIZATION to CHIP, SYSTEM. */
  | "DESIGNS"
  /** develops (开发): An organisation or person develops a model, technology, system or chip (the product depends on its developer). From ORGANIZATION, PERSON to MODEL, TECHNOLOGY, SYSTEM, CHIP. */
  | "DEVELOPS"
  /** exempts (豁免): A licence, waiver or exemption under a policy lets a party or item through a restriction (dated with since/until). From POLICY to ORGANIZATION, CHIP, TECHNOLOGY, SYSTEM, MATERIAL, FACILITY. */
  | "EXEMPTS"
  /** founded (创立): A person founded an organisation. From PERSON to ORGANIZATION. */
  | "FOUNDED"
  /** invests in (投资): An organisation or person holds or made an investment in an organisation. From ORGANIZATION, PERSON to ORGANIZATION, FACILITY. */
  | "INVESTS_IN"
  /** issued by (发布机构): A policy was issued or enacted by a government body. From POLICY to ORGANIZATION. */
  | "ISSUED_BY"
  /** leads (领导): A person leads an organisation (chief executive, chair, head). From PERSON to ORGANIZATION. */
  | "LEADS"
  /** licenses (授权使用): An organisation uses an architecture, instruction set or IP under a licence from its owner (the licensee depends on it). From ORGANIZATION, CHIP to TECHNOLOGY. */
  | "LICENSES"
  /** located at (位于): A system or cluster stands in a facility (it depends on the site). From SYSTEM, ORGANIZATION to FACILITY. */
  | "LOCATED_AT"
  /** manufactures (制造): An organisation fabricates, packages or assembles a chip or system, or refines a material (the product depends on its maker; two makers of one product are alternatives). From ORGANIZATION to CHIP, SYSTEM, MATERIAL. */
  | "MANUFACTURES"
  /** measures (衡量): A figure describes something (Huawei's R&D spending measures Huawei). From METRIC to ORGANIZATION, CHIP, SYSTEM, MODEL, TECHNOLOGY, POLICY, MATERIAL, FACILITY. */
  | "MEASURES"
  /** member of (成员): An organisation belongs to a consortium, alliance or standards body. From ORGANIZATION to ORGANIZATION. */
  | "MEMBER_OF"
  /** operates (运营): An organisation runs a system, cluster or data centre. From ORGANIZATION to SYSTEM, FACILITY. */
  | "OPERATES"
  /** partners with (合作): Two organisations have a declared partnership. From ORGANIZATION to ORGANIZATION. Symmetric: stored once, either way round. */
  | "PARTNERS_WITH"
  /** powered by (供电): A facility or system draws its power from a utility or power plant (any one of its suppliers will do). From FACILITY, SYSTEM to ORGANIZATION, FACILITY. */
  | "POWERED_BY"
  /** produces (生产): An organisation makes and sells an input of the chip industry: equipment, EDA software, IP, a material or wafers (the input depends on its producers; any one will do). From ORGANIZATION, FACILITY to TECHNOLOGY, MATERIAL, CHIP. */
  | "PRODUCES"
  /** provides compute to (提供算力): An organisation or system provides computing capacity to an organisation or for a model. From ORGANIZATION, SYSTEM, FACILITY to ORGANIZATION, MODEL. */
  | "PROVIDES_COMPUTE_TO"
  /** reported by (发布者): A figure was published or estimated by an organisation or person. From METRIC to ORGANIZATION, PERSON. */
  | "REPORTED_BY"
  /** responds to (回应): A policy, organisation or product is a countermeasure to a policy. From POLICY, ORGANIZATION, CHIP, TECHNOLOGY, MODEL, SYSTEM to POLICY. */
  | "RESPONDS_TO"
  /** restricts (限制): A policy restricts trade in an item (chip, technology, material, system, model) to the destinations it names, or dealings with a listed party (organisation, facility). From POLICY to ORGANIZATION, CHIP, TECHNOLOGY, SYSTEM, MODEL, MATERIAL, FACILITY. */
  | "RESTRICTS"
  /** subsidiary of (子公司): An organisation is owned or controlled by another. From ORGANIZATION to ORGANIZATION. */
  | "SUBSIDIARY_OF"
  /** succeeds (继任): A chip, model, system or technology is the successor of another. From CHIP, MODEL, SYSTEM, TECHNOLOGY, POLICY to CHIP, MODEL, SYSTEM, TECHNOLOGY, POLICY. */
  | "SUCCEEDS"
  /** supplies (供应): An organisation supplies products or services to a customer; `item` names what (the customer depends on its suppliers of each item; two suppliers of one item are alternatives). From ORGANIZATION to ORGANIZATION, FACILITY. */
  | "SUPPLIES"
  /** supports (支持): A programme, policy or organisation funds or backs something (e.g. a national programme backing data centres). From POLICY, ORGANIZATION to ORGANIZATION, SYSTEM, TECHNOLOGY, CHIP, FACILITY, MODEL. */
  | "SUPPORTS"
  /** suspends (暂停): A policy suspends, rescinds or reverses an earlier one (since = when). From POLICY to POLICY. */
  | "SUSPENDS"
  /** trained on (训练于): A model was trained on these chips or this system. From MODEL to CHIP, SYSTEM. */
  | "TRAINED_ON"
  /** uses (使用): Something needs a technology, chip, system, material or facility (a chip on a process node, a fab on a lithography tool, a lab on a framework). From ORGANIZATION, SYSTEM, MODEL, CHIP, TECHNOLOGY, FACILITY to TECHNOLOGY, CHIP, SYSTEM, MATERIAL, FACILITY, MODEL. */
  | "USES"
  /** works for (任职于): A person works or worked for an organisation, other than leading it. From PERSON to ORGANIZATION. */
  | "WORKS_FOR";

/** How well established a relation is. */
export type Status =
  /** Asserted by a party with a stake; `claimedBy` names who. */
  | "CLAIMED"
  /** Stated by a primary source (the parties, an official rule) or well established. */
  | "CONFIRMED"
  /** Contested by other sources; the note says by whom. */
  | "DISPUTED"
  /** Stated by reputable reporting but not confirmed by the parties. */
  | "REPORTED";

/** A relation someone proposes to add to the seed. */
export type SuggestRelationInput = {
  /** Who claims it (entity ids); required when status is CLAIMED. */
  claimedBy?: Array<string | number> | null | undefined;
  /** Id of the entity the relation starts at (its file gets the relation). */
  from: string | number;
  /** Tells apart two relations of the same type between the same entities. */
  key?: string | null | undefined;
  /** Context, or the figures of a claim. */
  note?: string | null | undefined;
  /** Since when it holds: 2019, 2019-05 or 2019-05-16. */
  since?: string | null | undefined;
  /** At least one source: a source id from the registry, or the url of a registered source. */
  sources: Array<string>;
  /** How sure it is. */
  status?: Status;
  /** Id of the entity the relation points at. */
  to: string | number;
  /** The relation type. */
  type: RelationType;
  /** Until when it held: 2019, 2019-05 or 2019-05-16. */
  until?: string | null | undefined;
};

export type EntityCoreFragment = { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };

export type RelationCoreFragment = {
  id: string;
  type: RelationType;
  status: Status;
  since: string | null;
  until: string | null;
  from: { id: string };
  to: { id: string };
};

export type EntityWithRelationsFragment = {
  id: string;
  kind: EntityKind;
  name: string;
  nameZh: string | null;
  aliases: Array<string>;
  country: string | null;
  relations: Array<{ id: string; type: RelationType; status: Status; since: string | null; until: string | null; from: { id: string }; to: { id: string } }>;
};

export type EntityDetailFragment = {
  description: string | null;
  homepage: string | null;
  wikidata: string | null;
  id: string;
  kind: EntityKind;
  name: string;
  nameZh: string | null;
  aliases: Array<string>;
  country: string | null;
  relations: Array<{
    id: string;
    type: RelationType;
    status: Status;
    since: string | null;
    until: string | null;
    note: string | null;
    from: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
    to: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
    sources: Array<{ id: string; url: string | null; title: string; publisher: string | null; date: string | null; language: string }>;
  }>;
} & { __typename: "Chip" | "Facility" | "Material" | "Metric" | "Model" | "Organization" | "Person" | "Policy" | "System" | "Technology" };

export type ExplorerOntologyQueryVariables = Exact<{ [key: string]: never }>;

export type ExplorerOntologyQuery = {
  ontology: {
    kinds: Array<{
      kind: EntityKind;
      typeName: string;
      label: string;
      labelZh: string;
      colour: string;
      shape: string;
      description: string;
      attributes: Array<{ name: string; type: string }>;
    }>;
    relationTypes: Array<{
      type: RelationType;
      label: string;
      labelZh: string;
      colour: string;
      description: string;
      symmetric: boolean;
      from: Array<EntityKind>;
      to: Array<EntityKind>;
    }>;
  };
  stats: { entities: number; relations: number; sources: number };
};

export type ExplorerSearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
}>;

export type ExplorerSearchQuery = {
  search: Array<{
    score: number;
    entity: { description: string | null; id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
  }>;
};

export type ExplorerNeighborhoodQueryVariables = Exact<{
  id: string | number;
  limit?: number | null | undefined;
  kinds?: Array<EntityKind> | EntityKind | null | undefined;
  relationTypes?: Array<RelationType> | RelationType | null | undefined;
  asOf?: string | null | undefined;
}>;

export type ExplorerNeighborhoodQuery = {
  neighborhood: {
    truncated: boolean;
    nodes: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    edges: Array<{ id: string; type: RelationType; status: Status; since: string | null; until: string | null; from: { id: string }; to: { id: string } }>;
  };
};

export type ExplorerPathsQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  maxHops?: number | null | undefined;
  relationTypes?: Array<RelationType> | RelationType | null | undefined;
  asOf?: string | null | undefined;
}>;

export type ExplorerPathsQuery = {
  paths: Array<{
    length: number;
    nodes: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    edges: Array<{ id: string; type: RelationType; status: Status; since: string | null; until: string | null; from: { id: string }; to: { id: string } }>;
  }>;
};

export type ExplorerSuggestRelationQueryVariables = Exact<{
  input: SuggestRelationInput;
}>;

export type ExplorerSuggestRelationQuery = {
  suggestRelation: {
    valid: boolean;
    relationId: string;
    file: string | null;
    yaml: string;
    editUrl: string | null;
    problems: Array<{ field: string; message: string }>;
  };
};

export class TypedDocumentString<TResult, TVariables> extends String implements DocumentTypeDecoration<TResult, TVariables> {
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>["__apiType"]>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const EntityCoreFragmentDoc = new TypedDocumentString(
  `
    fragment EntityCore on Entity {
  id
  kind
  name
  nameZh
  aliases
  country
}
    `,
  { fragmentName: "EntityCore" },
) as unknown as TypedDocumentString<EntityCoreFragment, unknown>;
export const RelationCoreFragmentDoc = new TypedDocumentString(
  `
    fragment RelationCore on Relation {
  id
  type
  status
  since
  until
  from {
    id
  }
  to {
    id
  }
}
    `,
  { fragmentName: "RelationCore" },
) as unknown as TypedDocumentString<RelationCoreFragment, unknown>;
export const EntityWithRelationsFragmentDoc = new TypedDocumentString(
  `
    fragment EntityWithRelations on Entity {
  ...EntityCore
  relations(direction: BOTH, first: 200) {
    ...RelationCore
  }
}
    fragment EntityCore on Entity {
  id
  kind
  name
  nameZh
  aliases
  country
}
fragment RelationCore on Relation {
  id
  type
  status
  since
  until
  from {
    id
  }
  to {
    id
  }
}`,
  { fragmentName: "EntityWithRelations" },
) as unknown as TypedDocumentString<EntityWithRelationsFragment, unknown>;
export const EntityDetailFragmentDoc = new TypedDocumentString(
  `
    fragment EntityDetail on Entity {
  __typename
  ...EntityCore
  description
  homepage
  wikidata
  relations(direction: BOTH, first: 200) {
    id
    type
    status
    since
    until
    note
    from {
      ...EntityCore
    }
    to {
      ...EntityCore
    }
    sources {
      id
      url
      title
      publisher
      date
      language
    }
  }
}
    fragment EntityCore on Entity {
  id
  kind
  name
  nameZh
  aliases
  country
}`,
  { fragmentName: "EntityDetail" },
) as unknown as TypedDocumentString<EntityDetailFragment, unknown>;
export const ExplorerOntologyDocument = new TypedDocumentString(`
    query ExplorerOntology {
  ontology {
    kinds {
      kind
      typeName
      label
      labelZh
      colour
      shape
      description
      attributes {
        name
        type
      }
    }
    relationTypes {
      type
      label
      labelZh
      colour
      description
      symmetric
      from
      to
    }
  }
  stats {
    entities
    relations
    sources
  }
}
    `) as unknown as TypedDocumentString<ExplorerOntologyQuery, ExplorerOntologyQueryVariables>;
export const ExplorerSearchDocument = new TypedDocumentString(`
    query ExplorerSearch($query: String!, $first: Int) {
  search(query: $query, first: $first) {
    score
    entity {
      ...EntityCore
      description
    }
  }
}
    fragment EntityCore on Entity {
  id
  kind
  name
  nameZh
  aliases
  country
}`) as unknown as TypedDocumentString<ExplorerSearchQuery, ExplorerSearchQueryVariables>;
export const ExplorerNeighborhoodDocument = new TypedDocumentString(`
    query ExplorerNeighborhood($id: ID!, $limit: Int, $kinds: [EntityKind!], $relationTypes: [RelationType!], $asOf: Date) {
  neighborhood(
    id: $id
    depth: 1
    limit: $limit
    kinds: $kinds
    relationTypes: $relationTypes
    asOf: $asOf
  ) {
    truncated
    nodes {
      ...EntityCore
    }
    edges {
      ...RelationCore
    }
  }
}
    fragment EntityCore on Entity {
  id
  kind
  name
  nameZh
  aliases
  country
}
fragment RelationCore on Relation {
  id
  type
  status
  since
  until
  from {
    id
  }
  to {
    id
  }
}`) as unknown as TypedDocumentString<ExplorerNeighborhoodQuery, ExplorerNeighborhoodQueryVariables>;
export const ExplorerPathsDocument = new TypedDocumentString(`
    query ExplorerPaths($from: ID!, $to: ID!, $maxHops: Int, $relationTypes: [RelationType!], $asOf: Date) {
  paths(
    from: $from
    to: $to
    maxHops: $maxHops
    relationTypes: $relationTypes
    asOf: $asOf
    first: 5
  ) {
    length
    nodes {
      ...EntityCore
    }
    edges {
      ...RelationCore
    }
  }
}
    fragment EntityCore on Entity {
  id
  kind
  name
  nameZh
  aliases
  country
}
fragment RelationCore on Relation {
  id
  type
  status
  since
  until
  from {
    id
  }
  to {
    id
  }
}`) as unknown as TypedDocumentString<ExplorerPathsQuery, ExplorerPathsQueryVariables>;
export const ExplorerSuggestRelationDocument = new TypedDocumentString(`
    query ExplorerSuggestRelation($input: SuggestRelationInput!) {
  suggestRelation(input: $input) {
    valid
    problems {
      field
      message
    }
    relationId
    file
    yaml
    editUrl
  }
}
    `) as unknown as TypedDocumentString<ExplorerSuggestRelationQuery, ExplorerSuggestRelationQueryVariables>;
