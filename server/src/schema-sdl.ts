/**
 * The SDL that comes from the ontology: the EntityKind, RelationType and Status enums, the Entity
 * interface and one type per kind, Relation, Source, RelationAttributes and Quote, between the
 * marker comments of schema.graphql. `npm run generate` writes it into the file; the server builds
 * its schema with it from the ontology it loaded, so a reload with a changed ontology serves it.
 */
import { type FieldDef, type FieldType, QUOTE_MAX_LENGTH, type RecordName } from "./core/fields.js";
import { type AttributeType, type KindDef, kindTypeName, type Ontology } from "./ontology.js";
import { OPEN_QUESTIONS } from "./seed/gaps.js";

/** An open question's GraphQL enum value: "chip-without-manufacturer" -> CHIP_WITHOUT_MANUFACTURER. */
export const openQuestionEnum = (code: string) => code.replace(/-/g, "_").toUpperCase();

export const BEGIN_MARKER = "# BEGIN GENERATED from seed/ontology by `npm run generate`: do not edit by hand";
export const END_MARKER = "# END GENERATED";

const SCALAR: Record<AttributeType, string> = {
  string: "String",
  integer: "Int",
  number: "Float",
  boolean: "Boolean",
  date: "Date",
  countries: "[String!]",
  entity: "ID",
};

/** The GraphQL type of a base field when fields.yaml names none (lists are never null). */
const FIELD_SCALAR: Record<FieldType, string | undefined> = {
  slug: "ID",
  kind: "EntityKind",
  "relation-type": "RelationType",
  text: "String",
  "chinese-text": "String",
  "text-list": "[String!]!",
  "slug-list": "[ID!]!",
  country: "String",
  url: "String",
  "wikidata-id": "String",
  date: "Date",
  status: "Status",
  language: "String",
  attributes: undefined,
  relations: "[Relation!]!",
  quotes: "[Quote!]!",
};

/** Arguments of the API's list fields: API design, not part of the model. */
const ARGUMENTS: Record<string, string> = {
  "entity.relations": `(
    "OUT: relations from this entity; IN: relations to it; BOTH: either."
    direction: Direction = BOTH
    "Only relations of these types (all types when omitted)."
    types: [RelationType!]
    "Only relations that held on this day (a year or month means its first day); undated relations always hold."
    asOf: Date
    "At most this many relations (1 to 200)."
    first: Int = 50
  )`,
  "source.relations": `("At most this many relations, 1 to 200." first: Int = 50)`,
};

const TYPE_DESCRIPTION: Record<"relation" | "source", { name: string; description: string }> = {
  relation: { name: "Relation", description: "A typed, dated and sourced link between two entities." },
  source: { name: "Source", description: "A published source (article, rule, filing, page) that relations cite." },
};

/** The type of a relation's `quotes` (fields.yaml type `quotes`; its record is QuoteRecord in core/fields.ts). */
const QUOTE_TYPE = `"A sentence of a cited source that states a relation, in the source's own words, with a translation."
type Quote {
  "The words of the source, in its language (at most ${QUOTE_MAX_LENGTH} characters)."
  text: String!
  "The language of the text (ISO 639-1: en, zh, ja...): the language of the source quoted."
  language: String!
  "The text translated: into English from Chinese, into Chinese from any other language."
  translation: String!
  "The source quoted: one of the sources the relation cites."
  source: Source!
}`;

/** The SDL of a record's base fields, as fields of an object type or interface. */
function fieldsSdl(record: RecordName, fields: readonly FieldDef[]): string {
  const lines: string[] = [];
  for (const f of fields) {
    if (f.graphql === false) continue;
    const type = f.graphql.type ?? FIELD_SCALAR[f.type];
    if (!type) throw new Error(`seed/ontology/fields.yaml: ${record}.${f.name} (${f.type}) needs \`graphql: {type: ...}\` or \`graphql: false\``);
    const nonNull = f.required && !type.endsWith("!") ? "!" : "";
    lines.push(`  ${quote(f.graphql.description ?? f.description)}\n  ${f.name}${ARGUMENTS[`${record}.${f.name}`] ?? ""}: ${type}${nonNull}`);
  }
  return lines.join("\n");
}

function quote(text: string): string {
  return JSON.stringify(text.replace(/\s+/g, " ").trim());
}

function enumBlock(name: string, description: string, values: { name: string; description: string }[]): string {
  return [`${quote(description)}\nenum ${name} {`, ...values.map((v) => `  ${quote(v.description)}\n  ${v.name}`), "}"].join("\n");
}

function kindType(kind: KindDef, baseFields: string): string {
  const attributes = kind.attributes.map((a) => {
    const allowed = a.values ? ` One of: ${a.values.join(", ")}.` : "";
    const form = a.type === "date" ? " A partial ISO date." : "";
    return `  ${quote(`${a.description}${allowed}${form}`)}\n  ${a.name}: ${SCALAR[a.type]}`;
  });
  return [
    `${quote(`${kind.label} (${kind.labelZh}, kind ${kind.kind}): ${kind.description}`)}\ntype ${kindTypeName(kind)} implements Entity {`,
    baseFields,
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
  return [
    `${quote("The typed attributes of a relation (seed/ontology/relation-attributes.yaml); each is null where the relation has none.")}\ntype RelationAttributes {`,
    ...body,
    "}",
  ].join("\n");
}

/** The generated block (markers included) for this ontology. */
export function generatedBlock(ontology: Ontology): string {
  const entityFields = fieldsSdl("entity", ontology.fields.entity);
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
      ontology.statuses.map((s) => ({ name: s.name.toUpperCase(), description: s.description })),
    ),
    enumBlock(
      "OpenQuestion",
      "What the graph does not say yet about an entity and a reader would expect (`npm run kg -- gaps` lists them all).",
      Object.entries(OPEN_QUESTIONS).map(([code, q]) => ({ name: openQuestionEnum(code), description: `${q.label} (${q.labelZh})` })),
    ),
    `"Something in the Atlas: an organisation, person, chip, system, model, technology, policy or figure. Each kind has its own type with typed attributes; ask for them with \`... on Chip { processNode }\`."\ninterface Entity {\n${entityFields}\n}`,
    ...ontology.kinds.map((k) => kindType(k, entityFields)),
    ...(["relation", "source"] as const).map(
      (r) => `${quote(TYPE_DESCRIPTION[r].description)}\ntype ${TYPE_DESCRIPTION[r].name} {\n${fieldsSdl(r, ontology.fields[r])}\n}`,
    ),
    relationAttributesType(ontology),
    QUOTE_TYPE,
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
