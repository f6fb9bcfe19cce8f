/**
 * Static limits on every operation, from graphql-armor: depth, cost, aliases, directives and
 * tokens. (The size of a field's answer, which depends on argument values, is bounded by the
 * resolvers: see LIMITS in resolvers/args.ts.) A rejection carries QUERY_TOO_COMPLEX.
 */
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import type { GraphQLError } from "graphql";
import { problemText } from "../core/problems.js";
import { LIMITS } from "../resolvers/args.js";

export const ARMOR_LIMITS = {
  maxDepth: 12,
  /** Cost = objects selected, times literal `first` arguments: the same measure as LIMITS.maxObjects. */
  maxCost: LIMITS.maxObjects,
  maxAliases: 20,
  maxDirectives: 30,
  maxTokens: 2000,
} as const;

function markTooComplex(_ctx: unknown, error: GraphQLError): void {
  // armor words every rejection as a "Syntax Error"; say what it is and how to fix it.
  const detail = error.message
    .replace(/^Syntax Error: /, "")
    .replace(
      /^Query Cost limit of (\d+) exceeded, found (\d+)\./,
      "This query could return about $2 objects; at most $1 are allowed (lower `first`/`limit` or nest fewer lists).",
    );
  Object.assign(error.extensions as Record<string, unknown>, { code: "QUERY_TOO_COMPLEX", problem: "QUERY_LIMIT", params: { detail } });
  Object.defineProperty(error, "message", { value: problemText("QUERY_LIMIT", { detail }, "en"), enumerable: true });
}

export function armorPlugin() {
  const onReject = [markTooComplex];
  return EnvelopArmorPlugin({
    // The schema is public (introspection is on), so suggestions help more than they hide.
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: ARMOR_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, onReject },
    costLimit: { maxCost: ARMOR_LIMITS.maxCost, objectCost: 1, scalarCost: 0, depthCostFactor: 1, ignoreIntrospection: true, flattenFragments: true, onReject },
    maxAliases: { n: ARMOR_LIMITS.maxAliases, onReject },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives, onReject },
    maxTokens: { n: ARMOR_LIMITS.maxTokens, onReject },
  });
}
