/**
 * Reads what a GraphQL selection asks for below a root field and turns it into the plain shapes
 * of db/queries.ts, so the root query fetches everything in one go. It also estimates how many
 * objects the answer may hold and refuses a selection that could exceed LIMITS.maxObjects.
 */
import { type DirectiveNode, type FieldNode, type GraphQLResolveInfo, Kind, type SelectionNode, type SelectionSetNode, valueFromASTUntyped } from "graphql";
import type { Direction, EntityShape, NestedRelations, NestedSourceRelations, RelationShape, SourceShape } from "../db/queries.js";
import { asOfDay, intIn, LIMITS, list } from "./args.js";
import { tooComplex } from "./errors.js";

/**
 * One budget per request, not per root field: graphql-js runs root fields side by side, so twenty
 * aliased fields each under the field limit could still hold twenty transactions. Keyed by the
 * execution's variable values, an object made anew for every execution.
 */
const requestBudgets = new WeakMap<object, { objects: number }>();

export function chargeRequest(info: GraphQLResolveInfo, objects: number): void {
  const key = info.variableValues as object;
  const budget = requestBudgets.get(key) ?? { objects: 0 };
  requestBudgets.set(key, budget);
  budget.objects += objects;
  checkBudget(budget);
}

/**
 * Waits until every root field of the request has been charged (graphql-js calls all root
 * resolvers before any of their promises settle), then refuses if the total is over: so no field
 * reaches the database when the request as a whole is too big. Returns the request's total.
 */
export async function settleRequestBudget(info: GraphQLResolveInfo): Promise<number> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const budget = requestBudgets.get(info.variableValues as object);
  if (budget) checkBudget(budget);
  return budget?.objects ?? 0;
}

function checkBudget(budget: { objects: number }): void {
  if (budget.objects > LIMITS.maxObjectsPerRequest)
    throw tooComplex("REQUEST_TOO_BIG", { objects: Math.round(budget.objects).toLocaleString("en"), max: LIMITS.maxObjectsPerRequest.toLocaleString("en") });
}

/** Assumed upper bounds for lists that have no argument (a relation's sources and claimants). */
const SOURCES_PER_RELATION = 5;
const CLAIMANTS_PER_RELATION = 3;

type Sets = readonly (SelectionSetNode | undefined)[];

export class SelectionReader {
  /** Estimated number of objects in the answer. */
  objects = 0;

  constructor(private readonly info: GraphQLResolveInfo) {}

  /** The selection sets of the root field itself. */
  root(): Sets {
    return this.info.fieldNodes.map((f) => f.selectionSet);
  }

  /** The merged selection sets of child fields named `name` (any alias). */
  child(sets: Sets, name: string): SelectionSetNode[] {
    const out: SelectionSetNode[] = [];
    for (const nodes of this.fields(sets).values()) for (const node of nodes) if (node.name.value === name && node.selectionSet) out.push(node.selectionSet);
    return out;
  }

  selects(sets: Sets, name: string): boolean {
    for (const nodes of this.fields(sets).values()) if (nodes.some((n) => n.name.value === name)) return true;
    return false;
  }

  entity(sets: Sets, count: number): EntityShape {
    this.add(count);
    const relations: NestedRelations[] = [];
    const fields = new Set<string>();
    for (const [key, nodes] of this.fields(sets)) {
      const node = nodes[0];
      for (const n of nodes) if (n.name.value !== "relations" && !n.name.value.startsWith("__")) fields.add(n.name.value);
      if (node?.name.value !== "relations") continue;
      const args = this.args("Entity", node);
      const first = intIn("relations(first)", args.first, 1, LIMITS.nestedFirst);
      relations.push({
        key,
        direction: (args.direction as Direction | undefined) ?? "BOTH",
        types: list("relations(types)", args.types as string[] | undefined),
        asOf: asOfDay(args.asOf),
        first,
        shape: this.relation(
          nodes.map((n) => n.selectionSet),
          count * first,
        ),
      });
    }
    return { relations, fields: [...fields] };
  }

  relation(sets: Sets, count: number): RelationShape {
    this.add(count);
    const shape: RelationShape = { fields: [...this.fields(sets).values()].flatMap((nodes) => nodes.map((n) => n.name.value)) };
    if (this.selects(sets, "from")) shape.from = this.entity(this.child(sets, "from"), count);
    if (this.selects(sets, "to")) shape.to = this.entity(this.child(sets, "to"), count);
    if (this.selects(sets, "claimedBy")) shape.claimedBy = this.entity(this.child(sets, "claimedBy"), count * CLAIMANTS_PER_RELATION);
    if (this.selects(sets, "sources")) shape.sources = this.source(this.child(sets, "sources"), count * SOURCES_PER_RELATION);
    const quotes = this.child(sets, "quotes");
    if (this.selects(quotes, "source")) shape.quoteSources = this.source(this.child(quotes, "source"), count * SOURCES_PER_RELATION);
    return shape;
  }

  source(sets: Sets, count: number): SourceShape {
    this.add(count);
    const relations: NestedSourceRelations[] = [];
    for (const [key, nodes] of this.fields(sets)) {
      const node = nodes[0];
      if (node?.name.value !== "relations") continue;
      const first = intIn("relations(first)", this.args("Source", node).first, 1, LIMITS.nestedFirst);
      relations.push({
        key,
        first,
        shape: this.relation(
          nodes.map((n) => n.selectionSet),
          count * first,
        ),
      });
    }
    return { relations };
  }

  private add(count: number): void {
    this.objects += count;
    if (this.objects > LIMITS.maxObjects) {
      throw tooComplex("SELECTION_TOO_BIG", {
        objects: Math.round(this.objects).toLocaleString("en"),
        field: this.info.fieldName,
        max: LIMITS.maxObjects.toLocaleString("en"),
      });
    }
    chargeRequest(this.info, count);
  }

  /**
   * The argument values of a nested `relations` field, defaults applied. Validation already
   * checked their types; variables are already coerced. (Written without graphql-js's
   * instanceof-based helpers, which break when two copies of graphql are loaded, as under vitest.)
   */
  private args(typeName: "Entity" | "Source", node: FieldNode): Record<string, unknown> {
    const type = this.info.schema.getType(typeName) as
      | { getFields?: () => Record<string, { args: readonly { name: string; defaultValue: unknown }[] }> }
      | undefined;
    const field = type?.getFields?.().relations;
    if (!field) throw new Error(`internal: ${typeName}.relations is missing from the schema`);
    const vars = this.info.variableValues;
    const out: Record<string, unknown> = {};
    for (const arg of field.args) {
      const given = node.arguments?.find((a) => a.name.value === arg.name);
      const fromVariable = given?.value.kind === Kind.VARIABLE && !(given.value.name.value in vars);
      out[arg.name] = given && !fromVariable ? valueFromASTUntyped(given.value, vars) : arg.defaultValue;
    }
    return out;
  }

  /** Fields selected directly in `sets`, fragments flattened, @skip/@include applied, by response key. */
  private fields(sets: Sets): Map<string, FieldNode[]> {
    const out = new Map<string, FieldNode[]>();
    const seenFragments = new Set<string>();
    for (const set of sets) this.collect(set, out, seenFragments);
    return out;
  }

  // Methods and module functions, not closures made per call: under tsx (esbuild's keepNames) every
  // named closure is renamed as it is made (3 % of the samples of an entity request in a profile here).
  private collect(set: SelectionSetNode | undefined, out: Map<string, FieldNode[]>, seenFragments: Set<string>): void {
    for (const selection of set?.selections ?? []) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        out.set(key, [...(out.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        this.collect(selection.selectionSet, out, seenFragments);
      } else if (!seenFragments.has(selection.name.value)) {
        seenFragments.add(selection.name.value);
        this.collect(this.info.fragments[selection.name.value]?.selectionSet, out, seenFragments);
      }
    }
  }

  private included(node: SelectionNode): boolean {
    const vars = this.info.variableValues;
    return directiveIf(node, "skip", vars) !== true && directiveIf(node, "include", vars) !== false;
  }
}

/** The `if` argument of `node`'s @skip or @include, or undefined when it has none. */
function directiveIf(node: SelectionNode, name: string, variables: GraphQLResolveInfo["variableValues"]): unknown {
  const directive = node.directives?.find((d: DirectiveNode) => d.name.value === name);
  const arg = directive?.arguments?.find((a) => a.name.value === "if");
  return arg ? valueFromASTUntyped(arg.value, variables) : undefined;
}
