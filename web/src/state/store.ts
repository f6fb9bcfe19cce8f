/** Everything fetched so far (entities, relations, details, paths). Data, not view: undo never touches it. */
import type { EntityCore, EntityDetail, PathResult, RelationCore } from "../api/types.js";
import type { GraphData } from "./view.js";

export class GraphStore implements GraphData {
  readonly entities = new Map<string, EntityCore>();
  readonly relations = new Map<string, RelationCore>();
  /** Entities whose every relation is in `relations` (so edges to anything on the canvas are known). */
  readonly relationsLoaded = new Set<string>();
  /** Expanded entity -> whether the server had more neighbours than were asked for. */
  readonly truncated = new Map<string, boolean>();
  readonly details = new Map<string, EntityDetail>();
  readonly paths = new Map<string, PathResult[]>();
  /** Answers of the analysis fields (supply chain, exposure, chokepoints, impact, compare), by request key. */
  readonly analysis = new Map<string, unknown>();

  addEntities(entities: EntityCore[]): void {
    for (const e of entities) this.entities.set(e.id, { ...this.entities.get(e.id), ...e });
  }

  addRelations(relations: RelationCore[]): void {
    for (const r of relations) this.relations.set(r.id, r);
  }

  /** Ids still missing their entity or their relations. */
  missing(ids: Iterable<string>): string[] {
    return [...new Set(ids)].filter((id) => !this.entities.has(id) || !this.relationsLoaded.has(id));
  }
}

export function pathKey(from: string, to: string, maxHops: number, filterKey: string): string {
  return `${from}|${to}|${maxHops}|${filterKey}`;
}
