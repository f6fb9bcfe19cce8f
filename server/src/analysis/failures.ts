/**
 * What would be left without an entity if it were unavailable (from every provider), by the
 * analysis's one rule (rule.ts): a product fails when it loses every alternative for one of its
 * inputs, or every provider of one of its provider groups; an actor (an organisation) loses the
 * input but never fails, so nothing falls through it; a trained model keeps what it was trained
 * on, so it is never left without anything. Unlike the dependent counts (reach.ts), a
 * dependent with another way to get what it needs (a second node for its die, a second maker) is
 * not counted.
 *
 * The layer's groups are indexed once per layer; each question then only visits the links out of
 * what falls, so answering it for many inputs costs about their failures, not the graph each time.
 */
import type { DependencyLayer } from "./layer.js";

interface Index {
  ids: string[];
  at: Map<string, number>;
  actor: Uint8Array;
  /** Made once (a trained model): never left without anything. */
  finished: Uint8Array;
  /** Per group (an entity's input group or provider group): the entity that needs it. */
  owner: Int32Array;
  /** Per group: how many distinct alternatives it has. */
  size: Int32Array;
  /** Per entity: the groups it is an alternative in, as offsets into `memberGroups`. */
  memberStart: Int32Array;
  memberGroups: Int32Array;
  /** Scratch of one question, valid where stamped with its epoch: alternatives left per group, and entities fallen. */
  left: Int32Array;
  groupEpoch: Int32Array;
  fallen: Int32Array;
  epoch: number;
}

const indexes = new WeakMap<DependencyLayer, Index>();

function indexOf(layer: DependencyLayer): Index {
  const cached = indexes.get(layer);
  if (cached) return cached;
  const ids = [...layer.nodes.keys()];
  const at = new Map(ids.map((id, i) => [id, i]));
  const owners: number[] = [];
  const sizes: number[] = [];
  const memberships: number[][] = ids.map(() => []);
  ids.forEach((id, v) => {
    for (const links of [...layer.inputGroups(id), ...layer.providerGroups(id).values()]) {
      const g = owners.length;
      const alternatives = new Set(links.map((l) => at.get(l.other) as number));
      owners.push(v);
      sizes.push(alternatives.size);
      for (const u of alternatives) memberships[u]?.push(g);
    }
  });
  const memberStart = new Int32Array(ids.length + 1);
  memberships.forEach((gs, u) => {
    memberStart[u + 1] = (memberStart[u] as number) + gs.length;
  });
  const index: Index = {
    ids,
    at,
    actor: Uint8Array.from(ids, (id) => (layer.isActor(id) ? 1 : 0)),
    finished: Uint8Array.from(ids, (id) => (layer.isFinished(id) ? 1 : 0)),
    owner: Int32Array.from(owners),
    size: Int32Array.from(sizes),
    memberStart,
    memberGroups: Int32Array.from(memberships.flat()),
    left: new Int32Array(owners.length),
    groupEpoch: new Int32Array(owners.length),
    fallen: new Int32Array(ids.length),
    epoch: 0,
  };
  indexes.set(layer, index);
  return index;
}

/** One entity left without something it needs: `via` is the entity whose loss took its last alternative. */
export interface Fall {
  id: string;
  via: string;
  /** False for an actor (an organisation), which loses the input but stays. */
  fails: boolean;
}

/**
 * The entities that would be left without something they need if `id` were unavailable (itself
 * excluded), in the order they fall (nearest first): products that fail, and actors that lose one
 * of their inputs (or every provider of a group) — an actor does not fail, so nothing falls
 * through it. Failures spread only as far as they are forced (a cycle that keeps another way in
 * stays up): each group counts down its alternatives, so one question costs the links out of what
 * falls.
 */
export function falls(layer: DependencyLayer, id: string): Fall[] {
  const x = indexOf(layer);
  const start = x.at.get(id);
  if (start === undefined) return [];
  const epoch = ++x.epoch;
  x.fallen[start] = epoch;
  const out: Fall[] = [];
  const queue = [start];
  for (let next = 0; next < queue.length; next++) {
    const u = queue[next] as number;
    for (let m = x.memberStart[u] as number; m < (x.memberStart[u + 1] as number); m++) {
      const g = x.memberGroups[m] as number;
      const left = (x.groupEpoch[g] === epoch ? (x.left[g] as number) : (x.size[g] as number)) - 1;
      x.groupEpoch[g] = epoch;
      x.left[g] = left;
      const v = x.owner[g] as number;
      if (left > 0 || x.fallen[v] === epoch || x.finished[v] === 1) continue;
      x.fallen[v] = epoch;
      // An actor loses the input but stays: what needs it is not checked.
      const fails = x.actor[v] === 0;
      out.push({ id: x.ids[v] as string, via: x.ids[u] as string, fails });
      if (fails) queue.push(v);
    }
  }
  return out;
}

/** The ids of `falls`: what would be left without `id`. */
export function leftWithout(layer: DependencyLayer, id: string): string[] {
  return falls(layer, id).map((f) => f.id);
}

export interface Loss {
  /** What would be left without the entity, nearest first, at most `first`. */
  left: { id: string; distance: number; path: string[]; fails: boolean }[];
  /** How many in all. */
  total: number;
  /** How many of them would fail (the others are actors that lose an input). */
  failing: number;
}

/**
 * What would be left without an entity, each with its distance (1: it needs the entity itself)
 * and the path of losses from the entity to it.
 */
export function loss(layer: DependencyLayer, id: string, first: number): Loss {
  const all = falls(layer, id);
  const via = new Map(all.map((f) => [f.id, f.via]));
  // What falls through another falls after it, so its distance is known by then.
  const distance = new Map([[id, 0]]);
  for (const f of all) distance.set(f.id, (distance.get(f.via) ?? 0) + 1);
  const pathTo = (to: string) => {
    const path = [to];
    for (let at = via.get(to); at !== undefined; at = via.get(at)) path.unshift(at);
    return path;
  };
  // Paths only for the rows returned.
  const left = all
    .map((f) => ({ id: f.id, distance: distance.get(f.id) as number, fails: f.fails }))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, first)
    .map((f) => ({ ...f, path: pathTo(f.id) }));
  return { left, total: all.length, failing: all.filter((f) => f.fails).length };
}
