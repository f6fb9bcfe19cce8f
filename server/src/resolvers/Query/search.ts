import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { readQueries } from "../../db/queries.js";
import { toObject } from "../../db/records.js";
import { intIn, LIMITS, list } from "../args.js";
import { badInput } from "../errors.js";
import { runRead } from "../run.js";
import { searchPlan } from "../search-plan.js";
import { SelectionReader } from "../selection.js";

interface Args {
  query: string;
  kinds?: string[] | null;
  first: number;
}

export async function search(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const text = args.query.trim();
  if (text === "") throw badInput("SEARCH_EMPTY", {}, "query");
  if (args.query.length > LIMITS.searchLength) {
    throw badInput("SEARCH_TOO_LONG", { length: args.query.length, max: LIMITS.searchLength }, "query");
  }
  const first = intIn("first", args.first, 1, LIMITS.searchFirst);
  const kinds = list("kinds", args.kinds);
  const plan = searchPlan(text);
  // Only punctuation: nothing a name could match.
  if (!plan) return [];
  const selection = new SelectionReader(info);
  const shape = selection.entity(selection.child(selection.root(), "entity"), first);
  const rows = await runRead(ctx, readQueries.search(plan, kinds, first, shape), info);
  return rows.map((row) => ({ entity: toObject(row.entity), score: Number(row.score) }));
}
