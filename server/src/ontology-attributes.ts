/** Attribute definitions of kinds.yaml and relation-attributes.yaml: type, en/zh labels, enumerated values. */
import type { AttributeDef, AttributeType, RelationAttributeDef } from "./ontology.js";
import { type Raw, str } from "./ontology-fields.js";

export const KIND_ATTRIBUTE_TYPES = new Set<AttributeType>(["string", "integer", "number", "boolean", "date", "countries"]);
const RELATION_ATTRIBUTE_TYPES = new Set<AttributeType>([...KIND_ATTRIBUTE_TYPES, "entity"]);

export function parseRelationAttributes(raw: unknown, file: string, problems: string[], reserved: Set<string>): RelationAttributeDef[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.push(`${file}: must be a mapping of attribute names to definitions`);
    return [];
  }
  return Object.entries(raw as Record<string, Raw>).map(([name, def]) => {
    const where = `${file} (${name})`;
    if (reserved.has(name)) problems.push(`${where}: clashes with a base relation field`);
    return parseAttribute(name, def, where, RELATION_ATTRIBUTE_TYPES, problems);
  });
}

/**
 * One attribute definition (kinds.yaml or relation-attributes.yaml): its type, en/zh labels and,
 * for an enumerated string, its values as a mapping of value to `{label, labelZh}`.
 */
export function parseAttribute(name: string, def: Raw | undefined, where: string, types: Set<AttributeType>, problems: string[]): AttributeDef {
  const raw = def ?? {};
  if (!/^[a-z][A-Za-z0-9]*$/.test(name)) problems.push(`${where}: attribute name ${name} must be camelCase`);
  const type = raw.type as AttributeType;
  if (!types.has(type)) problems.push(`${where}: attribute ${name} has unknown type ${String(raw.type)}`);
  const attribute: AttributeDef = {
    name,
    type,
    label: str(raw, "label", `${where}: attribute ${name}`, problems),
    labelZh: str(raw, "labelZh", `${where}: attribute ${name}`, problems),
    description: String(raw.description ?? ""),
  };
  const values = raw.values;
  if (values === undefined) return attribute;
  if (type !== "string" || typeof values !== "object" || values === null || Array.isArray(values)) {
    problems.push(`${where}: attribute ${name}: values is a mapping of each value to {label, labelZh}, for string attributes only`);
    return attribute;
  }
  const valueLabels = Object.entries(values as Record<string, Raw>).map(([value, labels]) => ({
    value,
    label: str(labels ?? {}, "label", `${where}: attribute ${name}, value ${value}`, problems),
    labelZh: str(labels ?? {}, "labelZh", `${where}: attribute ${name}, value ${value}`, problems),
  }));
  return { ...attribute, values: valueLabels.map((v) => v.value), valueLabels };
}
