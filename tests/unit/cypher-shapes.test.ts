/**
 * Translation tests (no database): GraphQL in, the Cypher and parameters each root field sends out,
 * as snapshots. A change to a query's shape shows up as a reviewed snapshot diff; the real-database
 * tests in tests/integration check what the same queries answer.
 */
import type { Driver } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { Database } from "../../server/src/db/run.js";
import { loadOntology } from "../../server/src/ontology.js";
import { createAtlasYoga } from "../../server/src/yoga.js";

interface Sent {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
}

/** Records what it is asked and answers nothing (resolvers may then say NOT_FOUND: not the point here). */
class RecordingDatabase extends Database {
  readonly sent: Sent[] = [];
  override async read<T extends Record<string, unknown>>(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    this.sent.push({ name, cypher, params: JSON.parse(JSON.stringify(params)) });
    return [];
  }
}

const ontology = loadOntology();

async function translate(query: string): Promise<Sent[]> {
  const db = new RecordingDatabase({} as Driver, { timeoutMs: 1_000 });
  const yoga = createAtlasYoga({ db, ontology, logError: () => {} });
  await yoga.fetch("http://atlas.test/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return db.sent;
}

const ROOT_FIELDS: Record<string, string> = {
  entity: `{ entity(id: "huawei") { id name ... on Organization { orgType } relations(direction: OUT, types: [DESIGNS], asOf: "2020-01-01", first: 5) { id status since to { id name } sources { id url } } } }`,
  entities: `{ entities(kinds: [CHIP], countries: ["CN"], openQuestions: [CHIP_WITHOUT_MANUFACTURER], first: 10, after: null) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }`,
  search: `{ search(query: "昇腾 910 ascend", kinds: [CHIP], first: 5) { score entity { id name nameZh } } }`,
  neighborhood: `{ neighborhood(id: "nvidia", depth: 2, relationTypes: [SUPPLIES, DESIGNS], kinds: [CHIP, ORGANIZATION], asOf: "2023-01-01", limit: 50) { truncated nodes { id } edges { id type from { id } to { id } } } }`,
  paths: `{ paths(from: "deepseek", to: "asml", maxHops: 4, relationTypes: [USES, PRODUCES], asOf: "2024-01-01", first: 3) { length nodes { id } edges { id } } }`,
  relations: `{ relations(type: RESTRICTS, from: "oct-2022-export-controls", status: CONFIRMED, asOf: "2023", first: 20) { totalCount nodes { id since until attributes { destinations } to { id } } } }`,
  source: `{ source(id: "wikipedia-nvidia") { id title relations(first: 3) { id type } } }`,
  stats: `{ stats { entities relations sources byKind { kind count } } }`,
  ontology: `{ ontology { kinds { kind } relationTypes { type dependency { dependent role } } } }`,
  suggestRelation: `{ suggestRelation(input: { from: "tsmc", type: MANUFACTURES, to: "h100", status: CONFIRMED, sources: ["wikipedia-nvidia"] }) { valid } }`,
  dependencies: `{ dependencies(id: "deepseek-v3", asOf: "2024-06-01", depth: 3, first: 50) { truncated nodes { id } } }`,
  dependents: `{ dependents(id: "euv-lithography", depth: 3, first: 50) { truncated nodes { id } } }`,
  exposure: `{ exposure(id: "ascend-910c", asOf: "2025-01-01", country: "NL") { cut input { id } } }`,
  chokepoints: `{ chokepoints(scope: "CN", asOf: "2025-01-01", first: 5) { score input { id } } }`,
  loss: `{ loss(id: "tsmc", asOf: "2025-01-01", first: 10) { total leftWithout { distance entity { id } } } }`,
  impact: `{ impact(policy: "oct-2022-export-controls", asOf: "2023-01-01", depth: 3, first: 10) { truncated } }`,
  compare: `{ compare(ids: ["cloudmatrix-384", "gb200-nvl72"]) { shared { other { id } } } }`,
  timeline: `{ timeline(countries: ["CN"], policyTypes: ["countermeasure"], first: 20, names: 3) { totalCount events { date policy { id name } restricts { totalCount entities { id name } } answeredBy { totalCount entities { id } } } } }`,
  map: `{ map { version nodes { id x y } edges { id } rows { id } columns { id } } }`,
};

describe("the Cypher each root field sends", () => {
  it("covers every root field of the schema", async () => {
    const yoga = createAtlasYoga({ db: new RecordingDatabase({} as Driver, { timeoutMs: 1_000 }), ontology });
    const res = await yoga.fetch("http://atlas.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __schema { queryType { fields { name } } } }" }),
    });
    const body = (await res.json()) as { data: { __schema: { queryType: { fields: { name: string }[] } } } };
    expect(Object.keys(ROOT_FIELDS).sort()).toEqual(body.data.__schema.queryType.fields.map((f) => f.name).sort());
  });

  for (const [field, query] of Object.entries(ROOT_FIELDS))
    it(`${field}: query text and parameters`, async () => {
      const sent = await translate(query);
      // ontology is answered from the loaded ontology, without the database.
      if (field === "ontology") expect(sent).toEqual([]);
      else expect(sent.length).toBeGreaterThan(0);
      // Values travel as parameters only: no argument value appears in the text.
      for (const s of sent) for (const value of ["huawei", "昇腾", "deepseek-v3", "cloudmatrix-384", "2023-01-01"]) expect(s.cypher).not.toContain(value);
      expect(sent).toMatchSnapshot();
    });

  it("entities and relations count every match only when totalCount is asked for", async () => {
    for (const field of ["entities", "relations"]) {
      const [withTotal] = await translate(`{ ${field}(first: 5) { totalCount nodes { id } } }`);
      const [withoutTotal] = await translate(`{ ${field}(first: 5) { nodes { id } } }`);
      expect(withTotal?.cypher).toContain("count(");
      expect(withoutTotal?.cypher).not.toContain("count(");
    }
  });
});
