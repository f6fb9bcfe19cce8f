/**
 * Queries run as compiled functions (graphql-jit) from their second run on: a wide answer costs
 * about half the work (a 200-node neighbourhood: about 6 ms instead of 13 in process). Answers are
 * graphql-js's, to the byte (tests/integration/compiled-execution.test.ts); graphql-js runs:
 * - a document's first run, so a stream of different documents costs no compiling;
 * - a document costly to compile (compileCost over COMPILE_BUDGET): graphql-jit compiles a branch
 *   per kind of entity below every field of type Entity, so the work multiplies with nesting
 *   (relations' ends' relations' ends… took seconds, then minutes);
 * - an operation that is not a query (the schema has none: graphql-js says so, as a GraphQLError);
 * - a variable of a non-null type with a default, or of an input type holding a non-null field
 *   with a default (`SuggestRelationInput.status`): graphql-jit ignores those defaults;
 * - variables that cannot be coerced: graphql-js words those errors (no resolver has run yet).
 * Errors keep their locations in the document (yoga rebuilds errors from their source positions).
 */
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLInterfaceType,
  type GraphQLSchema,
  type GraphQLUnionType,
  getOperationAST,
  Kind,
  type SelectionSetNode,
  type TypeNode,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import type { Plugin } from "graphql-yoga";

/**
 * graphql-js types by their tag, not instanceof: two copies of graphql-js may be loaded (ESM and
 * CJS, as under vitest), and a schema built by one is foreign to the other's `isNonNullType`.
 */
type TypeLike = { ofType?: TypeLike; name?: string };
const tag = (type: unknown) => Object.prototype.toString.call(type).slice(8, -1);
const namedType = (type: TypeLike): TypeLike => (type.ofType ? namedType(type.ofType) : type);
const namedTypeNode = (node: TypeNode): string => (node.kind === Kind.NAMED_TYPE ? node.name.value : namedTypeNode(node.type));

/** Input types (by name) holding, at any depth, a non-null field with a default. */
const withNonNullDefaults = new WeakMap<GraphQLSchema, Set<string>>();

function inputsWithNonNullDefaults(schema: GraphQLSchema): Set<string> {
  const known = withNonNullDefaults.get(schema);
  if (known) return known;
  const found = new Set<string>();
  const inputs = Object.values(schema.getTypeMap()).filter((t) => tag(t) === "GraphQLInputObjectType") as unknown as {
    name: string;
    getFields(): Record<string, { type: TypeLike; defaultValue?: unknown }>;
  }[];
  // Repeated until nothing changes: an input holding such an input is one too.
  for (let changed = true; changed; ) {
    changed = false;
    for (const input of inputs) {
      if (found.has(input.name)) continue;
      const fields = Object.values(input.getFields());
      if (fields.some((f) => (tag(f.type) === "GraphQLNonNull" && f.defaultValue !== undefined) || found.has(namedType(f.type).name ?? ""))) {
        found.add(input.name);
        changed = true;
      }
    }
  }
  withNonNullDefaults.set(schema, found);
  return found;
}

/**
 * How much compiling costs, as graphql-jit compiles: a field of an interface type gets a branch for
 * each of its types, and everything below it is compiled once per branch, so the branches multiply
 * down the document (an entity's relations' ends' relations' ends: 10 × 10 × 10 × 10). The sum over
 * every field of an interface type of the branches it is compiled in; counting stops past `limit`.
 */
export function compileCost(schema: GraphQLSchema, document: DocumentNode, selectionSet: SelectionSetNode, limit: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const branches = (type: TypeLike): number => {
    if (tag(type) === "GraphQLInterfaceType") return schema.getImplementations(type as GraphQLInterfaceType).objects.length;
    if (tag(type) === "GraphQLUnionType") return (type as GraphQLUnionType).getTypes().length;
    return 1;
  };
  let cost = 0;
  const walk = (parent: TypeLike | undefined | null, set: SelectionSetNode, times: number, depth: number): void => {
    if (!parent || depth > 64) return;
    for (const selection of set.selections) {
      if (cost > limit) return;
      if (selection.kind === Kind.FIELD) {
        const field = (parent as { getFields?: () => Record<string, { type: TypeLike }> }).getFields?.()[selection.name.value];
        if (!field || !selection.selectionSet) continue;
        const type = namedType(field.type);
        const n = branches(type);
        if (n > 1) cost += times * n;
        walk(type, selection.selectionSet, times * n, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent, selection.selectionSet, times, depth + 1);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(schema.getType(fragment.typeCondition.name.value), fragment.selectionSet, times, depth + 1);
      }
    }
  };
  walk(schema.getQueryType(), selectionSet, 1, 0);
  return cost;
}

/**
 * Most a document may cost to compile (compileCost). An entity with its relations' two ends costs
 * 210 (10 kinds: 10 + 2 × 100; compiled in tens of ms); one level deeper 2,110 (hundreds of ms);
 * two 21,110 (seconds): those run through graphql-js, which has nothing to compile.
 */
export const COMPILE_BUDGET = 500;

/** Whether graphql-jit answers this operation as graphql-js does (whatever the variables), at a bounded cost. */
export function compilable({ schema, document, operationName }: ExecutionArgs): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== "query") return false;
  const risky = inputsWithNonNullDefaults(schema);
  if ((operation.variableDefinitions ?? []).some((v) => (v.defaultValue && v.type.kind === Kind.NON_NULL_TYPE) || risky.has(namedTypeNode(v.type))))
    return false;
  return compileCost(schema, document, operation.selectionSet, COMPILE_BUDGET) <= COMPILE_BUDGET;
}

/**
 * Per document (yoga keeps one parsed document per query text) and operation name: how many times
 * it ran, then its compiled query, or null when it runs through graphql-js.
 */
const compiledByDocument = new WeakMap<DocumentNode, Map<string, number | CompiledQuery | null>>();

/**
 * The compiled query of an operation from its second run on: a document sent once (each one of a
 * stream of different documents, say) costs no compiling, only graphql-js's execution.
 */
function compiled(args: ExecutionArgs): CompiledQuery | null {
  let byName = compiledByDocument.get(args.document);
  if (!byName) {
    byName = new Map();
    compiledByDocument.set(args.document, byName);
  }
  const name = args.operationName ?? "";
  const known = byName.get(name);
  if (known === undefined) {
    byName.set(name, compilable(args) ? 1 : null);
    return null;
  }
  if (typeof known !== "number") return known;
  const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
  // A document graphql-jit cannot compile runs through graphql-js, which says what is wrong.
  const query = isCompiledQuery(result) ? result : null;
  byName.set(name, query);
  return query;
}

/** Offset of a line and column in a text (what GraphQLError takes to place an error). */
function offsetOf(body: string, { line, column }: { line: number; column: number }): number {
  let at = 0;
  for (let l = 1; l < line; l++) at = body.indexOf("\n", at) + 1;
  return at + column - 1;
}

/** graphql-jit's errors as graphql-js's: located by source positions, which survive yoga's copies. */
function located(result: ExecutionResult, document: DocumentNode): ExecutionResult {
  const source = document.loc?.source;
  if (!result.errors?.length || !source) return result;
  const errors = result.errors.map(
    (e) =>
      new GraphQLError(e.message, {
        source,
        positions: e.locations?.map((l) => offsetOf(source.body, l)),
        path: e.path,
        originalError: e.originalError,
        extensions: e.extensions,
      }),
  );
  return { ...result, errors };
}

export function compiledExecutionPlugin(): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args: ExecutionArgs) => {
        const query = compiled(args);
        if (!query) return executeFn(args);
        const result = await query.query(args.rootValue, args.contextValue, args.variableValues);
        // No data: the variables were refused before anything ran; graphql-js words that.
        if (!("data" in result)) return executeFn(args);
        return located(result, args.document);
      });
    },
  };
}
