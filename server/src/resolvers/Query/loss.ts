import type { GraphQLResolveInfo } from "graphql";
import { loss as lossOf } from "../../analysis/failures.js";
import type { Context } from "../../context.js";
import { ANALYSIS_COST_PER_ENTITY, analysisDay, firstArg, loadLayer, project, requireEntity } from "../analysis.js";
import { chargeRequest, settleRequestBudget } from "../selection.js";

interface Args {
  id: string;
  asOf?: string | null;
  first: number;
}

/** What would be left without an entity if it were lost: what fails, and the organisations that lose an input. */
export async function loss(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const first = firstArg(args.first);
  chargeRequest(info, first * ANALYSIS_COST_PER_ENTITY);
  await settleRequestBudget(info);
  const layer = await loadLayer(ctx, analysisDay(args.asOf));
  const id = requireEntity(layer, "id", args.id);
  const out = lossOf(layer, id, first);
  const p = await project(ctx, layer, [id, ...out.left.flatMap((l) => l.path)], [], info);
  return {
    entity: p.entity(id),
    leftWithout: out.left.map((l) => ({ entity: p.entity(l.id), distance: l.distance, path: p.entities(l.path), fails: l.fails })),
    total: out.total,
    failing: out.failing,
  };
}
