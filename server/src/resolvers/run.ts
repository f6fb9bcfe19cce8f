/** Sends one read query built by db/queries.ts, through the request's gate (guards/client-gate.ts). */

import type { GraphQLResolveInfo } from "graphql";
import type { RecordShape } from "neo4j-driver";
import type { Context } from "../context.js";
import type { ReadQuery } from "../db/queries.js";
import { settleRequestBudget } from "./selection.js";

/**
 * Runs the read once the request's whole budget is known to fit (see settleRequestBudget) and has
 * been charged to the client's rate limit, in one of the request's and the client's turns.
 */
export async function runRead<T extends RecordShape = Record<string, unknown>>(
  ctx: Context,
  query: ReadQuery,
  info?: GraphQLResolveInfo,
  options?: { evenIfGone?: boolean },
): Promise<T[]> {
  if (info) await ctx.gate.charge(await settleRequestBudget(info));
  return ctx.gate.run(() => ctx.db.read<T>(query.name, query.cypher, query.params, query.timeoutMs), options);
}
