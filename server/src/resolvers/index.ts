/** The resolver map: one file per root field under Query/. */
import type { IResolvers } from "@graphql-tools/utils";
import type { Context } from "../context.js";
import { stats } from "./Query/stats.js";

export const resolvers: IResolvers<unknown, Context> = {
  Query: { stats },
};
