/**
 * A reader's report, line by line, into an audit record's verdicts (`npm run kg -- verdicts`).
 * A report is plain text; the lines that count start with a verdict word and a relation id:
 *
 *   HOLDS <id>: what states it            → held
 *   FAILS <id>: what its pages do not say  → failed, with that as `why`
 *   MENDED <id>: re-sourced | corrected | none … what was done   → the failure's `mend`
 *   REMOVED <id>: why                      → mend `removed`
 *   NOT REACHED <id>                       → stays not-reached (a MENDED line for it does not make it failed)
 *
 * Everything else (headings, counts, notes) is left alone. A line may start with "- "; the id may be
 * in backticks; a parenthesised qualifier may follow the verdict word (`HOLDS (minor) <id>: …`).
 */
import type { AuditedRelation, AuditRecord, MENDS } from "./audits.js";

type Mend = (typeof MENDS)[number];

interface ReportEntry {
  verdict?: AuditedRelation["verdict"];
  why?: string;
  mend?: Mend;
}

export interface ParsedReport {
  entries: Map<string, ReportEntry>;
  /** Relations the report mended but did not record as failed (held, or not reached): their mend is not recorded. */
  mendedNotFailed: { id: string; verdict: "held" | "not-reached" }[];
}

const LINE = /^(?:[-*]\s+)?(HOLDS|FAILS|MENDED|REMOVED|NOT REACHED)(?:\s+\([^)]*\))?\s+`?([a-z0-9][^\s:`]*)`?(?::\s*|\s+|$)(.*)$/;
const WHY_MAX = 2000;

/** What a MENDED line says was done: its first word when that names a mend, else what its words suggest. */
export function mendOf(text: string): Mend {
  const t = text.trim().toLowerCase();
  if (/^none\b/.test(t)) return "none";
  if (/^re-?sourced\b/.test(t)) return "re-sourced";
  if (/^corrected\b/.test(t)) return "corrected";
  if (/\b(?:new|another|added|adds|now cites?|re-?sourced)\b[^.;]*\bsource\b|\bre-?sourced\b/.test(t)) return "re-sourced";
  return "corrected";
}

/** Reads the verdict lines of one or more reports (the first verdict said of a relation counts). */
export function parseReport(text: string, into: ParsedReport = { entries: new Map(), mendedNotFailed: [] }): ParsedReport {
  for (const raw of text.split(/\r?\n/)) {
    const m = LINE.exec(raw.trim());
    if (!m) continue;
    const [, word, id, rest] = m as unknown as [string, string, string, string];
    const entry: ReportEntry = into.entries.get(id) ?? {};
    into.entries.set(id, entry);
    const words = rest.trim();
    switch (word) {
      case "HOLDS":
        entry.verdict ??= "held";
        break;
      case "NOT REACHED":
        entry.verdict ??= "not-reached";
        break;
      case "FAILS":
        if (entry.verdict === undefined) {
          entry.verdict = "failed";
          entry.why = (words || "failed: its cited pages do not state it").slice(0, WHY_MAX);
        }
        break;
      case "MENDED":
      case "REMOVED":
        entry.mend ??= word === "REMOVED" ? "removed" : mendOf(words);
        // A mend without a FAILS line: the relation failed as found.
        if (entry.verdict === undefined) {
          entry.verdict = "failed";
          entry.why = (words || "failed as found").slice(0, WHY_MAX);
        }
        break;
    }
  }
  into.mendedNotFailed = [...into.entries].flatMap(([id, e]) =>
    e.mend !== undefined && (e.verdict === "held" || e.verdict === "not-reached") ? [{ id, verdict: e.verdict }] : [],
  );
  return into;
}

export interface AppliedReport {
  record: AuditRecord;
  /** Relation ids the report names that the audit did not draw (a typo, or another audit's). */
  notInAudit: string[];
  counts: Record<AuditedRelation["verdict"], number>;
}

/**
 * Sets each drawn relation's verdict from the report: held; failed with its `why` and its `mend`
 * (`none` when the report names no mend); relations the report does not mention stay as they were.
 */
export function applyReport(record: AuditRecord, report: ParsedReport, reader?: string): AppliedReport {
  const drawn = new Set(record.relations.map((r) => r.id));
  const relations = record.relations.map((r): AuditedRelation => {
    const e = report.entries.get(r.id);
    if (!e?.verdict || e.verdict === "not-reached") return r;
    const base = { id: r.id, ...(r.checked ? { checked: r.checked } : {}), ...(r.after ? { after: r.after } : {}) };
    if (e.verdict === "held") return { ...base, verdict: "held" };
    return { ...base, verdict: "failed", why: e.why ?? "failed", mend: e.mend ?? "none" };
  });
  const counts = { held: 0, failed: 0, "not-reached": 0 };
  for (const r of relations) counts[r.verdict]++;
  return {
    record: { ...record, ...(reader ? { reader } : {}), relations },
    notInAudit: [...report.entries.keys()].filter((id) => !drawn.has(id)),
    counts,
  };
}
