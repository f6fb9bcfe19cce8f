/**
 * The view: which entities are on the canvas, what is hidden, pinned, expanded and filtered.
 * A ViewState is immutable and serialisable (it is the URL, see url.ts, and the undo history);
 * the operations here are pure, so they are tested without a browser.
 */
import type { EntityCore, RelationCore, Status, SuggestionInput } from "../api/types.js";
import { holdsOn, monthToDay } from "../graph/dates.js";
import type { MapRegion } from "../graph/mapRegion.js";

export type Lang = "en" | "zh";
export const LAYOUTS = ["fcose", "concentric", "breadthfirst", "circle", "grid"] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const PANELS = ["details", "filters", "path", "list", "suggest", "supply", "loss", "chokepoints", "compare", "timeline"] as const;
export type PanelName = (typeof PANELS)[number];

/** What the filters take away. Lists hold the excluded values, so new kinds show by default. */
export interface Filters {
  kinds: string[];
  types: string[];
  countries: string[];
  statuses: Status[];
  /** "YYYY-MM": hide relations that did not hold then. */
  asOf?: string | undefined;
}

export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
}

/**
 * A relation being suggested (the "Suggest" tab): kept in the view so a link reopens the draft. It
 * is what `suggestRelation` checks (sources as ids or urls of registered sources; one quote of a
 * cited source, its translation, and which source, empty: the first), with its ends and type still
 * to be chosen.
 */
export type SuggestDraft = Omit<SuggestionInput, "from" | "type" | "to"> & {
  from?: string | undefined;
  type?: string | undefined;
  to?: string | undefined;
};

export function emptyDraft(): SuggestDraft {
  return {
    sources: [],
    status: "confirmed",
    claimedBy: [],
    since: "",
    until: "",
    note: "",
    noteZh: "",
    quote: "",
    quoteTranslation: "",
    quoteSource: "",
    key: "",
  };
}

export function draftIsEmpty(d: SuggestDraft): boolean {
  return (
    !d.from &&
    !d.type &&
    !d.to &&
    !d.sources.length &&
    d.status === "confirmed" &&
    !d.claimedBy.length &&
    !d.since &&
    !d.until &&
    !d.note &&
    !d.noteZh &&
    !d.quote &&
    !d.quoteTranslation &&
    !d.quoteSource &&
    !d.key
  );
}

export interface ViewState {
  /** Entity ids on the canvas, in the order they came. */
  nodes: string[];
  /** Expanded entity -> how many neighbours were asked for (the cap; "show more" raises it). */
  expanded: Record<string, number>;
  /** Entities the user hid: expansions leave them out until "show hidden". */
  hidden: string[];
  /** Pinned entity -> its position on the canvas. */
  pinned: Record<string, [number, number]>;
  selected?: string | undefined;
  path?: PathQuery | undefined;
  filters: Filters;
  layout: LayoutName;
  lang: Lang;
  panel: PanelName;
  /** The suggestion being drafted; absent when its form is empty. */
  suggest?: SuggestDraft | undefined;
  /** Entities in the compare tray (at most COMPARE_MAX), in the order added. */
  compare: string[];
  /** The exposure list's counterfactual: "what if these countries' suppliers stopped" (ISO codes, together); empty: the rules in force. */
  stopCountries: string[];
  /** The chokepoint ranking's scope: "entity" (the selection's supply tree), a country code, or undefined (the whole graph). */
  chokeScope?: string | undefined;
  /** The timeline's filters: one issuing country, one policy type (none: every policy). */
  timeline?: TimelineFilter | undefined;
  /** Rules applied together with a policy in its impact (coordinated controls); they apply while that policy is shown. */
  together?: Together | undefined;
  /** The part of the front-page map in view (while the canvas is empty); absent: the whole map. */
  mapRegion?: MapRegion | undefined;
}

/** The timeline's filters. */
export interface TimelineFilter {
  /** Only policies of this issuing country (ISO code). */
  issuer?: string | undefined;
  /** Only policies of this `policyType` value. */
  type?: string | undefined;
}

export interface Together {
  policy: string;
  alongside: string[];
}

/** The rules applied alongside `policy` in its impact (none unless chosen for this policy). */
export function alongsideOf(view: ViewState, policy: string): string[] {
  return view.together?.policy === policy ? view.together.alongside : [];
}

/** compare(ids) takes two to four entities. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;
/** The counterfactual countries the exposure list offers. */
export const STOP_COUNTRIES = ["US", "NL", "JP", "TW", "KR", "CN"] as const;

/** Adds an entity to the compare tray (the oldest leaves when it is full). */
export function addToCompare(view: ViewState, id: string): ViewState {
  if (view.compare.includes(id)) return view;
  return { ...view, compare: [...view.compare, id].slice(-COMPARE_MAX) };
}

export function removeFromCompare(view: ViewState, id: string): ViewState {
  return { ...view, compare: view.compare.filter((c) => c !== id) };
}

export const EXPAND_CAP = 15;
/** Countries key for entities without one (technologies, models). */
export const NO_COUNTRY = "-";

export function emptyFilters(): Filters {
  return { kinds: [], types: [], countries: [], statuses: [] };
}

export function emptyView(lang: Lang = "en"): ViewState {
  return { nodes: [], expanded: {}, hidden: [], pinned: {}, filters: emptyFilters(), layout: "fcose", lang, panel: "details", compare: [], stopCountries: [] };
}

/** The data the view draws from: everything fetched so far. */
export interface GraphData {
  entities: ReadonlyMap<string, EntityCore>;
  relations: ReadonlyMap<string, RelationCore>;
}

export function filtersActive(f: Filters): boolean {
  return f.kinds.length + f.types.length + f.countries.length + f.statuses.length > 0 || Boolean(f.asOf);
}

function relationFiltersActive(f: Filters): boolean {
  return f.types.length + f.statuses.length > 0 || Boolean(f.asOf);
}

export function relationPasses(r: RelationCore, f: Filters): boolean {
  if (f.types.includes(r.type)) return false;
  if (f.statuses.includes(r.status)) return false;
  if (f.asOf && !holdsOn(monthToDay(f.asOf), r.since, r.until)) return false;
  return true;
}

export function entityPasses(e: EntityCore, f: Filters): boolean {
  if (f.kinds.includes(e.kind)) return false;
  if (f.countries.includes(e.country ?? NO_COUNTRY)) return false;
  return true;
}

export interface VisibleGraph {
  nodes: EntityCore[];
  edges: RelationCore[];
  /** Entities on the canvas that the filters took away. */
  filteredOut: number;
}

/**
 * What the canvas shows: entities on the canvas that pass the filters, and the relations between
 * them that pass. When relation filters are on, an entity left with no relation is taken away too
 * (it was only there for relations that are now filtered), unless it is selected, pinned or on a path.
 */
export function visibleGraph(view: ViewState, data: GraphData, keep: ReadonlySet<string> = new Set()): VisibleGraph {
  const onCanvas = new Set(view.nodes);
  const candidates = view.nodes.map((id) => data.entities.get(id)).filter((e): e is EntityCore => Boolean(e) && entityPasses(e as EntityCore, view.filters));
  const candidateIds = new Set(candidates.map((e) => e.id));
  const edgesBetween: RelationCore[] = [];
  for (const r of data.relations.values()) {
    if (onCanvas.has(r.from.id) && onCanvas.has(r.to.id)) edgesBetween.push(r);
  }
  const edges = edgesBetween.filter((r) => candidateIds.has(r.from.id) && candidateIds.has(r.to.id) && relationPasses(r, view.filters));
  let nodes = candidates;
  if (relationFiltersActive(view.filters)) {
    const hadEdge = new Set<string>();
    for (const r of edgesBetween) {
      hadEdge.add(r.from.id);
      hadEdge.add(r.to.id);
    }
    const hasEdge = new Set<string>();
    for (const r of edges) {
      hasEdge.add(r.from.id);
      hasEdge.add(r.to.id);
    }
    nodes = candidates.filter((e) => hasEdge.has(e.id) || !hadEdge.has(e.id) || e.id === view.selected || e.id in view.pinned || keep.has(e.id));
  }
  return { nodes, edges, filteredOut: view.nodes.length - nodes.length };
}

/** Neighbours of `id` known from fetched relations that are not on the canvas (and not hidden). */
export function neighboursOffCanvas(view: ViewState, data: GraphData, id: string): number {
  const onCanvas = new Set(view.nodes);
  const hidden = new Set(view.hidden);
  const others = new Set<string>();
  for (const r of data.relations.values()) {
    const other = r.from.id === id ? r.to.id : r.to.id === id ? r.from.id : undefined;
    if (other && !onCanvas.has(other) && !hidden.has(other)) others.add(other);
  }
  return others.size;
}

// ---- operations: each returns a new state ----

/** The neighbourhood of one entity, as a fresh view (what choosing a search hit does). */
export function focusOn(view: ViewState, center: string, neighbours: string[], limit: number): ViewState {
  const hidden = new Set(view.hidden);
  const nodes = unique([center, ...neighbours.filter((id) => !hidden.has(id))]);
  return { ...view, nodes, expanded: { [center]: limit }, pinned: {}, selected: center, path: undefined, panel: "details" };
}

export function addNeighbours(view: ViewState, center: string, neighbours: string[], limit: number): ViewState {
  const hidden = new Set(view.hidden);
  const nodes = unique([...view.nodes, center, ...neighbours.filter((id) => !hidden.has(id))]);
  return { ...view, nodes, expanded: { ...view.expanded, [center]: limit } };
}

export function addNodes(view: ViewState, ids: string[]): ViewState {
  const nodes = unique([...view.nodes, ...ids]);
  const hidden = view.hidden.filter((id) => !ids.includes(id));
  return { ...view, nodes, hidden };
}

/** Takes away the neighbours that hang only on `id` (and are not pinned, expanded or selected). */
export function collapse(view: ViewState, data: GraphData, id: string): ViewState {
  const onCanvas = new Set(view.nodes);
  const links = new Map<string, Set<string>>();
  for (const r of data.relations.values()) {
    if (!onCanvas.has(r.from.id) || !onCanvas.has(r.to.id) || r.from.id === r.to.id) continue;
    (links.get(r.from.id) ?? links.set(r.from.id, new Set()).get(r.from.id))?.add(r.to.id);
    (links.get(r.to.id) ?? links.set(r.to.id, new Set()).get(r.to.id))?.add(r.from.id);
  }
  const leaves = new Set(
    [...(links.get(id) ?? [])].filter((n) => {
      const l = links.get(n);
      return l !== undefined && l.size === 1 && !(n in view.pinned) && !(n in view.expanded) && n !== view.selected;
    }),
  );
  const expanded = { ...view.expanded };
  delete expanded[id];
  return { ...view, nodes: view.nodes.filter((n) => !leaves.has(n)), expanded };
}

export function hide(view: ViewState, id: string): ViewState {
  const pinned = { ...view.pinned };
  delete pinned[id];
  const expanded = { ...view.expanded };
  delete expanded[id];
  return {
    ...view,
    nodes: view.nodes.filter((n) => n !== id),
    hidden: unique([...view.hidden, id]),
    pinned,
    expanded,
    selected: view.selected === id ? undefined : view.selected,
  };
}

export function showHidden(view: ViewState): ViewState {
  return { ...view, nodes: unique([...view.nodes, ...view.hidden]), hidden: [] };
}

export function togglePin(view: ViewState, id: string, position: [number, number]): ViewState {
  const pinned = { ...view.pinned };
  if (id in pinned) delete pinned[id];
  else pinned[id] = [Math.round(position[0]), Math.round(position[1])];
  return { ...view, pinned };
}

export function clearView(view: ViewState): ViewState {
  return { ...emptyView(view.lang), filters: view.filters, layout: view.layout, panel: view.panel, compare: view.compare };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
