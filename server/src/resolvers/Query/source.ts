import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { readQueries } from "../../db/queries.js";
import { toObject } from "../../db/records.js";
import { id } from "../args.js";
import { runRead } from "../run.js";
import { SelectionReader } from "../selection.js";

export async function source(_parent: unknown, args: { id: string }, ctx: Context, info: GraphQLResolveInfo) {
  const selection = new SelectionReader(info);
  const shape = selection.source(selection.root(), 1);
  const [row] = await runRead(ctx, readQueries.source(id("id", args.id), shape), info);
  return toObject(row?.source);
}
