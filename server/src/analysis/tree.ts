/**
 * The supply tree of an entity: breadth-first over what it needs (or what needs it), the first-reach
 * path to each node, and the provider groups of a node. Pure functions of the layer.
 */
import type { DependencyLayer, Link } from "./layer.js";

export interface Tree {
  root: string;
  /** Entities reached, root first, in breadth-first order. */
  nodes: string[];
  /** Relation ids of the links walked between the nodes returned. */
  relations: string[];
  /** Per entity: the link that reached it first (for paths). */
  parent: Map<string, Link>;
  truncated: boolean;
}

/** Breadth-first over what each entity needs (`up`) or over what needs it (`down`). */
export function walk(layer: DependencyLayer, root: string, direction: "up" | "down", depth: number, first: number): Tree {
  const nodes = [root];
  const seen = new Set(nodes);
  const parent = new Map<string, Link>();
  const relations = new Set<string>();
  let frontier = [root];
  let truncated = false;
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const id of frontier) {
      const links = direction === "up" ? (layer.needs.get(id) ?? []) : (layer.neededBy.get(id) ?? []);
      for (const link of links) {
        const to = direction === "up" ? link.other : link.dependent;
        if (!seen.has(to)) {
          if (nodes.length >= first) {
            truncated = true;
            continue;
          }
          seen.add(to);
          nodes.push(to);
          parent.set(to, link);
          next.push(to);
        }
        relations.add(link.relation.id);
      }
    }
    frontier = next;
  }
  // A node at the depth limit may have further links: say so.
  if (!truncated)
    for (const id of frontier) {
      const links = direction === "up" ? layer.needs.get(id) : layer.neededBy.get(id);
      if (links?.some((l) => !seen.has(direction === "up" ? l.other : l.dependent))) truncated = true;
    }
  const kept = new Set(nodes);
  const edges = [...relations].filter((rid) => {
    const link = findLink(layer, rid);
    return link !== undefined && kept.has(link.dependent) && kept.has(link.other);
  });
  return { root, nodes, relations: edges, parent, truncated };
}

function findLink(layer: DependencyLayer, relationId: string): Link | undefined {
  return layer.linkById.get(relationId);
}

/** Ids from the root to `id` along the tree's first-reach links. */
export function pathTo(tree: Tree, id: string, direction: "up" | "down"): string[] {
  const out = [id];
  let at = id;
  for (let guard = 0; at !== tree.root && guard < 10_000; guard++) {
    const link = tree.parent.get(at);
    if (!link) break;
    at = direction === "up" ? link.dependent : link.other;
    out.unshift(at);
  }
  return out;
}

export interface ProviderGroup {
  dependent: string;
  type: string;
  item: string;
  providers: { id: string; relation: string; share?: number; shareAsOf?: string }[];
}

export function providerGroups(layer: DependencyLayer, id: string): ProviderGroup[] {
  return [...layer.providerGroups(id).values()].map((links) => {
    const first = links[0] as Link;
    return {
      dependent: id,
      type: first.relation.type,
      item: first.item,
      providers: links.map((l) => ({ id: l.other, relation: l.relation.id, share: l.relation.share, shareAsOf: l.relation.shareAsOf })),
    };
  });
}
