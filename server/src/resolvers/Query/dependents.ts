import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { dependencyTree } from "./dependency-tree.js";

interface Args {
  id: string;
  asOf?: string | null;
  depth: number;
  first: number;
}

/** Everything that depends on the entity, transitively. */
export function dependents(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  return dependencyTree(args, ctx, "down", info);
}
