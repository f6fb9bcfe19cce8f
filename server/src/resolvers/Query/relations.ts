import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { readQueries } from "../../db/queries.js";
import { toList, toNumber } from "../../db/records.js";
import { asOfDay, decodeCursor, encodeCursor, intIn, LIMITS, optionalId } from "../args.js";
import { runRead } from "../run.js";
import { SelectionReader } from "../selection.js";

interface Args {
  type?: string | null;
  from?: string | null;
  to?: string | null;
  status?: string | null;
  asOf?: string | null;
  first: number;
  after?: string | null;
}

export async function relations(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const first = intIn("first", args.first, 1, LIMITS.relationsFirst);
  const after = decodeCursor("relation", args.after);
  const filter = {
    type: args.type ?? null,
    from: optionalId("from", args.from),
    to: optionalId("to", args.to),
    status: args.status ?? null,
    asOf: asOfDay(args.asOf),
  };
  const selection = new SelectionReader(info);
  const shape = selection.relation(selection.child(selection.root(), "nodes"), first);
  const [row] = await runRead(ctx, readQueries.relations(ctx.ontology, filter, after, first, shape, selection.selects(selection.root(), "totalCount")), info);
  const nodes = toList(row?.nodes).sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  const page = nodes.slice(0, first);
  const last = page.at(-1);
  return {
    totalCount: toNumber(row?.totalCount),
    nodes: page,
    pageInfo: { hasNextPage: nodes.length > first, endCursor: last ? encodeCursor("relation", String(last.id)) : null },
  };
}
