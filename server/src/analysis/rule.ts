/**
 * The one rule of the dependency analysis, written once: a thing needs all of its inputs; an input
 * is available while any one of its providers is. A link is cut when a restriction in force binds
 * it (or, in a counterfactual, when its supplier is in a given country); what loses an input, or
 * every provider of one of its provider groups, is cut in turn, downstream, through cycles too
 * (the greatest fixpoint: a cycle with nothing cut stays available).
 */
import type { DependencyLayer, Link, Restriction } from "./layer.js";

/**
 * Which restrictions apply: the rules in force (optionally only some policies', applied together),
 * or countries stopping supply (together: their suppliers stop supplying consumers outside them).
 */
export type Scenario = { rules: true; policies?: string[] } | { countries: string[] };

export interface CutReason {
  /** The restriction that binds the link. */
  restriction?: Restriction;
  /** The country whose suppliers stop (counterfactual): the supplier's. */
  country?: string;
}

/** Why an entity is unavailable: an input it lost, or a provider group left without providers. */
export interface Failure {
  link: Link;
  /** The links of the failed group (one link for an input). */
  links: Link[];
  /** Direct cuts of those links; empty when the failure came from upstream. */
  reasons: CutReason[];
}

export interface Evaluation {
  scenario: Scenario;
  /** Links cut directly, by relation id. */
  cutLinks: Map<string, CutReason[]>;
  /** Unavailable entities and their first failure. */
  unavailable: Map<string, Failure>;
}

/**
 * The item rules aimed at a link's consumer: on the item, with the consumer's country among their
 * destinations (a rule naming none — a licensing regime for every destination — cuts nothing), and
 * the item not exempted. Whether they bind is another matter (bindingItemRules).
 */
function aimedItemRules(layer: DependencyLayer, link: Link, byTarget: Map<string, Restriction[]>): Restriction[] {
  const consumer = layer.consumerCountry(link);
  if (!consumer || layer.exempt.has(link.item)) return [];
  return (byTarget.get(link.item) ?? []).filter((r) => !r.party && consumer !== r.policy.country && r.destinations?.includes(consumer));
}

/**
 * The item rules that bind a link, of those aimed at it: rules together bind when the item comes
 * only from where their issuers' rules reach (its origins, or else all of its providers). One
 * issuer's rule binds alone when the item comes only from that issuer's country; coordinated rules
 * (the Dutch on ASML's scanners, the Japanese on Nikon's) bind together an item made only in their
 * countries, and each one that reaches an origin is a reason. A foreign-direct-product rule binds
 * alone, wherever the item is made.
 */
function bindingItemRules(layer: DependencyLayer, link: Link, aimed: Restriction[]): Restriction[] {
  const foreignReach = aimed.filter((r) => r.policy.reachesForeignProducts === true);
  const origins = layer.originCountries(link.item);
  const issuers = new Set(aimed.map((r) => r.policy.country));
  const covered = origins.every((c) => issuers.has(c));
  if (!covered) return foreignReach;
  // Nothing known of where it comes from: every rule aimed at it binds (as a rule on it means).
  if (origins.length === 0) return aimed;
  return aimed.filter((r) => foreignReach.includes(r) || origins.includes(r.policy.country ?? ""));
}

/** The party rules listing the consumer (or the owner of the product it is supplied for). */
function aimedPartyRules(layer: DependencyLayer, link: Link, byTarget: Map<string, Restriction[]>): Restriction[] {
  return layer.consumerParties(link).flatMap((party) => (byTarget.get(party) ?? []).filter((r) => r.party));
}

/** A party rule binds supplies from suppliers under the issuer's jurisdiction. */
function partyRuleBinds(layer: DependencyLayer, link: Link, r: Restriction): boolean {
  const supplier = layer.supplierCountry(link);
  return r.policy.reachesForeignProducts === true || (supplier !== undefined && supplier === r.policy.country);
}

/** The reasons a link is cut directly under a scenario (empty: it is not). */
export function linkCuts(layer: DependencyLayer, link: Link, scenario: Scenario, byTarget: Map<string, Restriction[]>): CutReason[] {
  if ("countries" in scenario) {
    const supplier = layer.supplierCountry(link);
    const consumer = layer.consumerCountry(link);
    return supplier && scenario.countries.includes(supplier) && !(consumer && scenario.countries.includes(consumer)) ? [{ country: supplier }] : [];
  }
  if (layer.consumerParties(link).some((p) => layer.exempt.has(p))) return [];
  return [
    ...bindingItemRules(layer, link, aimedItemRules(layer, link, byTarget)),
    ...aimedPartyRules(layer, link, byTarget).filter((r) => partyRuleBinds(layer, link, r)),
  ].map((restriction) => ({ restriction }));
}

/**
 * Rules in force aimed at an input link that do not cut it, because what it needs is also made
 * beyond the issuer's reach: each with the providers of the input it does reach (those in the
 * issuer's country). SMIC's nodes need immersion DUV lithography; the Dutch rules reach ASML's,
 * while Nikon (Japan) and Yuliangsheng (China) make it too: exposed, not cut.
 */
export function linkExposures(
  layer: DependencyLayer,
  link: Link,
  scenario: Scenario,
  byTarget: Map<string, Restriction[]>,
): { restriction: Restriction; reached: string[] }[] {
  if ("countries" in scenario || link.role !== "input") return [];
  if (layer.consumerParties(link).some((p) => layer.exempt.has(p))) return [];
  const providers = layer.providersOf(link.other);
  const aimed = aimedItemRules(layer, link, byTarget);
  const binding = bindingItemRules(layer, link, aimed);
  const unbound = [
    ...aimed.filter((r) => !binding.includes(r)),
    ...aimedPartyRules(layer, link, byTarget).filter((r) => !partyRuleBinds(layer, link, r) && layer.supplierCountry(link) === undefined),
  ];
  return unbound
    .map((restriction) => ({ restriction, reached: providers.filter((p) => layer.countryOf(p) === restriction.policy.country) }))
    .filter((e) => e.reached.length > 0);
}

/** The restrictions a scenario applies, by their target. */
export function restrictionsByTarget(layer: DependencyLayer, scenario: Scenario): Map<string, Restriction[]> {
  const map = new Map<string, Restriction[]>();
  if ("countries" in scenario) return map;
  for (const r of layer.restrictions) {
    if (scenario.policies && !scenario.policies.includes(r.policy.id)) continue;
    const list = map.get(r.target);
    if (list) list.push(r);
    else map.set(r.target, [r]);
  }
  return map;
}

/** Evaluations by layer and scenario: a layer is one graph version on one day, so they never change. */
const evaluations = new WeakMap<DependencyLayer, Map<string, Evaluation>>();

/** What is cut and what becomes unavailable under `scenario` (computed once per layer and scenario; read-only). */
export function evaluate(layer: DependencyLayer, scenario: Scenario): Evaluation {
  const key =
    "countries" in scenario
      ? `countries:${[...scenario.countries].sort().join(",")}`
      : `rules:${scenario.policies ? [...scenario.policies].sort().join(",") : "*"}`;
  const byScenario = evaluations.get(layer) ?? new Map<string, Evaluation>();
  evaluations.set(layer, byScenario);
  let ev = byScenario.get(key);
  if (!ev) {
    ev = evaluateOnce(layer, scenario);
    byScenario.set(key, ev);
  }
  return ev;
}

function evaluateOnce(layer: DependencyLayer, scenario: Scenario): Evaluation {
  const byTarget = restrictionsByTarget(layer, scenario);
  const cutLinks = new Map<string, CutReason[]>();
  for (const links of layer.needs.values())
    for (const link of links) {
      const reasons = linkCuts(layer, link, scenario, byTarget);
      if (reasons.length > 0) cutLinks.set(link.relation.id, reasons);
    }
  const unavailable = new Map<string, Failure>();
  const failed = (link: Link) => cutLinks.has(link.relation.id) || unavailable.has(link.other);
  const check = (id: string): Failure | undefined => {
    // Actors (organisations, people) lose inputs but do not disappear as providers: what fails
    // downstream is products (chips, systems, models, technologies, materials, facilities).
    if (layer.isActor(id)) return undefined;
    for (const link of layer.inputs(id)) if (failed(link)) return { link, links: [link], reasons: cutLinks.get(link.relation.id) ?? [] };
    for (const links of layer.providerGroups(id).values())
      if (links.every(failed)) return { link: links[0] as Link, links, reasons: links.flatMap((l) => cutLinks.get(l.relation.id) ?? []) };
    return undefined;
  };
  // Start from the dependents of cut links; each newly unavailable entity re-checks its dependents.
  const queue = [
    ...new Set(
      [...layer.needs.values()]
        .flat()
        .filter((l) => cutLinks.has(l.relation.id))
        .map((l) => l.dependent),
    ),
  ];
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next] as string;
    if (unavailable.has(id)) continue;
    const failure = check(id);
    if (!failure) continue;
    unavailable.set(id, failure);
    for (const link of layer.neededBy.get(id) ?? []) if (!unavailable.has(link.dependent)) queue.push(link.dependent);
  }
  return { scenario, cutLinks, unavailable };
}
