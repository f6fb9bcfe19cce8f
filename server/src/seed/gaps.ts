/**
 * What the ontology leads a reader to expect but the seed does not say yet, so contributors see
 * where to help (`npm run kg -- gaps`). Pure: a checked graph in, a list of gaps out.
 */
import type { Ontology } from "../ontology.js";
import type { EntityRecord, RelationRecord, SeedGraph } from "./model.js";

export interface Gap {
  /** A stable code per kind of gap. */
  code: string;
  /** The entity the gap is about (for the `source-…` gaps, the source). */
  entity: string;
  /** The entity's name and what exactly is missing, e.g. "Rule X (gallium, germanium)". */
  detail: string;
  message: string;
}

/** The kinds of gap, in the order the report lists them, with what a contributor can do. */
export const GAP_KINDS: Record<string, string> = {
  "chip-without-manufacturer": "a chip without a MANUFACTURES relation: which fab makes it?",
  "chip-without-designer": "a chip without a DESIGNS or DEVELOPS relation: who designed it?",
  "chip-without-process-node": "a chip that USES no process node: what node is it made on?",
  "model-without-developer": "a model without a DEVELOPS relation: who built it?",
  "model-without-training-hardware":
    "a model trained on nothing the atlas records (no TRAINED_ON, no base model, no system or data centre providing compute; a cloud serving it is no training hardware): on which chips or system was it trained?",
  "facility-without-operator":
    "a plant, data centre or cluster that no one OPERATES (a zone of many operators' facilities excepted): who runs it? Until it says, losing its owner does not take it down",
  "rule-restricts-nothing":
    "an export-control rule, listing or sanction that RESTRICTS nothing: what does it restrict? (or, when its text names nothing, say how it defines what it controls: `restrictsBy`)",
  "rule-without-destinations":
    "a rule restricting items without `destinations` (or `licensing`: a licence required everywhere, or an outright ban; or `direction: imports`: an import ban; or `restrictsBy: end-use`: it binds kinds of buyers, not countries): the dependency analysis cannot tell whom it binds",
  "case-targets-nobody":
    "an investigation or enforcement action (a probe, charge, penalty, plea or settlement) that TARGETS no one: whom does it investigate, charge or penalise?",
  "share-missing":
    "a provider without `share` where other providers of the same input have one (a plant whose operator makes the same input is covered by its operator's share)",
  "supply-without-item": "a supply without `item`: what does it supply? Until it says, the analysis counts the supplier as the only source of whatever that is",
  "note-without-chinese": "a relation whose `note` has no `noteZh`: readers of Chinese see the English note; write it in Chinese (a claim must have one)",
  "entity-without-relation": "an entity with no relation at all, and named by none (as the item a supply supplies or the claimant of a claim)",
  "source-unused": "a source that no relation cites or quotes: cite it where it backs a relation, or remove its file",
  "source-title-from-url":
    'a source whose note says its title was made from its URL, not read on the page: give it the headline its page shows, or a title that describes the page and ends "(descriptive title; the stored copy shows no headline)"',
  "source-at-moving-address":
    "a source citing a repository's front page or a file at a branch (GitHub, Hugging Face): the page changes under the citation; cite the file at the 40-hex commit you read (`…/blob/<commit>/<path>`)",
};

/** How a source's note says its title came from the URL rather than the page (seed/README.md, "Titles"). */
const TITLE_FROM_URL =
  /(?<!earlier )\btitle\b(?:(?!\btitle\b)[^.;])*?(?:from the (?:article's |page's )?URL|URL slug|(?:taken|given|reconstructed|made) (?:from|in) the page address)|URL slug in words/i;

/**
 * A file on a code host at a moving address: a GitHub repository's front page, or a file, tree or
 * raw view at a branch or tag rather than a 40-hex commit (GitHub, its raw host, Hugging Face models,
 * datasets and spaces).
 * Issues, pull requests, commits, releases and model pages are pages of their own, not files.
 */
const MOVING_ADDRESS = [
  /^https:\/\/github\.com\/[^/?#]+\/[^/?#]+\/?(?:[?#].*)?$/,
  /^https:\/\/(?:github\.com|huggingface\.co(?:\/datasets|\/spaces)?)\/[^/]+\/[^/]+\/(?:blob|tree|raw|resolve)\/(?![0-9a-f]{40}(?:[/?#]|$))/,
  /^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/(?![0-9a-f]{40}\/)/,
];

/** The relation that would answer an open question: its type (none: any) and which end the entity is. */
export interface Answer {
  type?: string;
  end: "from" | "to";
}

/**
 * The gaps about one entity that the explorer and the API show on it as its open questions
 * (`Entity.openQuestions`, written by the sync), asked in the reader's two languages, with the
 * relation that would answer each (none for a rule's destinations, an attribute). The analyses
 * cannot see what the graph does not hold: a chip whose fab is unknown shows no dependency on one.
 */
export const OPEN_QUESTIONS: Record<string, { label: string; labelZh: string; answer?: Answer }> = {
  "chip-without-manufacturer": { label: "Which fab makes it?", labelZh: "由哪家晶圆厂制造？", answer: { type: "MANUFACTURES", end: "to" } },
  "chip-without-designer": { label: "Who designed it?", labelZh: "由谁设计？", answer: { type: "DESIGNS", end: "to" } },
  "chip-without-process-node": { label: "On which process node is it made?", labelZh: "采用哪种制程工艺？", answer: { type: "USES", end: "from" } },
  "model-without-developer": { label: "Who built it?", labelZh: "由谁开发？", answer: { type: "DEVELOPS", end: "to" } },
  "model-without-training-hardware": {
    label: "On which chips or system was it trained?",
    labelZh: "在哪些芯片或系统上训练？",
    answer: { type: "TRAINED_ON", end: "from" },
  },
  "facility-without-operator": { label: "Who runs it?", labelZh: "由谁运营？", answer: { type: "OPERATES", end: "to" } },
  "rule-restricts-nothing": { label: "What does it restrict?", labelZh: "它限制什么？", answer: { type: "RESTRICTS", end: "from" } },
  "rule-without-destinations": { label: "To which destinations does it apply?", labelZh: "它适用于哪些目的地？" },
  "case-targets-nobody": { label: "Whom does it target?", labelZh: "它针对谁？", answer: { type: "TARGETS", end: "from" } },
  "entity-without-relation": { label: "How is it linked to the rest of the graph?", labelZh: "它与图谱中的其他实体有何关系？", answer: { end: "from" } },
};

/** Per entity id, the codes of its open questions (OPEN_QUESTIONS), in the report's order. */
export function openQuestionsOf(graph: SeedGraph, ontology: Ontology): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const gap of findGaps(graph, ontology)) {
    if (!(gap.code in OPEN_QUESTIONS)) continue;
    (out.get(gap.entity) ?? out.set(gap.entity, []).get(gap.entity))?.push(gap.code);
  }
  return out;
}

/** The facility type of a zone hosting many operators' facilities (kinds.yaml, FACILITY facilityType). */
const ZONE = "zone";

const RULE_TYPES = new Set(["export-control-rule", "entity-listing", "sanction", "countermeasure"]);
/** Policy types of an investigation or an enforcement action: it names the parties it TARGETS. */
const CASE_TYPES = new Set(["investigation", "enforcement"]);
const PARTY_KINDS = new Set(["ORGANIZATION", "FACILITY", "PERSON"]);
const HARDWARE_KINDS = new Set(["SYSTEM", "FACILITY"]);

export function findGaps(graph: SeedGraph, ontology: Ontology): Gap[] {
  const byId = new Map(graph.entities.map((e) => [e.id, e]));
  const incoming = new Map<string, RelationRecord[]>();
  const outgoing = new Map<string, RelationRecord[]>();
  for (const r of graph.relations) {
    (incoming.get(r.to) ?? incoming.set(r.to, []).get(r.to))?.push(r);
    (outgoing.get(r.from) ?? outgoing.set(r.from, []).get(r.from))?.push(r);
  }
  const inTypes = (id: string) => new Set((incoming.get(id) ?? []).map((r) => r.type));
  // Who runs a plant, data centre or cluster: the providers the ontology marks `internal` (OPERATES).
  const operators = new Map<string, string[]>();
  for (const r of graph.relations) {
    const dep = ontology.relationType(r.type)?.dependency;
    if (!dep?.internal) continue;
    const [run, by] = dep.dependent === "to" ? [r.to, r.from] : [r.from, r.to];
    (operators.get(run) ?? operators.set(run, []).get(run))?.push(by);
  }
  // An entity a relation names in an attribute (what a supply supplies), or as the claimant of a
  // claim, is connected too.
  const named = new Set<string>();
  for (const r of graph.relations) {
    for (const a of ontology.relationType(r.type)?.attributes ?? [])
      if (a.type === "entity" && typeof r.attributes[a.name] === "string") named.add(String(r.attributes[a.name]));
    for (const claimant of r.claimedBy) named.add(claimant);
  }
  const gaps: Gap[] = [];
  const add = (code: string, e: EntityRecord, extra = "") => {
    const detail = `${e.name}${extra ? ` ${extra}` : ""}`;
    gaps.push({ code, entity: e.id, detail, message: `${e.id} (${detail}): ${GAP_KINDS[code]}` });
  };

  for (const e of graph.entities) {
    const types = inTypes(e.id);
    const out = outgoing.get(e.id) ?? [];
    if (e.kind === "CHIP") {
      if (!types.has("MANUFACTURES")) add("chip-without-manufacturer", e);
      if (!types.has("DESIGNS") && !types.has("DEVELOPS")) add("chip-without-designer", e);
      const usesNode = out.some((r) => r.type === "USES" && byId.get(r.to)?.attributes.techType === "process-node");
      if (!usesNode) add("chip-without-process-node", e);
    }
    if (e.kind === "MODEL" && !types.has("DEVELOPS")) add("model-without-developer", e);
    // A fine-tune stands on its base model's hardware, and a system or data centre providing compute
    // is hardware; a cloud (an organisation) providing compute may only serve the model.
    const hardware = (incoming.get(e.id) ?? []).some((r) => r.type === "PROVIDES_COMPUTE_TO" && HARDWARE_KINDS.has(byId.get(r.from)?.kind ?? ""));
    const trained = out.some((r) => r.type === "TRAINED_ON" || r.type === "BASED_ON") || hardware;
    if (e.kind === "MODEL" && !trained) add("model-without-training-hardware", e);
    // A zone (a national data-centre cluster) hosts many operators' facilities: no one runs it.
    if (e.kind === "FACILITY" && !operators.has(e.id) && e.attributes.facilityType !== ZONE) add("facility-without-operator", e);
    if (e.kind === "POLICY" && RULE_TYPES.has(String(e.attributes.policyType ?? ""))) {
      const restricts = out.filter((r) => ontology.relationType(r.type)?.restriction);
      // A list (the Entity List) restricts through its additions: a policy that AMENDS it and RESTRICTS.
      const listRestricts = (incoming.get(e.id) ?? []).some(
        (r) => r.type === "AMENDS" && (outgoing.get(r.from) ?? []).some((x) => ontology.relationType(x.type)?.restriction),
      );
      // A suspension or a licence lifts restrictions rather than imposing one.
      const lifts = out.some((r) => r.type === "SUSPENDS" || ontology.relationType(r.type)?.exemption);
      // A rule whose text names nothing (parameters, end uses, a licence condition) says how it defines what it controls.
      const namesNothing = e.attributes.restrictsBy !== undefined;
      if (restricts.length === 0 && !listRestricts && !lifts && !namesNothing) add("rule-restricts-nothing", e);
      const items = restricts.filter((r) => !PARTY_KINDS.has(byId.get(r.to)?.kind ?? "") && !r.attributes.destinations);
      // A licensing regime for every destination names none, and says so (`licensing`).
      // An import ban binds its own country, and a rule for kinds of buyers binds by end use: neither needs destinations.
      const bindsOwnOrBuyers = e.attributes.direction === "imports" || e.attributes.restrictsBy === "end-use";
      if (items.length > 0 && !e.attributes.destinations && !e.attributes.licensing && !bindsOwnOrBuyers)
        add("rule-without-destinations", e, `(${items.map((r) => r.to).join(", ")})`);
    }
    if (e.kind === "POLICY" && CASE_TYPES.has(String(e.attributes.policyType ?? "")) && !out.some((r) => r.type === "TARGETS")) add("case-targets-nobody", e);
    if (out.length === 0 && !incoming.has(e.id) && !named.has(e.id)) add("entity-without-relation", e);
  }

  // Providers of one input: relations of a type that carries `share`, grouped by target and item.
  const groups = new Map<string, RelationRecord[]>();
  for (const r of graph.relations) {
    const def = ontology.relationType(r.type);
    if (!def?.attributes.some((a) => a.name === "share")) continue;
    const key = `${r.type}/${r.to}/${String(r.attributes.item ?? "")}`;
    (groups.get(key) ?? groups.set(key, []).get(key))?.push(r);
  }
  // A plant's output is counted in its operator's share: an operator among the group's providers covers it.
  for (const rels of groups.values()) {
    if (!rels.some((r) => r.attributes.share !== undefined)) continue;
    const providers = new Set(rels.map((r) => r.from));
    for (const r of rels) {
      const from = byId.get(r.from);
      const covered = (operators.get(r.from) ?? []).some((o) => providers.has(o));
      if (r.attributes.share === undefined && from && !covered) add("share-missing", from, `(${r.type} ${r.to})`);
    }
  }
  for (const r of graph.relations) {
    const from = byId.get(r.from);
    if (ontology.relationType(r.type)?.namesItem && r.attributes.item === undefined && from) add("supply-without-item", from, `(${r.type} ${r.to})`);
    if (r.note && !r.noteZh && from) add("note-without-chinese", from, `(${r.type} ${r.to})`);
  }
  const cited = new Set(graph.relations.flatMap((r) => [...r.sources, ...r.quotes.map((q) => q.source)]));
  const addSource = (code: string, source: SeedGraph["sources"][number]) =>
    gaps.push({ code, entity: source.id, detail: source.title, message: `${source.id} (${source.title}): ${GAP_KINDS[code]}` });
  for (const source of graph.sources) {
    if (!cited.has(source.id)) addSource("source-unused", source);
    if (TITLE_FROM_URL.test(source.note ?? "")) addSource("source-title-from-url", source);
    if (source.url && MOVING_ADDRESS.some((re) => re.test(source.url ?? ""))) addSource("source-at-moving-address", source);
  }
  const order = Object.keys(GAP_KINDS);
  return gaps.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code) || a.entity.localeCompare(b.entity));
}
