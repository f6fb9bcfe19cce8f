import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { readQueries } from "../../db/queries.js";
import { toList, toNumber } from "../../db/records.js";
import { countries, decodeCursor, encodeCursor, intIn, LIMITS, list } from "../args.js";
import { runRead } from "../run.js";
import { SelectionReader } from "../selection.js";

interface Args {
  kinds?: string[] | null;
  countries?: string[] | null;
  openQuestions?: string[] | null;
  first: number;
  after?: string | null;
}

export async function entities(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const first = intIn("first", args.first, 1, LIMITS.entitiesFirst);
  const after = decodeCursor("entity", args.after);
  const filter = { kinds: list("kinds", args.kinds), countries: countries(args.countries), openQuestions: list("openQuestions", args.openQuestions) };
  const selection = new SelectionReader(info);
  const shape = selection.entity(selection.child(selection.root(), "nodes"), first);
  const [row] = await runRead(ctx, readQueries.entities(filter, after, first, shape, selection.selects(selection.root(), "totalCount")), info);
  const nodes = toList(row?.nodes).sort((a, b) => String(a.id).localeCompare(String(b.id), "en"));
  const page = nodes.slice(0, first);
  const last = page.at(-1);
  return {
    totalCount: toNumber(row?.totalCount),
    nodes: page,
    pageInfo: { hasNextPage: nodes.length > first, endCursor: last ? encodeCursor("entity", String(last.id)) : null },
  };
}
