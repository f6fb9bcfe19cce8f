/**
 * Audit records (seed/audits/): a relation counts as read only in the form its reader saw, and the
 * sums say which audits meet the 29-of-30 rule.
 */
import { describe, expect, it } from "vitest";
import { summarizeAudits } from "../../server/src/seed/audit-summary.js";
import { type AuditRecord, checkedOnOf, isAudited, onlyTranslationsChanged, readForms, relationFingerprint } from "../../server/src/seed/audits.js";
import type { RelationRecord } from "../../server/src/seed/model.js";
import { relationRecord } from "../helpers/relation-record.js";

const relation = (i: number, extra: Partial<RelationRecord> = {}): RelationRecord => relationRecord(`e${i}`, "SUPPLIES", `f${i}`, extra);
const relations = Array.from({ length: 40 }, (_, i) => relation(i));

/** An audit reading relations a..b-1, with the given ones failed and the rest held. */
function audit(n: number, scope: "new" | "seed", from: number, to: number, failed: number[] = [], unreached: number[] = []): AuditRecord {
  return {
    audit: n,
    date: "2026-12-06",
    scope,
    reader: "r",
    relations: relations.slice(from, to).map((r, k) => {
      const i = from + k;
      const checked = relationFingerprint(r);
      if (failed.includes(i)) return { id: r.id, checked, verdict: "failed", why: "no page states it" };
      return { id: r.id, checked, verdict: unreached.includes(i) ? "not-reached" : "held" };
    }),
  };
}

describe("relationFingerprint", () => {
  it("changes when anything a reader checks changes, and not with the order of attributes", () => {
    const base = relation(1, { attributes: { item: "x", share: 0.5 }, note: "a" });
    const same = relation(1, { attributes: { share: 0.5, item: "x" }, note: "a" });
    expect(relationFingerprint(same)).toBe(relationFingerprint(base));
    for (const change of [
      { note: "b" },
      { status: "reported" as const },
      { sources: ["s", "t"] },
      { since: "2020" },
      { attributes: { item: "y", share: 0.5 } },
    ])
      expect(relationFingerprint({ ...base, ...change }), JSON.stringify(change)).not.toBe(relationFingerprint(base));
  });
});

describe("isAudited", () => {
  it("counts a relation read in its present form, not one changed since, nor one not reached", () => {
    const forms = readForms([audit(1, "new", 0, 3, [], [2])]);
    expect(isAudited(relations[0] as RelationRecord, forms)).toBe(true);
    expect(isAudited({ ...(relations[1] as RelationRecord), note: "mended" }, forms)).toBe(false);
    expect(isAudited(relations[2] as RelationRecord, forms)).toBe(false);
    expect(isAudited(relations[3] as RelationRecord, forms)).toBe(false);
  });
});

describe("translation reads", () => {
  const before = relation(1, { note: "Rivals in AI chips.", quotes: [{ text: "They compete.", language: "en", translation: "它们竞争。", source: "s" }] });
  const translated = { ...before, noteZh: "在AI芯片上竞争。" };
  /** Audit n reading `form` as a translation of `after` (a fingerprint), held unless failed. */
  const translation = (n: number, form: RelationRecord, after: RelationRecord, verdict: "held" | "failed" = "held"): AuditRecord => ({
    audit: n,
    date: "2026-12-07",
    scope: "translation",
    reader: "r",
    relations: [
      {
        id: form.id,
        checked: relationFingerprint(form),
        after: relationFingerprint(after),
        verdict,
        ...(verdict === "failed" ? { why: "says more than the note", mend: "none" as const } : {}),
      },
    ],
  });
  const sourceRead = { ...audit(1, "seed", 1, 2), date: "2026-12-04" };

  it("tells a change of translation alone from a change of what the sources are read for", () => {
    expect(onlyTranslationsChanged(before, translated)).toBe(true);
    expect(onlyTranslationsChanged(before, { ...before, quotes: [{ ...(before.quotes[0] as RelationRecord["quotes"][0]), translation: "他们竞争。" }] })).toBe(
      true,
    );
    expect(onlyTranslationsChanged(before, before)).toBe(false);
    expect(onlyTranslationsChanged(before, { ...translated, note: "Rivals." })).toBe(false);
    expect(onlyTranslationsChanged(before, { ...translated, sources: ["t"] })).toBe(false);
  });

  it("carries a source read forward to the translated form, held or failed, but only from a form read before", () => {
    const r1 = relations[1] as RelationRecord;
    const read = { ...sourceRead, relations: [{ id: before.id, checked: relationFingerprint(before), verdict: "held" as const }] };
    expect(isAudited(translated, readForms([read, translation(2, translated, before)]))).toBe(true);
    expect(isAudited(translated, readForms([read, translation(2, translated, before, "failed")]))).toBe(true);
    // Its `after` names a form no audit read, or one read only later: nothing to carry forward.
    expect(isAudited(translated, readForms([translation(2, translated, before)]))).toBe(false);
    expect(isAudited(translated, readForms([translation(1, translated, before), { ...read, audit: 2 }]))).toBe(false);
    expect(isAudited(translated, readForms([sourceRead, translation(2, translated, { ...r1, note: "other" })]))).toBe(false);
  });

  it("gives a held translation the day its sources were read, and a failed one none", () => {
    const read = { ...sourceRead, relations: [{ id: before.id, checked: relationFingerprint(before), verdict: "held" as const }] };
    expect([...checkedOnOf([translation(2, translated, before), read], [translated])]).toEqual([[before.id, "2026-12-04"]]);
    expect([...checkedOnOf([read, translation(2, translated, before, "failed")], [translated])]).toEqual([]);
  });
});

describe("checkedOnOf", () => {
  it("gives the day of the latest audit that found a relation held as it stands, and none for a failure or a changed relation", () => {
    const early = { ...audit(1, "seed", 0, 3, [2]), date: "2026-12-04" };
    const late = { ...audit(2, "new", 0, 2), date: "2026-12-06" };
    const now = [relations[0], { ...(relations[1] as RelationRecord), note: "mended" }, relations[2]] as RelationRecord[];
    expect([...checkedOnOf([late, early], now)]).toEqual([["e0/SUPPLIES/f0", "2026-12-06"]]);
  });
});

describe("summarizeAudits", () => {
  it("sums held of read per audit and per scope, and marks which audits meet 29 of 30", () => {
    const s = summarizeAudits([audit(1, "new", 0, 30, [4]), audit(2, "new", 10, 40, [12, 13]), audit(3, "seed", 0, 10, [1, 2, 3], [9])], relations);
    expect(s.rows.map((r) => [r.audit, r.held, r.failed, r.notReached, r.passes])).toEqual([
      [1, 29, 1, 0, true],
      [2, 28, 2, 0, false],
      [3, 6, 3, 1, false],
    ]);
    expect(s.byScope).toEqual([
      { scope: "new", audits: 2, held: 57, read: 60, passing: 1 },
      { scope: "seed", audits: 1, held: 6, read: 9, passing: 0 },
      { scope: "translation", audits: 0, held: 0, read: 0, passing: 0 },
    ]);
    // Every relation of the 40 was read by some audit (audit 3's unreached one was read by audit 1).
    expect([s.audited, s.relations]).toEqual([40, 40]);
  });
});
