/** Sends one read query built by db/queries.ts. */

import type { ReadQuery } from "../db/queries.js";
import type { Database } from "../db/run.js";

export async function runRead(db: Database, query: ReadQuery): Promise<Record<string, unknown>[]> {
  return db.read<Record<string, unknown>>(query.name, query.cypher, query.params);
}
