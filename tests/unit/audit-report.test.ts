/**
 * A reader's report into an audit record (`kg verdicts`): each relation gets the verdict its reader
 * wrote, a failure its why and what was done about it, and nothing the report does not say.
 */
import { describe, expect, it } from "vitest";
import { applyReport, mendOf, parseReport } from "../../server/src/seed/audit-report.js";
import type { AuditRecord } from "../../server/src/seed/audits.js";

const record = (ids: string[]): AuditRecord => ({
  audit: 7,
  date: "2026-12-06",
  scope: "seed",
  reader: "",
  relations: ids.map((id, i) => ({ id, checked: `${i}`.padStart(12, "0"), verdict: "not-reached" })),
});

const report = `# Wave 9, slice 1

HOLDS a/SUPPLIES/b: TSMC's page says "we make it"
- FAILS c/SUPPLIES/d: no stored copy of any cited page
FAILS e/USES/f: the page says 2019, not 2020
FAILS g/USES/h/two: only a mirror
MENDED e/USES/f: since set to 2019, quote added
MENDED c/SUPPLIES/d: re-sourced to Reuters (new source reuters-2024-x)
REMOVED g/USES/h/two: no acceptable stored page
NOT REACHED i/USES/j
HOLDS \`k/USES/l\`
held 1 of 5
`;

describe("parseReport", () => {
  it("reads each verdict line, with a list dash or backticks, and nothing else", () => {
    const parsed = parseReport(report);
    expect([...parsed.entries.keys()]).toEqual(["a/SUPPLIES/b", "c/SUPPLIES/d", "e/USES/f", "g/USES/h/two", "i/USES/j", "k/USES/l"]);
    expect(parsed.entries.get("c/SUPPLIES/d")).toMatchObject({ verdict: "failed", why: "no stored copy of any cited page", mend: "re-sourced" });
    expect(parsed.entries.get("e/USES/f")).toMatchObject({ verdict: "failed", mend: "corrected" });
    expect(parsed.entries.get("g/USES/h/two")).toMatchObject({ verdict: "failed", why: "only a mirror", mend: "removed" });
    expect(parsed.entries.get("i/USES/j")?.verdict).toBe("not-reached");
  });

  it("keeps a relation the reader did not reach as not reached when a later mends file names it", () => {
    const parsed = parseReport("MENDED i/USES/j: none — the page is stored at its address", parseReport(report));
    expect(parsed.entries.get("i/USES/j")?.verdict).toBe("not-reached");
    expect(parsed.mendedNotFailed).toEqual([{ id: "i/USES/j", verdict: "not-reached" }]);
    const applied = applyReport(record(["i/USES/j"]), parsed);
    expect(applied.record.relations).toEqual([{ id: "i/USES/j", checked: "000000000000", verdict: "not-reached" }]);
    expect(applied.counts).toEqual({ held: 0, failed: 0, "not-reached": 1 });
  });

  it("keeps the first verdict a relation gets, and names a relation held and then mended", () => {
    const parsed = parseReport("HOLDS a/USES/b\nFAILS a/USES/b: later doubt\nMENDED a/USES/b: wording");
    expect(parsed.entries.get("a/USES/b")?.verdict).toBe("held");
    expect(parsed.mendedNotFailed).toEqual([{ id: "a/USES/b", verdict: "held" }]);
  });

  it("reads a verdict with a qualifier in brackets after its word, as readers write minor slips", () => {
    const parsed = parseReport(
      "HOLDS (minor) a/USES/b: the page gives the 6th, not the 5th\n- FAILS (strict) c/USES/d: a reporter's words, not the claimant's",
    );
    expect(parsed.entries.get("a/USES/b")?.verdict).toBe("held");
    expect(parsed.entries.get("c/USES/d")).toMatchObject({ verdict: "failed", why: "a reporter's words, not the claimant's" });
  });

  it("counts a relation mended without a FAILS line as failed, its mend words as why", () => {
    const parsed = parseReport("REMOVED a/USES/b: only a forum says so");
    expect(parsed.entries.get("a/USES/b")).toMatchObject({ verdict: "failed", why: "only a forum says so", mend: "removed" });
  });
});

describe("mendOf", () => {
  it("takes the mend its first word names, else what its words say was done", () => {
    expect(mendOf("none: found stored after all")).toBe("none");
    expect(mendOf("Re-sourced to Nikkei")).toBe("re-sourced");
    expect(mendOf("corrected the date; added a new source for the share")).toBe("corrected");
    expect(mendOf("now cites the source tsmc-2024 with a quote")).toBe("re-sourced");
    expect(mendOf("added a new source: Reuters")).toBe("re-sourced");
    expect(mendOf("dropped the 2,048 figure from note and noteZh")).toBe("corrected");
  });
});

describe("applyReport", () => {
  it("sets the drawn relations' verdicts, a failure without a mend line as mend none, and leaves the rest", () => {
    const rec = record(["a/SUPPLIES/b", "c/SUPPLIES/d", "e/USES/f", "g/USES/h/two", "i/USES/j", "m/USES/n"]);
    const applied = applyReport(rec, parseReport(`${report}FAILS m/USES/n: the share is not on the page`), "a reviewer");
    expect(applied.record.reader).toBe("a reviewer");
    expect(applied.record.relations).toEqual([
      { id: "a/SUPPLIES/b", checked: "000000000000", verdict: "held" },
      { id: "c/SUPPLIES/d", checked: "000000000001", verdict: "failed", why: "no stored copy of any cited page", mend: "re-sourced" },
      { id: "e/USES/f", checked: "000000000002", verdict: "failed", why: "the page says 2019, not 2020", mend: "corrected" },
      { id: "g/USES/h/two", checked: "000000000003", verdict: "failed", why: "only a mirror", mend: "removed" },
      { id: "i/USES/j", checked: "000000000004", verdict: "not-reached" },
      { id: "m/USES/n", checked: "000000000005", verdict: "failed", why: "the share is not on the page", mend: "none" },
    ]);
    expect(applied.counts).toEqual({ held: 1, failed: 4, "not-reached": 1 });
    expect(applied.notInAudit).toEqual(["k/USES/l"]);
    // The record passed in is not changed.
    expect(rec.relations.every((r) => r.verdict === "not-reached")).toBe(true);
  });
});
