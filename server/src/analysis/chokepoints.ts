/**
 * Inputs ranked as chokepoints over a dependency layer, as ids (the resolver fetches the entities
 * and relations they name). Pure functions of the layer; tested on hand-made and random graphs.
 */
import { leftWithout } from "./failures.js";
import type { DependencyLayer } from "./layer.js";
import { dependentCounts, reachableFrom } from "./reach.js";
import { providerGroups } from "./tree.js";

export interface Chokepoint {
  input: string;
  type: string;
  score: number;
  dependents: number;
  /** How many of the dependents would be left without something they need without it (failures.ts). */
  leftWithout: number;
  providers: { id: string; relation: string; share?: number; shareAsOf?: string; country?: string }[];
  countries: string[];
}

export type ChokepointScope = { entity?: string; country?: string };

/**
 * A ranking as far as it has been read: every candidate in order of score, and the rows kept so
 * far (those something would be left without), `next` being the first candidate not yet looked at.
 */
interface Ranking {
  candidates: Chokepoint[];
  counts: (id: string) => boolean;
  kept: Chokepoint[];
  next: number;
}

/** Rankings by layer and scope: a layer is one graph version on one day, so they never change. */
const rankings = new WeakMap<DependencyLayer, Map<string, Ranking>>();

/**
 * Inputs ranked by score = dependents / (providers × provider countries), where providers are
 * those of the input's smallest provider group (its fewest alternatives), a plant counted with its
 * operator (`firms`: Samsung and its Pyeongtaek campus are one maker of DRAM), and dependents counts
 * every entity that needs it, transitively and without a depth limit (within the scope; one pass
 * over the graph for all inputs, reach.ts). Each ranked input also tells how many of them would be
 * left without something they need if it were unavailable (failures.ts: products with no
 * alternative to it, transitively, and organisations that lose it); an input nothing would be left
 * without is not a chokepoint, however much needs it (a fab beside others making the same memory).
 */
export function chokepoints(layer: DependencyLayer, scope: ChokepointScope, first: number): Chokepoint[] {
  const key = `${scope.entity ?? ""}|${scope.country ?? ""}`;
  const cached = rankings.get(layer) ?? new Map<string, Ranking>();
  rankings.set(layer, cached);
  let ranking = cached.get(key);
  if (!ranking) {
    ranking = { ...candidates(layer, scope), kept: [], next: 0 };
    cached.set(key, ranking);
  }
  // What an input leaves without is found one input at a time (each costs about what falls), so
  // only as far down the ranking as has been asked.
  while (ranking.kept.length < first && ranking.next < ranking.candidates.length) {
    const row = ranking.candidates[ranking.next++] as Chokepoint;
    row.leftWithout = leftWithout(layer, row.input).filter(ranking.counts).length;
    if (row.leftWithout > 0) ranking.kept.push(row);
  }
  return ranking.kept.slice(0, first);
}

/** Every input of the scope with a provider and a dependent, by score (what each leaves without not yet known). */
function candidates(layer: DependencyLayer, scope: ChokepointScope): { candidates: Chokepoint[]; counts: (id: string) => boolean } {
  let reached: Set<string>;
  let counts: (id: string) => boolean;
  if (scope.entity) {
    reached = reachableFrom(layer, [scope.entity], "up");
    counts = (id) => reached.has(id);
  } else if (scope.country) {
    const own = [...layer.nodes.values()].filter((n) => n.country === scope.country).map((n) => n.id);
    reached = reachableFrom(layer, own, "up");
    counts = (id) => layer.node(id)?.country === scope.country;
  } else {
    reached = new Set(layer.nodes.keys());
    counts = () => true;
  }
  const dependents = dependentCounts(layer, counts);
  const rows: Chokepoint[] = [];
  for (const id of reached) {
    // Actors (organisations, people) are not inputs: what they are supplied with is (an item).
    if (layer.isActor(id)) continue;
    const down = dependents.get(id) ?? 0;
    if (down === 0) continue;
    const groups = providerGroups(layer, id);
    if (groups.length === 0) continue;
    const weakest = groups.reduce((a, b) => (b.providers.length < a.providers.length ? b : a));
    const providers = weakest.providers.map((p) => ({ ...p, country: layer.countryOf(p.id) }));
    const countries = [...new Set(providers.map((p) => p.country).filter((c): c is string => Boolean(c)))].sort();
    const score = down / (firms(layer, providers).size * Math.max(1, countries.length));
    rows.push({ input: id, type: weakest.type, score, dependents: down, leftWithout: 0, providers, countries });
  }
  rows.sort((a, b) => b.score - a.score || b.dependents - a.dependents || a.input.localeCompare(b.input));
  return { candidates: rows, counts };
}

/**
 * The independent providers among a group's: a plant or data centre (a provider run by an operator,
 * an `internal` provider: OPERATES) is counted as its operators, so a firm and its own plants
 * making the same input are one maker, as are two plants of one firm; a plant run jointly counts
 * as its operators together.
 */
function firms(layer: DependencyLayer, providers: { id: string }[]): Set<string> {
  const out = new Set<string>();
  for (const p of providers) {
    const operators = [...layer.providerGroups(p.id).values()].find((links) => links[0]?.internal)?.map((l) => l.other);
    out.add(operators?.length ? operators.sort().join("+") : p.id);
  }
  return out;
}
