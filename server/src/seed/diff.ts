/** The graph-level difference between two seed graphs, and its Markdown for a pull request. */
import type { EntityRecord, RelationRecord, SeedGraph, SourceRecord } from "./model.js";

export interface Change<T> {
  id: string;
  before: T;
  after: T;
  fields: string[];
}

export interface SeedDiff {
  entities: { added: EntityRecord[]; removed: EntityRecord[]; changed: Change<EntityRecord>[] };
  relations: { added: RelationRecord[]; removed: RelationRecord[]; changed: Change<RelationRecord>[] };
  sources: { added: SourceRecord[]; removed: SourceRecord[]; changed: Change<SourceRecord>[] };
}

function compare<T extends { id: string }>(before: T[], after: T[]) {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const changed: Change<T>[] = [];
  for (const [id, value] of now) {
    const previous = old.get(id);
    if (!previous) continue;
    const keys = new Set([...Object.keys(previous), ...Object.keys(value)]);
    const fields = [...keys]
      .filter((k) => JSON.stringify((previous as Record<string, unknown>)[k]) !== JSON.stringify((value as Record<string, unknown>)[k]))
      .sort();
    if (fields.length > 0) changed.push({ id, before: previous, after: value, fields });
  }
  const byId = (a: T, b: T) => a.id.localeCompare(b.id);
  return {
    added: after.filter((x) => !old.has(x.id)).sort(byId),
    removed: before.filter((x) => !now.has(x.id)).sort(byId),
    changed: changed.sort((a, b) => a.id.localeCompare(b.id)),
  };
}

export function diffSeeds(before: SeedGraph, after: SeedGraph): SeedDiff {
  return {
    entities: compare(before.entities, after.entities),
    relations: compare(before.relations, after.relations),
    sources: compare(before.sources, after.sources),
  };
}

export function isEmptyDiff(diff: SeedDiff): boolean {
  return Object.values(diff).every((part) => part.added.length + part.removed.length + part.changed.length === 0);
}

/** One item of a changed list: a quote reads as its words and source, any other object as JSON. */
const item = (value: unknown): string => {
  if (value === null || typeof value !== "object") return String(value);
  const quote = value as { text?: unknown; source?: unknown };
  if (typeof quote.text === "string") return `“${quote.text}”${typeof quote.source === "string" ? ` (${quote.source})` : ""}`;
  return JSON.stringify(value);
};

const cell = (value: unknown): string =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)
    ? "—"
    : inert(Array.isArray(value) ? value.map(item).join(", ") : item(value));

/**
 * Text from the seed, made inert for a Markdown comment: a name with `<!--`, a heading, a table
 * pipe or a link must not rewrite the comment reviewers rely on.
 */
export function inert(text: string): string {
  // Control characters become spaces (a newline would end the list item and start a heading).
  const visible = [...text].map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? " " : c)).join("");
  return visible.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/&/g, "&amp;");
}

/** A link only for an http(s) URL, with its text and target made inert. */
export function link(title: string, url: string | undefined): string {
  if (!url || !/^https?:\/\/[^\s<>()]+$/.test(url)) return inert(title);
  return `[${inert(title)}](<${url}>)`;
}

function relationLine(r: RelationRecord, sources: Map<string, SourceRecord>): string {
  const dates = r.since || r.until ? ` (${r.since ?? "…"}–${r.until ?? ""})` : "";
  const claim = r.status === "claimed" ? ` by ${r.claimedBy.join(", ")}` : "";
  const cited = r.sources.map((id) => {
    const s = sources.get(id);
    return s ? link(s.title, s.url) : inert(id);
  });
  return `\`${r.from}\` **${r.type}** \`${r.to}\`${dates} — ${r.status}${claim}; sources: ${cited.join("; ")}`;
}

export function diffToMarkdown(diff: SeedDiff, after: SeedGraph, base: string): string {
  const sources = new Map(after.sources.map((s) => [s.id, s]));
  const lines: string[] = [`## Graph changes against \`${base}\``, ""];
  if (isEmptyDiff(diff)) return `${lines.join("\n")}No change to entities, relations or sources.\n`;
  const count = (p: { added: unknown[]; removed: unknown[]; changed: unknown[] }) => `+${p.added.length} −${p.removed.length} ~${p.changed.length}`;
  lines.push("| | added | removed | changed |", "| --- | --- | --- | --- |");
  for (const [name, part] of Object.entries(diff)) lines.push(`| ${name} | ${part.added.length} | ${part.removed.length} | ${part.changed.length} |`);
  lines.push("");
  if (diff.entities.added.length + diff.entities.removed.length + diff.entities.changed.length > 0) {
    lines.push(`### Entities (${count(diff.entities)})`, "");
    for (const e of diff.entities.added)
      lines.push(`- ➕ \`${e.id}\` ${e.kind}: ${inert(e.name)}${e.nameZh ? ` / ${inert(e.nameZh)}` : ""}${e.country ? ` (${inert(e.country)})` : ""}`);
    for (const e of diff.entities.removed) lines.push(`- ➖ \`${e.id}\` ${e.kind}: ${inert(e.name)}`);
    for (const c of diff.entities.changed)
      lines.push(
        `- ✏️ \`${c.id}\`: ${c.fields.map((f) => `${f}: ${cell((c.before as unknown as Record<string, unknown>)[f])} → ${cell((c.after as unknown as Record<string, unknown>)[f])}`).join("; ")}`,
      );
    lines.push("");
  }
  if (diff.relations.added.length + diff.relations.removed.length + diff.relations.changed.length > 0) {
    lines.push(`### Relations (${count(diff.relations)})`, "");
    for (const r of diff.relations.added) lines.push(`- ➕ ${relationLine(r, sources)}`);
    for (const r of diff.relations.removed) lines.push(`- ➖ \`${r.from}\` **${r.type}** \`${r.to}\``);
    for (const c of diff.relations.changed)
      lines.push(
        `- ✏️ ${relationLine(c.after, sources)} — changed ${c.fields.map((f) => `${f}: ${cell((c.before as unknown as Record<string, unknown>)[f])} → ${cell((c.after as unknown as Record<string, unknown>)[f])}`).join("; ")}`,
      );
    lines.push("");
  }
  if (diff.sources.added.length + diff.sources.removed.length + diff.sources.changed.length > 0) {
    lines.push(`### Sources (${count(diff.sources)})`, "");
    for (const s of diff.sources.added)
      lines.push(`- ➕ \`${s.id}\`: ${link(s.title, s.url)}${s.publisher ? `, ${inert(s.publisher)}` : ""}${s.date ? `, ${inert(s.date)}` : ""}`);
    for (const s of diff.sources.removed) lines.push(`- ➖ \`${s.id}\`: ${inert(s.title)}`);
    for (const c of diff.sources.changed) lines.push(`- ✏️ \`${c.id}\`: ${c.fields.join(", ")} changed`);
    lines.push("");
  }
  return lines.join("\n");
}
