/**
 * One fixture per validation rule under tests/fixtures/bad-seed/<rule>/: each must fail with the
 * exact location and message in its expected.txt, and the rest of the fixture must be clean.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { loadOntology } from "../../server/src/ontology.js";
import { formatProblem, validateSeed } from "../../server/src/seed/validate.js";

const fixtures = path.join(repoRoot, "tests/fixtures/bad-seed");
const ontology = loadOntology(path.join(repoRoot, "seed"));

describe("npm run validate rejects each kind of bad seed with its location", () => {
  for (const rule of fs.readdirSync(fixtures).sort()) {
    it(rule, () => {
      const dir = path.join(fixtures, rule);
      const expected = fs.readFileSync(path.join(dir, "expected.txt"), "utf8").trim().split("\n");
      const result = validateSeed({ seedDir: dir, ontology, cwd: dir });
      expect(result.graph).toBeUndefined();
      // Exactly these problems, in order (each line of expected.txt begins its problem: messages
      // that list the ontology's kinds or types may grow); the fixture breaks one rule, nothing else.
      const lines = result.problems.map(formatProblem);
      expect(lines.map((line, i) => (expected[i] !== undefined && line.startsWith(expected[i] as string) ? expected[i] : line))).toEqual(expected);
    });
  }
});

describe("the project's own seed", () => {
  it("passes validation", () => {
    const result = validateSeed({ seedDir: path.join(repoRoot, "seed"), ontology });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.graph?.entities.length).toBeGreaterThan(0);
  });
});

describe("a seed file that cannot be read", () => {
  it("is reported once, where it is, and the relations that name it wait for it instead of being called unknown", () => {
    const dir = path.join(fixtures, "broken-file-referenced");
    const result = validateSeed({ seedDir: dir, ontology, cwd: dir });
    // org-a cites the unreadable source wiki-b and points at the unreadable chip-b: no "no file …"
    // problem for either (the files exist), and neither relation reaches the graph until they are fixed.
    expect(result.problems.map((p) => p.file)).toEqual(["entities/chip/chip-b.yaml", "sources/wiki-b.yaml"]);
    expect(result.problems.some((p) => /unknown (entity|source) id/.test(p.message))).toBe(false);
    expect(result.partial.relations).toEqual([]);
    expect(result.partial.entities.map((e) => e.id).sort()).toEqual(["chip-a", "org-a"]);
  });
});
