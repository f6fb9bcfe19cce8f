import type { GraphQLResolveInfo } from "graphql";
import { impact as impactOf } from "../../analysis/answers.js";
import type { DependencyLayer } from "../../analysis/layer.js";
import type { Context } from "../../context.js";
import { ANALYSIS_COST_PER_ENTITY, analysisDay, depthArg, firstArg, loadLayer, project, requireEntity } from "../analysis.js";
import { badInput } from "../errors.js";
import { chargeRequest, settleRequestBudget } from "../selection.js";
import { cutInputEntities, cutInputs } from "./cut-inputs.js";

/** Most rules one impact applies together. */
export const MAX_POLICIES_TOGETHER = 20;

interface Args {
  policy: string;
  alongside?: string[] | null;
  asOf?: string | null;
  depth: number;
  first: number;
}

/**
 * What a rule cuts off on asOf, alone or applied together with others (coordinated controls): what
 * they restrict, the links they bind, and what loses its last provider downstream.
 */
export async function impact(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const depth = depthArg(args.depth);
  const first = firstArg(args.first);
  chargeRequest(info, first * ANALYSIS_COST_PER_ENTITY);
  await settleRequestBudget(info);
  const layer = await loadLayer(ctx, analysisDay(args.asOf));
  const alongside = args.alongside ?? [];
  if (alongside.length > MAX_POLICIES_TOGETHER) throw badInput("POLICIES_TOO_MANY", { count: alongside.length, max: MAX_POLICIES_TOGETHER }, "alongside");
  const policies = [...new Set([requirePolicy(layer, "policy", args.policy), ...alongside.map((p) => requirePolicy(layer, "alongside", p))])];
  const policy = policies[0] as string;
  const out = impactOf(layer, policies, depth, first);
  const p = await project(
    ctx,
    layer,
    [...policies, ...out.overlapping, ...out.suspendedBy, ...out.restricted, ...cutInputEntities(out.cuts), ...out.affected.flatMap((a) => a.path)],
    out.cuts.flatMap((c) => c.relations),
    info,
  );
  return {
    policy: p.entity(policy),
    alongside: p.entities(policies.slice(1)),
    overlapping: p.entities(out.overlapping),
    suspendedBy: p.entities(out.suspendedBy),
    restricted: p.entities(out.restricted),
    caseByCase: p.entities(out.caseByCase),
    cuts: cutInputs(out.cuts, p),
    affected: out.affected.map((a) => ({ entity: p.entity(a.id), distance: a.distance, path: p.entities(a.path) })),
    truncated: out.truncated,
  };
}

function requirePolicy(layer: DependencyLayer, argument: string, value: unknown): string {
  const id = requireEntity(layer, argument, value);
  if (layer.node(id)?.kind !== "POLICY") throw badInput("NOT_A_POLICY", { argument, value: JSON.stringify(id) }, argument);
  return id;
}
