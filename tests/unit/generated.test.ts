/**
 * The model is defined once (issue #13): seed/ontology/fields.yaml. What is generated from it is
 * current, and a field added there reaches the validator, the formatter, the sync, the API and the
 * TypeScript records without another edit.
 */
import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import ajvErrors from "ajv-errors";
import { buildSchema, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { generatedModelSource, generateModel, generateSchema, MODEL_FILE, SCHEMA_FILE } from "../../server/src/cli/generate.js";
import { repoRoot } from "../../server/src/config.js";
import { FIELD_TYPES } from "../../server/src/core/fields.js";
import { ENTITY_KEYS, FIELDS, RELATION_KEYS, SOURCE_KEYS, STATUS_DEFS, STATUSES } from "../../server/src/core/model.generated.js";
import { loadOntology, type OntologyError, parseOntology } from "../../server/src/ontology.js";
import { canonicalEntity } from "../../server/src/seed/format.js";
import { entitySchema, sourceSchema } from "../../server/src/seed/schemas.js";

const dir = path.join(repoRoot, "seed/ontology");
const read = (name: string) => YAML.parse(fs.readFileSync(path.join(dir, name), "utf8"));
const kinds = read("kinds.yaml");
const types = read("relation-types.yaml");
const attributes = read("relation-attributes.yaml");
const fields = read("fields.yaml");
const files = { kinds: "kinds.yaml", types: "relation-types.yaml", attributes: "relation-attributes.yaml" };
const ontology = loadOntology();

function problemsOf(fieldsRaw: unknown): string[] {
  try {
    parseOntology(kinds, types, files, attributes, fieldsRaw);
    return [];
  } catch (error) {
    return (error as OntologyError).problems;
  }
}

describe("generated files", () => {
  it("server/src/core/model.generated.ts is what `npm run generate` writes (run it if this fails)", () => {
    const stale = fs.readFileSync(MODEL_FILE, "utf8") !== generateModel(ontology);
    expect(stale, "server/src/core/model.generated.ts is stale: run `npm run generate`").toBe(false);
  });

  it("schema.graphql is what `npm run generate` writes (run it if this fails)", () => {
    const text = fs.readFileSync(SCHEMA_FILE, "utf8");
    expect(generateSchema(text, ontology) === text, "schema.graphql is stale: run `npm run generate`").toBe(true);
  });

  it("carry fields.yaml: statuses, key orders and definitions", () => {
    expect(STATUSES).toEqual(fields.statuses.map((s: { name: string }) => s.name));
    expect(STATUS_DEFS).toEqual(ontology.statuses);
    expect(FIELDS).toEqual(ontology.fields);
    const seedNames = (list: { name: string; seed?: boolean }[]) => list.filter((f) => f.seed !== false).map((f) => f.name);
    expect(ENTITY_KEYS).toEqual(seedNames(fields.entity));
    expect(RELATION_KEYS).toEqual(seedNames(fields.relation));
    expect(SOURCE_KEYS).toEqual(seedNames(fields.source));
  });
});

describe("fields.yaml", () => {
  it("is checked: unknown type, duplicate field, missing label, bad GraphQL type", () => {
    const bad = {
      ...fields,
      relation: [
        ...fields.relation,
        { name: "confidence", type: "percent", required: false, label: "confidence", labelZh: "置信度", description: "x" },
        { ...fields.relation[1] },
        { name: "weight", type: "text", required: false, labelZh: "权重", description: "x", graphql: { type: "not a type" } },
      ],
    };
    const problems = problemsOf(bad);
    const n = fields.relation.length;
    expect(problems).toContain(`fields.yaml relation[${n}] (confidence): unknown type percent; use one of ${FIELD_TYPES.join(", ")}`);
    expect(problems).toContain(`fields.yaml relation[${n + 1}] (type): field type is defined twice`);
    expect(problems).toContain(`fields.yaml relation[${n + 2}] (weight): \`label\` must be a non-empty string`);
    expect(problems).toContain(`fields.yaml relation[${n + 2}] (weight): graphql type not a type is not a GraphQL type`);
  });

  it("reserves its names: a relation attribute may not take a base field's name", () => {
    const bad = {
      ...fields,
      relation: [...fields.relation, { name: "share", type: "text", required: false, label: "share", labelZh: "份额", description: "x" }],
    };
    expect(problemsOf(bad)).toContain("relation-attributes.yaml (share): clashes with a base relation field");
  });

  it("is the project's when a caller gives none", () => {
    const o = parseOntology(kinds, types, files, attributes);
    expect(o.fields).toEqual(ontology.fields);
    expect(o.statuses).toEqual(ontology.statuses);
  });
});

describe("a field added to relations in fields.yaml", () => {
  const extended = {
    ...fields,
    relation: [
      ...fields.relation,
      { name: "confidence", type: "text", required: false, label: "confidence", labelZh: "置信度", description: "How sure the source is, in its words." },
    ],
  };
  const o = parseOntology(kinds, types, files, attributes, extended);

  it("is allowed and checked by the validator's schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    (ajvErrors as unknown as (instance: Ajv) => Ajv)(ajv);
    const check = ajv.compile(entitySchema(o));
    const entity = (confidence: unknown) => ({
      id: "a",
      kind: "ORGANIZATION",
      name: "A",
      relations: [{ type: "PARTNERS_WITH", to: "b", status: "confirmed", sources: ["s"], confidence }],
    });
    expect(check(entity("high"))).toBe(true);
    expect(check(entity(""))).toBe(false);
    expect(check.errors?.map((e) => e.message)).toContain("confidence must be non-empty text of at most 2,000 characters");
    expect(ajv.compile(entitySchema(ontology))(entity("high"))).toBe(false);
  });

  it("reaches the API's Relation type and the TypeScript record", () => {
    const schema = buildSchema(generateSchema(fs.readFileSync(SCHEMA_FILE, "utf8"), o));
    const relation = schema.getType("Relation");
    expect(isObjectType(relation) && String(relation.getFields().confidence?.type)).toBe("String");
    const model = generatedModelSource(o);
    const last = RELATION_KEYS[RELATION_KEYS.length - 1];
    expect(model).toContain(`"${last}", "confidence"] as const`);
    expect(model).toMatch(/export interface RelationRecord \{[^}]*confidence\?: string;/);
  });

  it("keeps the other records' schemas and the formatter's order as they are", () => {
    expect(sourceSchema(o)).toEqual(sourceSchema(ontology));
    const formatted = canonicalEntity({ relations: [{ note: "n", to: "b", type: "USES" }], name: "A", id: "a" }, o);
    expect(Object.keys(formatted as object)).toEqual(["id", "name", "relations"]);
  });
});
