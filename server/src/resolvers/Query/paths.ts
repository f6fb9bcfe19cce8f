import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { readQueries } from "../../db/queries.js";
import { toList } from "../../db/records.js";
import { asOfDay, id, intIn, LIMITS, list } from "../args.js";
import { badInput, notFound } from "../errors.js";
import { runRead } from "../run.js";
import { SelectionReader } from "../selection.js";

interface Args {
  from: string;
  to: string;
  maxHops: number;
  relationTypes?: string[] | null;
  asOf?: string | null;
  first: number;
}

export async function paths(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const from = id("from", args.from);
  const to = id("to", args.to);
  if (from === to) throw badInput("PATH_SAME_ENDS", {}, "to");
  const maxHops = intIn("maxHops", args.maxHops, 1, LIMITS.maxHops);
  const first = intIn("first", args.first, 1, LIMITS.pathsFirst);
  const filter = { types: list("relationTypes", args.relationTypes), asOf: asOfDay(args.asOf) };
  const selection = new SelectionReader(info);
  const root = selection.root();
  const nodeShape = selection.entity(selection.child(root, "nodes"), first * (maxHops + 1));
  const edgeShape = selection.relation(selection.child(root, "edges"), first * maxHops);
  const [row] = await runRead(ctx, readQueries.paths(ctx.ontology, from, to, { maxHops, first, filter }, nodeShape, edgeShape), info);
  const missing = [row?.fromFound ? null : from, row?.toFound ? null : to].filter(Boolean);
  if (missing.length > 0) throw notFound("ENTITY_NOT_FOUND", { ids: missing.map((m) => JSON.stringify(m)).join(" or ") });
  return toList(row?.paths);
}
