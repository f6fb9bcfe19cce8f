import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { readQueries, TIMELINE_LISTS } from "../../db/queries.js";
import { toList, toNumber } from "../../db/records.js";
import { countries, intIn, LIMITS, list } from "../args.js";
import { badInput } from "../errors.js";
import { runRead } from "../run.js";
import { SelectionReader } from "../selection.js";

interface Args {
  countries?: string[] | null;
  policyTypes?: string[] | null;
  first: number;
  names: number;
}

/** Policies in date order with what their relations name (db/timeline-query.ts). */
export async function timeline(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const first = intIn("first", args.first, 1, LIMITS.timelineFirst);
  const names = intIn("names", args.names, 1, LIMITS.timelineNames);
  const allowed = ctx.ontology.values("POLICY", "policyType");
  const policyTypes = list("policyTypes", args.policyTypes);
  for (const value of policyTypes ?? [])
    if (!allowed.includes(value)) throw badInput("POLICY_TYPE_UNKNOWN", { value: JSON.stringify(value), allowed: allowed.join(", ") }, "policyTypes");
  const selection = new SelectionReader(info);
  const events = selection.child(selection.root(), "events");
  const policyShape = selection.entity(selection.child(events, "policy"), first);
  const listShapes = Object.fromEntries(
    TIMELINE_LISTS.filter((l) => selection.selects(events, l.key)).map((l) => [
      l.key,
      selection.entity(selection.child(selection.child(events, l.key), "entities"), first * names),
    ]),
  );
  const filter = { countries: countries(args.countries), policyTypes };
  const [row] = await runRead(ctx, readQueries.timeline(ctx.ontology, filter, { first, names }, policyShape, listShapes), info);
  return { totalCount: toNumber(row?.totalCount), events: toList(row?.events) };
}
