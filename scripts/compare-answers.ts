/**
 * Proves a rewritten read query answers as the old one did: loads the real seed into a Neo4j of
 * its own, serves it with this tree's GraphQL server and with an older tree's, and sends both the
 * same `search` and `neighborhood` requests (every entity, its names, aliases, prefixes, typos and
 * Chinese characters; every entity's neighbourhood at depth 1 and 2 with and without filters).
 *   git archive <rev> server seed schema.graphql | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
 *   npm run compare-answers -- --before /tmp/before --port 7702
 * Exits 1 and prints the first differences when any answer differs. With --ignore-scores, search
 * answers are compared by the entities they list and their order only (a rewrite that ranks alike
 * may still score otherwise).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Command } from "commander";
import { repoRoot } from "../server/src/config.js";
import { Database } from "../server/src/db/run.js";
import { startEmbeddedNeo4j } from "../server/src/neo4j/embedded.js";
import { loadOntology } from "../server/src/ontology.js";
import { validateAndSync } from "../server/src/seed/load.js";
import { validateSeed } from "../server/src/seed/validate.js";
import { createAtlasYoga } from "../server/src/yoga.js";

type Fetcher = (body: { query: string; variables: Record<string, unknown> }) => Promise<string>;

const SEARCH = `query S($q: String!, $kinds: [EntityKind!], $first: Int) { search(query: $q, kinds: $kinds, first: $first) { score entity { id kind name nameZh country } } }`;
const NEIGHBORHOOD = `query N($id: ID!, $depth: Int, $limit: Int, $types: [RelationType!], $kinds: [EntityKind!], $asOf: Date) {
  neighborhood(id: $id, depth: $depth, limit: $limit, relationTypes: $types, kinds: $kinds, asOf: $asOf) { truncated nodes { id kind name } edges { id type status since until from { id } to { id } } }
}`;

function fetcher(yoga: { fetch: (url: string, init: RequestInit) => Promise<Response> | Response }): Fetcher {
  return async (body) => {
    const response = await yoga.fetch("http://compare/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return response.text();
  };
}

/** The search strings: names, Chinese names, aliases and ids as typed, lower-cased, cut short, with a typo, and every Chinese character. */
function searchTerms(entities: { id: string; name: string; nameZh?: string; aliases?: string[] }[]): string[] {
  const terms = new Set<string>();
  const han = /\p{Script=Han}/u;
  for (const e of entities) {
    const names = [e.name, e.nameZh, ...(e.aliases ?? [])].filter((x): x is string => typeof x === "string" && x.length > 0);
    for (const n of names) {
      terms.add(n);
      terms.add(n.toLowerCase());
      terms.add(n.slice(0, 3));
      terms.add(n.slice(0, 5));
      if (n.length >= 5) terms.add(`${n.slice(0, 2)}${n[3]}${n[2]}${n.slice(4)}`);
      for (const c of n) if (han.test(c)) terms.add(c);
      const chars = [...n];
      for (let i = 0; i + 2 <= chars.length; i++) if (han.test(chars[i] as string)) terms.add(chars.slice(i, i + 2).join(""));
    }
    terms.add(e.id);
  }
  return [...terms].filter((t) => t.trim() !== "" && t.length <= 200).sort();
}

async function main(): Promise<void> {
  const opts = new Command()
    .requiredOption("--before <dir>", "an older tree (server/, seed/, schema.graphql) to compare with")
    .requiredOption("--port <n>", "bolt port for the Neo4j this script starts", Number)
    .option("--only <field>", "search or neighborhood")
    .option("--ignore-scores", "compare search answers by their entities and order, not their scores")
    .parse()
    .opts<{ before: string; port: number; only?: string; ignoreScores?: boolean }>();
  const comparable = (answer: string) => (opts.ignoreScores ? answer.replace(/"score":[-+0-9.eE]+,?/g, "") : answer);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-compare-"));
  const neo4j = await startEmbeddedNeo4j({ boltPort: opts.port, dataDir, heapMiB: 1024, pageCacheMiB: 256, txTimeoutSeconds: 600 });
  try {
    const { createDriver } = await import("../server/src/db/driver.js");
    const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    const ontology = loadOntology();
    const seedDir = path.join(repoRoot, "seed");
    await validateAndSync(seedDir, driver, ontology);
    const { graph } = validateSeed({ seedDir, ontology });
    if (!graph) throw new Error("The seed does not validate.");
    const before = path.resolve(opts.before);
    const old = (await import(pathToFileURL(path.join(before, "server/src/yoga.js")).href)) as typeof import("../server/src/yoga.js");
    const oldRun = (await import(pathToFileURL(path.join(before, "server/src/db/run.js")).href)) as typeof import("../server/src/db/run.js");
    const oldOntology = (await import(pathToFileURL(path.join(before, "server/src/ontology.js")).href)) as typeof import("../server/src/ontology.js");
    const now = fetcher(createAtlasYoga({ db: new Database(driver, { timeoutMs: 60_000 }), ontology }));
    const then = fetcher(
      old.createAtlasYoga({ db: new oldRun.Database(driver, { timeoutMs: 60_000 }), ontology: oldOntology.loadOntology(path.join(before, "seed")) }),
    );

    const requests: { query: string; variables: Record<string, unknown> }[] = [];
    if (opts.only !== "neighborhood") {
      for (const [i, q] of searchTerms(graph.entities).entries()) requests.push({ query: SEARCH, variables: i % 5 === 0 ? { q, first: 50 } : { q } });
      for (const q of ["hua", "nv", "chip", "华", "芯", "ascend", "tsmc", "a", "1", "模型"]) {
        for (const kinds of [["ORGANIZATION"], ["CHIP", "SYSTEM"], ["POLICY"]]) requests.push({ query: SEARCH, variables: { q, kinds, first: 20 } });
      }
    }
    if (opts.only !== "search") {
      const types = ontology.relationTypes.map((t) => t.type);
      for (const [i, e] of graph.entities.entries()) {
        requests.push({ query: NEIGHBORHOOD, variables: { id: e.id, depth: 1 } });
        requests.push({ query: NEIGHBORHOOD, variables: { id: e.id, depth: 2, limit: 200 } });
        if (i % 10 === 0) {
          requests.push({ query: NEIGHBORHOOD, variables: { id: e.id, depth: 2, limit: 20 } });
          requests.push({ query: NEIGHBORHOOD, variables: { id: e.id, depth: 3, limit: 50 } });
          requests.push({
            query: NEIGHBORHOOD,
            variables: { id: e.id, depth: 2, types: types.slice(i % types.length, (i % types.length) + 3), asOf: "2020-01-01" },
          });
          requests.push({ query: NEIGHBORHOOD, variables: { id: e.id, depth: 2, kinds: ["ORGANIZATION", "CHIP"] } });
        }
      }
    }
    let differences = 0;
    let firstDiffers = 0;
    let errors = 0;
    const firstId = (answer: string) => /"id":"([^"]*)"/.exec(answer)?.[1];
    for (const [i, request] of requests.entries()) {
      const [a, b] = (await Promise.all([then(request), now(request)])).map(comparable) as [string, string];
      if (a.includes('"errors"')) errors++;
      if (a !== b) {
        differences++;
        if (firstId(a) !== firstId(b)) {
          firstDiffers++;
          if (firstDiffers <= 20) console.error(`FIRST ${JSON.stringify(request.variables)}: ${firstId(a)} → ${firstId(b)}`);
        }
        if (differences <= 5) console.error(`DIFFERENT ${JSON.stringify(request.variables)}\n  before: ${a.slice(0, 600)}\n  now:    ${b.slice(0, 600)}`);
      }
      if (i % 1000 === 999) console.error(`${i + 1}/${requests.length}, ${differences} different`);
    }
    console.log(
      `${requests.length} requests (${errors} answered with errors by both or the older tree): ${differences} different answers, ${firstDiffers} of them with another first entity.`,
    );
    await driver.close();
    process.exitCode = differences === 0 ? 0 : 1;
  } finally {
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
