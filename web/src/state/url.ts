/**
 * The URL codec: a ViewState as short search parameters and back. Anything malformed in a link
 * is dropped, never trusted (ids, codes and months are checked by pattern).
 */
import { STATUSES, type Status } from "../api/types.js";
import { regionFromParam, regionToParam } from "../graph/mapRegion.js";
import {
  COMPARE_MAX,
  draftIsEmpty,
  EXPAND_CAP,
  emptyDraft,
  emptyView,
  LAYOUTS,
  type Lang,
  type LayoutName,
  PANELS,
  type PanelName,
  STOP_COUNTRIES,
  type SuggestDraft,
  type ViewState,
} from "./view.js";

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CODE = /^[A-Z0-9_-]+$/;

function list(params: URLSearchParams, key: string, pattern: RegExp): string[] {
  const raw = params.get(key);
  if (!raw) return [];
  return [...new Set(raw.split(",").filter((v) => pattern.test(v)))];
}

/** The view as URL search parameters (short keys: a view of 100 entities stays a shareable link). */
export function viewToSearch(view: ViewState): string {
  const p = new URLSearchParams();
  if (view.nodes.length) p.set("n", view.nodes.join(","));
  const expanded = Object.entries(view.expanded);
  if (expanded.length) p.set("x", expanded.map(([id, limit]) => `${id}:${limit}`).join(","));
  if (view.hidden.length) p.set("h", view.hidden.join(","));
  const pinned = Object.entries(view.pinned);
  if (pinned.length) p.set("pin", pinned.map(([id, [x, y]]) => `${id}:${x}:${y}`).join(","));
  if (view.selected) p.set("sel", view.selected);
  if (view.path) p.set("path", `${view.path.from},${view.path.to},${view.path.maxHops}`);
  const f = view.filters;
  if (f.kinds.length) p.set("xk", f.kinds.join(","));
  if (f.types.length) p.set("xt", f.types.join(","));
  if (f.countries.length) p.set("xc", f.countries.join(","));
  if (f.statuses.length) p.set("xs", f.statuses.join(","));
  if (f.asOf) p.set("asof", f.asOf);
  if (view.layout !== "fcose") p.set("layout", view.layout);
  if (view.lang !== "en") p.set("lang", view.lang);
  if (view.panel !== "details") p.set("tab", view.panel);
  if (view.compare.length) p.set("compare", view.compare.join(","));
  if (view.stopCountries.length) p.set("stop", view.stopCountries.join(","));
  if (view.chokeScope) p.set("scope", view.chokeScope);
  if (view.timeline?.issuer) p.set("issuer", view.timeline.issuer);
  if (view.timeline?.type) p.set("ptype", view.timeline.type);
  if (view.together?.alongside.length) p.set("with", `${view.together.policy}:${view.together.alongside.join(",")}`);
  // The map shows only while the canvas is empty: a region kept under a working view is left out.
  if (view.mapRegion && !view.nodes.length) p.set("map", regionToParam(view.mapRegion));
  const d = view.suggest;
  if (d && !draftIsEmpty(d)) {
    if (d.from) p.set("sfrom", d.from);
    if (d.type) p.set("stype", d.type);
    if (d.to) p.set("sto", d.to);
    for (const s of d.sources) p.append("ssrc", s);
    if (d.status !== "confirmed") p.set("sstatus", d.status);
    if (d.claimedBy.length) p.set("sby", d.claimedBy.join(","));
    if (d.since) p.set("ssince", d.since);
    if (d.until) p.set("suntil", d.until);
    if (d.note) p.set("snote", d.note);
    if (d.noteZh) p.set("snotezh", d.noteZh);
    if (d.quote) p.set("squote", d.quote);
    if (d.quoteTranslation) p.set("squotet", d.quoteTranslation);
    if (d.quoteSource) p.set("squotes", d.quoteSource);
    if (d.key) p.set("skey", d.key);
  }
  const text = p.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
  return text ? `?${text}` : "";
}

export function viewFromSearch(search: string, fallbackLang: Lang = "en"): ViewState {
  const p = new URLSearchParams(search);
  const view = emptyView(fallbackLang);
  view.nodes = list(p, "n", SLUG);
  for (const item of (p.get("x") ?? "").split(",")) {
    const [id, limit] = item.split(":");
    if (id && SLUG.test(id)) view.expanded[id] = Math.min(Math.max(Number(limit) || EXPAND_CAP, 1), 500);
  }
  view.hidden = list(p, "h", SLUG).filter((id) => !view.nodes.includes(id));
  for (const item of (p.get("pin") ?? "").split(",")) {
    const [id, x, y] = item.split(":");
    if (id && SLUG.test(id) && Number.isFinite(Number(x)) && Number.isFinite(Number(y))) view.pinned[id] = [Number(x), Number(y)];
  }
  const selected = p.get("sel");
  if (selected && SLUG.test(selected)) view.selected = selected;
  const [from, to, hops] = (p.get("path") ?? "").split(",");
  if (from && to && SLUG.test(from) && SLUG.test(to)) view.path = { from, to, maxHops: Math.min(Math.max(Number(hops) || 4, 1), 6) };
  view.filters = {
    kinds: list(p, "xk", CODE),
    types: list(p, "xt", CODE),
    countries: list(p, "xc", CODE),
    statuses: list(p, "xs", /^[a-z]+$/).filter((s): s is Status => (STATUSES as readonly string[]).includes(s)),
  };
  const asOf = p.get("asof");
  if (asOf && MONTH.test(asOf)) view.filters.asOf = asOf;
  const layout = p.get("layout");
  if (layout && (LAYOUTS as readonly string[]).includes(layout)) view.layout = layout as LayoutName;
  const lang = p.get("lang");
  if (lang === "en" || lang === "zh") view.lang = lang;
  // `view=supply` is the documented short form of `tab=supply`; a compare link opens the compare tab.
  const tab = p.get("tab") ?? p.get("view");
  view.compare = list(p, "compare", SLUG).slice(0, COMPARE_MAX);
  if (tab && (PANELS as readonly string[]).includes(tab)) view.panel = tab as PanelName;
  else if (view.compare.length) view.panel = "compare";
  // Only the countries the exposure list offers, so that every one applied can be unticked.
  view.stopCountries = list(p, "stop", /^[A-Z]{2}$/).filter((c) => (STOP_COUNTRIES as readonly string[]).includes(c));
  const scope = p.get("scope");
  if (scope && (scope === "entity" || /^[A-Z]{2}$/.test(scope))) view.chokeScope = scope;
  const issuer = p.get("issuer");
  const ptype = p.get("ptype");
  const timeline = { issuer: issuer && /^[A-Z]{2}$/.test(issuer) ? issuer : undefined, type: ptype && SLUG.test(ptype) ? ptype : undefined };
  if (timeline.issuer || timeline.type) view.timeline = timeline;
  const [policy, others] = (p.get("with") ?? "").split(":");
  const alongside = [...new Set((others ?? "").split(",").filter((id) => SLUG.test(id) && id !== policy))];
  if (policy && SLUG.test(policy) && alongside.length) view.together = { policy, alongside };
  const draft = draftFromSearch(p);
  if (!draftIsEmpty(draft)) view.suggest = draft;
  const region = view.nodes.length ? undefined : regionFromParam(p.get("map"));
  if (region) view.mapRegion = region;
  return view;
}

/** Limits as in the API's SuggestRelationInput: longer values could never be sent. */
const clip = (value: string | null, max: number): string => (value ?? "").slice(0, max);

function draftFromSearch(p: URLSearchParams): SuggestDraft {
  const draft = emptyDraft();
  const slug = (key: string) => {
    const v = p.get(key);
    return v && SLUG.test(v) ? v : undefined;
  };
  draft.from = slug("sfrom");
  draft.to = slug("sto");
  const type = p.get("stype");
  if (type && CODE.test(type)) draft.type = type;
  draft.sources = [...new Set(p.getAll("ssrc").map((s) => s.trim().slice(0, 2000)))].filter(Boolean).slice(0, 20);
  const status = p.get("sstatus");
  if (status && (STATUSES as readonly string[]).includes(status)) draft.status = status as Status;
  draft.claimedBy = list(p, "sby", SLUG);
  // Dates are kept as typed, even malformed: the form shows what is wrong with them.
  draft.since = clip(p.get("ssince"), 10);
  draft.until = clip(p.get("suntil"), 10);
  draft.note = clip(p.get("snote"), 2000);
  draft.noteZh = clip(p.get("snotezh"), 2000);
  draft.quote = clip(p.get("squote"), 2000);
  draft.quoteTranslation = clip(p.get("squotet"), 4000);
  draft.quoteSource = clip(p.get("squotes"), 2000);
  draft.key = clip(p.get("skey"), 100);
  return draft;
}
