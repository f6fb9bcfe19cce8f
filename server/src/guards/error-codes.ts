/**
 * Gives every error in a response an `extensions.code`, so clients can branch on it: parse and
 * validation errors from graphql-js have none. Arguments of the wrong type or an unknown enum
 * value are BAD_USER_INPUT; other invalid documents GRAPHQL_VALIDATION_FAILED.
 */
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

const BAD_INPUT = [
  /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/,
  /^Value .* does not exist in ".*" enum/,
  /^Enum "[^"]+" cannot represent/,
  /^(Int|Float|String|Boolean|ID) cannot represent/,
  /^Expected value of type/,
  /^Argument ".*" of (required|non-null) type/,
  /^Field ".*" argument ".*" of type ".*" is required/,
];

export function codeFor(error: GraphQLError): string {
  if (error.message.startsWith("Syntax Error")) return "GRAPHQL_PARSE_FAILED";
  if (BAD_INPUT.some((re) => re.test(error.message))) return "BAD_USER_INPUT";
  return "GRAPHQL_VALIDATION_FAILED";
}

function withCode(error: GraphQLError): GraphQLError {
  // yoga adds the parser's own error (which echoes the body) to a request it cannot read: the message says enough.
  const { originalError: echoed, ...extensions } = error.extensions ?? {};
  const code = extensions.code;
  // yoga calls every invalid document GRAPHQL_VALIDATION_FAILED; a bad argument value is more precise.
  const precise = typeof code === "string" && !(code === "GRAPHQL_VALIDATION_FAILED" && codeFor(error) === "BAD_USER_INPUT");
  if (precise && echoed === undefined) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...extensions, code: precise ? code : codeFor(error) },
  });
}

export function errorCodesPlugin(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== "object" || !("errors" in result) || !result.errors) return;
      setResult({ ...result, errors: result.errors.map((e) => (e instanceof Error && e.name === "GraphQLError" ? withCode(e as GraphQLError) : e)) });
    },
  };
}
