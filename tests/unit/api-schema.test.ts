/** schema.graphql is the contract: current with the ontology, and documented everywhere. */
import fs from "node:fs";
import { buildSchema, type GraphQLNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { generateSchema, SCHEMA_FILE } from "../../server/src/cli/generate.js";
import { kindTypeName, loadOntology, STATUSES } from "../../server/src/ontology.js";

const text = fs.readFileSync(SCHEMA_FILE, "utf8");
const schema = buildSchema(text);
const ontology = loadOntology();

const ownTypes = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith("__") && !["String", "Int", "Float", "Boolean", "ID"].includes(t.name));

describe("schema.graphql", () => {
  it("is what `npm run generate` writes from the ontology (run it if this fails)", () => {
    expect(generateSchema(text, ontology) === text, "schema.graphql is stale: run `npm run generate`").toBe(true);
  });

  it("has enums equal to the ontology's kinds, relation types and statuses", () => {
    const values = (name: string) => {
      const type = schema.getType(name);
      return isEnumType(type) ? type.getValues().map((v) => v.name) : [];
    };
    expect(values("EntityKind")).toEqual(ontology.kinds.map((k) => k.kind));
    expect(values("RelationType")).toEqual(ontology.relationTypes.map((t) => t.type));
    expect(values("Status")).toEqual(STATUSES.map((s) => s.toUpperCase()));
  });

  it("has one type per kind, implementing Entity, with the kind's attributes typed", () => {
    const scalar = { string: "String", integer: "Int", number: "Float", boolean: "Boolean", date: "Date", countries: "[String!]", entity: "ID" };
    for (const kind of ontology.kinds) {
      const type = schema.getType(kindTypeName(kind));
      expect(isObjectType(type), kind.kind).toBe(true);
      if (!isObjectType(type)) continue;
      expect(type.getInterfaces().map((i) => i.name)).toEqual(["Entity"]);
      for (const a of kind.attributes) expect(String(type.getFields()[a.name]?.type), `${kind.kind}.${a.name}`).toBe(scalar[a.type]);
    }
  });

  it("keeps the root fields and fixed shapes clients rely on (DESIGN.md)", () => {
    const fields = (name: string) => Object.keys((schema.getType(name) as { getFields(): object }).getFields());
    expect(fields("Query")).toEqual([
      "entity",
      "entities",
      "search",
      "neighborhood",
      "paths",
      "relations",
      "source",
      "dependencies",
      "dependents",
      "exposure",
      "chokepoints",
      "loss",
      "impact",
      "compare",
      "timeline",
      "map",
      "ontology",
      "stats",
      "suggestRelation",
    ]);
    expect(fields("Entity")).toEqual(expect.arrayContaining(["id", "kind", "name", "nameZh", "aliases", "country", "description", "relations"]));
    expect(fields("Relation")).toEqual(expect.arrayContaining(["id", "type", "from", "to", "since", "until", "status", "note", "sources"]));
    expect(fields("Source")).toEqual(expect.arrayContaining(["id", "url", "title", "publisher", "date", "language"]));
    expect(fields("SearchHit")).toEqual(["entity", "score"]);
    expect(fields("TimelineEvent")).toEqual(["policy", "date", "restricts", "exempts", "amends", "respondsTo", "answeredBy", "suspendedBy"]);
    expect(fields("NamedEntities")).toEqual(["totalCount", "entities"]);
    expect(fields("Subgraph")).toEqual(["nodes", "edges", "truncated"]);
    expect(fields("Path")).toEqual(["nodes", "edges", "length"]);
    expect(fields("Stats")).toEqual(["entities", "relations", "sources", "byKind", "byRelationType", "byCountry", "byOpenQuestion"]);
    for (const c of ["EntityConnection", "RelationConnection"]) expect(fields(c)).toEqual(["totalCount", "nodes", "pageInfo"]);
    expect(fields("PageInfo")).toEqual(["hasNextPage", "endCursor"]);
    const entities = schema.getQueryType()?.getFields().entities;
    expect(entities?.args.map((a) => `${a.name}=${String(a.defaultValue ?? "")}`)).toEqual(["kinds=", "countries=", "openQuestions=", "first=50", "after="]);
  });

  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    const check = (what: string, description: string | null | undefined) => {
      if (!description?.trim()) missing.push(what);
    };
    for (const type of ownTypes as GraphQLNamedType[]) {
      check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.description);
          for (const arg of "args" in field ? field.args : []) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) check(`${type.name}.${v.name}`, v.description);
    }
    expect(missing).toEqual([]);
  });
});
