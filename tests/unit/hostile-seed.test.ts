/** Seed files from a hostile pull request: links, oversized files and path-like ids are refused with their location. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { loadOntology } from "../../server/src/ontology.js";
import { addEntity, addSource, EditError } from "../../server/src/seed/edit.js";
import { formatProblem, MAX_SEED_FILE_BYTES, validateSeed } from "../../server/src/seed/validate.js";

const ontology = loadOntology(path.join(repoRoot, "seed"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-hostile-"));
fs.mkdirSync(path.join(dir, "entities/organization"), { recursive: true });
fs.mkdirSync(path.join(dir, "sources"), { recursive: true });
fs.writeFileSync(path.join(dir, "entities/organization/org-a.yaml"), "id: org-a\nkind: ORGANIZATION\nname: Org A\n");

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("hostile seed files", () => {
  it("refuses a symbolic link (never reads what it points at) and an oversized file, each by its path", () => {
    const outside = path.join(dir, "..", `secret-${path.basename(dir)}.yaml`);
    fs.writeFileSync(outside, "id: secret\nkind: ORGANIZATION\nname: Secret\n");
    fs.symlinkSync(outside, path.join(dir, "entities/organization/secret.yaml"));
    fs.writeFileSync(path.join(dir, "sources/huge.yaml"), `id: huge\ntitle: "${"x".repeat(MAX_SEED_FILE_BYTES)}"\nlanguage: en\n`);
    try {
      const result = validateSeed({ seedDir: dir, ontology, cwd: dir });
      expect(result.problems.map(formatProblem)).toEqual([
        "entities/organization/secret.yaml:1:1: is a symbolic link or not a regular file; seed files must be plain files inside seed/ (replace it with the file itself)",
        "sources/huge.yaml:1:1: is 257 KiB; a seed file may be at most 256 KiB (one entity or source per file)",
      ]);
      expect(JSON.stringify(result.partial)).not.toContain("Secret");
    } finally {
      fs.rmSync(outside, { force: true });
      fs.rmSync(path.join(dir, "entities/organization/secret.yaml"), { force: true });
      fs.rmSync(path.join(dir, "sources/huge.yaml"), { force: true });
    }
  });

  // sites.yaml and the audit records are read by their own loaders; both refuse a link as validate does.
  it.each([
    { what: "sites.yaml", file: "sites.yaml", text: "refused:\n  - host: secret.example\n    why: never read\n" },
    { what: "an audit record", file: "audits/1.yaml", text: "audit: 1\ndate: never read\n" },
  ])("refuses $what as a symbolic link, with the same message as any seed file", ({ file, text }) => {
    const outside = path.join(dir, "..", `link-${path.basename(dir)}.yaml`);
    fs.writeFileSync(outside, text);
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.symlinkSync(outside, path.join(dir, file));
    try {
      const result = validateSeed({ seedDir: dir, ontology, cwd: dir });
      expect(result.problems.map(formatProblem)).toEqual([
        `${file}:1:1: is a symbolic link or not a regular file; seed files must be plain files inside seed/ (replace it with the file itself)`,
      ]);
    } finally {
      fs.rmSync(outside, { force: true });
      const top = file.split("/")[0] ?? file;
      fs.rmSync(path.join(dir, top), { recursive: true, force: true });
    }
  });

  it("refuses a list or a map used as a key, at its line, instead of turning it into text", () => {
    fs.writeFileSync(path.join(dir, "entities/organization/org-b.yaml"), "id: org-b\nkind: ORGANIZATION\n? [name, nameZh]\n: Org B\n");
    try {
      const result = validateSeed({ seedDir: dir, ontology, cwd: dir });
      expect(result.problems.map(formatProblem)).toEqual([
        "entities/organization/org-b.yaml:3:3: YAML error: a key must be a plain name (such as `since`), not a list or a map",
      ]);
    } finally {
      fs.rmSync(path.join(dir, "entities/organization/org-b.yaml"), { force: true });
    }
  });

  it("refuses ids that are paths before writing anything", () => {
    expect(() => addEntity(dir, ontology, { id: "../x", kind: "ORGANIZATION", name: "X" } as Parameters<typeof addEntity>[2])).toThrow(EditError);
    expect(() => addSource(dir, ontology, { id: "../../y", title: "Y", language: "en" } as Parameters<typeof addSource>[2])).toThrow(/must be a slug/);
    expect(fs.existsSync(path.join(dir, "entities/x.yaml"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "..", "y.yaml"))).toBe(false);
  });
});
