import type { Context } from "../../context.js";
import { readQueries } from "../../db/queries.js";

export async function stats(_parent: unknown, _args: unknown, { db }: Context) {
  const [row] = await db.read("stats", readQueries.stats);
  return row;
}
