/**
 * Audit records (seed/audits/<number>.yaml): which relations a reader checked against their cited
 * pages, when, and whether each held. `kg sample --record` writes one; the reader sets each
 * verdict; `kg audits` sums them; `kg sample --unaudited` draws only relations no audit has read in
 * their present form. Each relation is recorded with the fingerprint of the form it was read in,
 * so a relation changed after its audit counts as not yet read.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { Ajv } from "ajv";
import stableStringify from "fast-json-stable-stringify";
import { isRealPartialDate } from "../core/dates.js";
import type { Ontology } from "../ontology.js";
import type { RelationRecord } from "./model.js";
import { addNotPlainFile, listYaml, type ParsedFile, type ProblemList, parseFile, reportSchemaErrors, seedAjv } from "./seed-file.js";

export const VERDICTS = ["held", "failed", "not-reached"] as const;
export type Verdict = (typeof VERDICTS)[number];
/**
 * `new`: relations added or changed by a piece of work (the 29-of-30 rule); `seed`: drawn from the
 * whole seed; `translation`: relations whose only change since an audit read them is a translation
 * (`noteZh`, a quote's `translation`), each read for whether the translation says what the original says.
 */
export const AUDIT_SCOPES = ["new", "seed", "translation"] as const;
export type AuditScope = (typeof AUDIT_SCOPES)[number];
export const MENDS = ["corrected", "re-sourced", "removed", "none"] as const;

export interface AuditedRelation {
  id: string;
  /** The relation's fingerprint when it was read (relationFingerprint). */
  checked?: string;
  /**
   * Translation reads only: the fingerprint of the form an earlier audit read against its sources,
   * which the form read here differs from only in its translations. The read carries that one forward.
   */
  after?: string;
  verdict: Verdict;
  /** What failed (required for a failed verdict). */
  why?: string;
  /** What was done about a failure. */
  mend?: (typeof MENDS)[number];
}

export interface AuditRecord {
  audit: number;
  date: string;
  scope: AuditScope;
  /** Who read the relations (a reviewer who did not write them). */
  reader: string;
  /** How the relations were drawn (the `kg sample` command line), when they were drawn. */
  command?: string;
  relations: AuditedRelation[];
}

/** The relation without its translations (its `noteZh`, its quotes' `translation`): what its sources are read for. */
function withoutTranslations(r: RelationRecord): object {
  const { noteZh: _noteZh, ...rest } = r;
  return rest.quotes ? { ...rest, quotes: rest.quotes.map(({ translation: _translation, ...q }) => q) } : rest;
}

/** Whether two forms of a relation differ, and only in their translations (`noteZh`, a quote's `translation`). */
export const onlyTranslationsChanged = (before: RelationRecord, after: RelationRecord): boolean =>
  relationFingerprint(before) !== relationFingerprint(after) && hash(withoutTranslations(before)) === hash(withoutTranslations(after));

const hash = (content: object) => createHash("sha256").update(stableStringify(content)).digest("hex").slice(0, 12);

/** A short hash of everything a reader checks in a relation: a changed relation has a new one. */
export function relationFingerprint(r: RelationRecord): string {
  // checkedOn is derived from the audits themselves (by the sync), not something a reader checks.
  const { id: _id, checkedOn: _checkedOn, ...content } = r;
  return hash(content);
}

const AUDIT_ID = "^[a-z0-9]+(?:-[a-z0-9]+)*/[A-Z][A-Z_]*/[a-z0-9]+(?:-[a-z0-9]+)*(?:/[^/\\s]+)?$";

const auditSchema = {
  type: "object",
  required: ["audit", "date", "scope", "reader", "relations"],
  additionalProperties: false,
  properties: {
    audit: { type: "integer", minimum: 1, errorMessage: "audit must be the audit's number, a whole number from 1 (the file's name)" },
    date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", errorMessage: 'date must be the day the relations were read, as "2026-12-06" (quoted)' },
    scope: {
      enum: AUDIT_SCOPES,
      errorMessage: `scope must be one of ${AUDIT_SCOPES.join(", ")} (new: a piece of work's relations; seed: drawn from the whole seed)`,
    },
    reader: { type: "string", minLength: 1, maxLength: 200, errorMessage: "reader must say who read the relations (e.g. a reviewer who wrote none of them)" },
    command: { type: "string", minLength: 1, maxLength: 500, errorMessage: "command must be the `npm run kg -- sample …` line that drew the relations" },
    relations: {
      type: "array",
      minItems: 1,
      errorMessage: "relations must list at least one relation read, each with its id and verdict",
      items: {
        type: "object",
        required: ["id", "verdict"],
        additionalProperties: false,
        properties: {
          id: { type: "string", pattern: AUDIT_ID, errorMessage: "id must be a relation id, from/TYPE/to (or from/TYPE/to/key); got ${0}" },
          checked: { type: "string", pattern: "^[0-9a-f]{12}$", errorMessage: "checked must be the 12-character fingerprint `kg sample --record` wrote" },
          after: {
            type: "string",
            pattern: "^[0-9a-f]{12}$",
            errorMessage: "after must be the 12-character fingerprint `kg sample --translated-since --record` wrote",
          },
          verdict: { enum: VERDICTS, errorMessage: `verdict must be one of ${VERDICTS.join(", ")}` },
          why: { type: "string", minLength: 1, maxLength: 2000, errorMessage: "why must say what failed, in at most 2,000 characters" },
          mend: { enum: MENDS, errorMessage: `mend must be one of ${MENDS.join(", ")}` },
        },
        errorMessage: { additionalProperties: "an audited relation has only id, checked, after, verdict, why and mend" },
      },
    },
  },
  errorMessage: { additionalProperties: "an audit has only audit, date, scope, reader, command and relations" },
};

let compiled: ReturnType<Ajv["compile"]> | undefined;
function checkAudit() {
  if (compiled) return compiled;
  compiled = seedAjv().compile(auditSchema);
  return compiled;
}

/** The audits folder of a seed. */
export const auditsDir = (seedDir: string) => path.join(seedDir, "audits");

/** The record file of audit `n` in a seed (seed/audits/<n>.yaml). */
export const auditFile = (seedDir: string, n: number | string) => path.join(auditsDir(seedDir), `${n}.yaml`);

/** Reads and checks every audit record, adding each problem with its file:line:col. */
export function loadAudits(seedDir: string, ontology: Ontology, problems: ProblemList, cwd: string): AuditRecord[] {
  const refused: string[] = [];
  const files = listYaml(auditsDir(seedDir), refused);
  for (const entry of refused) addNotPlainFile(problems, cwd, entry);
  const audits: AuditRecord[] = [];
  for (const absolute of files) {
    const file = parseFile(absolute, problems, cwd);
    if (!file) continue;
    const check = checkAudit();
    if (!check(file.data)) {
      reportSchemaErrors(file, check.errors, [], problems);
      continue;
    }
    const record = file.data as AuditRecord;
    if (crossProblems(file, record, ontology, problems) === 0) audits.push(record);
  }
  return audits.sort((a, b) => a.audit - b.audit);
}

function crossProblems(file: ParsedFile, record: AuditRecord, ontology: Ontology, problems: ProblemList): number {
  const before = problems.items.length;
  const expected = path.basename(file.absolute).replace(/\.ya?ml$/, "");
  if (String(record.audit) !== expected)
    problems.add(file, ["audit"], `audit ${record.audit} must equal the file name "${expected}"; rename the file or fix the number`);
  if (!isRealPartialDate(record.date)) problems.add(file, ["date"], `date ${record.date} is not a real calendar date`);
  const seen = new Set<string>();
  record.relations.forEach((r, i) => {
    const type = r.id.split("/")[1] as string;
    if (!ontology.relationType(type)) problems.add(file, ["relations", i, "id"], `${r.id}: ${type} is not a relation type (seed/ontology/relation-types.yaml)`);
    if (seen.has(r.id)) problems.add(file, ["relations", i, "id"], `${r.id} is listed twice in this audit; keep one verdict`);
    seen.add(r.id);
    if (r.verdict === "failed" && !r.why) problems.add(file, ["relations", i], `${r.id} failed: say why (\`why:\` what its pages do not state)`);
    if (r.verdict !== "failed" && (r.why !== undefined || r.mend !== undefined))
      problems.add(file, ["relations", i, r.why !== undefined ? "why" : "mend"], `${r.id} is ${r.verdict}: why and mend are for a failed relation only`);
    if (record.scope === "translation" && (r.after === undefined || r.checked === undefined))
      problems.add(
        file,
        ["relations", i],
        `${r.id}: a translation read needs \`checked\` and \`after\` (the form read before); record it with \`npm run kg -- sample --translated-since <ref> --record <n>\``,
      );
    if (record.scope !== "translation" && r.after !== undefined)
      problems.add(file, ["relations", i, "after"], `${r.id}: \`after\` is for translation reads only (scope: translation); remove it`);
  });
  return problems.items.length - before;
}

/**
 * Relation ids with the fingerprints they were read in (held or failed); an id read without a
 * fingerprint maps to "*". A translation read counts only when the form it says it follows
 * (`after`) was read before it, by an earlier audit.
 */
export function readForms(audits: readonly AuditRecord[]): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  for (const a of inOrder(audits))
    for (const r of a.relations) {
      if (r.verdict === "not-reached") continue;
      const set = forms.get(r.id) ?? new Set<string>();
      if (a.scope === "translation" && !(r.after !== undefined && set.has(r.after))) continue;
      set.add(r.checked ?? "*");
      forms.set(r.id, set);
    }
  return forms;
}

const inOrder = (audits: readonly AuditRecord[]) => [...audits].sort((a, b) => a.audit - b.audit);

/**
 * Relations readers keep failing as they stand: in their present form (or in a reading recorded
 * without a fingerprint), failed at the last reading, or in at least two readings and at least half
 * of them; translation reads, which do not read the sources, are left out. Such a relation usually
 * rests on a page that is hard to find among the stored copies, or on none: the mend is a second
 * stored page that states it, quoted (the changed relation then starts a new record).
 */
export function fragileIds(audits: readonly AuditRecord[], relations: readonly RelationRecord[]): Set<string> {
  const form = new Map(relations.map((r) => [r.id, relationFingerprint(r)]));
  const readings = new Map<string, Verdict[]>();
  for (const a of inOrder(audits)) {
    if (a.scope === "translation") continue;
    for (const r of a.relations) {
      if (r.verdict === "not-reached" || !form.has(r.id) || (r.checked !== undefined && r.checked !== form.get(r.id))) continue;
      readings.set(r.id, [...(readings.get(r.id) ?? []), r.verdict]);
    }
  }
  const fragile = new Set<string>();
  for (const [id, verdicts] of readings) {
    const failed = verdicts.filter((v) => v === "failed").length;
    if (verdicts.at(-1) === "failed" || (failed >= 2 && 2 * failed >= verdicts.length)) fragile.add(id);
  }
  return fragile;
}

/** Whether an audit has read this relation as it stands. */
export function isAudited(r: RelationRecord, forms: Map<string, Set<string>>): boolean {
  const read = forms.get(r.id);
  return read !== undefined && (read.has("*") || read.has(relationFingerprint(r)));
}

/**
 * For each relation, the day of the latest audit that read it as it stands and found it held
 * (`Relation.checkedOn`, written by the sync); relations no such audit read are left out. A held
 * translation read carries forward the day its sources were read (it did not read them again).
 */
export function checkedOnOf(audits: readonly AuditRecord[], relations: readonly RelationRecord[]): Map<string, string> {
  // Per relation: the day each form (fingerprint, or "*" for a read recorded without one) was last found held.
  const held = new Map<string, Map<string, string>>();
  for (const a of inOrder(audits))
    for (const r of a.relations) {
      if (r.verdict !== "held") continue;
      const days = held.get(r.id) ?? new Map<string, string>();
      const day = a.scope === "translation" ? (r.after === undefined ? undefined : days.get(r.after)) : a.date;
      if (day === undefined) continue;
      const form = r.checked ?? "*";
      const before = days.get(form);
      days.set(form, before !== undefined && before > day ? before : day);
      held.set(r.id, days);
    }
  const out = new Map<string, string>();
  for (const r of relations) {
    const days = held.get(r.id);
    if (!days) continue;
    const found = [days.get(relationFingerprint(r)), days.get("*")].filter((d): d is string => d !== undefined).sort();
    if (found.length > 0) out.set(r.id, found.at(-1) as string);
  }
  return out;
}
