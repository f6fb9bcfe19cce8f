/**
 * A dependency tree as Cytoscape elements for the supply-chain view, drawn top to bottom: every edge
 * goes from what is needed to what needs it, so a layered layout puts inputs above their dependents.
 * Providers of one input (alternatives: any one will do) meet in a small junction node, so a group
 * reads as "any of these"; cut links, the rules that cut them and what loses an input are marked.
 * Pure, so it is tested without a browser.
 */
import type { ElementDefinition } from "cytoscape";
import type { CutInput, DependencyTree } from "../api/documents.js";
import type { OntologyInfo } from "../api/types.js";
import { fill, type Strings } from "../i18n/strings.js";
import type { Lang } from "../state/view.js";
import { blocOf } from "./blocs.js";
import { entityLabel, relationLabel } from "./elements.js";

export interface SupplyOptions {
  lang: Lang;
  t: Strings;
  selected?: string | undefined;
  /** The exposure answer for the same tree and day: what is cut, by which rules. */
  exposure?: readonly CutInput[] | undefined;
}

const groupKey = (dependent: string, type: string, item: string) => `${dependent}|${type}|${item}`;
export const groupNodeId = (dependent: string, type: string, item: string) => `group:${groupKey(dependent, type, item)}`;

export function supplyElements(tree: DependencyTree, ontology: OntologyInfo, options: SupplyOptions): ElementDefinition[] {
  const { lang, t } = options;
  const exposure = options.exposure ?? [];
  const cutRelations = new Set(exposure.flatMap((c) => c.relations.map((r) => r.id)));
  const losesInput = new Set(exposure.filter((c) => c.cut).map((c) => c.dependent.id));
  const cutGroups = new Map(exposure.map((c) => [groupKey(c.dependent.id, c.relationType, c.input.id), c]));
  const onTree = new Set(tree.nodes.map((n) => n.id));

  const elements: ElementDefinition[] = tree.nodes.map((e) => ({
    group: "nodes",
    data: { id: e.id, label: entityLabel(e, lang), kind: e.kind, country: e.country ?? "" },
    classes: [
      `bloc-${blocOf(e.country)}`,
      "entity",
      e.id === tree.root.id ? "root" : "",
      e.id === options.selected ? "selected" : "",
      losesInput.has(e.id) ? "loses" : "",
    ].filter(Boolean),
  }));

  // Provider groups: providers -> junction -> dependent.
  const grouped = new Map<string, string>();
  for (const g of tree.inputs) {
    if (!onTree.has(g.dependent.id)) continue;
    const id = groupNodeId(g.dependent.id, g.relationType, g.item.id);
    const cut = cutGroups.get(groupKey(g.dependent.id, g.relationType, g.item.id));
    const n = g.providers.length;
    const kind = relationLabel(g.relationType, ontology, lang);
    const what = g.item.id === g.dependent.id ? kind : `${kind}: ${entityLabel(g.item, lang)}`;
    elements.push({
      group: "nodes",
      data: { id, label: `${what} · ${n === 1 ? t.supplySingleSource : fill(t.supplyAnyOf, { n })}`, providers: n },
      classes: ["junction", n === 1 ? "single" : "", cut?.cut ? "cut" : cut ? "degraded" : ""].filter(Boolean),
    });
    elements.push({
      group: "edges",
      data: { id: `${id}->`, source: id, target: g.dependent.id, type: g.relationType },
      classes: ["to-dependent", cut?.cut ? "cut" : ""].filter(Boolean),
    });
    for (const p of g.providers) {
      if (!onTree.has(p.entity.id)) continue;
      const relationId = p.relation?.id ?? `${p.entity.id}->${id}`;
      grouped.set(relationId, id);
      elements.push({
        group: "edges",
        data: {
          id: `${relationId}@${id}`,
          source: p.entity.id,
          target: id,
          type: g.relationType,
          label: p.share != null ? `${p.share}%` : "",
          status: p.relation?.status.toLowerCase() ?? "",
        },
        classes: ["provides", p.relation?.status.toLowerCase() ?? "", cutRelations.has(relationId) ? "cut" : ""].filter(Boolean),
      });
    }
  }

  // Inputs (and provider relations outside any group): from what is needed to what needs it.
  const types = new Map(ontology.relationTypes.map((r) => [r.type, r]));
  for (const r of tree.edges) {
    if (grouped.has(r.id)) continue;
    const dependentEnd = types.get(r.type)?.dependency?.dependent ?? "FROM";
    const [source, target] = dependentEnd === "FROM" ? [r.to.id, r.from.id] : [r.from.id, r.to.id];
    if (!onTree.has(source) || !onTree.has(target)) continue;
    elements.push({
      group: "edges",
      data: { id: r.id, source, target, type: r.type, label: relationLabel(r.type, ontology, lang), status: r.status.toLowerCase() },
      classes: ["needs", r.status.toLowerCase(), cutRelations.has(r.id) ? "cut" : ""].filter(Boolean),
    });
  }

  // The rules that cut a link, beside the input they restrict (not those that only restrict an
  // input still made elsewhere: nothing is cut there).
  const rules = new Set<string>();
  for (const c of exposure) {
    if (!onTree.has(c.input.id) || c.relations.length === 0) continue;
    for (const rule of c.rules) {
      if (!rules.has(rule.id) && !onTree.has(rule.id)) {
        rules.add(rule.id);
        elements.push({
          group: "nodes",
          data: { id: rule.id, label: entityLabel(rule, lang), kind: rule.kind, country: rule.country ?? "" },
          classes: ["rule"],
        });
      }
      const edgeId = `rule:${rule.id}->${c.input.id}`;
      if (!elements.some((e) => e.data.id === edgeId)) {
        elements.push({
          group: "edges",
          data: { id: edgeId, source: rule.id, target: c.input.id, type: "RESTRICTS", label: relationLabel("RESTRICTS", ontology, lang) },
          classes: ["restricts"],
        });
      }
    }
  }
  return elements;
}
