/** The shared body of `dependencies` (up: what it needs) and `dependents` (down: what needs it). */

import type { GraphQLResolveInfo } from "graphql";
import { providerGroups, walk } from "../../analysis/tree.js";
import type { Context } from "../../context.js";
import { ANALYSIS_COST_PER_ENTITY, analysisDay, depthArg, firstArg, loadLayer, project, requireEntity } from "../analysis.js";
import { chargeRequest, settleRequestBudget } from "../selection.js";

export async function dependencyTree(
  args: { id: string; asOf?: string | null; depth: number; first: number },
  ctx: Context,
  direction: "up" | "down",
  info: GraphQLResolveInfo,
) {
  const depth = depthArg(args.depth);
  const first = firstArg(args.first);
  // Nodes, their edges and provider groups: a few objects per entity reached.
  chargeRequest(info, first * ANALYSIS_COST_PER_ENTITY);
  await settleRequestBudget(info);
  const layer = await loadLayer(ctx, analysisDay(args.asOf));
  const root = requireEntity(layer, "id", args.id);
  const tree = walk(layer, root, direction, depth, first);
  const groups = tree.nodes.flatMap((n) => providerGroups(layer, n)).filter((g) => g.providers.some((p) => tree.nodes.includes(p.id)));
  const p = await project(
    ctx,
    layer,
    [...tree.nodes, ...groups.flatMap((g) => [g.item, ...g.providers.map((x) => x.id)])],
    [...tree.relations, ...groups.flatMap((g) => g.providers.map((x) => x.relation))],
    info,
  );
  return {
    root: p.entity(root),
    nodes: p.entities(tree.nodes),
    edges: p.relations(tree.relations),
    inputs: groups.map((g) => ({
      dependent: p.entity(g.dependent),
      relationType: g.type,
      item: p.entity(g.item),
      providers: g.providers.map((x) => ({ entity: p.entity(x.id), relation: p.relation(x.relation), share: x.share ?? null, shareAsOf: x.shareAsOf ?? null })),
    })),
    truncated: tree.truncated,
  };
}
