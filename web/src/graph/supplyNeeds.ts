/**
 * The supply tree as text rows: for each entity, its provider groups (any one will do) and its
 * inputs, each needed, except that inputs naming the same `part` (a die made on either of two nodes)
 * make one row of alternatives. Pure code; the supply panel renders the rows.
 */
import type { DependencyTree } from "../api/documents.js";
import type { OntologyInfo } from "../api/types.js";

type TreeEntity = DependencyTree["nodes"][number];

export interface NeedsRow {
  node: TreeEntity;
  groups: DependencyTree["inputs"];
  /** Inputs by key: one entity, or the alternatives for one part. */
  inputs: { key: string; type: string; entities: TreeEntity[] }[];
}

export function needsRows(tree: DependencyTree, ontology: OntologyInfo): NeedsRow[] {
  const types = new Map(ontology.relationTypes.map((r) => [r.type, r]));
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const grouped = new Set(tree.inputs.flatMap((g) => g.providers.map((p) => p.relation?.id).filter(Boolean)));
  const inputsOf = new Map<string, Map<string, { key: string; type: string; entities: TreeEntity[] }>>();
  for (const r of tree.edges) {
    if (grouped.has(r.id)) continue;
    const fromDepends = (types.get(r.type)?.dependency?.dependent ?? "FROM") === "FROM";
    const [dependent, needed] = fromDepends ? [r.from.id, r.to.id] : [r.to.id, r.from.id];
    const entity = byId.get(needed);
    if (!entity) continue;
    const part = r.attributes?.part;
    const key = part ? `${r.type}|part:${part}` : `${r.type}|${entity.id}`;
    const rows = inputsOf.get(dependent) ?? new Map();
    inputsOf.set(dependent, rows);
    const row = rows.get(key) ?? { key, type: r.type, entities: [] };
    row.entities.push(entity);
    rows.set(key, row);
  }
  return tree.nodes
    .map((node) => ({
      node,
      groups: tree.inputs.filter((g) => g.dependent.id === node.id),
      inputs: [...(inputsOf.get(node.id)?.values() ?? [])],
    }))
    .filter((r) => r.groups.length + r.inputs.length > 0);
}
