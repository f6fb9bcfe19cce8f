/**
 * What an analysis answer's selection asks of the entities and relations it names, wherever they
 * sit in it (the root, tree nodes, edges, providers, cut paths...): the union of the fields asked
 * on any entity and on any relation. The one projection query then returns only those, so a
 * supply tree of a thousand entities does not carry every property and source of each.
 */
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import type { EntityShape, RelationShape } from "../db/queries.js";

export interface AnalysisShapes {
  entity: EntityShape;
  relation: RelationShape;
}

type FieldsOf = { getFields?: () => Record<string, { type: { toString(): string } }> };

/** The named type of a field of `typeName` ("[Entity!]!" -> "Entity"). */
function fieldType(info: GraphQLResolveInfo, typeName: string, field: string): string | undefined {
  const type = info.schema.getType(typeName) as FieldsOf | undefined;
  return type
    ?.getFields?.()
    [field]?.type.toString()
    .replace(/[[\]!]/g, "");
}

/** Is `typeName` the Entity interface or one of the kinds' types that implement it? */
function isEntityType(info: GraphQLResolveInfo, typeName: string): boolean {
  if (typeName === "Entity") return true;
  const type = info.schema.getType(typeName) as { getInterfaces?: () => readonly { name: string }[] } | undefined;
  return type?.getInterfaces?.().some((i) => i.name === "Entity") ?? false;
}

export function analysisShapes(info: GraphQLResolveInfo): AnalysisShapes {
  const entityFields = new Set(["id", "kind"]);
  const relationFields = new Set<string>();
  let from = false;
  let to = false;
  let claimedBy = false;
  let sources = false;
  const seenFragments = new Set<string>();

  const visit = (set: SelectionSetNode | undefined, typeName: string): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, selection.typeCondition?.name.value ?? typeName);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = info.fragments[selection.name.value];
        if (fragment && !seenFragments.has(selection.name.value)) {
          seenFragments.add(selection.name.value);
          visit(fragment.selectionSet, fragment.typeCondition.name.value);
        }
      } else field(selection, typeName);
    }
  };

  const field = (node: FieldNode, typeName: string): void => {
    const name = node.name.value;
    if (name.startsWith("__")) return;
    // (`relations` under an analysis entity is refused by its resolver; nothing to fetch for it.)
    if (isEntityType(info, typeName) && name !== "relations") entityFields.add(name);
    if (typeName === "Relation") {
      relationFields.add(name);
      if (name === "from") from = true;
      if (name === "to") to = true;
      if (name === "claimedBy") claimedBy = true;
      // A quote's source is picked from the relation's cited sources.
      if (name === "sources" || (name === "quotes" && node.selectionSet?.selections.length)) sources = true;
    }
    const next = fieldType(info, typeName, name);
    if (next && node.selectionSet) visit(node.selectionSet, next);
  };

  for (const node of info.fieldNodes) visit(node.selectionSet, info.returnType.toString().replace(/[[\]!]/g, ""));
  const entity: EntityShape = { relations: [], fields: [...entityFields] };
  const relation: RelationShape = { fields: [...relationFields] };
  if (from) relation.from = entity;
  if (to) relation.to = entity;
  if (claimedBy) relation.claimedBy = entity;
  if (sources) relation.sources = { relations: [] };
  return { entity, relation };
}
