// biome-ignore-all lint: generated code
/* GENERATED from schema.graphql and web/src/api/documents.graphql by `npm run generate:web`: do not edit by hand. */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };

import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
/** Why an input is cut. */
export type CutCause =
  /** The counterfactual country supplies it. */
  | "COUNTRY"
  /** A restriction in force binds the link. */
  | "RULE"
  /** What it comes from is cut further up the tree. */
  | "UPSTREAM";

/** How a relation type makes one end depend on the other. */
export type DependencyRole =
  /** The dependent needs the other end (all of its inputs). */
  | "INPUT"
  /** The other end is one provider of the dependent (any one provider will do). */
  | "PROVIDER";

/** Which way a relation points, seen from an entity. */
export type Direction =
  /** Relations in either direction. */
  | "BOTH"
  /** Relations that end at the entity. */
  | "IN"
  /** Relations that start at the entity. */
  | "OUT";

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

/** What the graph does not say yet about an entity and a reader would expect (`npm run kg -- gaps` lists them all). */
export type OpenQuestion =
  /** Whom does it target? (它针对谁？) */
  | "CASE_TARGETS_NOBODY"
  /** Who designed it? (由谁设计？) */
  | "CHIP_WITHOUT_DESIGNER"
  /** Which fab makes it? (由哪家晶圆厂制造？) */
  | "CHIP_WITHOUT_MANUFACTURER"
  /** On which process node is it made? (采用哪种制程工艺？) */
  | "CHIP_WITHOUT_PROCESS_NODE"
  /** How is it linked to the rest of the graph? (它与图谱中的其他实体有何关系？) */
  | "ENTITY_WITHOUT_RELATION"
  /** Who runs it? (由谁运营？) */
  | "FACILITY_WITHOUT_OPERATOR"
  /** Who built it? (由谁开发？) */
  | "MODEL_WITHOUT_DEVELOPER"
  /** On which chips or system was it trained? (在哪些芯片或系统上训练？) */
  | "MODEL_WITHOUT_TRAINING_HARDWARE"
  /** What does it restrict? (它限制什么？) */
  | "RULE_RESTRICTS_NOTHING"
  /** To which destinations does it apply? (它适用于哪些目的地？) */
  | "RULE_WITHOUT_DESTINATIONS";

/** One end of a relation. */
export type RelationEnd =
  /** The entity the relation starts at. */
  | "FROM"
  /** The entity the relation ends at. */
  | "TO";

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
  /** enforces (执行): An enforcement action (a charge, penalty, plea or settlement) applies an earlier rule, the one the party is charged with breaching or settled over. From POLICY to POLICY. */
  | "ENFORCES"
  /** exempts (豁免): A licence, waiver or exemption under a policy lets a party or item through a restriction (dated with since/until). From POLICY to ORGANIZATION, CHIP, TECHNOLOGY, SYSTEM, MATERIAL, FACILITY. */
  | "EXEMPTS"
  /** founded (创立): A person founded an organisation. From PERSON to ORGANIZATION. */
  | "FOUNDED"
  /** implements (实施): A rule or regulation puts an earlier policy (an executive order, a law) into effect. From POLICY to POLICY. */
  | "IMPLEMENTS"
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
  /** manufactures (制造): An organisation fabricates, packages or assembles a chip or system (the product depends on its maker; two makers of one product are alternatives). Who makes a material or a tool PRODUCES it. From ORGANIZATION to CHIP, SYSTEM. */
  | "MANUFACTURES"
  /** measures (衡量): A figure describes something (Huawei's R&D spending measures Huawei). From METRIC to ORGANIZATION, CHIP, SYSTEM, MODEL, TECHNOLOGY, POLICY, MATERIAL, FACILITY. */
  | "MEASURES"
  /** member of (成员): An organisation belongs to a consortium, alliance or standards body. From ORGANIZATION to ORGANIZATION. */
  | "MEMBER_OF"
  /** operates (运营): An organisation runs a system, cluster, plant or data centre. The facility needs its operator (any one of joint operators); running one's own plant is no trade, so no rule or country stop cuts it. From ORGANIZATION to SYSTEM, FACILITY. */
  | "OPERATES"
  /** partners with (合作): Two organisations have a declared partnership. From ORGANIZATION to ORGANIZATION. Symmetric: stored once, either way round. */
  | "PARTNERS_WITH"
  /** powered by (供电): A facility or system draws its power from a utility or power plant (any one of its suppliers will do). From FACILITY, SYSTEM to ORGANIZATION, FACILITY. */
  | "POWERED_BY"
  /** produces (生产): An organisation makes and sells an input of the chip industry: equipment, EDA software, IP, a material or wafers (the input depends on its producers; any one will do). Who fabricates a chip or system MANUFACTURES it. From ORGANIZATION, FACILITY to TECHNOLOGY, MATERIAL. */
  | "PRODUCES"
  /** provides compute to (提供算力): An organisation or system provides computing capacity to an organisation or for a model. From ORGANIZATION, SYSTEM, FACILITY to ORGANIZATION, MODEL. */
  | "PROVIDES_COMPUTE_TO"
  /** reported by (发布者): A figure was published or estimated by an organisation or person. From METRIC to ORGANIZATION, PERSON. */
  | "REPORTED_BY"
  /** responds to (回应): A policy, organisation or product is a countermeasure to a policy. From POLICY, ORGANIZATION, CHIP, TECHNOLOGY, MODEL, SYSTEM to POLICY. */
  | "RESPONDS_TO"
  /** restricts (限制): A policy restricts trade in an item (chip, technology, material, system, model) to the destinations it names, or dealings with a listed party (organisation, facility). From POLICY to ORGANIZATION, CHIP, TECHNOLOGY, SYSTEM, MODEL, MATERIAL, FACILITY. */
  | "RESTRICTS"
  /** runs on (运行于): Software (a framework, compiler or software stack) runs on or targets a chip or system. No dependency: the software does not need any one chip to exist (the chip's USES of the software says what the chip needs). From TECHNOLOGY to CHIP, SYSTEM. */
  | "RUNS_ON"
  /** subsidiary of (子公司): An organisation is owned or controlled by another. From ORGANIZATION to ORGANIZATION. */
  | "SUBSIDIARY_OF"
  /** succeeds (继任): A chip, model, system or technology is the successor of another. From CHIP, MODEL, SYSTEM, TECHNOLOGY, POLICY to CHIP, MODEL, SYSTEM, TECHNOLOGY, POLICY. */
  | "SUCCEEDS"
  /** supplies (供应): An organisation supplies products or services to a customer; `item` names what (the customer depends on its suppliers of each item; two suppliers of one item are alternatives; a supplier with no item named stands alone). From ORGANIZATION to ORGANIZATION, FACILITY. */
  | "SUPPLIES"
  /** supports (支持): A programme, policy or organisation funds, backs or enables something (e.g. a national programme backing data centres, a sponsor giving a project compute, a chip maker publishing the code that runs a model on its chips). From POLICY, ORGANIZATION to ORGANIZATION, SYSTEM, TECHNOLOGY, CHIP, FACILITY, MODEL. */
  | "SUPPORTS"
  /** suspends (暂停): A policy suspends, rescinds or reverses an earlier one (since = when; until = when a suspension for a term ended). While it holds, the analysis applies neither the restrictions nor the exemptions of the policy it suspends. From POLICY to POLICY. */
  | "SUSPENDS"
  /** targets (针对): An investigation, an enforcement action (a probe, charge, indictment, penalty, plea or settlement) or an order on ownership names a party: the company investigated, the defendant, the firm that settled, the buyer an order bars from a purchase or makes sell. It cuts nothing in the dependency analysis (a listing or denial order that cuts supply is RESTRICTS). Charges not yet proven are allegations: the note says so. From POLICY to ORGANIZATION, PERSON. */
  | "TARGETS"
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

/** A quote for a suggested relation: its language is the quoted source's. */
export type SuggestQuoteInput = {
  /** Which of the relation's sources it is from (an id or the url of a registered source); the first when omitted. */
  source?: string | null | undefined;
  /** The source's words, as written (at most 300 characters). */
  text: string;
  /** Into English from Chinese; into Chinese from any other language. */
  translation: string;
};

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
  /** The note in Chinese. */
  noteZh?: string | null | undefined;
  /** The words of a cited source that state it (required when status is CLAIMED or DISPUTED). */
  quote?: SuggestQuoteInput | null | undefined;
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
  descriptionZh: string | null;
  homepage: string | null;
  wikidata: string | null;
  openQuestions: Array<OpenQuestion>;
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
    noteZh: string | null;
    checkedOn: string | null;
    quotes: Array<{ text: string; language: string; translation: string; source: { id: string; title: string; url: string | null } }>;
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
      finished: boolean;
      description: string;
      attributes: Array<{
        name: string;
        type: string;
        label: string;
        labelZh: string;
        valueLabels: Array<{ value: string; label: string; labelZh: string }> | null;
      }>;
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
      restriction: boolean;
      dependency: { dependent: RelationEnd; role: DependencyRole } | null;
    }>;
    openQuestions: Array<{ question: OpenQuestion; label: string; labelZh: string; answer: { type: RelationType | null; end: RelationEnd } | null }>;
  };
  stats: { entities: number; relations: number; sources: number };
};

export type ExplorerOpenQuestionCountsQueryVariables = Exact<{ [key: string]: never }>;

export type ExplorerOpenQuestionCountsQuery = { stats: { byOpenQuestion: Array<{ question: OpenQuestion; count: number }> } };

export type ExplorerAskingQueryVariables = Exact<{
  question: OpenQuestion;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ExplorerAskingQuery = {
  entities: {
    totalCount: number;
    nodes: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ExplorerSearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
}>;

export type ExplorerSearchQuery = {
  search: Array<{
    score: number;
    entity: {
      description: string | null;
      descriptionZh: string | null;
      id: string;
      kind: EntityKind;
      name: string;
      nameZh: string | null;
      aliases: Array<string>;
      country: string | null;
    };
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
    problems: Array<{ field: string; message: string; code: string; params: Array<{ name: string; value: string }> }>;
  };
};

export type AnalysisEntityFragment = { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };

export type AnalysisRelationFragment = {
  note: string | null;
  id: string;
  type: RelationType;
  status: Status;
  since: string | null;
  until: string | null;
  attributes: { part: string | null };
  from: { id: string };
  to: { id: string };
};

export type ExplorerDependenciesQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
  depth?: number | null | undefined;
}>;

export type ExplorerDependenciesQuery = {
  dependencies: {
    truncated: boolean;
    root: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
    nodes: Array<{
      openQuestions: Array<OpenQuestion>;
      id: string;
      kind: EntityKind;
      name: string;
      nameZh: string | null;
      aliases: Array<string>;
      country: string | null;
    }>;
    edges: Array<{
      note: string | null;
      id: string;
      type: RelationType;
      status: Status;
      since: string | null;
      until: string | null;
      attributes: { part: string | null };
      from: { id: string };
      to: { id: string };
    }>;
    inputs: Array<{
      relationType: RelationType;
      dependent: { id: string };
      item: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
      providers: Array<{
        share: number | null;
        shareAsOf: string | null;
        entity: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
        relation: { id: string; status: Status } | null;
      }>;
    }>;
  };
};

export type CutInputRowFragment = {
  cut: boolean;
  cause: CutCause;
  country: string | null;
  countries: Array<string>;
  since: string | null;
  relationType: RelationType;
  dependent: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
  input: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
  rules: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
  reachedThrough: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
  path: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
  providers: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
  providersLeft: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
  relations: Array<{ id: string }>;
};

export type ExplorerExposureQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
  countries?: Array<string> | string | null | undefined;
}>;

export type ExplorerExposureQuery = {
  exposure: Array<{
    cut: boolean;
    cause: CutCause;
    country: string | null;
    countries: Array<string>;
    since: string | null;
    relationType: RelationType;
    dependent: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
    input: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
    rules: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    reachedThrough: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    path: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    providers: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    providersLeft: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    relations: Array<{ id: string }>;
  }>;
};

export type ExplorerChokepointsQueryVariables = Exact<{
  scope?: string | number | null | undefined;
  asOf?: string | null | undefined;
}>;

export type ExplorerChokepointsQuery = {
  chokepoints: Array<{
    relationType: RelationType;
    score: number;
    dependents: number;
    leftWithout: number;
    countries: Array<string>;
    input: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
    providers: Array<{
      share: number | null;
      entity: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
    }>;
  }>;
};

export type ExplorerLossQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;

export type ExplorerLossQuery = {
  loss: {
    total: number;
    failing: number;
    leftWithout: Array<{
      distance: number;
      fails: boolean;
      entity: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
      path: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    }>;
  };
};

export type ExplorerImpactQueryVariables = Exact<{
  policy: string | number;
  alongside?: Array<string | number> | string | number | null | undefined;
  asOf?: string | null | undefined;
}>;

export type ExplorerImpactQuery = {
  impact: {
    truncated: boolean;
    policy:
      | { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }
      | {
          licensing: string | null;
          direction: string | null;
          id: string;
          kind: EntityKind;
          name: string;
          nameZh: string | null;
          aliases: Array<string>;
          country: string | null;
        };
    alongside: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    overlapping: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    suspendedBy: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    restricted: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    caseByCase: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    cuts: Array<{
      cut: boolean;
      cause: CutCause;
      country: string | null;
      countries: Array<string>;
      since: string | null;
      relationType: RelationType;
      dependent: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
      input: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
      rules: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      reachedThrough: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      path: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      providers: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      providersLeft: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      relations: Array<{ id: string }>;
    }>;
    affected: Array<{
      distance: number;
      entity: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
      path: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
    }>;
  };
};

export type ExplorerCompareQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;

export type ExplorerCompareQuery = {
  compare: {
    entities: Array<{
      entity: { description: string | null; id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
      figures: Array<{
        metric:
          | { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }
          | {
              value: number | null;
              unit: string | null;
              measure: string | null;
              asOf: string | null;
              id: string;
              kind: EntityKind;
              name: string;
              nameZh: string | null;
              aliases: Array<string>;
              country: string | null;
            };
        relation: { id: string; status: Status; since: string | null; note: string | null };
        reportedBy: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      }>;
      relations: Array<{ id: string; type: RelationType; status: Status; from: { id: string }; to: { id: string } }>;
    }>;
    shared: Array<{
      relationType: RelationType;
      direction: Direction;
      other: { id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
      entities: Array<{ id: string }>;
      missing: Array<{ id: string }>;
    }>;
  };
};

export type ExplorerMapQueryVariables = Exact<{ [key: string]: never }>;

export type ExplorerMapQuery = {
  map: {
    version: string | null;
    nodes: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; country: string | null; x: number; y: number }>;
    edges: Array<{ type: RelationType; from: string; to: string; status: Status }>;
    rows: Array<{ id: string; label: string; labelZh: string; x: number; y: number; width: number; height: number }>;
    columns: Array<{ id: string; label: string; labelZh: string; x: number; y: number; width: number; height: number }>;
  };
};

export type MapBandFieldsFragment = { id: string; label: string; labelZh: string; x: number; y: number; width: number; height: number };

export type ExplorerTimelineQueryVariables = Exact<{ [key: string]: never }>;

export type ExplorerTimelineQuery = {
  timeline: {
    totalCount: number;
    events: Array<{
      date: string | null;
      policy: { policyType: string | null; id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null };
      restricts: {
        totalCount: number;
        entities: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      };
      exempts: {
        totalCount: number;
        entities: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      };
      amends: {
        totalCount: number;
        entities: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      };
      respondsTo: {
        totalCount: number;
        entities: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      };
      answeredBy: {
        totalCount: number;
        entities: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      };
      suspendedBy: {
        totalCount: number;
        entities: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
      };
    }>;
  };
};

export type TimelineNamesFragment = {
  totalCount: number;
  entities: Array<{ id: string; kind: EntityKind; name: string; nameZh: string | null; aliases: Array<string>; country: string | null }>;
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
  descriptionZh
  homepage
  wikidata
  openQuestions
  relations(direction: BOTH, first: 200) {
    id
    type
    status
    since
    until
    note
    noteZh
    checkedOn
    quotes {
      text
      language
      translation
      source {
        id
        title
        url
      }
    }
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
export const AnalysisRelationFragmentDoc = new TypedDocumentString(
  `
    fragment AnalysisRelation on Relation {
  ...RelationCore
  note
  attributes {
    part
  }
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
  { fragmentName: "AnalysisRelation" },
) as unknown as TypedDocumentString<AnalysisRelationFragment, unknown>;
export const AnalysisEntityFragmentDoc = new TypedDocumentString(
  `
    fragment AnalysisEntity on Entity {
  ...EntityCore
}
    fragment EntityCore on Entity {
  id
  kind
  name
  nameZh
  aliases
  country
}`,
  { fragmentName: "AnalysisEntity" },
) as unknown as TypedDocumentString<AnalysisEntityFragment, unknown>;
export const CutInputRowFragmentDoc = new TypedDocumentString(
  `
    fragment CutInputRow on CutInput {
  cut
  cause
  country
  countries
  since
  relationType
  dependent {
    ...AnalysisEntity
  }
  input {
    ...AnalysisEntity
  }
  rules {
    ...AnalysisEntity
  }
  reachedThrough {
    ...AnalysisEntity
  }
  path {
    ...AnalysisEntity
  }
  providers {
    ...AnalysisEntity
  }
  providersLeft {
    ...AnalysisEntity
  }
  relations {
    id
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
fragment AnalysisEntity on Entity {
  ...EntityCore
}`,
  { fragmentName: "CutInputRow" },
) as unknown as TypedDocumentString<CutInputRowFragment, unknown>;
export const MapBandFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment MapBandFields on MapBand {
  id
  label
  labelZh
  x
  y
  width
  height
}
    `,
  { fragmentName: "MapBandFields" },
) as unknown as TypedDocumentString<MapBandFieldsFragment, unknown>;
export const TimelineNamesFragmentDoc = new TypedDocumentString(
  `
    fragment TimelineNames on NamedEntities {
  totalCount
  entities {
    ...EntityCore
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
  { fragmentName: "TimelineNames" },
) as unknown as TypedDocumentString<TimelineNamesFragment, unknown>;
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
      finished
      description
      attributes {
        name
        type
        label
        labelZh
        valueLabels {
          value
          label
          labelZh
        }
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
      restriction
      dependency {
        dependent
        role
      }
    }
    openQuestions {
      question
      label
      labelZh
      answer {
        type
        end
      }
    }
  }
  stats {
    entities
    relations
    sources
  }
}
    `) as unknown as TypedDocumentString<ExplorerOntologyQuery, ExplorerOntologyQueryVariables>;
export const ExplorerOpenQuestionCountsDocument = new TypedDocumentString(`
    query ExplorerOpenQuestionCounts {
  stats {
    byOpenQuestion {
      question
      count
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerOpenQuestionCountsQuery, ExplorerOpenQuestionCountsQueryVariables>;
export const ExplorerAskingDocument = new TypedDocumentString(`
    query ExplorerAsking($question: OpenQuestion!, $first: Int, $after: String) {
  entities(openQuestions: [$question], first: $first, after: $after) {
    totalCount
    nodes {
      ...EntityCore
    }
    pageInfo {
      hasNextPage
      endCursor
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
}`) as unknown as TypedDocumentString<ExplorerAskingQuery, ExplorerAskingQueryVariables>;
export const ExplorerSearchDocument = new TypedDocumentString(`
    query ExplorerSearch($query: String!, $first: Int) {
  search(query: $query, first: $first) {
    score
    entity {
      ...EntityCore
      description
      descriptionZh
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
      code
      params {
        name
        value
      }
    }
    relationId
    file
    yaml
    editUrl
  }
}
    `) as unknown as TypedDocumentString<ExplorerSuggestRelationQuery, ExplorerSuggestRelationQueryVariables>;
export const ExplorerDependenciesDocument = new TypedDocumentString(`
    query ExplorerDependencies($id: ID!, $asOf: Date, $depth: Int) {
  dependencies(id: $id, asOf: $asOf, depth: $depth, first: 300) {
    truncated
    root {
      ...AnalysisEntity
    }
    nodes {
      ...AnalysisEntity
      openQuestions
    }
    edges {
      ...AnalysisRelation
    }
    inputs {
      relationType
      dependent {
        id
      }
      item {
        ...AnalysisEntity
      }
      providers {
        share
        shareAsOf
        entity {
          ...AnalysisEntity
        }
        relation {
          id
          status
        }
      }
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
}
fragment AnalysisEntity on Entity {
  ...EntityCore
}
fragment AnalysisRelation on Relation {
  ...RelationCore
  note
  attributes {
    part
  }
}`) as unknown as TypedDocumentString<ExplorerDependenciesQuery, ExplorerDependenciesQueryVariables>;
export const ExplorerExposureDocument = new TypedDocumentString(`
    query ExplorerExposure($id: ID!, $asOf: Date, $countries: [String!]) {
  exposure(id: $id, asOf: $asOf, countries: $countries) {
    ...CutInputRow
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
fragment AnalysisEntity on Entity {
  ...EntityCore
}
fragment CutInputRow on CutInput {
  cut
  cause
  country
  countries
  since
  relationType
  dependent {
    ...AnalysisEntity
  }
  input {
    ...AnalysisEntity
  }
  rules {
    ...AnalysisEntity
  }
  reachedThrough {
    ...AnalysisEntity
  }
  path {
    ...AnalysisEntity
  }
  providers {
    ...AnalysisEntity
  }
  providersLeft {
    ...AnalysisEntity
  }
  relations {
    id
  }
}`) as unknown as TypedDocumentString<ExplorerExposureQuery, ExplorerExposureQueryVariables>;
export const ExplorerChokepointsDocument = new TypedDocumentString(`
    query ExplorerChokepoints($scope: ID, $asOf: Date) {
  chokepoints(scope: $scope, asOf: $asOf, first: 20) {
    relationType
    score
    dependents
    leftWithout
    countries
    input {
      ...AnalysisEntity
    }
    providers {
      share
      entity {
        ...AnalysisEntity
      }
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
fragment AnalysisEntity on Entity {
  ...EntityCore
}`) as unknown as TypedDocumentString<ExplorerChokepointsQuery, ExplorerChokepointsQueryVariables>;
export const ExplorerLossDocument = new TypedDocumentString(`
    query ExplorerLoss($id: ID!, $asOf: Date) {
  loss(id: $id, asOf: $asOf, first: 200) {
    total
    failing
    leftWithout {
      distance
      fails
      entity {
        ...AnalysisEntity
      }
      path {
        ...AnalysisEntity
      }
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
fragment AnalysisEntity on Entity {
  ...EntityCore
}`) as unknown as TypedDocumentString<ExplorerLossQuery, ExplorerLossQueryVariables>;
export const ExplorerImpactDocument = new TypedDocumentString(`
    query ExplorerImpact($policy: ID!, $alongside: [ID!], $asOf: Date) {
  impact(policy: $policy, alongside: $alongside, asOf: $asOf, first: 200) {
    truncated
    policy {
      ...AnalysisEntity
      ... on Policy {
        licensing
        direction
      }
    }
    alongside {
      ...AnalysisEntity
    }
    overlapping {
      ...AnalysisEntity
    }
    suspendedBy {
      ...AnalysisEntity
    }
    restricted {
      ...AnalysisEntity
    }
    caseByCase {
      ...AnalysisEntity
    }
    cuts {
      ...CutInputRow
    }
    affected {
      distance
      entity {
        ...AnalysisEntity
      }
      path {
        ...AnalysisEntity
      }
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
fragment AnalysisEntity on Entity {
  ...EntityCore
}
fragment CutInputRow on CutInput {
  cut
  cause
  country
  countries
  since
  relationType
  dependent {
    ...AnalysisEntity
  }
  input {
    ...AnalysisEntity
  }
  rules {
    ...AnalysisEntity
  }
  reachedThrough {
    ...AnalysisEntity
  }
  path {
    ...AnalysisEntity
  }
  providers {
    ...AnalysisEntity
  }
  providersLeft {
    ...AnalysisEntity
  }
  relations {
    id
  }
}`) as unknown as TypedDocumentString<ExplorerImpactQuery, ExplorerImpactQueryVariables>;
export const ExplorerCompareDocument = new TypedDocumentString(`
    query ExplorerCompare($ids: [ID!]!) {
  compare(ids: $ids) {
    entities {
      entity {
        ...AnalysisEntity
        description
      }
      figures {
        metric {
          ...AnalysisEntity
          ... on Metric {
            value
            unit
            measure
            asOf
          }
        }
        relation {
          id
          status
          since
          note
        }
        reportedBy {
          ...AnalysisEntity
        }
      }
      relations {
        id
        type
        status
        from {
          id
        }
        to {
          id
        }
      }
    }
    shared {
      relationType
      direction
      other {
        ...AnalysisEntity
      }
      entities {
        id
      }
      missing {
        id
      }
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
fragment AnalysisEntity on Entity {
  ...EntityCore
}`) as unknown as TypedDocumentString<ExplorerCompareQuery, ExplorerCompareQueryVariables>;
export const ExplorerMapDocument = new TypedDocumentString(`
    query ExplorerMap {
  map {
    version
    nodes {
      id
      kind
      name
      nameZh
      country
      x
      y
    }
    edges {
      type
      from
      to
      status
    }
    rows {
      ...MapBandFields
    }
    columns {
      ...MapBandFields
    }
  }
}
    fragment MapBandFields on MapBand {
  id
  label
  labelZh
  x
  y
  width
  height
}`) as unknown as TypedDocumentString<ExplorerMapQuery, ExplorerMapQueryVariables>;
export const ExplorerTimelineDocument = new TypedDocumentString(`
    query ExplorerTimeline {
  timeline(first: 500, names: 4) {
    totalCount
    events {
      date
      policy {
        ...EntityCore
        policyType
      }
      restricts {
        ...TimelineNames
      }
      exempts {
        ...TimelineNames
      }
      amends {
        ...TimelineNames
      }
      respondsTo {
        ...TimelineNames
      }
      answeredBy {
        ...TimelineNames
      }
      suspendedBy {
        ...TimelineNames
      }
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
fragment TimelineNames on NamedEntities {
  totalCount
  entities {
    ...EntityCore
  }
}`) as unknown as TypedDocumentString<ExplorerTimelineQuery, ExplorerTimelineQueryVariables>;
