/** The visible graph as Cytoscape element definitions: pure, so it is tested without a browser. */
import type { ElementDefinition } from "cytoscape";
import type { EntityCore, OntologyInfo, RelationCore } from "../api/types.js";
import type { Lang, VisibleGraph } from "../state/view.js";

export interface ElementOptions {
  lang: Lang;
  selected?: string | undefined;
  pinned: Readonly<Record<string, [number, number]>>;
  expanded: Readonly<Record<string, number>>;
  /** Entities and relations on the highlighted path(s). */
  pathNodes?: ReadonlySet<string>;
  pathEdges?: ReadonlySet<string>;
  /** How many neighbours of an entity are known but not on the canvas. */
  more?: (id: string) => number;
}

export function entityLabel(e: Pick<EntityCore, "name" | "nameZh">, lang: Lang): string {
  return lang === "zh" && e.nameZh ? e.nameZh : e.name;
}

export function relationLabel(type: string, ontology: OntologyInfo, lang: Lang): string {
  const t = ontology.relationTypes.find((r) => r.type === type);
  if (!t) return type.toLowerCase().replaceAll("_", " ");
  return lang === "zh" ? t.labelZh : t.label;
}

export function kindLabel(kind: string, ontology: OntologyInfo, lang: Lang): string {
  const k = ontology.kinds.find((x) => x.kind === kind);
  if (!k) return kind;
  return lang === "zh" ? k.labelZh : k.label;
}

export function toElements(graph: VisibleGraph, ontology: OntologyInfo, options: ElementOptions): ElementDefinition[] {
  const pathActive = Boolean(options.pathNodes && options.pathNodes.size > 0);
  const nodes: ElementDefinition[] = graph.nodes.map((e) => {
    const more = options.more?.(e.id) ?? 0;
    const classes = [
      e.id === options.selected ? "selected" : "",
      e.id in options.pinned ? "pinned" : "",
      e.id in options.expanded ? "expanded" : "",
      options.pathNodes?.has(e.id) ? "on-path" : pathActive ? "faded" : "",
    ].filter(Boolean);
    const pin = options.pinned[e.id];
    return {
      group: "nodes",
      data: {
        id: e.id,
        label: more > 0 ? `${entityLabel(e, options.lang)}  +${more}` : entityLabel(e, options.lang),
        name: e.name,
        nameZh: e.nameZh ?? "",
        kind: e.kind,
        country: e.country ?? "",
        more,
      },
      classes,
      ...(pin ? { position: { x: pin[0], y: pin[1] }, locked: true } : {}),
    };
  });
  const edges: ElementDefinition[] = graph.edges.map((r: RelationCore) => ({
    group: "edges",
    data: {
      id: r.id,
      source: r.from.id,
      target: r.to.id,
      type: r.type,
      status: r.status,
      label: relationLabel(r.type, ontology, options.lang),
      since: r.since ?? "",
      until: r.until ?? "",
    },
    classes: [r.status, options.pathEdges?.has(r.id) ? "on-path" : pathActive ? "faded" : ""].filter(Boolean),
  }));
  return [...nodes, ...edges];
}
