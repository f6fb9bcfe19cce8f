/**
 * The base fields and statuses of seed/ontology/fields.yaml, checked: the part of the ontology
 * that every entity, relation and source shares (ontology.ts loads it with the rest).
 */
import { type BaseFields, BOOKKEEPING_PROPERTIES, FIELD_TYPES, type FieldDef, type FieldType, RECORDS, type StatusDef } from "./core/fields.js";

export type Raw = Record<string, unknown>;

export function str(raw: Raw, key: string, where: string, problems: string[]): string {
  const value = raw[key];
  if (typeof value !== "string" || value.trim() === "") {
    problems.push(`${where}: \`${key}\` must be a non-empty string`);
    return "";
  }
  return value;
}

const CAMEL = /^[a-z][A-Za-z0-9]*$/;
const GRAPHQL_TYPE = /^\[?[A-Z][A-Za-z0-9]*!?\]?!?$/;

/** The base fields of one record (entity, relation or source), checked. */
function parseFieldList(raw: unknown, where: string, problems: string[]): FieldDef[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push(`${where}: must be a non-empty list of fields`);
    return [];
  }
  const fields: FieldDef[] = [];
  for (const [i, entry] of raw.entries()) {
    const def = (entry ?? {}) as Raw;
    const at = `${where}[${i}]${typeof def.name === "string" ? ` (${def.name})` : ""}`;
    const name = str(def, "name", at, problems);
    if (name && !CAMEL.test(name)) problems.push(`${at}: field name must be camelCase`);
    if (fields.some((f) => f.name === name)) problems.push(`${at}: field ${name} is defined twice`);
    const type = def.type as FieldType;
    if (!FIELD_TYPES.includes(type)) problems.push(`${at}: unknown type ${String(def.type)}; use one of ${FIELD_TYPES.join(", ")}`);
    if (typeof def.required !== "boolean") problems.push(`${at}: \`required\` must be true or false`);
    if (def.seed !== undefined && typeof def.seed !== "boolean") problems.push(`${at}: \`seed\` must be true or false when given`);
    let graphql: FieldDef["graphql"] = {};
    if (def.graphql === false) graphql = false;
    else if (def.graphql !== undefined) {
      const g = (def.graphql ?? {}) as Raw;
      if (typeof g !== "object" || Object.keys(g).some((k) => k !== "type" && k !== "description"))
        problems.push(`${at}: \`graphql\` is false or a mapping with \`type\` and \`description\``);
      if (g.type !== undefined && (typeof g.type !== "string" || !GRAPHQL_TYPE.test(g.type)))
        problems.push(`${at}: graphql type ${String(g.type)} is not a GraphQL type`);
      if (g.description !== undefined && (typeof g.description !== "string" || g.description.trim() === ""))
        problems.push(`${at}: graphql description must be non-empty text`);
      graphql = {
        ...(typeof g.type === "string" ? { type: g.type } : {}),
        ...(typeof g.description === "string" ? { description: g.description } : {}),
      };
    }
    fields.push({
      name,
      type,
      required: def.required === true,
      label: str(def, "label", at, problems),
      labelZh: str(def, "labelZh", at, problems),
      description: str(def, "description", at, problems),
      seed: def.seed !== false,
      graphql,
    });
  }
  return fields;
}

/** fields.yaml: the base fields of each record and the statuses. */
export function parseFields(raw: unknown, file: string, problems: string[]): { fields: BaseFields; statuses: StatusDef[] } {
  const doc = (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {}) as Raw;
  for (const key of Object.keys(doc))
    if (key !== "statuses" && !(RECORDS as readonly string[]).includes(key))
      problems.push(`${file}: unknown section ${key}; use statuses, ${RECORDS.join(", ")}`);
  const fields = Object.fromEntries(RECORDS.map((r) => [r, parseFieldList(doc[r], `${file} ${r}`, problems)])) as unknown as BaseFields;
  const statuses: StatusDef[] = [];
  if (!Array.isArray(doc.statuses) || doc.statuses.length === 0) problems.push(`${file} statuses: must be a non-empty list`);
  else
    for (const [i, entry] of doc.statuses.entries()) {
      const def = (entry ?? {}) as Raw;
      const at = `${file} statuses[${i}]`;
      const name = str(def, "name", at, problems);
      if (name && !/^[a-z]+$/.test(name)) problems.push(`${at}: status name must be lower-case letters`);
      if (statuses.some((s) => s.name === name)) problems.push(`${at}: status ${name} is defined twice`);
      statuses.push({
        name,
        label: str(def, "label", at, problems),
        labelZh: str(def, "labelZh", at, problems),
        description: str(def, "description", at, problems),
      });
    }
  return { fields, statuses };
}

/** Names a kind or relation attribute may not take: the record's fields and the sync's bookkeeping. */
export function reservedNames(fields: readonly FieldDef[]): Set<string> {
  return new Set([...fields.map((f) => f.name), ...BOOKKEEPING_PROPERTIES]);
}
