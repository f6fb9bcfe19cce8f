/** The ontology is checked like code: mistakes in it are reported with where they are. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { DependencyLayer } from "../../server/src/analysis/layer.js";
import { evaluate } from "../../server/src/analysis/rule.js";
import { repoRoot } from "../../server/src/config.js";
import { loadOntology, type Ontology, type OntologyError, parseOntology } from "../../server/src/ontology.js";

const dir = path.join(repoRoot, "seed/ontology");
const kinds = YAML.parse(fs.readFileSync(path.join(dir, "kinds.yaml"), "utf8"));
const types = YAML.parse(fs.readFileSync(path.join(dir, "relation-types.yaml"), "utf8"));
const relationAttributes = YAML.parse(fs.readFileSync(path.join(dir, "relation-attributes.yaml"), "utf8"));
const files = { kinds: "kinds.yaml", types: "relation-types.yaml", attributes: "relation-attributes.yaml" };

function problemsOf(k: unknown, t: unknown, a: unknown = relationAttributes): string[] {
  try {
    parseOntology(k, t, files, a);
    return [];
  } catch (error) {
    return (error as OntologyError).problems;
  }
}

describe("the ontology", () => {
  it("loads, with the kinds and relation types the issues ask for", () => {
    const o = loadOntology();
    for (const kind of ["ORGANIZATION", "PERSON", "CHIP", "SYSTEM", "MODEL", "TECHNOLOGY", "POLICY"]) expect(o.kind(kind), kind).toBeDefined();
    for (const type of [
      "DEVELOPS",
      "DESIGNS",
      "MANUFACTURES",
      "SUPPLIES",
      "USES",
      "TRAINED_ON",
      "COMPONENT_OF",
      "SUBSIDIARY_OF",
      "INVESTS_IN",
      "PARTNERS_WITH",
      "COMPETES_WITH",
      "ALTERNATIVE_TO",
      "PROVIDES_COMPUTE_TO",
      "RESTRICTS",
      "ISSUED_BY",
      "FOUNDED",
      "LEADS",
    ])
      expect(o.relationType(type), type).toBeDefined();
    expect(o.relationType("MANUFACTURES")?.labelZh).toBe("制造");
    expect(o.kind("CHIP")?.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(["processNode", "memory", "releaseDate"]));
  });

  it("reports a relation type that names an unknown kind", () => {
    const bad = types.map((t: { type: string }) => (t.type === "DESIGNS" ? { ...t, to: ["CHIP", "GADGET"] } : t));
    expect(problemsOf(kinds, bad)).toEqual(["relation-types.yaml[1] (DESIGNS): `to` names unknown kind GADGET"]);
  });

  it("reports a kind defined twice and a label used twice", () => {
    const bad = [...kinds, { ...kinds[0] }];
    const problems = problemsOf(bad, types);
    const at = `kinds.yaml[${kinds.length}] (ORGANIZATION)`;
    expect(problems).toContain(`${at}: kind ORGANIZATION is defined twice`);
    expect(problems).toContain(`${at}: label "Organization" is already used by ORGANIZATION`);
  });

  it("says which kinds are made once, the analysis reads it from there, and a malformed flag is reported", () => {
    const o = loadOntology();
    expect(o.kinds.filter((k) => k.finished).map((k) => k.kind)).toEqual(["MODEL"]);
    // Rule p restricts chip x for China; system s (CN) and model m (CN) are built or trained on it.
    const data = {
      nodes: [
        { id: "x", kind: "CHIP", name: "x", country: "US" },
        { id: "s", kind: "SYSTEM", name: "s", country: "CN" },
        { id: "m", kind: "MODEL", name: "m", country: "CN" },
        { id: "p", kind: "POLICY", name: "p", country: "US", destinations: ["CN"] },
      ],
      relations: [
        { id: "s-x", type: "USES", from: "s", to: "x" },
        { id: "m-x", type: "TRAINED_ON", from: "m", to: "x" },
        { id: "p-x", type: "RESTRICTS", from: "p", to: "x" },
      ],
    };
    const cut = (ontology: Ontology) => [...evaluate(new DependencyLayer(ontology, data, "2024-01-01"), { rules: true }).cutLinks.keys()];
    expect(cut(o)).toEqual(["s-x"]);
    // Flag systems instead of models, and the same rule cuts the model and spares the system.
    const swapped = kinds.map((k: { kind: string }) => ({ ...k, finished: k.kind === "SYSTEM" }));
    expect(cut(parseOntology(swapped, types, files, relationAttributes))).toEqual(["m-x"]);
    const bad = kinds.map((k: { kind: string }) => (k.kind === "MODEL" ? { ...k, finished: "yes" } : k));
    expect(problemsOf(bad, types)).toEqual([
      `kinds.yaml[${kinds.findIndex((k: { kind: string }) => k.kind === "MODEL")}] (MODEL): finished must be true or false`,
    ]);
  });

  it("declares what each dependency type means, and reports a malformed declaration or an undefined relation attribute", () => {
    const o = loadOntology();
    expect(o.relationType("SUPPLIES")?.dependency).toEqual({ dependent: "to", role: "provider", internal: false });
    expect(o.relationType("TRAINED_ON")?.dependency).toEqual({ dependent: "from", role: "input", internal: false });
    expect(o.relationType("COMPONENT_OF")?.dependency).toEqual({ dependent: "to", role: "input", internal: false });
    // A plant needs its operator, and no rule or country stop cuts an operator off its own plant.
    expect(o.relationType("OPERATES")?.dependency).toEqual({ dependent: "to", role: "provider", internal: true });
    expect(o.relationType("COMPETES_WITH")?.dependency).toBeUndefined();
    expect(o.relationType("RESTRICTS")?.restriction).toBe(true);
    expect(o.relationType("SUPPLIES")?.attributes.map((a) => a.name)).toEqual(["share", "shareAsOf", "quantity", "item"]);
    const bad = types.map((t: { type: string }) =>
      t.type === "USES"
        ? { ...t, dependency: { dependent: "both", role: "input" } }
        : t.type === "LEADS"
          ? { ...t, attributes: ["salary"] }
          : t.type === "TRAINED_ON"
            ? { ...t, dependency: { dependent: "from", role: "input", internal: true } }
            : t,
    );
    const problems = problemsOf(kinds, bad);
    expect(problems).toEqual([
      expect.stringMatching(/^relation-types\.yaml\[\d+\] \(USES\): dependency must be \{dependent: from\|to, role: input\|provider\}$/),
      expect.stringMatching(/^relation-types\.yaml\[\d+\] \(TRAINED_ON\): dependency internal is `true` on a provider only/),
      expect.stringMatching(/^relation-types\.yaml\[\d+\] \(LEADS\): attribute salary is not defined in relation-attributes\.yaml$/),
    ]);
  });

  it("names the file, line and column of a YAML syntax error in an ontology file", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-ontology-"));
    fs.mkdirSync(path.join(tmp, "ontology"));
    for (const f of ["relation-types.yaml", "relation-attributes.yaml", "fields.yaml"]) fs.copyFileSync(path.join(dir, f), path.join(tmp, "ontology", f));
    fs.writeFileSync(path.join(tmp, "ontology", "kinds.yaml"), "- kind: GADGET\n  label: Gadget\n  description: A thing: with a colon\n");
    try {
      expect(() => loadOntology(tmp)).toThrow(/kinds\.yaml:3:\d+: YAML syntax error/);
      fs.writeFileSync(path.join(tmp, "ontology", "kinds.yaml"), "- kind: GADGET\n  ? [label, labelZh]\n  : Gadget\n");
      expect(() => loadOntology(tmp)).toThrow(/kinds\.yaml:2:\d+: YAML error: a key must be a plain name \(such as `since`\), not a list or a map$/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("reports one attribute name with two types", () => {
    const bad = kinds.map((k: { kind: string; attributes: Record<string, unknown> }) =>
      k.kind === "MODEL" ? { ...k, attributes: { ...k.attributes, memoryGB: { type: "string", description: "x" } } } : k,
    );
    expect(problemsOf(bad, types)).toContain("kinds.yaml: attribute memoryGB is number in one kind and string in MODEL");
  });

  it("reports a bad colour and an attribute that shadows a base field", () => {
    const bad = kinds.map((k: { kind: string; attributes: Record<string, unknown> }) =>
      k.kind === "CHIP" ? { ...k, colour: "red", attributes: { ...k.attributes, name: { type: "string" } } } : k,
    );
    const problems = problemsOf(bad, types);
    expect(problems).toContain('kinds.yaml[2] (CHIP): colour must look like "#4e79a7"');
    expect(problems).toContain("kinds.yaml[2] (CHIP): attribute name clashes with a base entity field");
  });
});
