/**
 * Property-based checks of the seed tooling: whatever a contributor writes, the validator answers
 * with located problems (never a crash), and the canonical writer is stable.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { endOf, isRealPartialDate, startOf } from "../../server/src/core/dates.js";
import { loadOntology } from "../../server/src/ontology.js";
import { canonicalEntity, formatSeedText, toYaml } from "../../server/src/seed/format.js";
import { validateSeed } from "../../server/src/seed/validate.js";

const ontology = loadOntology();
const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);

const entity = fc.record(
  {
    id: slug,
    kind: fc.constantFrom(...ontology.kinds.map((k) => k.kind)),
    name: text,
    nameZh: fc.constantFrom("华为", "英伟达", "中芯国际", "台积电"),
    aliases: fc.uniqueArray(text, { maxLength: 3 }),
    country: fc.constantFrom("CN", "US", "TW", "NL", "JP", "KR"),
    description: text,
    relations: fc.array(
      fc.record({
        type: fc.constantFrom(...ontology.relationTypes.map((t) => t.type)),
        to: slug,
        status: fc.constantFrom("confirmed", "reported"),
        sources: fc.array(slug, { minLength: 1, maxLength: 2 }),
      }),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: ["id", "kind", "name"] },
);

describe("canonical formatting", () => {
  it("is idempotent and loses nothing", () => {
    fc.assert(
      fc.property(entity, (e) => {
        const once = toYaml(canonicalEntity(e, ontology));
        expect(formatSeedText(once, "entity", ontology)).toBe(once);
        const back = YAML.parse(once) as typeof e;
        expect(back.id).toBe(e.id);
        expect(back.name).toBe(e.name);
        expect((back.relations ?? []).length).toBe((e.relations ?? []).length);
        expect(back.aliases ?? []).toEqual(e.aliases ?? []);
      }),
      { numRuns: 1000, seed: 20251129 },
    );
  });
});

describe("the validator", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-prop-"));
  const file = path.join(dir, "entities/chip/x.yaml");
  fs.mkdirSync(path.dirname(file), { recursive: true });

  it("answers any file content with located problems, never an exception", () => {
    const content = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom("*!", "&a [*a, *b]", "!!binary x", "? [a]\n: b", "---\n---\n", "%YAML 2.0\n---\nx", "\t- x", "key: [1,"),
      fc.jsonValue({ maxDepth: 3 }).map((v) => YAML.stringify(v)),
      entity.map((e) => YAML.stringify({ ...e, id: "x", kind: "CHIP" })),
    );
    fc.assert(
      fc.property(content, (yaml) => {
        fs.writeFileSync(file, yaml);
        const result = validateSeed({ seedDir: dir, ontology, cwd: dir });
        for (const p of result.problems) {
          expect(p.file).toBe("entities/chip/x.yaml");
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.col).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(5);
        }
        if (result.graph) expect(result.problems).toEqual([]);
      }),
      { numRuns: 1000, seed: 20251129 },
    );
  });

  it("accepts exactly the real calendar dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const value = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        expect(isRealPartialDate(value)).toBe(real);
        if (real) expect(startOf(value) <= endOf(value)).toBe(true);
        expect(startOf(String(y)) <= startOf(`${y}-${String(m).padStart(2, "0")}`)).toBe(true);
        expect(endOf(`${y}-${String(m).padStart(2, "0")}`) <= endOf(String(y))).toBe(true);
      }),
      { numRuns: 500, seed: 20251129 },
    );
  });
});
