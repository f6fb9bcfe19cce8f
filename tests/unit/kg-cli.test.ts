/**
 * The contributor's CLI on a copy of a small fixture seed: its commands run in this process, as
 * `npm run kg` runs them from the seed folder (output, exit status, files), and once as a process.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { runKg } from "../../server/src/cli/kg-program.js";
import { repoRoot } from "../../server/src/config.js";
import { validateSeed } from "../../server/src/seed/validate.js";

const fixture = path.join(repoRoot, "tests/fixtures/sync-seed");
let seed: string;

/** `npm run kg -- --seed <copy> <args>` from the seed copy: its exit status and its output (stdout, then stderr). */
function kg(...args: string[]): { status: number | null; out: string } {
  let stdout = "";
  let stderr = "";
  const cwd = process.cwd();
  process.chdir(seed);
  try {
    const status = runKg(["--seed", seed, ...args], { out: (text) => (stdout += text), err: (text) => (stderr += text) });
    return { status, out: `${stdout}${stderr}` };
  } finally {
    process.chdir(cwd);
  }
}

const read = (file: string) => fs.readFileSync(path.join(seed, file), "utf8");

/** Changes a relation (its status, confirmed <-> reported), so that its fingerprint changes. */
function flipStatus(id: string): void {
  const [from, , to] = id.split("/");
  const file = ["organization", "chip"].map((k) => `entities/${k}/${from}.yaml`).find((f) => fs.existsSync(path.join(seed, f))) as string;
  fs.writeFileSync(
    path.join(seed, file),
    read(file).replace(new RegExp(`(    to: ${to}\\n    status: )(\\w+)`), (_, head, status) => `${head}${status === "confirmed" ? "reported" : "confirmed"}`),
  );
}

beforeEach(() => {
  seed = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-kg-"));
  fs.cpSync(fixture, seed, { recursive: true });
});

describe("npm run kg", () => {
  it("add-relation appends a canonical relation to the --from entity's file, and the seed stays valid", () => {
    const r = kg(
      "add-relation",
      "--from",
      "hisilicon",
      "--type",
      "MANUFACTURES",
      "--to",
      "ascend-910b",
      "--source",
      "wikipedia-hisilicon",
      "--since",
      "2019",
      "--status",
      "reported",
    );
    expect(r.out).toContain("✔ added hisilicon MANUFACTURES ascend-910b");
    expect(r.status).toBe(0);
    expect(read("entities/organization/hisilicon.yaml")).toContain(
      ["  - type: MANUFACTURES", "    to: ascend-910b", "    status: reported", '    since: "2019"', "    sources:", "      - wikipedia-hisilicon"].join("\n"),
    );
    expect(validateSeed({ seedDir: seed }).problems).toEqual([]);
  });

  it("add-relation accepts the url of a registered source", () => {
    const r = kg(
      "add-relation",
      "--from",
      "nvidia",
      "--type",
      "DESIGNS",
      "--to",
      "ascend-910b",
      "--source",
      "https://en.wikipedia.org/wiki/Huawei",
      "--status",
      "reported",
    );
    // NVIDIA does not design Ascend chips, but the CLI checks form, not truth: it maps the url to its id.
    expect(r.status).toBe(0);
    expect(read("entities/organization/nvidia.yaml")).toContain("      - wikipedia-huawei");
  });

  it("add-relation writes a quote with its translation, its source and that source's language", () => {
    const r = kg(
      ...["add-relation", "--from", "hisilicon", "--type", "MANUFACTURES", "--to", "ascend-910b", "--source", "wikipedia-hisilicon"],
      ...["--status", "claimed", "--claimed-by", "hisilicon", "--quote", "HiSilicon makes the Ascend 910B.", "--quote-translation", "海思制造昇腾910B。"],
      ...["--note", "The claim as the page words it.", "--note-zh", "页面上的说法。"],
    );
    expect(r.out).toContain("✔ added hisilicon MANUFACTURES ascend-910b");
    expect(read("entities/organization/hisilicon.yaml")).toContain(
      [
        "    quotes:",
        "      - text: HiSilicon makes the Ascend 910B.",
        "        language: en",
        "        translation: 海思制造昇腾910B。",
        "        source: wikipedia-hisilicon",
        "    note: The claim as the page words it.",
        "    noteZh: 页面上的说法。",
      ].join("\n"),
    );
    expect(validateSeed({ seedDir: seed }).problems).toEqual([]);
    const untranslated = kg(
      ...["add-relation", "--from", "hisilicon", "--type", "DESIGNS", "--to", "ascend-910b", "--source", "wikipedia-hisilicon"],
      "--quote",
      "x",
    );
    expect(untranslated.status).not.toBe(0);
    expect(untranslated.out).toContain("--quote needs --quote-translation");
  });

  const rejected: [string, string[], RegExp][] = [
    [
      "an unknown entity id",
      ["--from", "hisilicon", "--type", "DESIGNS", "--to", "ascend-999", "--source", "wikipedia-hisilicon"],
      /unknown entity id "ascend-999"/,
    ],
    [
      "a type not allowed between those kinds",
      ["--from", "hisilicon", "--type", "FOUNDED", "--to", "huawei", "--source", "wikipedia-hisilicon"],
      /FOUNDED cannot start at an organization \(hisilicon\); it goes from a person/,
    ],
    [
      "an unknown source",
      ["--from", "hisilicon", "--type", "DESIGNS", "--to", "ascend-910b", "--source", "no-such-source", "--key", "second"],
      /unknown source id "no-such-source"/,
    ],
    [
      "an unregistered source url",
      ["--from", "hisilicon", "--type", "PARTNERS_WITH", "--to", "nvidia", "--source", "https://example.org/x"],
      /No source has the url https:\/\/example.org\/x\. Register it first/,
    ],
    [
      "an unregistered source url with shell characters (the hint quotes it, so pasting it runs nothing)",
      ["--from", "hisilicon", "--type", "PARTNERS_WITH", "--to", "nvidia", "--source", "https://example.org/x?a=1&b=$(touch pwned)"],
      /add-source --url 'https:\/\/example\.org\/x\?a=1&b=\$\(touch pwned\)' --title/,
    ],
    [
      "a duplicate relation",
      ["--from", "hisilicon", "--type", "DESIGNS", "--to", "ascend-910b", "--source", "wikipedia-hisilicon"],
      /duplicate relation hisilicon\/DESIGNS\/ascend-910b/,
    ],
    [
      "a malformed date",
      ["--from", "hisilicon", "--type", "PARTNERS_WITH", "--to", "nvidia", "--source", "wikipedia-hisilicon", "--since", "2019-13"],
      /since must be a partial ISO date/,
    ],
    [
      "a claim without a claimant",
      ["--from", "hisilicon", "--type", "PARTNERS_WITH", "--to", "nvidia", "--source", "wikipedia-hisilicon", "--status", "claimed"],
      /a claimed relation needs `claimedBy`/,
    ],
  ];
  for (const [what, args, message] of rejected) {
    it(`add-relation rejects ${what} with a clear message and writes nothing`, () => {
      const before = read("entities/organization/hisilicon.yaml");
      const r = kg("add-relation", ...args);
      expect(r.status).toBe(1);
      expect(r.out).toMatch(message);
      expect(read("entities/organization/hisilicon.yaml")).toBe(before);
    });
  }

  it("add-relation without --source is refused by the argument parser", () => {
    const r = kg("add-relation", "--from", "hisilicon", "--type", "DESIGNS", "--to", "ascend-910b");
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("required option '--source <id-or-url>' not specified");
  });

  it("add-entity writes seed/entities/<kind>/<id>.yaml with typed attributes", () => {
    const r = kg(
      "add-entity",
      "--id",
      "ascend-910c",
      "--kind",
      "CHIP",
      "--name",
      "Ascend 910C",
      "--name-zh",
      "昇腾910C",
      "--country",
      "CN",
      "--attr",
      "chipType=NPU",
      "--attr",
      "memoryGB=128",
    );
    expect(r.status).toBe(0);
    expect(read("entities/chip/ascend-910c.yaml")).toBe(
      "id: ascend-910c\nkind: CHIP\nname: Ascend 910C\nnameZh: 昇腾910C\ncountry: CN\nattributes:\n  chipType: NPU\n  memoryGB: 128\n",
    );
  });

  it("add-entity refuses a Chinese entity without its Chinese name", () => {
    const r = kg("add-entity", "--id", "smic", "--kind", "ORGANIZATION", "--name", "SMIC", "--country", "CN");
    expect(r.status).toBe(1);
    expect(r.out).toContain("needs `nameZh`");
    expect(fs.existsSync(path.join(seed, "entities/organization/smic.yaml"))).toBe(false);
  });

  it("add-source derives a readable id from a Wikipedia url", () => {
    const r = kg("add-source", "--url", "https://en.wikipedia.org/wiki/SMIC", "--title", "SMIC", "--publisher", "Wikipedia");
    expect(r.status).toBe(0);
    expect(read("sources/wikipedia-smic.yaml")).toBe(
      "id: wikipedia-smic\nurl: https://en.wikipedia.org/wiki/SMIC\ntitle: SMIC\npublisher: Wikipedia\nlanguage: en\n",
    );
  });

  it("add-source refuses a page on a site the seed lists as copying others, and writes nothing", () => {
    fs.writeFileSync(path.join(seed, "sites.yaml"), "refused:\n  - host: copies.example\n    why: it republishes other outlets' articles\n");
    const r = kg("add-source", "--url", "https://www.copies.example/news/1", "--title", "A copy", "--publisher", "Copies");
    expect(r.status).toBe(1);
    expect(r.out).toContain(
      "copies.example is a site the atlas does not cite (sites.yaml:2): it republishes other outlets' articles; cite the original page instead",
    );
    expect(fs.readdirSync(path.join(seed, "sources")).some((f) => f.includes("copies"))).toBe(false);
  });

  it("fmt --check lists a non-canonical file and fmt fixes it", () => {
    fs.writeFileSync(path.join(seed, "entities/chip/ascend-910b.yaml"), "kind: CHIP\nid: ascend-910b\nname: Ascend 910B\nnameZh: 昇腾910B\ncountry: CN\n");
    const check = kg("fmt", "--check");
    expect(check.status).toBe(1);
    expect(check.out).toContain("not canonical: entities/chip/ascend-910b.yaml");
    expect(kg("fmt").status).toBe(0);
    expect(read("entities/chip/ascend-910b.yaml").startsWith("id: ascend-910b\nkind: CHIP\n")).toBe(true);
    expect(kg("fmt", "--check").status).toBe(0);
  });

  it("fmt refuses a file whose text a comment would cut short, and leaves it as it was", () => {
    const file = "entities/chip/ascend-910b.yaml";
    const text = "id: ascend-910b\nkind: CHIP\nname: Ascend 910B\nnameZh: 昇腾910B\ncountry: CN\ndescription: Huawei's #1 AI chip\n";
    fs.writeFileSync(path.join(seed, file), text);
    const r = kg("fmt");
    expect(r.status).toBe(1);
    expect(r.out).toContain(`${file}:6: cannot format: a " #" after a value starts a YAML comment`);
    expect(read(file)).toBe(text);
  });

  it("diff prints the graph-level changes against a git ref as Markdown", () => {
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: seed, encoding: "utf8" });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "base");
    kg("add-relation", "--from", "hisilicon", "--type", "MANUFACTURES", "--to", "ascend-910b", "--source", "wikipedia-hisilicon", "--status", "reported");
    fs.rmSync(path.join(seed, "entities/organization/nvidia.yaml"));
    fs.writeFileSync(
      path.join(seed, "entities/chip/ascend-910b.yaml"),
      read("entities/chip/ascend-910b.yaml").replace("name: Ascend 910B", "name: Huawei Ascend 910B"),
    );
    const r = kg("diff", "HEAD");
    expect(r.status).toBe(0);
    expect(r.out).toContain("## Graph changes against `HEAD`");
    expect(r.out).toContain("| entities | 0 | 1 | 1 |");
    expect(r.out).toContain("| relations | 1 | 1 | 0 |");
    expect(r.out).toContain("- ➕ `hisilicon` **MANUFACTURES** `ascend-910b` — reported; sources: [HiSilicon](<https://en.wikipedia.org/wiki/HiSilicon>)");
    expect(r.out).toContain("- ➖ `nvidia` **COMPETES_WITH** `huawei`");
    expect(r.out).toContain("- ✏️ `ascend-910b`: name: Ascend 910B → Huawei Ascend 910B");
  });

  it("sample draws relations with their file and every cited source, the same ones again for the same --draw", () => {
    const first = kg("sample", "--count", "2", "--draw", "41");
    expect(first.status).toBe(0);
    expect(first.out).toContain("## Audit sample: 2 of 3 relations");
    expect(first.out).toContain("Draw it again: `npm run kg -- sample --count 2 --draw 41`");
    const items = first.out.split("\n").filter((line) => /^\d+\. \[ \] /.test(line));
    expect(items).toHaveLength(2);
    expect(new Set(items).size).toBe(2);
    expect(kg("sample", "--count", "2", "--draw", "41").out).toBe(first.out);
    const one = kg("sample", "--count", "5", "--type", "DESIGNS", "--draw", "3");
    expect(one.out).toContain("## Audit sample: 1 of 1 relations");
    expect(one.out).toContain("1. [ ] `hisilicon` **DESIGNS** `ascend-910b` (confirmed) — seed/entities/organization/hisilicon.yaml");
    expect(one.out).toContain("(`wikipedia-hisilicon`)");
    expect(one.out).toMatch(/\[HiSilicon\]\(<https:\/\/en\.wikipedia\.org\/wiki\/HiSilicon>\)/);
  });

  it("sample --since-ref draws only the relations added or changed since that git ref", () => {
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: seed, encoding: "utf8" });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "base");
    expect(kg("sample", "--since-ref", "HEAD", "--draw", "1").out).toContain("## Audit sample: 0 of 0 relations");
    const badRef = kg("sample", "--since-ref", "no-such-ref");
    expect(badRef.status).toBe(1);
    expect(badRef.out).toContain('at git ref "no-such-ref"; is it a commit, branch or tag of this repository?');
    kg("add-relation", "--from", "hisilicon", "--type", "MANUFACTURES", "--to", "ascend-910b", "--source", "wikipedia-hisilicon", "--status", "reported");
    const r = kg("sample", "--since-ref", "HEAD", "--draw", "1", "--json");
    expect(r.status).toBe(0);
    const drawn = JSON.parse(r.out) as { draw: number; population: number; relations: { id: string }[] };
    expect(drawn).toMatchObject({ draw: 1, population: 1 });
    expect(drawn.relations.map((x) => x.id)).toEqual(["hisilicon/MANUFACTURES/ascend-910b"]);
  });

  it("sample --kind and --touching draw from one area: the files of a kind, the relations of an entity", () => {
    const drawn = (...args: string[]) => {
      const r = kg("sample", "--draw", "1", "--json", ...args);
      expect(r.status, args.join(" ")).toBe(0);
      return (JSON.parse(r.out) as { relations: { id: string }[] }).relations.map((x) => x.id).sort();
    };
    expect(drawn("--touching", "ascend-910b")).toEqual(["hisilicon/DESIGNS/ascend-910b"]);
    // Both filters at once: relations stored in organisations' files that touch Huawei.
    expect(drawn("--kind", "Organization", "--touching", "huawei")).toEqual(["hisilicon/SUBSIDIARY_OF/huawei", "nvidia/COMPETES_WITH/huawei"]);
    // A chip's file stores no relation here: HiSilicon's file holds the one that designs it.
    expect(drawn("--kind", "chip")).toEqual([]);
    expect(kg("sample", "--draw", "1", "--kind", "chip", "--touching", "huawei").out).toContain(
      "Draw it again: `npm run kg -- sample --count 30 --draw 1 --kind chip --touching huawei`",
    );
  });

  it("sample --record writes an audit its reader fills in; audits sums it; --unaudited then draws only what no audit read as it stands", () => {
    const recorded = kg("sample", "--count", "2", "--draw", "41", "--record", "7", "--json");
    expect(recorded.status).toBe(0);
    expect(recorded.out).toContain("✔ wrote audits/7.yaml: set `reader`");
    const drawn = (JSON.parse(recorded.out.slice(0, recorded.out.lastIndexOf("}") + 1)) as { relations: { id: string }[] }).relations.map((x) => x.id);
    expect(read("audits/7.yaml")).toContain("verdict: not-reached");
    // Until its reader says who they are, the record is a problem where it stands.
    const unsigned = validateSeed({ seedDir: seed, cwd: seed });
    expect(unsigned.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      "audits/7.yaml:4: reader must say who read the relations (e.g. a reviewer who wrote none of them)",
    ]);
    // Nothing else is recorded while the seed has a problem, this unfinished record included.
    const refused = kg("sample", "--count", "2", "--record", "8");
    expect(refused.status).toBe(1);
    expect(refused.out).toContain(
      "The seed has 1 validation problem (`npm run validate`); fix them, or finish the audit record that has them (a wave still being read needs its `reader` set), before recording audit 8.",
    );
    expect(fs.existsSync(path.join(seed, "audits/8.yaml"))).toBe(false);
    // The reader holds the first relation drawn and fails the second.
    const filled = read("audits/7.yaml")
      .replace('reader: ""', "reader: a reviewer")
      .replace("verdict: not-reached", "verdict: held")
      .replace("verdict: not-reached", "verdict: failed\n    why: no page read states it");
    fs.writeFileSync(path.join(seed, "audits/7.yaml"), filled);
    expect(validateSeed({ seedDir: seed, cwd: seed }).problems).toEqual([]);
    const summary = kg("audits").out;
    expect(summary).toContain("| 7 | ");
    expect(summary).toContain("| whole seed | a reviewer | 1 | 1 | 0 | no |");
    expect(summary).toContain("2 of 3 relations (67 %) read by an audit in their present form");
    const unaudited = kg("sample", "--unaudited", "--draw", "1", "--json");
    expect((JSON.parse(unaudited.out) as { relations: { id: string }[] }).relations.map((x) => x.id).filter((id) => drawn.includes(id))).toEqual([]);
    // A relation changed after it was read is unread again.
    flipStatus(drawn[0] as string);
    const again = JSON.parse(kg("sample", "--unaudited", "--draw", "1", "--json").out) as { relations: { id: string }[] };
    expect(again.relations.map((x) => x.id)).toContain(drawn[0]);
    expect(kg("sample", "--record", "7").out).toContain("audits/7.yaml exists: audit 7 is recorded");
  });

  it("sample --fragile draws the relations readers keep failing as they stand, and a mend starts a relation's record afresh", () => {
    // Four readings of the same two relations: the verdicts each reader gives them, in draw order.
    const readings: [string, string][] = [
      ["held", "failed"],
      ["failed", "held"],
      ["held", "failed"],
      ["held", "held"],
    ];
    let drawn: string[] = [];
    const fragile = () =>
      (JSON.parse(kg("sample", "--fragile", "--count", "9", "--draw", "1", "--json").out) as { relations: { id: string }[] }).relations.map((x) => x.id);
    const seen: string[][] = [];
    readings.forEach(([first, second], i) => {
      const recorded = kg("sample", "--count", "2", "--draw", "41", "--record", String(7 + i), "--json");
      drawn = (JSON.parse(recorded.out.slice(0, recorded.out.lastIndexOf("}") + 1)) as { relations: { id: string }[] }).relations.map((x) => x.id);
      const file = `audits/${7 + i}.yaml`;
      const why = (v: string) => (v === "failed" ? "failed\n    why: no stored copy of its page found" : v);
      fs.writeFileSync(
        path.join(seed, file),
        read(file)
          .replace('reader: ""', "reader: a reviewer")
          .replace("verdict: not-reached", `verdict: ${why(first)}`)
          .replace("verdict: not-reached", `verdict: ${why(second)}`),
      );
      expect(validateSeed({ seedDir: seed, cwd: seed }).problems).toEqual([]);
      seen.push(fragile());
    });
    const [a, b] = drawn;
    // After each of the first three readings, the one failed last. After the fourth, both held last:
    // the second still counts (failed in two of four), the first not (failed in one of four).
    expect(seen).toEqual([[b], [a], [b], [b]]);
    // Given a second page, the second relation changes: its earlier readings were of another form.
    flipStatus(b as string);
    expect(fragile()).toEqual([]);
  });

  it("sample --translated-since draws relations only translated since a ref; their translation read carries the earlier source read forward", () => {
    const withNote = (file: string, to: string, lines: string) => {
      fs.writeFileSync(path.join(seed, file), read(file).replace(new RegExp(`(    to: ${to}\\n)`), `$1${lines}`));
      expect(kg("fmt").status).toBe(0);
    };
    withNote("entities/organization/nvidia.yaml", "huawei", "    note: Rivals in AI chips.\n");
    withNote("entities/organization/hisilicon.yaml", "ascend-910b", "    note: Designs it.\n");
    expect(kg("sample", "--count", "3", "--draw", "1", "--record", "7").out).toContain("✔ wrote audits/7.yaml");
    fs.writeFileSync(path.join(seed, "audits/7.yaml"), read("audits/7.yaml").replace('reader: ""', "reader: a reviewer").replaceAll("not-reached", "held"));
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: seed, encoding: "utf8" });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "read");
    // One note gains its Chinese alone; the other's English changes too, so it needs its sources read again.
    withNote("entities/organization/nvidia.yaml", "huawei", "    noteZh: 在AI芯片上竞争。\n");
    fs.writeFileSync(
      path.join(seed, "entities/organization/hisilicon.yaml"),
      read("entities/organization/hisilicon.yaml").replace("note: Designs it.", "note: Designs the chip.\n    noteZh: 设计该芯片。"),
    );
    expect(kg("fmt").status).toBe(0);
    expect(kg("audits").out).toContain("1 of 3 relations (33 %) read by an audit in their present form");
    const drawn = JSON.parse(kg("sample", "--translated-since", "HEAD", "--draw", "1", "--json").out) as { population: number; relations: { id: string }[] };
    expect(drawn.relations.map((x) => x.id)).toEqual(["nvidia/COMPETES_WITH/huawei"]);
    expect(kg("sample", "--translated-since", "HEAD", "--record", "8").status).toBe(0);
    expect(read("audits/8.yaml")).toContain("scope: translation");
    expect(read("audits/8.yaml")).toMatch(/checked: [0-9a-f]{12}\n {4}after: [0-9a-f]{12}\n {4}verdict: not-reached/);
    const report = path.join(seed, "report.md");
    fs.writeFileSync(report, "HOLDS nvidia/COMPETES_WITH/huawei: the Chinese says what the note says\n");
    expect(kg("verdicts", "8", report, "--reader", "a reader of both languages").status).toBe(0);
    expect(validateSeed({ seedDir: seed, cwd: seed }).problems).toEqual([]);
    const summary = kg("audits").out;
    expect(summary).toContain("| 8 | ");
    expect(summary).toContain("| translations | a reader of both languages | 1 | 0 | 0 | yes |");
    expect(summary).toContain("- translations: held 1 of 1 read (100 %)");
    expect(summary).toContain("2 of 3 relations (67 %) read by an audit in their present form");
    // A translation read that does not say which read form it follows carries nothing, and is refused.
    fs.writeFileSync(path.join(seed, "audits/8.yaml"), read("audits/8.yaml").replace(/\n {4}after: [0-9a-f]{12}/, ""));
    expect(validateSeed({ seedDir: seed, cwd: seed }).problems.map((p) => p.message)).toEqual([
      "nvidia/COMPETES_WITH/huawei: a translation read needs `checked` and `after` (the form read before); record it with `npm run kg -- sample --translated-since <ref> --record <n>`",
    ]);
    const both = kg("sample", "--since-ref", "HEAD", "--translated-since", "HEAD");
    expect(both.status).toBe(1);
    expect(both.out).toContain("Give --since-ref (relations added or changed) or --translated-since (relations only translated), not both.");
  });

  it("sample --not-drawn-by leaves out what another audit drew, so two waves read different relations", () => {
    const first = kg("sample", "--count", "2", "--draw", "41", "--record", "9", "--json");
    const drawn = (JSON.parse(first.out.slice(0, first.out.lastIndexOf("}") + 1)) as { relations: { id: string }[] }).relations.map((x) => x.id);
    expect(drawn).toHaveLength(2);
    // Handed out but not yet signed, the first wave's record cannot be left out: the error says what to set.
    const unsigned = kg("sample", "--count", "99", "--draw", "41", "--not-drawn-by", "9", "--json");
    expect(unsigned.status).toBe(1);
    expect(unsigned.out).toContain("Audit 9's record, seed/audits/9.yaml, is not a valid record yet (--not-drawn-by)");
    expect(unsigned.out).toContain("A wave still being read needs its `reader` set (who reads it) when it is handed out.");
    fs.writeFileSync(path.join(seed, "audits/9.yaml"), read("audits/9.yaml").replace('reader: ""', "reader: a reader of the first wave"));
    const second = kg("sample", "--count", "99", "--draw", "41", "--not-drawn-by", "9", "--json");
    const rest = JSON.parse(second.out) as { population: number; relations: { id: string }[] };
    expect(rest.population).toBe(1);
    expect(rest.relations.map((x) => x.id).filter((id) => drawn.includes(id))).toEqual([]);
    expect(kg("sample", "--count", "1", "--draw", "5", "--not-drawn-by", "9").out).toContain(
      "Draw it again: `npm run kg -- sample --count 1 --draw 5 --not-drawn-by 9`",
    );
    const unknown = kg("sample", "--not-drawn-by", "99");
    expect(unknown.status).toBe(1);
    expect(unknown.out).toContain("No audit 99 is recorded (--not-drawn-by)");
    fs.rmSync(path.join(seed, "audits/9.yaml"));
  });

  it("verdicts fills a recorded audit from its reader's report, and the seed stays valid", () => {
    const recorded = kg("sample", "--count", "2", "--draw", "41", "--record", "11", "--json");
    const [held, failed] = (JSON.parse(recorded.out.slice(0, recorded.out.lastIndexOf("}") + 1)) as { relations: { id: string }[] }).relations.map((x) => x.id);
    const report = path.join(seed, "report.md");
    fs.writeFileSync(report, `HOLDS ${held}: the page says so\nFAILS ${failed}: no stored copy\nREMOVED ${failed}: nothing else states it\nHOLDS a/USES/b\n`);
    const filled = kg("verdicts", "11", report, "--reader", "a reviewer who wrote none of them");
    expect(filled.status).toBe(0);
    expect(filled.out).toContain("audits/11.yaml: 1 held, 1 failed, 0 not reached (of 2).");
    expect(filled.out).toContain("The report names 1 relation(s) audit 11 did not draw (left alone; check the ids): a/USES/b");
    expect(read("audits/11.yaml")).toContain(`- id: ${failed}\n    checked: `);
    expect(read("audits/11.yaml")).toContain("verdict: failed\n    why: no stored copy\n    mend: removed");
    expect(validateSeed({ seedDir: seed, cwd: seed }).problems).toEqual([]);
    expect(kg("audits").out).toContain("| 11 | ");
    // A mend for a relation the reader did not reach is not recorded, and the command says so.
    fs.writeFileSync(report, `NOT REACHED ${held}\nMENDED ${held}: none — the page is stored\n`);
    const unreached = kg("verdicts", "11", report);
    expect(unreached.out).toContain(
      `Not reached and also mended (recorded as not reached, without a mend; draw them again with \`sample --unaudited\`): ${held}`,
    );
    expect(read("audits/11.yaml")).not.toContain("mend: none");
    const missing = kg("verdicts", "12", report);
    expect(missing.status).toBe(1);
    expect(missing.out).toContain("No audit 12 is recorded (audits/12.yaml)");
    expect(kg("verdicts", "11", "nowhere.md").out).toContain("No report file nowhere.md; give the path of the reader's report.");
  });

  it("sample refuses a count, a draw or a type it cannot use, saying which", () => {
    for (const [args, message] of [
      [["--count", "0"], "--count must be a whole number of relations, at least 1 (got 0)"],
      [["--draw", "1.5"], "--draw must be a whole number (got 1.5)"],
      [["--type", "DESIGN"], "Unknown relation type DESIGN"],
      [["--since-ref", "HEAD"], 'is not in a git repository, so there is no "HEAD" to compare with'],
      [["--kind", "chips"], "Unknown kind chips (--kind); the kinds are organization, person, chip"],
      [["--touching", "hisilicom"], 'Unknown entity id "hisilicom" (--touching): no file seed/entities/*/<id>.yaml.'],
    ] as const) {
      const r = kg("sample", ...args);
      expect(r.status, args.join(" ")).toBe(1);
      expect(r.out, args.join(" ")).toContain(message);
    }
  });

  it("every command has --help", () => {
    for (const command of ["add-entity", "add-relation", "add-source", "fmt", "diff", "sample"]) {
      const r = kg(command, "--help");
      expect(r.status, command).toBe(0);
      expect(r.out, command).toContain(`Usage: kg ${command}`);
    }
  });

  it("runs as a process: `npm run kg` exits with the command's status and prints its messages", () => {
    // Resolved from the repository: the CLI runs with the fixture copy as its working directory.
    const tsxLoader = pathToFileURL(path.join(repoRoot, "node_modules/tsx/dist/loader.mjs")).href;
    const before = read("entities/organization/hisilicon.yaml");
    const args = ["add-relation", "--from", "hisilicon", "--type", "DESIGNS", "--to", "ascend-999", "--source", "wikipedia-hisilicon"];
    const result = spawnSync(process.execPath, ["--import", tsxLoader, path.join(repoRoot, "server/src/cli/kg.ts"), "--seed", seed, ...args], {
      cwd: seed,
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/unknown entity id "ascend-999"/);
    expect(read("entities/organization/hisilicon.yaml")).toBe(before);
    const help = spawnSync(process.execPath, ["--import", tsxLoader, path.join(repoRoot, "server/src/cli/kg.ts"), "fmt", "--help"], {
      cwd: seed,
      encoding: "utf8",
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: kg fmt");
  });

  it("stops quietly when its reader stops reading (`npm run kg -- gaps | head`)", async () => {
    const tsxLoader = pathToFileURL(path.join(repoRoot, "node_modules/tsx/dist/loader.mjs")).href;
    const child = spawn(process.execPath, ["--import", tsxLoader, path.join(repoRoot, "server/src/cli/kg.ts"), "--seed", seed, "gaps"], {
      cwd: seed,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy(); // the reader is gone before the first line: every write fails with EPIPE
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });
});
