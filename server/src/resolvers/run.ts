/** Sends one read query built by db/queries.ts. */

import type { GraphQLResolveInfo } from "graphql";
import type { ReadQuery } from "../db/queries.js";
import type { Database } from "../db/run.js";
import { settleRequestBudget } from "./selection.js";

/** Runs the read once the request's whole budget is known to fit (see settleRequestBudget). */
export async function runRead(db: Database, query: ReadQuery, info?: GraphQLResolveInfo): Promise<Record<string, unknown>[]> {
  if (info) await settleRequestBudget(info);
  return db.read<Record<string, unknown>>(query.name, query.cypher, query.params, query.timeoutMs);
}
