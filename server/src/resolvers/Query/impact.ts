import type { GraphQLResolveInfo } from "graphql";
import { impact as impactOf } from "../../analysis/answers.js";
import type { Context } from "../../context.js";
import { ANALYSIS_COST_PER_ENTITY, analysisDay, depthArg, firstArg, loadLayer, project, requireEntity } from "../analysis.js";
import { badInput } from "../errors.js";
import { chargeRequest, settleRequestBudget } from "../selection.js";
import { cutInputs } from "./cut-inputs.js";

interface Args {
  policy: string;
  asOf?: string | null;
  depth: number;
  first: number;
}

/** What a rule cuts off on asOf: what it restricts, the links it binds, and what loses its last provider downstream. */
export async function impact(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const depth = depthArg(args.depth);
  const first = firstArg(args.first);
  chargeRequest(info, first * ANALYSIS_COST_PER_ENTITY);
  await settleRequestBudget(info);
  const layer = await loadLayer(ctx, analysisDay(args.asOf));
  const policy = requireEntity(layer, "policy", args.policy);
  if (layer.node(policy)?.kind !== "POLICY") throw badInput("NOT_A_POLICY", { value: JSON.stringify(policy) }, "policy");
  const out = impactOf(layer, policy, depth, first);
  const p = await project(
    ctx,
    layer,
    [
      policy,
      ...out.restricted,
      ...out.cuts.flatMap((c) => [c.dependent, c.input, ...c.rules, ...c.path, ...c.providers]),
      ...out.affected.flatMap((a) => a.path),
    ],
    out.cuts.flatMap((c) => c.relations),
    info,
  );
  return {
    policy: p.entity(policy),
    restricted: p.entities(out.restricted),
    cuts: cutInputs(out.cuts, p),
    affected: out.affected.map((a) => ({ entity: p.entity(a.id), distance: a.distance, path: p.entities(a.path) })),
    truncated: out.truncated,
  };
}
