/**
 * The checked graph: what the seed files say, after validation. The records' base fields are
 * generated from seed/ontology/fields.yaml (server/src/core/model.generated.ts).
 */
import type { EntityRecord, RelationRecord, SourceRecord } from "../core/model.generated.js";
import type { AuditRecord } from "./audits.js";

export type { AttributeValue, EntityRecord, RelationAttributeValue, RelationRecord, SourceRecord } from "../core/model.generated.js";

export interface SeedGraph {
  entities: EntityRecord[];
  relations: RelationRecord[];
  sources: SourceRecord[];
  /** The audit records (seed/audits/): who checked which relations, in which form (not part of the graph's diff). */
  audits?: AuditRecord[];
}

export function relationId(from: string, type: string, to: string, key?: string): string {
  return key ? `${from}/${type}/${to}/${key}` : `${from}/${type}/${to}`;
}
