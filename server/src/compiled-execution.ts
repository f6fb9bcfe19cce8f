/**
 * Queries run as compiled functions (graphql-jit): each operation of a document is compiled once,
 * kept beside yoga's parsed document, and reused with any variables; a wide answer costs about half
 * the work (a 200-node neighbourhood: about 6 ms instead of 13 in process). Answers are graphql-js's,
 * to the byte (tests/integration/compiled-execution.test.ts); where graphql-jit would differ,
 * graphql-js runs the operation:
 * - an operation that is not a query (the schema has none: graphql-js says so, as a GraphQLError);
 * - a variable of a non-null type with a default, or of an input type holding a non-null field
 *   with a default (`SuggestRelationInput.status`): graphql-jit ignores those defaults;
 * - variables that cannot be coerced: graphql-js words those errors (no resolver has run yet).
 * Errors keep their locations in the document (yoga rebuilds errors from their source positions).
 */
import { type DocumentNode, type ExecutionArgs, type ExecutionResult, GraphQLError, type GraphQLSchema, getOperationAST, Kind, type TypeNode } from "graphql";
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

/** Whether graphql-jit answers this operation as graphql-js does (whatever the variables). */
export function compilable({ schema, document, operationName }: ExecutionArgs): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== "query") return false;
  const risky = inputsWithNonNullDefaults(schema);
  return !(operation.variableDefinitions ?? []).some((v) => (v.defaultValue && v.type.kind === Kind.NON_NULL_TYPE) || risky.has(namedTypeNode(v.type)));
}

/** Compiled operations by document, then operation name ("" for the only one). */
const compiledByDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

function compiled(args: ExecutionArgs): CompiledQuery | null {
  let byName = compiledByDocument.get(args.document);
  if (!byName) {
    byName = new Map();
    compiledByDocument.set(args.document, byName);
  }
  const name = args.operationName ?? "";
  let query = byName.get(name);
  if (query === undefined) {
    const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
    // A document graphql-jit cannot compile runs through graphql-js, which says what is wrong.
    query = isCompiledQuery(result) ? result : null;
    byName.set(name, query);
  }
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
        const query = compilable(args) ? compiled(args) : null;
        if (!query) return executeFn(args);
        const result = await query.query(args.rootValue, args.contextValue, args.variableValues);
        // No data: the variables were refused before anything ran; graphql-js words that.
        if (!("data" in result)) return executeFn(args);
        return located(result, args.document);
      });
    },
  };
}
