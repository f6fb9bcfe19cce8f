/**
 * Exposure and impact over a dependency layer, as ids (the resolvers fetch the entities and
 * relations they name; the supply tree that dependencies and dependents answer is tree.ts, the
 * chokepoint ranking chokepoints.ts).
 * Pure functions of the layer; tested on hand-made graphs.
 */
import type { DependencyLayer, Link } from "./layer.js";
import {
  type CutReason,
  cutOf,
  dependentsSeen,
  type Evaluation,
  entityKey,
  evaluate,
  fails,
  linkExposures,
  restrictionsByTarget,
  type Scenario,
  unavailableTo,
  type View,
  viewAt,
} from "./rule.js";
import { pathTo, walk } from "./tree.js";

export type CutCause = "RULE" | "COUNTRY" | "UPSTREAM";

export interface CutInput {
  /** False for a provider group that keeps some providers while others are cut (not cut, but exposed). */
  cut: boolean;
  /** The entity that loses something. */
  dependent: string;
  /** What it loses: an input, or the thing its providers provide (a product, a supplied item). */
  input: string;
  type: string;
  cause: CutCause;
  /** Policy ids whose restrictions cut it (direct cuts only). */
  rules: string[];
  /** The first of `countries` (counterfactual). */
  country?: string;
  /** The stopping countries whose suppliers cut it (counterfactual; direct cuts only), in order of the providers. */
  countries: string[];
  /** Root -> ... -> dependent -> input. */
  path: string[];
  /** Every provider of the group (an input link: the input itself). */
  providers: string[];
  /** Providers still available to the dependent. */
  providersLeft: string[];
  /**
   * Cut by a foreign-direct-product rule at a supplier outside the issuer's country: that supplier's
   * providers in the issuer's country, which bring it within reach.
   */
  through: string[];
  /** The latest `since` of the restrictions that cut it. */
  since?: string;
  /** Relation ids of the links that fail. */
  relations: string[];
}

type Described = Pick<CutInput, "cause" | "rules" | "country" | "countries" | "through" | "since">;

function describe(reasons: CutReason[]): Described {
  if (reasons.length === 0) return { cause: "UPSTREAM", rules: [], countries: [], through: [] };
  // Lists in id order: the order rows come from the store must not show in an answer.
  const countries = [...new Set(reasons.flatMap((r) => (r.country ? [r.country] : [])))].sort();
  if (countries.length > 0) return { cause: "COUNTRY", rules: [], country: countries[0], countries, through: [] };
  const rules = [...new Set(reasons.flatMap((r) => (r.restriction ? [r.restriction.policy.id] : [])))].sort();
  const since = reasons
    .map((r) => r.restriction?.relation.since)
    .filter((s): s is string => Boolean(s))
    .sort()
    .pop();
  const through = [...new Set(reasons.flatMap((r) => r.through ?? []))].sort();
  return { cause: "RULE", rules, countries: [], through, since };
}

/**
 * Every input cut in the entity's dependency tree under a scenario: inputs lost (directly or because
 * they became unavailable upstream) and provider groups left without a provider. A product without
 * a country is seen from the nearest entity with one on its path from the root.
 */
export function exposure(layer: DependencyLayer, root: string, scenario: Scenario, depth: number): { cuts: CutInput[]; truncated: boolean } {
  const tree = walk(layer, root, "up", depth, 5_000);
  const ev = evaluate(layer, scenario);
  const byTarget = restrictionsByTarget(layer, scenario);
  const cuts: CutInput[] = [];
  for (const id of tree.nodes) {
    const path = pathTo(tree, id, "up");
    const view = path.reduce<View>((seen, at) => viewAt(layer, at, seen), undefined);
    const failed = (l: Link) => fails(layer, ev, l, view);
    for (const group of layer.inputGroups(id)) {
      const link = group[0] as Link;
      if (group.length === 1 && !failed(link)) {
        // Not cut, but aimed at by rules that reach some of its makers: exposed, with the others left.
        const exposed = linkExposures(layer, link, scenario, byTarget, view);
        if (exposed.length === 0) continue;
        const reached = new Set(exposed.flatMap((e) => e.reached));
        const providers = layer.providersOf(link.other);
        cuts.push({
          cut: false,
          dependent: id,
          input: link.other,
          type: link.relation.type,
          ...describe(exposed.map((e) => ({ restriction: e.restriction }))),
          path: [...path, link.other],
          providers,
          providersLeft: providers.filter((p) => !reached.has(p) && !unavailableTo(layer, ev, p, view)),
          relations: [],
        });
        continue;
      }
      cuts.push(...lostInputs(layer, ev, group, path, view));
    }
    for (const links of layer.providerGroups(id).values()) {
      const first = links[0] as Link;
      const lost = links.filter(failed);
      if (lost.length === 0) continue;
      const d = describe(lost.flatMap((l) => cutOf(layer, ev, l, view) ?? []));
      // A group with a provider left is not cut; it is listed only when some provider is cut directly.
      if (lost.length < links.length && d.cause === "UPSTREAM") continue;
      cuts.push({
        cut: lost.length === links.length,
        dependent: id,
        input: first.item,
        type: first.relation.type,
        ...d,
        path: first.item === id ? path : [...path, first.item],
        providers: links.map((l) => l.other),
        providersLeft: links.filter((l) => !failed(l)).map((l) => l.other),
        relations: lost.map((l) => l.relation.id),
      });
    }
  }
  return { cuts, truncated: tree.truncated };
}

/**
 * The failing inputs of an input group (one input, or the inputs for one part: a die made on either
 * of two nodes): each is listed, cut only when every alternative fails, with the alternatives left
 * (as a provider group is); one lost only upstream while others are left is not listed.
 */
function lostInputs(layer: DependencyLayer, ev: Evaluation, group: Link[], path: string[], view: View): CutInput[] {
  const failed = group.filter((l) => fails(layer, ev, l, view));
  const left = group.filter((l) => !failed.includes(l)).map((l) => l.other);
  const out: CutInput[] = [];
  for (const link of failed) {
    const d = describe(cutOf(layer, ev, link, view) ?? []);
    if (left.length > 0 && d.cause === "UPSTREAM") continue;
    out.push({
      cut: left.length === 0,
      dependent: link.dependent,
      input: link.other,
      type: link.relation.type,
      ...d,
      path: [...path, link.other],
      providers: group.map((l) => l.other),
      providersLeft: left,
      relations: [link.relation.id],
    });
  }
  return out;
}

export interface Impact {
  /** What the policies restrict directly (items and listed parties). */
  restricted: string[];
  /** Of those, what they restrict with licences reviewed case by case (or presumed approved): they cut nothing there. */
  caseByCase: string[];
  /** Other policies in force that restrict any of the same targets (to apply alongside), by id. */
  overlapping: string[];
  /** Policies suspending, on the day, any of the policies applied (which then cut nothing). */
  suspendedBy: string[];
  /** Links it cuts directly. */
  cuts: CutInput[];
  /** Entities that lose an input or their last provider, with their distance from a cut. */
  affected: { id: string; distance: number; path: string[] }[];
  truncated: boolean;
}

/** What rules cut, applied together (one rule, or coordinated controls): an item made only where they reach is cut. */
export function impact(layer: DependencyLayer, policies: string[], depth: number, first: number): Impact {
  const scenario: Scenario = { rules: true, policies };
  const ev = evaluate(layer, scenario);
  const own = layer.restrictions.filter((r) => policies.includes(r.policy.id));
  const restricted = [...new Set(own.map((r) => r.target))];
  const caseByCase = [...new Set(own.filter((r) => r.licensable).map((r) => r.target))];
  const targets = new Set(own.filter((r) => !r.licensable).map((r) => r.target));
  // Rules to apply alongside control the same way: export rules coordinate, an import ban stands alone.
  const directions = new Set(own.map((r) => r.imports));
  const overlapping = [
    ...new Set(
      layer.restrictions
        .filter((r) => targets.has(r.target) && !r.licensable && directions.has(r.imports) && !policies.includes(r.policy.id))
        .map((r) => r.policy.id),
    ),
  ].sort();
  // A link cut for several views (a product without a country, seen from each country needing it) is one row.
  const reasonsByLink = new Map<string, CutReason[]>();
  for (const { link, reasons } of ev.cutLinks.values()) reasonsByLink.set(link.relation.id, [...(reasonsByLink.get(link.relation.id) ?? []), ...reasons]);
  const cuts: CutInput[] = [];
  for (const [rid, reasons] of reasonsByLink) {
    const link = layer.linkById.get(rid) as Link;
    const d = describe(reasons);
    cuts.push({
      cut: true,
      dependent: link.dependent,
      input: link.item,
      type: link.relation.type,
      ...d,
      path: [link.item, link.dependent],
      providers: [link.other],
      providersLeft: [],
      relations: [rid],
    });
  }
  cuts.sort((a, b) => a.dependent.localeCompare(b.dependent) || a.input.localeCompare(b.input));
  // Distance downstream from the first entities that failed, along what needs them (in the view it was lost in).
  const start = [...ev.unavailable.values()].filter((f) => f.reasons.length > 0);
  const reached = new Set(start.map((f) => entityKey(layer, f.id, f.view)));
  const distance = new Map<string, number>();
  const via = new Map<string, string>();
  for (const f of start) distance.set(f.id, 0);
  let frontier: [string, View][] = start.map((f) => [f.id, f.view]);
  for (let level = 1; frontier.length > 0; level++) {
    const next: [string, View][] = [];
    for (const [id, view] of frontier)
      for (const seen of dependentsSeen(layer, ev, id, view)) {
        const key = entityKey(layer, ...seen);
        if (!ev.unavailable.has(key) || reached.has(key)) continue;
        reached.add(key);
        next.push(seen);
        if (!distance.has(seen[0])) {
          distance.set(seen[0], level);
          via.set(seen[0], id);
        }
      }
    frontier = next;
  }
  const all = [...distance.entries()].filter(([, d]) => d <= depth).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const affected = all.slice(0, first).map(([id, d]) => {
    const path = [id];
    for (let at = via.get(id); at; at = via.get(at)) path.unshift(at);
    return { id, distance: d, path };
  });
  const suspendedBy = [...new Set(policies.flatMap((p) => layer.suspended.get(p) ?? []))].sort();
  return { restricted, caseByCase, overlapping, suspendedBy, cuts: cuts.slice(0, first), affected, truncated: all.length > first || cuts.length > first };
}
