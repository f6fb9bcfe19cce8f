/**
 * Loads the ontology (seed/ontology/*.yaml) and checks the ontology itself. Everything that
 * needs kinds, relation types, labels or colours imports them from here.
 */
import fs from "node:fs";
import path from "node:path";
import YAML, { LineCounter } from "yaml";
import { repoRoot } from "./config.js";
import type { BaseFields, StatusDef } from "./core/fields.js";
import { FIELDS, STATUS_DEFS } from "./core/model.generated.js";
import { parseAnalysisMeaning } from "./ontology-analysis.js";
import { KIND_ATTRIBUTE_TYPES, parseAttribute, parseRelationAttributes } from "./ontology-attributes.js";
import { parseFields, type Raw, reservedNames, str } from "./ontology-fields.js";
import { YAML_OPTIONS, yamlErrorText } from "./yaml-errors.js";

export type { BaseFields, FieldDef, StatusDef } from "./core/fields.js";
export { STATUSES, type Status } from "./core/model.generated.js";

export type AttributeType = "string" | "integer" | "number" | "boolean" | "date" | "countries" | "entity";

/** One allowed value of an enumerated attribute, with what a reader sees in each language. */
export interface AttributeValueDef {
  value: string;
  label: string;
  labelZh: string;
}

export interface AttributeDef {
  name: string;
  type: AttributeType;
  label: string;
  labelZh: string;
  /** For an enumerated string: the allowed values, in definition order. */
  values?: string[];
  /** The same values with their en/zh labels. */
  valueLabels?: AttributeValueDef[];
  description: string;
}

export interface KindDef {
  kind: string;
  label: string;
  labelZh: string;
  description: string;
  colour: string;
  shape: string;
  /** Made once (a trained model): the dependency analysis never cuts its own links. */
  finished: boolean;
  /** The Neo4j label for this kind, e.g. "Chip" for CHIP. */
  neo4jLabel: string;
  /** Folder under seed/entities/ holding this kind's files, e.g. "chip". */
  folder: string;
  attributes: AttributeDef[];
}

export type RelationAttributeDef = AttributeDef;

/**
 * What a relation says about dependence: `dependent` is the end that depends on the other.
 * `input`: the dependent needs the other end (a thing needs all of its inputs).
 * `provider`: the other end can provide the dependent; relations of one type (and one `item`)
 * into the same dependent are alternatives, any one of which will do. `internal`: see below.
 */
export interface DependencyDef {
  dependent: "from" | "to";
  role: "input" | "provider";
  /**
   * A provider that runs the dependent itself (an operator and its own plant): no trade, so no
   * rule or country stop cuts the link; the dependent falls only when the provider is lost.
   */
  internal: boolean;
}

export interface RelationTypeDef {
  type: string;
  label: string;
  labelZh: string;
  description: string;
  from: string[];
  to: string[];
  colour: string;
  symmetric: boolean;
  /** Undefined: the relation says nothing about dependence. */
  dependency?: DependencyDef;
  /** Restriction types (RESTRICTS) cut supply; the analysis reads them. */
  restriction: boolean;
  /**
   * For a restriction type: the policy types (POLICY's `policyType`) under which naming an
   * organisation, facility or person cuts supplies to it; other policies that name a party (a
   * procurement or investment ban) cut nothing in the analysis. Undefined: every policy type.
   */
  partyPolicyTypes?: string[];
  /** Exemption types (EXEMPTS) lift restrictions for their target. */
  exemption: boolean;
  /**
   * Suspension types (SUSPENDS): while one holds, the suspended policy's restrictions and
   * exemptions do not (a rule suspended for a year, a licence regime revoked).
   */
  suspension: boolean;
  /** Typed fields a relation of this type may carry, from relation-attributes.yaml. */
  attributes: RelationAttributeDef[];
  /** Its relations name what flows (`item`): providers are alternatives only for the same item. */
  namesItem: boolean;
}

export interface Ontology {
  kinds: KindDef[];
  relationTypes: RelationTypeDef[];
  /** Every relation attribute, in definition order (relation-attributes.yaml). */
  relationAttributes: RelationAttributeDef[];
  /** The base fields of an entity, a relation and a source (fields.yaml), in canonical order. */
  fields: BaseFields;
  /** The statuses a relation can have (fields.yaml). */
  statuses: StatusDef[];
  kind(name: string): KindDef | undefined;
  relationType(name: string): RelationTypeDef | undefined;
  /** The allowed values of a kind's enumerated attribute, in definition order (none if it has no such attribute). */
  values(kind: string, attribute: string): string[];
}

/** The allowed values of one of a kind's enumerated attributes, in definition order. */
function valuesOf(kind: KindDef | undefined, attribute: string): string[] {
  return kind?.attributes.find((a) => a.name === attribute)?.values ?? [];
}

export class OntologyError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The ontology in seed/ontology is invalid:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "OntologyError";
  }
}

const NAME = /^[A-Z][A-Z_]*[A-Z]$/;
const COLOUR = /^#[0-9a-f]{6}$/;
const SHAPES = new Set([
  "ellipse",
  "triangle",
  "round-triangle",
  "rectangle",
  "round-rectangle",
  "bottom-round-rectangle",
  "cut-rectangle",
  "barrel",
  "rhomboid",
  "diamond",
  "round-diamond",
  "pentagon",
  "round-pentagon",
  "hexagon",
  "round-hexagon",
  "concave-hexagon",
  "heptagon",
  "round-heptagon",
  "octagon",
  "round-octagon",
  "star",
  "tag",
  "round-tag",
  "vee",
]);

function pascal(kind: string): string {
  return kind
    .toLowerCase()
    .split("_")
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join("");
}

/** The GraphQL type of entities of this kind, e.g. `Chip`. */
export function kindTypeName(kind: KindDef): string {
  return kind.neo4jLabel;
}

export function parseOntology(
  kindsRaw: unknown,
  typesRaw: unknown,
  files = { kinds: "kinds.yaml", types: "relation-types.yaml", attributes: "relation-attributes.yaml" },
  relationAttributesRaw?: unknown,
  /** fields.yaml; when absent, the project's (as last generated into core/model.generated.ts). */
  fieldsRaw?: unknown,
  fieldsFile = "fields.yaml",
): Ontology {
  const problems: string[] = [];
  const { fields, statuses } =
    fieldsRaw === undefined ? { fields: FIELDS as BaseFields, statuses: [...STATUS_DEFS] } : parseFields(fieldsRaw, fieldsFile, problems);
  const relationAttributes = parseRelationAttributes(relationAttributesRaw, files.attributes, problems, reservedNames(fields.relation));
  const reservedEntityNames = reservedNames(fields.entity);
  const attributeByName = new Map(relationAttributes.map((a) => [a.name, a]));
  const kinds: KindDef[] = [];
  if (!Array.isArray(kindsRaw)) throw new OntologyError([`${files.kinds}: must be a list of kinds`]);
  if (!Array.isArray(typesRaw)) throw new OntologyError([`${files.types}: must be a list of relation types`]);
  const seenLabels = new Map<string, string>();
  for (const [i, entry] of kindsRaw.entries()) {
    const raw = (entry ?? {}) as Raw;
    const where = `${files.kinds}[${i}]${typeof raw.kind === "string" ? ` (${raw.kind})` : ""}`;
    const kind = str(raw, "kind", where, problems);
    if (kind && !NAME.test(kind)) problems.push(`${where}: kind must be UPPER_SNAKE_CASE`);
    if (kinds.some((k) => k.kind === kind)) problems.push(`${where}: kind ${kind} is defined twice`);
    const colour = str(raw, "colour", where, problems);
    if (colour && !COLOUR.test(colour)) problems.push(`${where}: colour must look like "#4e79a7"`);
    const shape = str(raw, "shape", where, problems);
    if (shape && !SHAPES.has(shape)) problems.push(`${where}: shape "${shape}" is not a Cytoscape.js node shape`);
    if (raw.finished !== undefined && typeof raw.finished !== "boolean") problems.push(`${where}: finished must be true or false`);
    const label = str(raw, "label", where, problems);
    const labelZh = str(raw, "labelZh", where, problems);
    for (const l of [label, labelZh]) {
      if (l && seenLabels.has(l)) problems.push(`${where}: label "${l}" is already used by ${seenLabels.get(l)}`);
      seenLabels.set(l, kind);
    }
    const attributes: AttributeDef[] = [];
    const attrsRaw = (raw.attributes ?? {}) as Record<string, Raw>;
    for (const [name, def] of Object.entries(attrsRaw)) {
      if (reservedEntityNames.has(name)) problems.push(`${where}: attribute ${name} clashes with a base entity field`);
      attributes.push(parseAttribute(name, def, where, KIND_ATTRIBUTE_TYPES, problems));
    }
    kinds.push({
      kind,
      label,
      labelZh,
      description: str(raw, "description", where, problems),
      colour,
      shape,
      finished: raw.finished === true,
      neo4jLabel: pascal(kind),
      folder: kind.toLowerCase().replace(/_/g, "-"),
      attributes,
    });
  }
  // One attribute name must have one type across kinds, so the API can expose it uniformly.
  const attrTypes = new Map<string, string>();
  for (const k of kinds)
    for (const a of k.attributes) {
      const seen = attrTypes.get(a.name);
      if (seen && seen !== a.type) problems.push(`${files.kinds}: attribute ${a.name} is ${seen} in one kind and ${a.type} in ${k.kind}`);
      attrTypes.set(a.name, a.type);
    }
  const kindNames = new Set(kinds.map((k) => k.kind));
  const policyTypes = valuesOf(
    kinds.find((k) => k.kind === "POLICY"),
    "policyType",
  );
  const relationTypes: RelationTypeDef[] = [];
  for (const [i, entry] of typesRaw.entries()) {
    const raw = (entry ?? {}) as Raw;
    const where = `${files.types}[${i}]${typeof raw.type === "string" ? ` (${raw.type})` : ""}`;
    const type = str(raw, "type", where, problems);
    if (type && !NAME.test(type)) problems.push(`${where}: type must be UPPER_SNAKE_CASE`);
    if (relationTypes.some((t) => t.type === type)) problems.push(`${where}: relation type ${type} is defined twice`);
    const ends = (key: "from" | "to"): string[] => {
      const list = raw[key];
      if (!Array.isArray(list) || list.length === 0) {
        problems.push(`${where}: \`${key}\` must be a non-empty list of kinds`);
        return [];
      }
      for (const k of list) if (!kindNames.has(String(k))) problems.push(`${where}: \`${key}\` names unknown kind ${String(k)}`);
      return list.map(String);
    };
    const colour = str(raw, "colour", where, problems);
    if (colour && !COLOUR.test(colour)) problems.push(`${where}: colour must look like "#4e79a7"`);
    const from = ends("from");
    const to = ends("to");
    const analysis = parseAnalysisMeaning(raw, { from, to, policyTypes }, where, problems);
    const attributeNames = raw.attributes ?? [];
    const attributes: RelationAttributeDef[] = [];
    if (!Array.isArray(attributeNames)) problems.push(`${where}: attributes must be a list of names from ${files.attributes}`);
    else
      for (const name of attributeNames) {
        const def = attributeByName.get(String(name));
        if (def) attributes.push(def);
        else problems.push(`${where}: attribute ${String(name)} is not defined in ${files.attributes}`);
      }
    relationTypes.push({
      type,
      label: str(raw, "label", where, problems),
      labelZh: str(raw, "labelZh", where, problems),
      description: str(raw, "description", where, problems),
      from,
      to,
      colour,
      symmetric: raw.symmetric === true,
      ...analysis,
      attributes,
      namesItem: attributes.some((a) => a.name === "item"),
    });
  }
  if (problems.length > 0) throw new OntologyError(problems);
  const byKind = new Map(kinds.map((k) => [k.kind, k]));
  const byType = new Map(relationTypes.map((t) => [t.type, t]));
  return {
    kinds,
    relationTypes,
    relationAttributes,
    fields,
    statuses,
    kind: (name) => byKind.get(name),
    relationType: (name) => byType.get(name),
    values: (kind, attribute) => valuesOf(byKind.get(kind), attribute),
  };
}

/** An ontology file's data; a syntax error becomes an OntologyError naming file:line:col. */
function readYaml(file: string): unknown {
  const lines = new LineCounter();
  const doc = YAML.parseDocument(fs.readFileSync(file, "utf8"), { ...YAML_OPTIONS, lineCounter: lines });
  const where = path.relative(process.cwd(), file);
  if (doc.errors.length > 0)
    throw new OntologyError(
      doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return `${where}:${pos.line}:${pos.col}: ${yamlErrorText(e, ' (a text with ": " in it needs quotes)')}`;
      }),
    );
  return doc.toJS();
}

export function loadOntology(seedDir = path.join(repoRoot, "seed")): Ontology {
  // A seed folder without its own ontology (a test fixture, say) uses the project's.
  const own = path.join(seedDir, "ontology");
  const dir = fs.existsSync(own) ? own : path.join(repoRoot, "seed", "ontology");
  const kindsFile = path.join(dir, "kinds.yaml");
  const typesFile = path.join(dir, "relation-types.yaml");
  const attributesFile = path.join(dir, "relation-attributes.yaml");
  // A fixture's own ontology may leave the base fields to the project's.
  const ownFields = path.join(dir, "fields.yaml");
  const fieldsFile = fs.existsSync(ownFields) ? ownFields : path.join(repoRoot, "seed", "ontology", "fields.yaml");
  return parseOntology(
    readYaml(kindsFile),
    readYaml(typesFile),
    {
      kinds: path.relative(process.cwd(), kindsFile),
      types: path.relative(process.cwd(), typesFile),
      attributes: path.relative(process.cwd(), attributesFile),
    },
    fs.existsSync(attributesFile) ? readYaml(attributesFile) : undefined,
    readYaml(fieldsFile),
    path.relative(process.cwd(), fieldsFile),
  );
}

let cached: Ontology | undefined;
/** The project's ontology, loaded once. */
export function ontology(): Ontology {
  cached ??= loadOntology();
  return cached;
}
