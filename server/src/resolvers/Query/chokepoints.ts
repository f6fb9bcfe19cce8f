import type { GraphQLResolveInfo } from "graphql";
import { chokepoints as rank } from "../../analysis/chokepoints.js";
import type { Context } from "../../context.js";
import { ANALYSIS_COST_PER_ENTITY, ANALYSIS_LIMITS, analysisDay, firstArg, loadLayer, project, requireEntity } from "../analysis.js";
import { chargeRequest, settleRequestBudget } from "../selection.js";

interface Args {
  scope?: string | null;
  asOf?: string | null;
  first: number;
}

/** Inputs ranked by dependents / (providers × provider countries; a firm and its own plants are one), with what each would leave without; scope: an entity id, a country code, or the whole graph. */
export async function chokepoints(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const first = firstArg(args.first, ANALYSIS_LIMITS.chokepointsFirst);
  // Ranking reads the whole layer: charge it like a full page.
  chargeRequest(info, ANALYSIS_LIMITS.first * ANALYSIS_COST_PER_ENTITY);
  await settleRequestBudget(info);
  const layer = await loadLayer(ctx, analysisDay(args.asOf));
  const scope =
    args.scope === null || args.scope === undefined
      ? {}
      : /^[A-Z]{2}$/.test(args.scope)
        ? { country: args.scope }
        : { entity: requireEntity(layer, "scope", args.scope) };
  const ranked = rank(layer, scope, first);
  const p = await project(
    ctx,
    layer,
    ranked.flatMap((c) => [c.input, ...c.providers.map((x) => x.id)]),
    ranked.flatMap((c) => c.providers.map((x) => x.relation)),
    info,
  );
  return ranked.map((c) => ({
    input: p.entity(c.input),
    relationType: c.type,
    score: c.score,
    dependents: c.dependents,
    leftWithout: c.leftWithout,
    providers: c.providers.map((x) => ({ entity: p.entity(x.id), relation: p.relation(x.relation), share: x.share ?? null, shareAsOf: x.shareAsOf ?? null })),
    countries: c.countries,
  }));
}
