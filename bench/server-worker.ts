/**
 * A GraphQL server in a process of its own, so that the load generator does not share its event
 * loop:  tsx bench/server-worker.ts <atlas|peer> <bolt-uri> <port>
 *   atlas: our server exactly as `npm start` builds it (createAtlasServer over Database), with its
 *          response cache only when RESPONSE_CACHE=on (cold reads by default: what the floor compares with);
 *   peer:  @neo4j/graphql's schema served by graphql-yoga (the same HTTP layer as ours);
 *   floor: the HTTP floor: bare node:http that runs the Cypher and parameters it is sent (the bench
 *          posts what our resolvers sent, captured in bench/query.ts) through Database and answers
 *          `{"data": rows}`, what any HTTP API must at least do for the same answer (loopback only).
 * Prints "READY <port>" once listening; exits when its standard input closes.
 */
// First: sets NODE_ENV before any library reads it.
import "../server/src/production-mode.js";
import http from "node:http";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
import neo4j from "neo4j-driver";
import { GraphVersion } from "../server/src/cache/graph-version.js";
import { createDriver } from "../server/src/db/driver.js";
import { Database } from "../server/src/db/run.js";
import { createAtlasServer } from "../server/src/http.js";
import { loadOntology } from "../server/src/ontology.js";
import { BENCH_PASSWORD } from "./neo4j.js";
import { peerTypeDefs } from "./peer.js";

async function main(): Promise<void> {
  const [target, uri, portText] = process.argv.slice(2);
  const port = Number(portText);
  if ((target !== "atlas" && target !== "peer" && target !== "floor") || !uri || !Number.isInteger(port))
    throw new Error("usage: server-worker.ts <atlas|peer|floor> <bolt-uri> <port>");
  const ontology = loadOntology();
  const driver = createDriver({ uri, user: "neo4j", password: BENCH_PASSWORD });
  let server: http.Server;
  if (target === "atlas") {
    const cached = process.env.RESPONSE_CACHE === "on";
    const db = new Database(driver, { timeoutMs: 30_000, coalesceReads: cached });
    const graphVersion = cached ? new GraphVersion(db) : undefined;
    await graphVersion?.start();
    server = createAtlasServer({ db, ontology, webDist: "/nonexistent", graphVersion });
  } else if (target === "floor") {
    server = floorServer(new Database(driver, { timeoutMs: 30_000 }));
  } else {
    const schema = await new Neo4jGraphQL({ typeDefs: peerTypeDefs(ontology), driver }).getSchema();
    const yoga = createYoga({ schema, graphiql: false, logging: false });
    server = http.createServer(yoga);
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const stop = () => {
    server.closeAllConnections();
    server.close();
    void driver.close().finally(() => process.exit(0));
  };
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.stdin.resume();
  process.on("SIGTERM", stop);
  process.stdout.write(`READY ${port}\n`);
}

/** Integers in the posted parameters arrive as {low, high} (neo4j-driver's Integer as JSON). */
const reviveIntegers = (_key: string, value: unknown) =>
  value && typeof value === "object" && "low" in value && "high" in value
    ? neo4j.Integer.fromBits((value as { low: number }).low, (value as { high: number }).high)
    : value;

/** The HTTP floor: one read per request, rows as plain objects, serialised once; nothing else. */
function floorServer(db: Database): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const { cypher, params } = JSON.parse(Buffer.concat(chunks).toString("utf8"), reviveIntegers) as { cypher: string; params: Record<string, unknown> };
      db.read("floor", cypher, params).then(
        (rows) => {
          const body = JSON.stringify({ data: rows });
          res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
          res.end(body);
        },
        (error: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(String(error));
        },
      );
    });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
