/**
 * `npm run generate`: rewrites what comes from the ontology (seed/ontology/*.yaml).
 * - In schema.graphql, between the marker comments: the EntityKind, RelationType and Status enums,
 *   the Entity interface and one type per kind with its typed attributes, the Relation and Source
 *   types (their fields from fields.yaml), and RelationAttributes.
 * - server/src/core/model.generated.ts: the base fields and statuses, the record interfaces and
 *   the field-name lists that the server and the web import.
 * tests/unit/generated.test.ts fails when either file is stale.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../config.js";
import type { FieldDef, FieldType, RecordName } from "../core/fields.js";
import { loadOntology, type Ontology } from "../ontology.js";
import { generateSchema } from "../schema-sdl.js";

export { BEGIN_MARKER, END_MARKER, generatedBlock, generateSchema } from "../schema-sdl.js";
export const SCHEMA_FILE = path.join(repoRoot, "schema.graphql");
export const MODEL_FILE = path.join(repoRoot, "server", "src", "core", "model.generated.ts");

const TS_TYPE: Record<FieldType, string | undefined> = {
  slug: "string",
  kind: "string",
  "relation-type": "string",
  text: "string",
  "chinese-text": "string",
  "text-list": "string[]",
  "slug-list": "string[]",
  country: "string",
  url: "string",
  "wikidata-id": "string",
  date: "string",
  status: "Status",
  language: "string",
  attributes: undefined,
  relations: undefined,
  quotes: "QuoteRecord[]",
};

function recordInterface(record: RecordName, fields: readonly FieldDef[]): string {
  const name = `${record[0]?.toUpperCase()}${record.slice(1)}Record`;
  const members = fields
    // Relations are records of their own, not part of the entity or source record.
    .filter((f) => f.type !== "relations")
    .map((f) => {
      const type = f.type === "attributes" ? `Record<string, ${record === "relation" ? "RelationAttributeValue" : "AttributeValue"}>` : TS_TYPE[f.type];
      // Lists and attributes are always there in a record read from the seed (empty when it has
      // none); a field the seed never writes is derived later, so a record may lack it.
      const list = f.type === "text-list" || f.type === "slug-list" || f.type === "attributes" || f.type === "quotes";
      const optional = !f.required && (!list || !f.seed);
      return `  /** ${f.description.replace(/\*\//g, "* /")} */\n  ${f.name}${optional ? "?" : ""}: ${type};`;
    });
  return `/** A checked ${record}: its base fields (seed/ontology/fields.yaml). */\nexport interface ${name} {\n${members.join("\n")}\n}`;
}

/** The text of server/src/core/model.generated.ts before formatting. */
export function generatedModelSource(ontology: Ontology): string {
  const list = (names: string[]) => `[${names.map((n) => JSON.stringify(n)).join(", ")}] as const`;
  const parts = [
    "// GENERATED from seed/ontology/fields.yaml by `npm run generate`: do not edit by hand.",
    'import type { BaseFields, QuoteRecord, StatusDef } from "./fields.js";',
    "/** The value of a kind attribute. */\nexport type AttributeValue = string | number | boolean;",
    "/** The value of a relation attribute (`countries` is a list of codes). */\nexport type RelationAttributeValue = string | number | boolean | string[];",
    `/** How well established a relation can be, in fields.yaml order. */\nexport const STATUSES = ${list(ontology.statuses.map((s) => s.name))};`,
    "export type Status = (typeof STATUSES)[number];",
  ];
  for (const record of ["entity", "relation", "source"] as const) {
    const fields = ontology.fields[record];
    const upper = record.toUpperCase();
    parts.push(
      `/** Every base field of a${record === "entity" ? "n" : ""} ${record}, in fields.yaml order. */\nexport const ${upper}_FIELDS = ${list(fields.map((f) => f.name))};`,
      `/** The keys of a${record === "entity" ? "n" : ""} ${record} in a seed file, in canonical order. */\nexport const ${upper}_KEYS = ${list(fields.filter((f) => f.seed).map((f) => f.name))};`,
      recordInterface(record, fields),
    );
  }
  parts.push(
    `/** The statuses with their labels (fields.yaml). */\nexport const STATUS_DEFS: readonly StatusDef[] = ${JSON.stringify(ontology.statuses, null, 2)};`,
    `/** The base fields with their types and labels (fields.yaml). */\nexport const FIELDS: BaseFields = ${JSON.stringify(ontology.fields, null, 2)};`,
  );
  return `${parts.join("\n\n")}\n`;
}

/** The text of server/src/core/model.generated.ts, formatted as \`biome check\` wants it. */
export function generateModel(ontology: Ontology): string {
  const biome = path.join(repoRoot, "node_modules", ".bin", "biome");
  const result = spawnSync(biome, ["format", `--stdin-file-path=${MODEL_FILE}`], { cwd: repoRoot, input: generatedModelSource(ontology), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`biome could not format the generated model:\n${result.stderr}`);
  return result.stdout;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ontology = loadOntology();
  const before = fs.readFileSync(SCHEMA_FILE, "utf8");
  const after = generateSchema(before, ontology);
  if (after === before) console.log("schema.graphql is up to date");
  else {
    fs.writeFileSync(SCHEMA_FILE, after);
    console.log("schema.graphql: regenerated the ontology block");
  }
  const model = generateModel(ontology);
  const relative = path.relative(repoRoot, MODEL_FILE);
  if (fs.existsSync(MODEL_FILE) && fs.readFileSync(MODEL_FILE, "utf8") === model) console.log(`${relative} is up to date`);
  else {
    fs.writeFileSync(MODEL_FILE, model);
    console.log(`${relative}: regenerated from seed/ontology/fields.yaml`);
  }
}
