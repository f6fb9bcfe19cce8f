/** A checked relation record as the validator returns it, for tests that need many of them. */
import type { RelationRecord } from "../../server/src/seed/model.js";

export function relationRecord(from: string, type: string, to: string, extra: Partial<RelationRecord> = {}): RelationRecord {
  return { id: `${from}/${type}/${to}`, type, from, to, status: "confirmed", claimedBy: [], attributes: {}, sources: ["s"], quotes: [], ...extra };
}
