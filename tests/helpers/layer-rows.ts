/** Rows of a hand-made dependency layer, as the resolvers build them from the database. */
import type { LayerNode, LayerRelation } from "../../server/src/analysis/layer.js";

/** A relation `from/TYPE/to`, with any attributes. */
export function rel(from: string, type: string, to: string, extra: Partial<LayerRelation> = {}): LayerRelation {
  return { id: `${from}/${type}/${to}`, type, from, to, ...extra };
}

/** An entity named by its id. */
export function node(id: string, kind: string, country?: string, extra: Partial<LayerNode> = {}): LayerNode {
  return { id, kind, name: id, country, ...extra };
}
