/**
 * What the audit records add up to (`npm run kg -- audits`): per audit, how many of the relations
 * read held; per scope, the rate over every audit; and how much of the seed, as it stands, some
 * audit has read. Pure: records and relations in, a summary and its Markdown out.
 */
import { AUDIT_SCOPES, type AuditRecord, type AuditScope, isAudited, readForms } from "./audits.js";
import type { RelationRecord } from "./model.js";

/** The 29-of-30 rule: a sample of new work passes when at most one relation in thirty fails. */
export const PASSING_RATE = 29 / 30;

export interface AuditRow {
  audit: number;
  date: string;
  scope: AuditScope;
  reader: string;
  held: number;
  failed: number;
  notReached: number;
  /** Held of those read, against the 29-of-30 rule. */
  passes: boolean;
}

export interface AuditSummary {
  rows: AuditRow[];
  byScope: { scope: AuditScope; audits: number; held: number; read: number; passing: number }[];
  /** Relations of the seed some audit read in their present form, of all. */
  audited: number;
  relations: number;
}

export function summarizeAudits(audits: AuditRecord[], relations: RelationRecord[]): AuditSummary {
  const rows = audits.map((a): AuditRow => {
    const count = (v: string) => a.relations.filter((r) => r.verdict === v).length;
    const held = count("held");
    const failed = count("failed");
    return {
      audit: a.audit,
      date: a.date,
      scope: a.scope,
      reader: a.reader,
      held,
      failed,
      notReached: count("not-reached"),
      passes: held + failed > 0 && held >= PASSING_RATE * (held + failed),
    };
  });
  const byScope = AUDIT_SCOPES.map((scope) => {
    const mine = rows.filter((r) => r.scope === scope);
    return {
      scope,
      audits: mine.length,
      held: mine.reduce((n, r) => n + r.held, 0),
      read: mine.reduce((n, r) => n + r.held + r.failed, 0),
      passing: mine.filter((r) => r.passes).length,
    };
  });
  const forms = readForms(audits);
  return { rows, byScope, audited: relations.filter((r) => isAudited(r, forms)).length, relations: relations.length };
}

const SCOPE_TEXT: Record<AuditScope, string> = { new: "new work", seed: "whole seed", translation: "translations" };
const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((100 * part) / whole)} %`);
const n = (x: number) => x.toLocaleString("en");

export function auditsToMarkdown(s: AuditSummary): string {
  const lines = [
    `## Audits: ${s.rows.length} recorded (seed/audits/)`,
    "",
    "| audit | date | scope | reader | held | failed | not reached | 29 of 30 |",
    "| ---: | --- | --- | --- | ---: | ---: | ---: | --- |",
    ...s.rows.map(
      (r) =>
        `| ${r.audit} | ${r.date} | ${SCOPE_TEXT[r.scope]} | ${r.reader.replace(/\|/g, "/")} | ${r.held} | ${r.failed} | ${r.notReached} | ${r.passes ? "yes" : "no"} |`,
    ),
    "",
    ...s.byScope
      .filter((x) => x.audits > 0)
      .map(
        (x) =>
          `- ${SCOPE_TEXT[x.scope]}: held ${n(x.held)} of ${n(x.read)} read (${percent(x.held, x.read)}); ${x.passing} of ${x.audits} audit${x.audits === 1 ? "" : "s"} at 29 of 30 or better`,
      ),
    `- the seed as it stands: ${n(s.audited)} of ${n(s.relations)} relations (${percent(s.audited, s.relations)}) read by an audit in their present form; the others were never read, or changed since (\`kg sample --unaudited\` draws from them)`,
  ];
  return `${lines.join("\n")}\n`;
}
