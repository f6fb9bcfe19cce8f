/**
 * `npm run generate`: rewrites the part of schema.graphql that comes from the ontology (the
 * EntityKind, RelationType and Status enums, the Entity interface and one type per kind with its
 * typed attributes), between the marker comments. tests/unit/api-schema.test.ts fails when the
 * file is stale.
 */
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../config.js";
import { type AttributeType, type KindDef, loadOntology, type Ontology, STATUSES } from "../ontology.js";

export const BEGIN_MARKER = "# BEGIN GENERATED from seed/ontology by `npm run generate`: do not edit by hand";
export const END_MARKER = "# END GENERATED";
export const SCHEMA_FILE = path.join(repoRoot, "schema.graphql");

const STATUS_TEXT: Record<string, string> = {
  confirmed: "Stated by a primary source (the parties, an official rule) or well established.",
  reported: "Stated by reputable reporting but not confirmed by the parties.",
  claimed: "Asserted by a party with a stake; `claimedBy` names who.",
  disputed: "Contested by other sources; the note says by whom.",
};

const SCALAR: Record<AttributeType, string> = {
  string: "String",
  integer: "Int",
  number: "Float",
  boolean: "Boolean",
  date: "Date",
  countries: "[String!]",
  entity: "ID",
};

/** The fields every entity has, in the interface and in each kind's type. */
const BASE_FIELDS = `  "Stable id (a slug such as \`huawei\`), the file name of its seed file."
  id: ID!
  "What sort of entity this is; decides which concrete type it has."
  kind: EntityKind!
  "Name in English."
  name: String!
  "Name in Chinese, if it has one (mandatory for entities from CN, HK and MO)."
  nameZh: String
  "Other names in any language: former names, abbreviations, transliterations."
  aliases: [String!]!
  "Country as an ISO 3166-1 alpha-2 code, e.g. CN, US, TW."
  country: String
  "One or two sentences on what it is."
  description: String
  "Official website."
  homepage: String
  "Wikidata item id (Q...), when checked."
  wikidata: String
  """
  Relations that touch this entity, ordered by type, then the other end's name. Fetched in the
  same database query as the field above it, whatever the nesting.
  """
  relations(
    "OUT: relations from this entity; IN: relations to it; BOTH: either."
    direction: Direction = BOTH
    "Only relations of these types (all types when omitted)."
    types: [RelationType!]
    "Only relations that held on this day (a year or month means its first day); undated relations always hold."
    asOf: Date
    "At most this many relations (1 to 200)."
    first: Int = 50
  ): [Relation!]!`;

function quote(text: string): string {
  return JSON.stringify(text.replace(/\s+/g, " ").trim());
}

function enumBlock(name: string, description: string, values: { name: string; description: string }[]): string {
  return [`${quote(description)}\nenum ${name} {`, ...values.map((v) => `  ${quote(v.description)}\n  ${v.name}`), "}"].join("\n");
}

export function kindTypeName(kind: KindDef): string {
  return kind.neo4jLabel;
}

function kindType(kind: KindDef): string {
  const attributes = kind.attributes.map((a) => {
    const allowed = a.values ? ` One of: ${a.values.join(", ")}.` : "";
    const form = a.type === "date" ? " A partial ISO date." : "";
    return `  ${quote(`${a.description}${allowed}${form}`)}\n  ${a.name}: ${SCALAR[a.type]}`;
  });
  return [
    `${quote(`${kind.label} (${kind.labelZh}, kind ${kind.kind}): ${kind.description}`)}\ntype ${kindTypeName(kind)} implements Entity {`,
    BASE_FIELDS,
    ...attributes,
    "}",
  ].join("\n");
}

function relationAttributesType(ontology: Ontology): string {
  const fields = ontology.relationAttributes.map((a) => {
    const types = ontology.relationTypes.filter((t) => t.attributes.some((x) => x.name === a.name)).map((t) => t.type);
    const form = a.type === "date" ? " A partial ISO date." : a.type === "entity" ? " The id of an entity." : "";
    return `  ${quote(`${a.label} (${a.labelZh}): ${a.description}${form} On ${types.join(", ")}.`)}\n  ${a.name}: ${SCALAR[a.type]}`;
  });
  const body = fields.length > 0 ? fields : [`  "No relation attributes are defined."\n  _empty: Boolean`];
  return [`${quote("The typed attributes of a relation (seed/ontology/relation-attributes.yaml); each is null where the relation has none.")}\ntype RelationAttributes {`, ...body, "}"].join("\n");
}

/** The generated block (markers included) for this ontology. */
export function generatedBlock(ontology: Ontology): string {
  const parts = [
    enumBlock(
      "EntityKind",
      "The kinds of entity in the Atlas (seed/ontology/kinds.yaml).",
      ontology.kinds.map((k) => ({ name: k.kind, description: `${k.label} (${k.labelZh}): ${k.description}` })),
    ),
    enumBlock(
      "RelationType",
      "The types of relation in the Atlas (seed/ontology/relation-types.yaml); each goes from one set of kinds to another.",
      ontology.relationTypes.map((t) => ({
        name: t.type,
        description: `${t.label} (${t.labelZh}): ${t.description} From ${t.from.join(", ")} to ${t.to.join(", ")}.${t.symmetric ? " Symmetric: stored once, either way round." : ""}`,
      })),
    ),
    enumBlock(
      "Status",
      "How well established a relation is.",
      STATUSES.map((s) => ({ name: s.toUpperCase(), description: STATUS_TEXT[s] ?? s })),
    ),
    `"Something in the Atlas: an organisation, person, chip, system, model, technology, policy or figure. Each kind has its own type with typed attributes; ask for them with \`... on Chip { processNode }\`."\ninterface Entity {\n${BASE_FIELDS}\n}`,
    ...ontology.kinds.map(kindType),
    relationAttributesType(ontology),
  ];
  return `${BEGIN_MARKER}\n\n${parts.join("\n\n")}\n\n${END_MARKER}`;
}

/** `schema` with its generated block replaced (or appended when it has none). */
export function generateSchema(schema: string, ontology: Ontology): string {
  const start = schema.indexOf(BEGIN_MARKER);
  const end = schema.indexOf(END_MARKER);
  const block = generatedBlock(ontology);
  if (start === -1 || end === -1 || end < start) return `${schema.trimEnd()}\n\n${block}\n`;
  return `${schema.slice(0, start)}${block}${schema.slice(end + END_MARKER.length)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const before = fs.readFileSync(SCHEMA_FILE, "utf8");
  const after = generateSchema(before, loadOntology());
  if (after === before) console.log("schema.graphql is up to date");
  else {
    fs.writeFileSync(SCHEMA_FILE, after);
    console.log("schema.graphql: regenerated the ontology block");
  }
}
