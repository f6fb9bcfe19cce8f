/**
 * How many entities depend on each entity, transitively, for all entities at once — what the
 * chokepoint ranking needs — in time close to the size of the graph rather than entities × links.
 *
 * The "needed by" graph is condensed into its strongly connected components (Tarjan, iteratively),
 * which come out sinks first. Then, for one chunk of counted entities at a time, each component's
 * set of reachable counted entities is a bitset: its own members' bits OR its successors' sets.
 * Counts add up over chunks; memory stays at components × chunk bits.
 */
import type { DependencyLayer } from "./layer.js";

/** Counted entities handled per pass: 2,048 bits (64 words) per component. */
const CHUNK_WORDS = 64;

interface Condensed {
  ids: string[];
  /** Component of each entity index. */
  component: Int32Array;
  /** Components in the order Tarjan closes them: every successor before its predecessors. */
  count: number;
  /** Successor components of each component (deduplicated), as offsets into `edges`. */
  start: Int32Array;
  edges: Int32Array;
}

/**
 * Entities, and for each, the indices of the entities that need it (the walk "down"). An actor (an
 * organisation, a person) needs things but never fails for want of them (rule.ts), so nothing is
 * reached through it: what its products need, they need themselves. A trained model needs nothing
 * more (it keeps what it was trained on), so it is no dependent of anything.
 */
function downGraph(layer: DependencyLayer): { ids: string[]; out: number[][] } {
  const ids = [...layer.nodes.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const out = ids.map((id) => {
    const next = new Set<number>();
    if (layer.isActor(id)) return [];
    for (const link of layer.neededBy.get(id) ?? []) {
      if (layer.isFinished(link.dependent)) continue;
      const j = index.get(link.dependent);
      if (j !== undefined) next.add(j);
    }
    return [...next];
  });
  return { ids, out };
}

/** Tarjan's strongly connected components without recursion (deep chains would overflow the stack). */
function condense(ids: string[], out: number[][]): Condensed {
  const n = ids.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const top = work[work.length - 1] as [number, number];
      const [v, i] = top;
      const next = out[v] as number[];
      if (i < next.length) {
        top[1] = i + 1;
        const w = next[i] as number;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v] as number, order[w] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  const successors: Set<number>[] = Array.from({ length: components }, () => new Set<number>());
  for (let v = 0; v < n; v++)
    for (const w of out[v] as number[]) if (component[v] !== component[w]) successors[component[v] as number]?.add(component[w] as number);
  const start = new Int32Array(components + 1);
  for (let c = 0; c < components; c++) start[c + 1] = (start[c] as number) + (successors[c] as Set<number>).size;
  const edges = new Int32Array(start[components] as number);
  for (let c = 0; c < components; c++) edges.set([...(successors[c] as Set<number>)], start[c] as number);
  return { ids, component, count: components, start, edges };
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * For every entity of the layer, how many entities that `counts` accepts depend on it, directly or
 * transitively (itself excluded; the members of a cycle it is in included). No depth limit.
 */
export function dependentCounts(layer: DependencyLayer, counts: (id: string) => boolean = () => true): Map<string, number> {
  const { ids, out } = downGraph(layer);
  const g = condense(ids, out);
  const targets = ids.map((_, i) => i).filter((i) => counts(ids[i] as string));
  const total = new Float64Array(ids.length);
  const members: number[][] = Array.from({ length: g.count }, () => []);
  for (let v = 0; v < ids.length; v++) members[g.component[v] as number]?.push(v);
  const chunkBits = CHUNK_WORDS * 32;
  const bits = new Uint32Array(g.count * CHUNK_WORDS);
  for (let first = 0; first < targets.length; first += chunkBits) {
    bits.fill(0);
    const chunk = targets.slice(first, first + chunkBits);
    const bitOf = new Map(chunk.map((v, k) => [v, k]));
    for (const [v, k] of bitOf) {
      const at = (g.component[v] as number) * CHUNK_WORDS + (k >>> 5);
      bits[at] = (bits[at] as number) | (1 << (k & 31));
    }
    // Successors close first, so each component ORs in finished sets.
    for (let c = 0; c < g.count; c++) {
      const base = c * CHUNK_WORDS;
      for (let e = g.start[c] as number; e < (g.start[c + 1] as number); e++) {
        const from = (g.edges[e] as number) * CHUNK_WORDS;
        for (let w = 0; w < CHUNK_WORDS; w++) bits[base + w] = (bits[base + w] as number) | (bits[from + w] as number);
      }
      let reached = 0;
      for (let w = 0; w < CHUNK_WORDS; w++) reached += popcount(bits[base + w] as number);
      if (reached === 0) continue;
      for (const v of members[c] as number[]) total[v] = (total[v] as number) + reached - (bitOf.has(v) ? 1 : 0);
    }
  }
  return new Map(ids.map((id, i) => [id, total[i] as number]));
}

/** Every entity reachable from any of `roots` (roots included), following what each needs (`up`) or what needs it (`down`). */
export function reachableFrom(layer: DependencyLayer, roots: Iterable<string>, direction: "up" | "down"): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const r of roots)
    if (!seen.has(r)) {
      seen.add(r);
      queue.push(r);
    }
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    for (const link of (direction === "up" ? layer.needs.get(id) : layer.neededBy.get(id)) ?? []) {
      const next = direction === "up" ? link.other : link.dependent;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
