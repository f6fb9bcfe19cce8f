/**
 * The dependency layer of the graph: the relations whose type carries a dependency meaning, a
 * restriction or an exemption, turned into links "dependent needs other" by the ontology's
 * declarations. Pure data; no database. See seed/README.md, "Dependencies".
 */
import { holdsOn } from "../core/dates.js";
import type { Ontology } from "../ontology.js";

export interface LayerNode {
  id: string;
  kind: string;
  name: string;
  country?: string;
  /** POLICY: destinations it binds (undefined: none named, so an item rule cuts nothing unless it is an outright ban). */
  destinations?: string[];
  /** POLICY: where a licence is required (`prohibited`: an outright export ban, see BANNED_EVERYWHERE). */
  licensing?: string;
  /** POLICY: the trade it controls (`imports`: an import ban, see IMPORTS; else exports). */
  direction?: string;
  /** POLICY: a foreign-direct-product rule binds suppliers anywhere. */
  reachesForeignProducts?: boolean;
  /** TECHNOLOGY: published open-source software, which no export rule covers. */
  openSource?: boolean;
  /** POLICY: its policyType (a party it names loses supplies only under some types). */
  policyType?: string;
  /** POLICY: the day it took effect; its restrictions that name no day of their own hold from then. */
  effective?: string | null;
}

export interface LayerRelation {
  id: string;
  type: string;
  from: string;
  to: string;
  since?: string;
  until?: string;
  item?: string;
  /** An input: the part of the dependent it is for (inputs for one part are alternatives). */
  part?: string;
  share?: number;
  shareAsOf?: string;
  destinations?: string[];
  /** EXEMPTS: the one supplier whose supplies it lets through (undefined: every supplier's). */
  supplier?: string;
  /** RESTRICTS: how licence applications are reviewed (undefined: as a denial). */
  licenceReview?: string;
}

/** What the database gives the analysis: entities and the layer's relations valid on a day. */
export interface LayerData {
  nodes: LayerNode[];
  relations: LayerRelation[];
}

/** "dependent needs other": one dependency relation, read in its dependency direction. */
export interface Link {
  relation: LayerRelation;
  dependent: string;
  other: string;
  role: "input" | "provider";
  /**
   * Links of one group are alternatives. Providers: `dependent/TYPE/item`; a supply that names no
   * item, `dependent/TYPE/@supplier` (alone). Inputs: `dependent/part:PART` for those naming a
   * part (a die made on either of two nodes), else the link's own id (needed alone).
   */
  group: string;
  /** What flows along the link: the input itself, the product provided, a SUPPLIES item, or the supplier of a supply naming none. */
  item: string;
  /** The provider runs the dependent itself (OPERATES): no rule or country stop cuts the link. */
  internal: boolean;
}

export interface Restriction {
  relation: LayerRelation;
  policy: LayerNode;
  /** The restricted entity: an item (chip, tool, material...) or a listed party (organisation, facility). */
  target: string;
  party: boolean;
  /** Destination countries bound (undefined: none named, so an item rule cuts nothing unless `everywhere`). */
  destinations?: string[];
  /** An outright export ban naming no destinations: it binds every country but the issuer's. */
  everywhere: boolean;
  /** An import ban: it binds consumers in the issuer's own country, for what is made only abroad. */
  imports: boolean;
  /** Licences reviewed case by case or presumed approved: recorded, but it cuts nothing. */
  licensable: boolean;
}

/**
 * An exemption (a licence or waiver): it lifts the rules of its policy's country (every rule, for
 * a policy of no country), for supplies from its supplier (from anyone, when it names none).
 */
export interface Exemption {
  country?: string;
  supplier?: string;
}

/** Kinds that act rather than get made: they lose inputs but never fail as providers. */
const ACTOR_KINDS = new Set(["ORGANIZATION", "PERSON", "POLICY", "METRIC"]);
/** Licence reviews under which licences may be granted: a restriction reviewed so cuts nothing. */
const LICENSABLE_REVIEWS = new Set(["case-by-case", "presumption-of-approval", "discouraged"]);
/** The `licensing` of an outright export ban: no licence is granted, so it binds every destination it does not leave out. */
const BANNED_EVERYWHERE = "prohibited";
/** The `direction` of an import ban (a customs block, an order to stop buying): it binds the issuer's own consumers. */
const IMPORTS = "imports";
/** Kinds whose restriction lists a party rather than an item. */
const PARTY_KINDS = new Set(["ORGANIZATION", "FACILITY", "PERSON"]);
/** Provider types that make the provider an owner of the product (its designer or developer). */
const OWNER_TYPES = new Set(["DESIGNS", "DEVELOPS"]);

export class DependencyLayer {
  readonly nodes = new Map<string, LayerNode>();
  /** Links by dependent: what each entity needs. */
  readonly needs = new Map<string, Link[]>();
  /** Links by the other end: who needs each entity. */
  readonly neededBy = new Map<string, Link[]>();
  readonly restrictions: Restriction[] = [];
  /** Policies suspended on the day, each with the policies suspending it. */
  readonly suspended = new Map<string, string[]>();
  /** Listed parties: the policies in force whose party rules name each (Entity List, sanctions...). */
  readonly listedIn = new Map<string, Set<string>>();
  /** Entities exempted from restrictions (a licence or waiver valid on the day), each with its exemptions. */
  readonly exempt = new Map<string, Exemption[]>();
  /** Owners of a product (designers, developers): a supply to the product is a supply to them. */
  readonly owners = new Map<string, string[]>();
  readonly linkById = new Map<string, Link>();
  /** Every layer relation that holds on the day (links, restrictions, exemptions), by id. */
  readonly relationById = new Map<string, LayerRelation>();

  /** The layer as it stands on `asOf` (YYYY-MM-DD): only relations that hold that day. */
  constructor(
    readonly ontology: Ontology,
    data: LayerData,
    readonly asOf: string,
  ) {
    for (const n of data.nodes) this.nodes.set(n.id, n);
    // Policies suspended that day: their restrictions and exemptions do not hold.
    for (const r of data.relations) if (ontology.relationType(r.type)?.suspension && holdsOn(asOf, r.since, r.until)) push(this.suspended, r.to, r.from);
    for (const r of data.relations) {
      const def = ontology.relationType(r.type);
      const since = r.since ?? (def?.restriction ? (this.nodes.get(r.from)?.effective ?? undefined) : undefined);
      if (!holdsOn(asOf, since, r.until)) continue;
      this.relationById.set(r.id, r);
      if (!def || !this.nodes.has(r.from) || !this.nodes.has(r.to)) continue;
      if ((def.restriction || def.exemption) && this.suspended.has(r.from)) continue;
      if (def.restriction) {
        const policy = this.nodes.get(r.from) as LayerNode;
        const target = this.nodes.get(r.to) as LayerNode;
        const party = PARTY_KINDS.has(target.kind);
        // A procurement or investment ban names a party but cuts no supply to it (partyPolicyTypes);
        // a policy of no stated type is read as an export control.
        if (party && def.partyPolicyTypes && policy.policyType && !def.partyPolicyTypes.includes(policy.policyType)) continue;
        const imports = policy.direction === IMPORTS;
        // An import ban naming a party (stop buying its products) is recorded; it cuts no one off from supplies.
        if (party && imports) continue;
        const destinations = imports ? undefined : (r.destinations ?? policy.destinations);
        this.restrictions.push({
          relation: r,
          policy,
          target: target.id,
          party,
          destinations,
          everywhere: !imports && !destinations && policy.licensing === BANNED_EVERYWHERE,
          imports,
          licensable: LICENSABLE_REVIEWS.has(r.licenceReview ?? ""),
        });
        if (party) this.listedIn.set(target.id, (this.listedIn.get(target.id) ?? new Set()).add(policy.id));
        continue;
      }
      if (def.exemption) {
        push(this.exempt, r.to, { country: this.nodes.get(r.from)?.country, supplier: r.supplier });
        continue;
      }
      if (!def.dependency) continue;
      const dependent = def.dependency.dependent === "from" ? r.from : r.to;
      const other = dependent === r.from ? r.to : r.from;
      const role = def.dependency.role;
      // A supply that names no item stands alone (nothing says another supplier stands in for it):
      // what flows is "what this supplier supplies", so the supplier is its item and its group.
      const unnamed = role === "provider" && r.item === undefined && def.namesItem;
      const item = role === "input" || unnamed ? other : (r.item ?? dependent);
      const group =
        role === "input" ? (r.part === undefined ? r.id : `${dependent}/part:${r.part}`) : `${dependent}/${r.type}/${unnamed ? `@${other}` : (r.item ?? "")}`;
      const link: Link = { relation: r, dependent, other, role, group, item, internal: def.dependency.internal };
      push(this.needs, dependent, link);
      this.linkById.set(r.id, link);
      push(this.neededBy, other, link);
      if (role === "provider" && OWNER_TYPES.has(r.type)) push(this.owners, dependent, other);
    }
    // Answers must not depend on the order the database returned rows in.
    const byId = (a: Link, b: Link) => (a.relation.id < b.relation.id ? -1 : a.relation.id > b.relation.id ? 1 : 0);
    for (const links of [...this.needs.values(), ...this.neededBy.values()]) links.sort(byId);
    for (const owners of this.owners.values()) owners.sort();
  }

  node(id: string): LayerNode | undefined {
    return this.nodes.get(id);
  }

  /** The provider groups of an entity: each group is a set of alternatives. */
  providerGroups(id: string): Map<string, Link[]> {
    const groups = new Map<string, Link[]>();
    for (const link of this.needs.get(id) ?? []) if (link.role === "provider") push(groups, link.group, link);
    return groups;
  }

  /** Every provider of an entity, across its provider groups, once each. */
  providersOf(id: string): string[] {
    return [...new Set([...this.providerGroups(id).values()].flat().map((l) => l.other))];
  }

  inputs(id: string): Link[] {
    return (this.needs.get(id) ?? []).filter((l) => l.role === "input");
  }

  /** The input groups of an entity: each is needed; the links of one (inputs for one part) are alternatives. */
  inputGroups(id: string): Link[][] {
    const groups = new Map<string, Link[]>();
    for (const link of this.inputs(id)) push(groups, link.group, link);
    return [...groups.values()];
  }

  /** The country that supplies along a link: the other end's, else its owners'. */
  supplierCountry(link: Link): string | undefined {
    return this.countryOf(link.other);
  }

  /**
   * An entity's country: its own, else its owners' when they all share one. A technology developed
   * in several countries (HBM3: SK hynix, Samsung, CXMT) has none: taking the first owner's made
   * HBM3 Chinese, so a rule on HBM shipped to China cut the H100's HBM3.
   */
  countryOf(id: string): string | undefined {
    const own = this.nodes.get(id)?.country;
    if (own) return own;
    const countries = new Set<string>();
    for (const owner of this.owners.get(id) ?? []) {
      const c = this.nodes.get(owner)?.country;
      if (c) countries.add(c);
    }
    return countries.size === 1 ? [...countries][0] : undefined;
  }

  /**
   * Whether an exemption lets a link through a rule for `id` (a party receiving along it, or its
   * item): one from the rule's issuer (a US licence lifts US rules, not China's customs block), or
   * from a policy of no country, for everyone's supplies or the link's supplier's.
   */
  exempts(id: string, link: Link, rule: Restriction): boolean {
    const issuer = rule.policy.country;
    return (this.exempt.get(id) ?? []).some(
      (e) => (e.supplier === undefined || e.supplier === link.other) && (e.country === undefined || issuer === undefined || e.country === issuer),
    );
  }

  /** Whether a party rule in force of the policy lists the entity. */
  listedBy(id: string, policy: string): boolean {
    return this.listedIn.get(id)?.has(policy) ?? false;
  }

  /** Actors lose inputs but stay providers; only products fail downstream. */
  isActor(id: string): boolean {
    return ACTOR_KINDS.has(this.nodes.get(id)?.kind ?? "");
  }

  /** Made once (a trained model): nothing it needs can be cut, and it never fails. */
  isFinished(id: string): boolean {
    return this.ontology.kind(this.nodes.get(id)?.kind ?? "")?.finished === true;
  }

  /**
   * Where an item comes from: its own country (or its owners'), else the countries of every
   * provider it has; empty when nothing is known (a rule on it then binds).
   */
  originCountries(id: string): string[] {
    const own = this.countryOf(id);
    if (own) return [own];
    const out = new Set<string>();
    for (const links of this.providerGroups(id).values())
      for (const l of links) {
        const c = this.countryOf(l.other);
        if (c) out.add(c);
      }
    return [...out];
  }

  /**
   * The parties that receive along a link: the dependent and its owners (HiSilicon and Huawei, for
   * SMIC making the Ascend 910B). Not the owners of a product developed in several countries, which
   * belongs to no one of them (Cadence's, Synopsys's and Empyrean's EDA tools: Ansys making some
   * supplies nothing to Empyrean), and not to one owner from another designing or making it.
   */
  consumerParties(link: Link): string[] {
    const owners = this.owners.get(link.dependent) ?? [];
    if (owners.includes(link.other) || this.countryOf(link.dependent) === undefined) return [link.dependent];
    return [link.dependent, ...owners];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
