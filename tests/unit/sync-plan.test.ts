/** planSync: the difference between the database and the seed graph, without a database. */
import { describe, expect, it } from "vitest";
import type { EntityRecord, RelationRecord, SeedGraph, SourceRecord } from "../../server/src/seed/model.js";
import { type CurrentGraph, citingEnds, entityProps, planSync, relationProps, sourceProps } from "../../server/src/seed/sync.js";
import { missingSchema } from "../../server/src/seed/sync-plan.js";

const entity = (id: string, name = id.toUpperCase()): EntityRecord => ({ id, kind: "ORGANIZATION", name, aliases: [], attributes: {} });
const source = (id: string, title = id): SourceRecord => ({ id, title, language: "en" });
const relation = (from: string, type: string, to: string, note?: string): RelationRecord => ({
  id: `${from}/${type}/${to}`,
  type,
  from,
  to,
  status: "confirmed",
  claimedBy: [],
  quotes: [],
  sources: ["s"],
  note,
  attributes: {},
});

/** What the database would hold after syncing `graph`. */
function stored(graph: SeedGraph): CurrentGraph {
  const cited = citingEnds(graph.relations);
  const keys = (props: Record<string, unknown>) => ({ hash: props.hash as string, keys: props.atlasKeys as string[] });
  return {
    entities: graph.entities.map((e) => ({ id: e.id, kind: e.kind, ...keys(entityProps(e)) })),
    sources: graph.sources.map((s) => {
      const props = sourceProps(s, cited.get(s.id));
      return { id: s.id, ...keys(props), citedFrom: (props.citedFrom as string[] | undefined) ?? null };
    }),
    relations: graph.relations.map((r) => ({ id: r.id, type: r.type, ...keys(relationProps(r)) })),
  };
}

const graph: SeedGraph = {
  entities: [entity("a"), entity("b"), entity("c")],
  sources: [source("s"), source("t")],
  relations: [relation("a", "PARTNERS_WITH", "b"), relation("b", "SUPPLIES", "c")],
};
const empty: CurrentGraph = { entities: [], sources: [], relations: [] };

describe("planSync", () => {
  it("creates everything in an empty database", () => {
    const plan = planSync(empty, graph);
    expect(plan.entities.create.map((e) => e.props.id)).toEqual(["a", "b", "c"]);
    expect(plan.relations.create.map((r) => r.id)).toEqual(["a/PARTNERS_WITH/b", "b/SUPPLIES/c"]);
    expect(plan.sources.write.map((s) => s.id)).toEqual(["s", "t"]);
    expect(plan.summary).toEqual({ entities: 3, relations: 2, sources: 2, created: 7, updated: 0, deleted: 0 });
  });

  it("plans nothing when the database already holds the graph", () => {
    const plan = planSync(stored(graph), graph);
    expect(plan.summary).toEqual({ entities: 3, relations: 2, sources: 2, created: 0, updated: 0, deleted: 0 });
    expect([plan.entities, plan.relations].flatMap((p) => [...p.create, ...p.update, ...p.delete])).toEqual([]);
    expect(plan.sources.write).toEqual([]);
  });

  it("updates what changed, deletes what is gone, creates what is new", () => {
    const next: SeedGraph = {
      entities: [entity("a", "Renamed"), entity("b"), entity("d")],
      sources: [source("s", "New title"), source("u")],
      relations: [relation("a", "PARTNERS_WITH", "b", "a note"), relation("a", "SUPPLIES", "d")],
    };
    const plan = planSync(stored(graph), next);
    expect(plan.entities.update.map((e) => e.props.name)).toEqual(["Renamed"]);
    expect(plan.entities.create.map((e) => e.props.id)).toEqual(["d"]);
    expect(plan.entities.delete).toEqual(["c"]);
    expect(plan.sources.write.map((s) => s.id)).toEqual(["s", "u"]);
    expect(plan.sources.created).toBe(1);
    expect(plan.sources.delete).toEqual(["t"]);
    expect(plan.relations.update.map((r) => r.props.note)).toEqual(["a note"]);
    expect(plan.relations.create.map((r) => r.id)).toEqual(["a/SUPPLIES/d"]);
    expect(plan.relations.delete).toEqual([{ id: "b/SUPPLIES/c", type: "SUPPLIES" }]);
    expect(plan.summary).toEqual({ entities: 3, relations: 2, sources: 2, created: 3, updated: 3, deleted: 3 });
  });

  it("replaces a relation whose type changed under the same id (a delete plus a create)", () => {
    const current = stored(graph);
    const changed = { ...current, relations: current.relations.map((r) => (r.id === "b/SUPPLIES/c" ? { ...r, type: "USES" } : r)) };
    const plan = planSync(changed, graph);
    expect(plan.relations.delete).toEqual([{ id: "b/SUPPLIES/c", type: "USES" }]);
    expect(plan.relations.create.map((r) => r.id)).toEqual(["b/SUPPLIES/c"]);
    expect(plan.relations.update).toEqual([]);
  });

  it("stores the base fields, the day bounds and the attributes, without the relationship's type and ends", () => {
    const props = relationProps({ ...relation("a", "SUPPLIES", "b"), since: "2020", until: "2021-02", key: "k", attributes: { share: 40 } });
    expect(Object.keys(props).sort()).toEqual([
      "atlasKeys",
      "claimedBy",
      "hash",
      "id",
      "key",
      "share",
      "since",
      "sources",
      "status",
      "until",
      "validFrom",
      "validTo",
    ]);
    expect(props.atlasKeys).toEqual(Object.keys(props).sort());
    expect(props).toMatchObject({ validFrom: "2020-01-01", validTo: "2021-02-28", share: 40 });
  });

  it("stores an entity's open questions, and updates it when one is answered", () => {
    const asked = new Map([["a", ["entity-without-relation"]]]);
    const plan = planSync(empty, graph, asked);
    expect(plan.entities.create.find((e) => e.props.id === "a")?.props.openQuestions).toEqual(["entity-without-relation"]);
    expect(plan.entities.create.find((e) => e.props.id === "b")?.props).not.toHaveProperty("openQuestions");
    const before: CurrentGraph = {
      ...stored(graph),
      entities: graph.entities.map((e) => {
        const props = entityProps(e, asked.get(e.id));
        return { id: e.id, kind: e.kind, hash: props.hash as string, keys: props.atlasKeys as string[] };
      }),
    };
    // Answered: the entity is updated and its question removed, though its seed file did not change.
    const answered = planSync(before, graph);
    expect(answered.entities.update.map((e) => [e.props.id, e.props.openQuestions])).toEqual([["a", null]]);
  });

  it("stores the day an audit found a relation held, and updates exactly that relation when an audit reads it", () => {
    const audited = planSync(stored(graph), graph, new Map(), new Map([["b/SUPPLIES/c", "2026-12-06"]]));
    expect(audited.relations.update.map((r) => [r.id, r.props.checkedOn])).toEqual([["b/SUPPLIES/c", "2026-12-06"]]);
    expect(audited.entities.update).toEqual([]);
    expect(planSync(stored(graph), graph).relations.update).toEqual([]);
  });

  it("removes on update only the properties the last sync wrote, leaving anyone else's alone", () => {
    const current = stored({ ...graph, entities: [{ ...entity("a"), description: "Old words" }, entity("b"), entity("c")] });
    const plan = planSync(current, graph);
    const [update] = plan.entities.update;
    // The description the sync wrote is removed (null); a property it never wrote is not in the update.
    expect(update?.props).toMatchObject({ id: "a", description: null });
    expect(Object.keys(update?.props ?? {})).not.toContain("operatorTag");
    // Without a list of what the sync wrote, it removes nothing.
    const legacy = { ...current, entities: current.entities.map((e) => ({ ...e, keys: null })) };
    expect(planSync(legacy, graph).entities.update[0]?.props).not.toHaveProperty("description");
  });

  it("stores on each source the entities whose relations cite it, so its relations are found from them", () => {
    const plan = planSync(empty, graph);
    expect(plan.sources.write.find((s) => s.id === "s")?.citedFrom).toEqual(["a", "b"]);
    expect(plan.sources.write.find((s) => s.id === "t")?.citedFrom).toBeUndefined();
    // A relation that stops citing a source changes the source too.
    const next = { ...graph, relations: [relation("a", "PARTNERS_WITH", "b")] };
    const plan2 = planSync(stored(graph), next);
    expect(plan2.sources.write.map((s) => [s.id, s.citedFrom])).toEqual([["s", ["a"]]]);
    // ...but is not counted as a change to the source: the contributor changed a relation.
    expect(plan2.summary).toMatchObject({ updated: 0, deleted: 1 });
  });

  it("creates only the indexes and constraints the database lacks, in the order they are wanted", () => {
    const wanted = ["atlas_entity_id", "atlas_entity_kind", "atlas_search", "atlas_relation_id_supplies"].map((name) => ({ name, create: `CREATE ${name}` }));
    expect(missingSchema(wanted, [])).toEqual(wanted);
    expect(missingSchema(wanted, [{ name: "atlas_search" }, { name: "atlas_entity_id" }, { name: "someone_elses_index" }]).map((o) => o.create)).toEqual([
      "CREATE atlas_entity_kind",
      "CREATE atlas_relation_id_supplies",
    ]);
    expect(missingSchema(wanted, wanted)).toEqual([]);
  });
});
