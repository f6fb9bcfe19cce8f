/**
 * Query.timeline over the real Neo4j, loaded with tests/fixtures/api-seed: two US policies, the
 * Entity List addition of Huawei and HiSilicon (effective 2019-05-16) and the advanced computing
 * rule of October 2023 (effective 2023-11-17, restricting the H100 and the H800).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOntology } from "../../server/src/ontology.js";
import { type FixtureApi, fixtureApi } from "../helpers/fixture-api.js";

let api: FixtureApi;

beforeAll(async () => {
  api = await fixtureApi("api-seed");
});

afterAll(async () => {
  await api?.close();
});

const EVENT = "date policy { id policyType } restricts { totalCount entities { id name } } suspendedBy { totalCount }";

describe("the timeline of controls and countermeasures", () => {
  it("lists the policies by the day they took effect, naming the first of what each restricts and counting all, in one query", async () => {
    const a = await api.gql(`{ timeline(names: 1) { totalCount events { ${EVENT} } } }`);
    expect(a.errors).toBeUndefined();
    expect(a.queries).toEqual(["timeline"]);
    expect(a.data.timeline.totalCount).toBe(2);
    expect(a.data.timeline.events).toEqual([
      {
        date: "2019-05-16",
        policy: { id: "entity-list-huawei-2019", policyType: "entity-listing" },
        restricts: { totalCount: 2, entities: [{ id: "hisilicon", name: "HiSilicon" }] },
        suspendedBy: { totalCount: 0 },
      },
      {
        date: "2023-11-17",
        policy: { id: "export-rule-2023-10", policyType: "export-control-rule" },
        restricts: { totalCount: 2, entities: [{ id: "h100", name: "H100" }] },
        suspendedBy: { totalCount: 0 },
      },
    ]);
  });

  it("filters by issuing country and by policy type", async () => {
    const listings = await api.gql(`{ timeline(countries: ["us"], policyTypes: ["entity-listing"]) { totalCount events { policy { id } } } }`);
    expect(listings.data.timeline).toEqual({ totalCount: 1, events: [{ policy: { id: "entity-list-huawei-2019" } }] });
    const chinese = await api.gql(`{ timeline(countries: ["CN"]) { totalCount events { policy { id } } } }`);
    expect(chinese.data.timeline).toEqual({ totalCount: 0, events: [] });
    const first = await api.gql(`{ timeline(first: 1) { totalCount events { policy { id } } } }`);
    expect(first.data.timeline).toEqual({ totalCount: 2, events: [{ policy: { id: "entity-list-huawei-2019" } }] });
  });

  it("refuses an unknown policy type, a bad country and out-of-range counts with coded errors, before any query", async () => {
    const cases: [string, string][] = [
      [`policyTypes: ["embargo"]`, "POLICY_TYPE_UNKNOWN"],
      [`policyTypes: []`, "LIST_EMPTY"],
      [`countries: ["China"]`, "COUNTRY_INVALID"],
      ["names: 0", "INT_OUT_OF_RANGE"],
      ["first: 501", "INT_OUT_OF_RANGE"],
    ];
    for (const [args, problem] of cases) {
      const a = await api.gql(`{ timeline(${args}) { totalCount } }`);
      expect(a.errors?.[0]?.extensions?.problem, args).toBe(problem);
      expect(a.errors?.[0]?.extensions?.code, args).toBe("BAD_USER_INPUT");
      expect(a.queries, args).toEqual([]);
    }
    const unknown = await api.gql(`{ timeline(policyTypes: ["embargo"]) { totalCount } }`);
    // The reader is told every value the ontology allows, in its order (kinds.yaml, POLICY's policyType).
    const policyTypes = loadOntology().values("POLICY", "policyType");
    expect(policyTypes.length).toBeGreaterThan(1);
    expect(unknown.errors?.[0]?.message).toBe(`\`policyTypes\`: "embargo" is not a policy type; use one of ${policyTypes.join(", ")}.`);
  });
});
