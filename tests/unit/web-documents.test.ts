/**
 * The explorer's GraphQL documents are valid against schema.graphql, and web/src/api/generated.ts
 * is what `npm run generate:web` writes: a schema change that breaks the explorer fails here.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { buildASTSchema, buildSchema, type GraphQLSchema, isInterfaceType, NoUnusedFragmentsRule, parse, specifiedRules, validate, visit } from "graphql";
import { describe, expect, it } from "vitest";
import config, { WEB_GENERATED_FILE } from "../../codegen.js";
import { entitiesBatchDocument, entitiesCoreDocument, entityDetailDocument } from "../../web/src/api/documents.js";
import * as generated from "../../web/src/api/generated.js";
import type { OntologyInfo } from "../../web/src/api/types.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const schema = buildSchema(fs.readFileSync(path.join(root, "schema.graphql"), "utf8"));

function problems(text: string, against: GraphQLSchema = schema, rules = specifiedRules): string[] {
  return validate(against, parse(text), rules).map((e) => `${e.message} (${e.locations?.map((l) => `${l.line}:${l.column}`).join(", ")})`);
}

/** The kinds as the server describes them, read from the schema: each Entity type with the fields beyond the interface. */
function ontologyFromSchema(): OntologyInfo {
  const entity = schema.getType("Entity");
  if (!isInterfaceType(entity)) throw new Error("schema.graphql has no Entity interface");
  const base = new Set(Object.keys(entity.getFields()));
  const kinds = schema.getPossibleTypes(entity).map((type) => ({
    kind: type.name.toUpperCase(),
    typeName: type.name,
    label: type.name,
    labelZh: type.name,
    colour: "#000000",
    shape: "ellipse",
    attributes: Object.values(type.getFields())
      .filter((f) => !base.has(f.name))
      .map((f) => ({ name: f.name, type: String(f.type) })),
  }));
  return { kinds, relationTypes: [] };
}

describe("the explorer's GraphQL documents", () => {
  it("documents.graphql is valid against schema.graphql", () => {
    const text = fs.readFileSync(path.join(root, "web/src/api/documents.graphql"), "utf8");
    // Fragments used only by the documents built at run time are not "unused".
    expect(
      problems(
        text,
        schema,
        specifiedRules.filter((r) => r !== NoUnusedFragmentsRule),
      ),
    ).toEqual([]);
  });

  it("every generated document is valid against schema.graphql", () => {
    const documents = Object.entries(generated).filter(([name]) => name.endsWith("Document"));
    expect(documents.length).toBeGreaterThanOrEqual(5);
    for (const [name, document] of documents) expect(problems(String(document)), name).toEqual([]);
  });

  it("the documents built at run time (aliased batches, per-kind attributes) are valid", () => {
    const ontology = ontologyFromSchema();
    expect(ontology.kinds.some((k) => (k.attributes?.length ?? 0) > 0)).toBe(true);
    for (const count of [1, 8]) {
      expect(problems(entitiesBatchDocument(count)), `ExplorerEntities × ${count}`).toEqual([]);
      expect(problems(entitiesCoreDocument(count)), `ExplorerEntityNames × ${count}`).toEqual([]);
    }
    expect(problems(entityDetailDocument(ontology)), "ExplorerEntity").toEqual([]);
  });

  it("fails on a schema that lacks a field the explorer reads", () => {
    const ast = visit(parse(fs.readFileSync(path.join(root, "schema.graphql"), "utf8")), {
      FieldDefinition: { enter: (field) => (field.name.value === "nameZh" ? null : undefined) },
    });
    expect(problems(String(generated.ExplorerSearchDocument), buildASTSchema(ast)).join("\n")).toMatch(/nameZh/);
  });

  it(`${WEB_GENERATED_FILE} is current (run \`npm run generate:web\` if this fails)`, async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: root, silent: true, hooks: {} }, false);
    const output = outputs.find((o) => path.resolve(root, o.filename) === path.join(root, WEB_GENERATED_FILE));
    expect(output, "codegen wrote no explorer types").toBeDefined();
    // The committed file went through `biome check --write` (codegen.ts's hook); do the same here.
    const biome = path.join(root, "node_modules/.bin/biome");
    const formatted = execFileSync(biome, ["check", "--write", `--stdin-file-path=${WEB_GENERATED_FILE}`], {
      cwd: root,
      input: output?.content ?? "",
    }).toString();
    const committed = fs.readFileSync(path.join(root, WEB_GENERATED_FILE), "utf8");
    expect(formatted === committed, `${WEB_GENERATED_FILE} is stale: run \`npm run generate:web\``).toBe(true);
  });
});
