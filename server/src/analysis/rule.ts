/**
 * The one rule of the dependency analysis, written once: a thing needs all of its inputs (of the
 * inputs for one part, any one); an input is available while any one of its providers is. A link is
 * cut when a restriction in force binds it (or, in a counterfactual, when its supplier is in a given
 * country); what loses an input (every input for a part), or every provider of one of its provider
 * groups, is cut in turn, downstream, through cycles too
 * (the greatest fixpoint: a cycle with nothing cut stays available).
 *
 * When countries stop supplying, whether a link is cut depends on the country that receives along
 * it. A product without a country (a technology made in several: immersion DUV lithography by ASML
 * and Nikon) is then seen from each country that needs it, through products without a
 * country too: the same scanners are cut for a Taiwanese fab and kept for an American one when the
 * US, the Netherlands and Japan stop. Each such product is evaluated once per view, and once seen
 * from no country (from outside the stopping countries). Its inputs are seen from the same view,
 * not from its makers' countries, which the graph does not tie to its inputs.
 * Rules in force see such a product from no country: a rule on an item shipped to China binds the
 * Chinese fab that uses it, not the parts a Dutch maker builds into what it ships there.
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
  /**
   * A foreign-direct-product rule binding a supplier outside the issuer's country: the supplier's
   * own providers in the issuer's country, which bring what it makes within the rule's reach.
   */
  through?: string[];
}

/**
 * The country a product is seen from: its own, or, for one without a country, that of whoever needs
 * it (undefined: seen from no country).
 */
export type View = string | undefined;

/** A link cut directly, for its dependent seen from `view`. */
export interface Cut {
  link: Link;
  view: View;
  reasons: CutReason[];
}

/** Why an entity is unavailable: an input it lost, or a provider group left without providers. */
export interface Failure {
  id: string;
  view: View;
  link: Link;
  /** The links of the failed group (one link for an input, unless inputs for one part). */
  links: Link[];
  /** Direct cuts of those links; empty when the failure came from upstream. */
  reasons: CutReason[];
}

export interface Evaluation {
  scenario: Scenario;
  /** Links cut directly, by `linkKey` (the relation id, for a dependent with a country). */
  cutLinks: Map<string, Cut>;
  /** Unavailable entities and their first failure, by `entityKey` (the id, for one with a country). */
  unavailable: Map<string, Failure>;
  /** The views an entity is seen from: its own country, or every view a product without one has. */
  viewsOf(id: string): View[];
}

/** The view an entity has when needed by a consumer seen from `inherited`: its own country, else that. */
export function viewAt(layer: DependencyLayer, id: string, inherited: View): View {
  return layer.countryOf(id) ?? inherited;
}

/** An entity as seen from a view: its id when it has a country (one view) or is seen from none. */
export function entityKey(layer: DependencyLayer, id: string, view: View): string {
  return view === undefined || layer.countryOf(id) ? id : `${id}@${view}`;
}

/** A link as its dependent sees it from a view (keys `cutLinks`). */
export function linkKey(layer: DependencyLayer, link: Link, view: View): string {
  return view === undefined || layer.countryOf(link.dependent) ? link.relation.id : `${link.relation.id}@${view}`;
}

/** The direct cuts of a link for its dependent seen from `view` (undefined: not cut directly). */
export function cutOf(layer: DependencyLayer, ev: Evaluation, link: Link, view: View): CutReason[] | undefined {
  return ev.cutLinks.get(linkKey(layer, link, viewAt(layer, link.dependent, view)))?.reasons;
}

/** Whether an entity is unavailable to a consumer seen from `view`. */
export function unavailableTo(layer: DependencyLayer, ev: Evaluation, id: string, view: View): boolean {
  return ev.unavailable.has(entityKey(layer, id, viewAt(layer, id, view)));
}

/** Whether a link fails for its dependent seen from `view`: cut directly, or what it brings is unavailable there. */
export function fails(layer: DependencyLayer, ev: Evaluation, link: Link, view: View): boolean {
  const seen = viewAt(layer, link.dependent, view);
  return cutOf(layer, ev, link, seen) !== undefined || unavailableTo(layer, ev, link.other, seen);
}

/** The dependents of an entity seen from `view`, each with the view it has when it needs it that way. */
export function dependentsSeen(layer: DependencyLayer, ev: Evaluation, id: string, view: View): [string, View][] {
  const key = entityKey(layer, id, view);
  const out: [string, View][] = [];
  for (const link of layer.neededBy.get(id) ?? [])
    for (const v of ev.viewsOf(link.dependent)) if (entityKey(layer, id, viewAt(layer, link.dependent, v)) === key) out.push([link.dependent, v]);
  return out;
}

/**
 * The views of each product without a country: none, and the country of every entity with one
 * that needs it, directly or through other products without a country.
 */
function countrylessViews(layer: DependencyLayer): Map<string, View[]> {
  const views = new Map<string, Set<View>>();
  const queue: [string, string][] = [];
  const add = (id: string, view: View) => {
    if (layer.countryOf(id)) return;
    let set = views.get(id);
    if (!set) {
      set = new Set([undefined]);
      views.set(id, set);
    }
    if (view !== undefined && !set.has(view)) {
      set.add(view);
      queue.push([id, view]);
    }
  };
  for (const [id, links] of layer.needs) {
    const country = layer.countryOf(id);
    add(id, undefined);
    for (const link of links) add(link.other, country);
  }
  while (queue.length > 0) {
    const [id, view] = queue.pop() as [string, string];
    for (const link of layer.needs.get(id) ?? []) add(link.other, view);
  }
  return new Map([...views].map(([id, set]) => [id, [...set]]));
}

/**
 * The item rules aimed at a link's consumer: on the item, with the consumer's country among their
 * destinations (a rule naming none — a licensing regime for every destination — cuts nothing, but
 * an outright ban naming none binds every country but its issuer's), or, for an import ban, the
 * consumer in the issuer's own country; and the item not exempted. Whether they bind is another
 * matter (bindingItemRules).
 */
function aimedItemRules(layer: DependencyLayer, link: Link, byTarget: Map<string, Restriction[]>, view: View): Restriction[] {
  const consumer = viewAt(layer, link.dependent, view);
  if (!consumer) return [];
  return (byTarget.get(link.item) ?? []).filter(
    (r) =>
      !r.party &&
      (r.imports ? consumer === r.policy.country : consumer !== r.policy.country && (r.everywhere || r.destinations?.includes(consumer))) &&
      !layer.exempts(link.item, link, r) &&
      !partyExempt(layer, link, r),
  );
}

/**
 * The item rules that bind a link, of those aimed at it: rules together bind when the item comes
 * only from where their issuers' rules reach (its origins, or else all of its providers). One
 * issuer's rule binds alone when the item comes only from that issuer's country; coordinated rules
 * (the Dutch on ASML's scanners, the Japanese on Nikon's) bind together an item made only in their
 * countries, and each one that reaches an origin is a reason. A foreign-direct-product rule binds
 * alone, wherever the item is made. An import ban binds alone, when the item is made only abroad.
 */
function bindingItemRules(layer: DependencyLayer, link: Link, aimed: Restriction[]): Restriction[] {
  const origins = layer.originCountries(link.item);
  // An import ban binds what is made only abroad: a maker at home still supplies its country.
  const imports = aimed.filter((r) => r.imports && !origins.includes(r.policy.country ?? ""));
  const exports = aimed.filter((r) => !r.imports);
  const foreignReach = exports.filter((r) => r.policy.reachesForeignProducts === true);
  const issuers = new Set(exports.map((r) => r.policy.country));
  const covered = origins.every((c) => issuers.has(c));
  if (!covered) return [...foreignReach, ...imports];
  // Nothing known of where it comes from: every rule aimed at it binds (as a rule on it means).
  if (origins.length === 0) return aimed;
  return [...exports.filter((r) => foreignReach.includes(r) || origins.includes(r.policy.country ?? "")), ...imports];
}

/** The party rules listing the consumer (or the owner of the product it is supplied for). */
function aimedPartyRules(layer: DependencyLayer, link: Link, byTarget: Map<string, Restriction[]>): Restriction[] {
  return layer.consumerParties(link).flatMap((party) => (byTarget.get(party) ?? []).filter((r) => r.party && !partyExempt(layer, link, r)));
}

/** The relation type by which a supplier comes to rest on a country's technology (tools, software, parts). */
const REACH_TYPE = "SUPPLIES";

/**
 * Whether a party rule binds a supply, and through what: a supplier in the issuer's country always
 * (through nothing more). A foreign-direct-product rule also binds a supplier elsewhere that rests
 * on the issuer's technology: something is supplied to it from the issuer's country (SMIC's tools
 * from Applied Materials and Lam Research), which are the reason. It never binds a supplier the
 * same policy lists: it cuts the parties it lists off from others, not from themselves. (Nor an
 * owner designing or making its own product, HiSilicon the Ascend 310: that is no supply to the
 * other owners, see consumerParties.)
 */
function partyRuleReach(layer: DependencyLayer, link: Link, r: Restriction): { through: string[] } | undefined {
  const issuer = r.policy.country;
  if (issuer === undefined) return undefined;
  if (layer.supplierCountry(link) === issuer) return { through: [] };
  if (r.policy.reachesForeignProducts !== true || layer.listedBy(link.other, r.policy.id)) return undefined;
  const supplies = (layer.needs.get(link.other) ?? []).filter((l) => l.role === "provider" && l.relation.type === REACH_TYPE);
  const through = [...new Set(supplies.map((l) => l.other))].filter((p) => layer.countryOf(p) === issuer);
  return through.length > 0 ? { through } : undefined;
}

/**
 * Whether a party the link supplies has an exemption from the rule (a licence or waiver from its
 * issuer, for everyone's supplies or its supplier's).
 */
function partyExempt(layer: DependencyLayer, link: Link, rule: Restriction): boolean {
  return layer.consumerParties(link).some((p) => layer.exempts(p, link, rule));
}

/** Published open-source software: no rule cuts a link to it. */
function openSource(layer: DependencyLayer, link: Link): boolean {
  return layer.node(link.item)?.openSource === true;
}

/** The reasons a link is cut directly under a scenario, for its dependent seen from `view` (empty: it is not). */
export function linkCuts(layer: DependencyLayer, link: Link, scenario: Scenario, byTarget: Map<string, Restriction[]>, view: View): CutReason[] {
  // A trained model keeps what it was trained on; an operator running its own plant trades nothing.
  if (layer.isFinished(link.dependent) || link.internal) return [];
  if ("countries" in scenario) {
    const supplier = layer.supplierCountry(link);
    const consumer = viewAt(layer, link.dependent, view);
    return supplier && scenario.countries.includes(supplier) && !(consumer && scenario.countries.includes(consumer)) ? [{ country: supplier }] : [];
  }
  if (openSource(layer, link)) return [];
  const items = bindingItemRules(layer, link, aimedItemRules(layer, link, byTarget, view)).map((restriction) => ({ restriction }));
  const parties = aimedPartyRules(layer, link, byTarget).flatMap((restriction) => {
    const reach = partyRuleReach(layer, link, restriction);
    if (!reach) return [];
    return [reach.through.length > 0 ? { restriction, through: reach.through } : { restriction }];
  });
  return [...items, ...parties];
}

/**
 * Rules in force aimed at an input link that do not cut it, because what it needs is also made
 * beyond the issuer's reach: each with the providers of the input it does reach (those in the
 * issuer's country). SMIC's nodes need immersion DUV lithography; the Dutch rules reach ASML's,
 * while Nikon (Japan) makes it too: exposed, not cut.
 */
export function linkExposures(
  layer: DependencyLayer,
  link: Link,
  scenario: Scenario,
  byTarget: Map<string, Restriction[]>,
  view: View,
): { restriction: Restriction; reached: string[] }[] {
  if ("countries" in scenario || link.role !== "input" || layer.isFinished(link.dependent)) return [];
  if (openSource(layer, link)) return [];
  const providers = layer.providersOf(link.other);
  // An import ban that does not bind leaves the item to its makers at home: nothing of the issuer's reach is exposed.
  const aimed = aimedItemRules(layer, link, byTarget, view).filter((r) => !r.imports);
  const binding = bindingItemRules(layer, link, aimed);
  const unbound = [
    ...aimed.filter((r) => !binding.includes(r)),
    ...aimedPartyRules(layer, link, byTarget).filter((r) => !partyRuleReach(layer, link, r) && layer.supplierCountry(link) === undefined),
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
    // Licences may be granted (reviewed case by case): recorded, but no cut and no exposure.
    if (r.licensable || (scenario.policies && !scenario.policies.includes(r.policy.id))) continue;
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
  const views = "countries" in scenario ? countrylessViews(layer) : new Map<string, View[]>();
  const viewsOf = (id: string): View[] => {
    const own = layer.countryOf(id);
    return own ? [own] : (views.get(id) ?? [undefined]);
  };
  const cutLinks = new Map<string, Cut>();
  for (const [dependent, links] of layer.needs)
    for (const view of viewsOf(dependent))
      for (const link of links) {
        const reasons = linkCuts(layer, link, scenario, byTarget, view);
        if (reasons.length > 0) cutLinks.set(linkKey(layer, link, view), { link, view, reasons });
      }
  const ev: Evaluation = { scenario, cutLinks, unavailable: new Map(), viewsOf };
  const check = (id: string, view: View): Failure | undefined => {
    // Actors (organisations, people) lose inputs but do not disappear as providers: what fails
    // downstream is products (chips, systems, technologies, materials, facilities). A trained
    // model keeps what it was trained on.
    if (layer.isActor(id) || layer.isFinished(id)) return undefined;
    for (const links of layer.inputGroups(id))
      if (links.every((l) => fails(layer, ev, l, view)))
        return { id, view, link: links[0] as Link, links, reasons: links.flatMap((l) => cutOf(layer, ev, l, view) ?? []) };
    for (const links of layer.providerGroups(id).values())
      if (links.every((l) => fails(layer, ev, l, view)))
        return { id, view, link: links[0] as Link, links, reasons: links.flatMap((l) => cutOf(layer, ev, l, view) ?? []) };
    return undefined;
  };
  // Start from the dependents of cut links; each newly unavailable entity re-checks its dependents.
  const queue: [string, View][] = [...cutLinks.values()].map((c) => [c.link.dependent, c.view]);
  for (let next = 0; next < queue.length; next++) {
    const [id, view] = queue[next] as [string, View];
    const key = entityKey(layer, id, view);
    if (ev.unavailable.has(key)) continue;
    const failure = check(id, view);
    if (!failure) continue;
    ev.unavailable.set(key, failure);
    for (const seen of dependentsSeen(layer, ev, id, view)) if (!ev.unavailable.has(entityKey(layer, ...seen))) queue.push(seen);
  }
  return ev;
}
