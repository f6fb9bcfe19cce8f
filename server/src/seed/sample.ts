/**
 * A random sample of relations to check against their sources (`npm run kg -- sample`): the audit
 * a contributor runs on an area before committing it (30 relations, at least 29 must hold). The
 * same draw number gives the same sample, so a reviewer can check the same relations again.
 * Pure: relations in, a sample and its checklist out.
 */
import { prng } from "../core/random.js";
import { inert, link } from "./diff.js";
import { entityFilePath } from "./files.js";
import type { RelationRecord, SeedGraph } from "./model.js";

export interface SampleOptions {
  /** How many relations to draw (all of them when fewer match). */
  count: number;
  /** The draw's number: the seed of the random choice. */
  draw: number;
  /** Only relations of these types (all types when empty). */
  types?: string[];
  /** Only relations with these ids (e.g. those added since a git ref). */
  among?: ReadonlySet<string>;
}

export interface Sample {
  /** How many relations matched the filters. */
  population: number;
  /** The relations drawn, in the order drawn. */
  relations: RelationRecord[];
}

/** Draws without replacement from the matching relations, taken in id order so the draw does not depend on file order. */
export function sampleRelations(relations: RelationRecord[], options: SampleOptions): Sample {
  const types = new Set(options.types ?? []);
  const pool = relations
    .filter((r) => (types.size === 0 || types.has(r.type)) && (!options.among || options.among.has(r.id)))
    .sort((a, b) => a.id.localeCompare(b.id));
  const random = prng(options.draw);
  const n = Math.min(Math.max(0, options.count), pool.length);
  // The first n steps of a Fisher–Yates shuffle.
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as RelationRecord, pool[i] as RelationRecord];
  }
  return { population: pool.length, relations: pool.slice(0, n) };
}

/** An area of the seed to audit: relations stored in files of these kinds, or touching these entities. */
export interface Area {
  /** Kinds of the entity whose file stores the relation (its `from`), as in seed/ontology/kinds.yaml. */
  kinds?: readonly string[];
  /** Entities at either end. */
  touching?: readonly string[];
}

/**
 * The ids of the relations in `area` (every filter given must match), for `SampleOptions.among`; the
 * relations stored in `seed/entities/chip/` are those of kind CHIP.
 */
export function relationsInArea(graph: Pick<SeedGraph, "entities" | "relations">, area: Area): Set<string> {
  const kinds = new Set(area.kinds ?? []);
  const touching = new Set(area.touching ?? []);
  const kindOf = new Map(graph.entities.map((e) => [e.id, e.kind]));
  return new Set(
    graph.relations
      .filter((r) => (kinds.size === 0 || kinds.has(kindOf.get(r.from) ?? "")) && (touching.size === 0 || touching.has(r.from) || touching.has(r.to)))
      .map((r) => r.id),
  );
}

/** A metric's figure as its entity records it (value, unit, date), the thing its sources must state. */
function figureOf(attributes: Record<string, unknown>): string | undefined {
  if (attributes.value === undefined) return undefined;
  const unit = attributes.unit === undefined ? "" : ` ${String(attributes.unit)}`;
  const asOf = attributes.asOf === undefined ? "" : ` (as of ${String(attributes.asOf)})`;
  return `${String(attributes.value)}${unit}${asOf}`;
}

/**
 * The sample as a Markdown checklist: each relation with its file, dates, a metric's figure, note, quotes and every cited source.
 * `folderOf` gives the ontology's folder for a kind (the folder of the entity file that holds the relation).
 */
export function sampleToMarkdown(sample: Sample, graph: SeedGraph, repeat: string, folderOf: (kind: string) => string | undefined): string {
  const entities = new Map(graph.entities.map((e) => [e.id, e]));
  const sources = new Map(graph.sources.map((s) => [s.id, s]));
  const lines = [
    `## Audit sample: ${sample.relations.length} of ${sample.population.toLocaleString("en")} relations`,
    "",
    `Draw it again: \`${repeat}\``,
    "",
    "Open each relation's sources and tick it only if one of them states it as recorded: the type, both ends, the dates and the figures of its note. At least 29 of 30 should hold; fix, re-source or remove the rest before you commit.",
    "",
  ];
  sample.relations.forEach((r, i) => {
    const from = entities.get(r.from);
    const folder = from ? folderOf(from.kind) : undefined;
    const file = entityFilePath("seed", folder ?? "…", r.from);
    const dates = r.since || r.until ? `, ${r.since ?? "…"}–${r.until ?? ""}` : "";
    const claim = r.status === "claimed" && r.claimedBy.length > 0 ? ` by ${r.claimedBy.join(", ")}` : "";
    lines.push(`${i + 1}. [ ] \`${r.from}\` **${r.type}** \`${r.to}\` (${r.status}${claim}${dates}) — ${file}`);
    const attributes = Object.entries(r.attributes).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(", ") : String(v)}`);
    if (attributes.length > 0) lines.push(`   - attributes: ${inert(attributes.join("; "))}`);
    const figure = from ? figureOf(from.attributes) : undefined;
    if (figure) lines.push(`   - figure: ${inert(figure)}`);
    if (r.note) lines.push(`   - note: ${inert(r.note)}`);
    for (const q of r.quotes) lines.push(`   - quote (\`${q.source}\`): ${inert(q.text)}`);
    for (const id of r.sources) {
      const s = sources.get(id);
      if (!s) {
        lines.push(`   - \`${id}\` (not a registered source)`);
        continue;
      }
      const about = [s.publisher, s.date].filter(Boolean).map((x) => inert(String(x)));
      lines.push(`   - ${link(s.title, s.url)}${about.length > 0 ? ` — ${about.join(", ")}` : ""} (\`${id}\`)`);
    }
  });
  return `${lines.join("\n")}\n`;
}
