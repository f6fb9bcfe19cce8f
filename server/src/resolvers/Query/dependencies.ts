import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { dependencyTree } from "./dependency-tree.js";

interface Args {
  id: string;
  asOf?: string | null;
  depth: number;
  first: number;
}

/** Everything the entity depends on, transitively, with the providers of each input. */
export function dependencies(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  return dependencyTree(args, ctx, "up", info);
}
