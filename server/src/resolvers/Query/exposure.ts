import type { GraphQLResolveInfo } from "graphql";
import { exposure as exposureOf } from "../../analysis/answers.js";
import type { Context } from "../../context.js";
import { ANALYSIS_COST_PER_ENTITY, ANALYSIS_LIMITS, analysisDay, depthArg, loadLayer, project, requireEntity, scenarioOf } from "../analysis.js";
import { chargeRequest, settleRequestBudget } from "../selection.js";
import { cutInputEntities, cutInputs } from "./cut-inputs.js";

interface Args {
  id: string;
  asOf?: string | null;
  country?: string | null;
  countries?: string[] | null;
  depth: number;
}

/** Inputs of the entity's dependency tree cut by the rules in force on asOf, or by countries stopping supply. */
export async function exposure(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const scenario = scenarioOf(args.country, args.countries);
  const depth = depthArg(args.depth);
  chargeRequest(info, ANALYSIS_LIMITS.first * ANALYSIS_COST_PER_ENTITY);
  await settleRequestBudget(info);
  const layer = await loadLayer(ctx, analysisDay(args.asOf));
  const root = requireEntity(layer, "id", args.id);
  const { cuts } = exposureOf(layer, root, scenario, depth);
  const p = await project(
    ctx,
    layer,
    cutInputEntities(cuts),
    cuts.flatMap((c) => c.relations),
    info,
  );
  return cutInputs(cuts, p);
}
