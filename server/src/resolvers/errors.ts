/**
 * The expected failures of the API, as GraphQL errors with a stable `extensions.code` (what kind of
 * failure), `extensions.problem` and `extensions.params` (which one, said in any language from
 * core/problems.ts); the message is its English text.
 */
import { GraphQLError } from "graphql";
import { type ProblemCode, type ProblemParams, problemText } from "../core/problems.js";

export function problemError(category: string, problem: ProblemCode, params: ProblemParams = {}, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(problemText(problem, params, "en"), { extensions: { code: category, problem, params, ...extra } });
}

export function badInput(problem: ProblemCode, params: ProblemParams = {}, argument?: string): GraphQLError {
  return problemError("BAD_USER_INPUT", problem, params, argument ? { argument } : {});
}

export function notFound(problem: ProblemCode, params: ProblemParams = {}): GraphQLError {
  return problemError("NOT_FOUND", problem, params);
}

export function tooComplex(problem: ProblemCode, params: ProblemParams = {}): GraphQLError {
  return problemError("QUERY_TOO_COMPLEX", problem, params);
}
