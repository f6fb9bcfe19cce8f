/**
 * A GraphQL server in a process of its own, so that the load generator does not share its event
 * loop:  tsx bench/server-worker.ts <atlas|peer> <bolt-uri> <port>
 *   atlas: our server exactly as `npm start` builds it (createAtlasServer over Database), with its
 *          response cache only when RESPONSE_CACHE=on (cold reads by default: what the floor compares with);
 *   peer:  @neo4j/graphql's schema served by graphql-yoga (the same HTTP layer as ours).
 * Prints "READY <port>" once listening; exits when its standard input closes.
 */
// First: sets NODE_ENV before any library reads it.
import "../server/src/production-mode.js";
import http from "node:http";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
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
  if ((target !== "atlas" && target !== "peer") || !uri || !Number.isInteger(port)) throw new Error("usage: server-worker.ts <atlas|peer> <bolt-uri> <port>");
  const ontology = loadOntology();
  const driver = createDriver({ uri, user: "neo4j", password: BENCH_PASSWORD });
  let server: http.Server;
  if (target === "atlas") {
    const cached = process.env.RESPONSE_CACHE === "on";
    const db = new Database(driver, { timeoutMs: 30_000, coalesceReads: cached });
    const graphVersion = cached ? new GraphVersion(db) : undefined;
    await graphVersion?.start();
    server = createAtlasServer({ db, ontology, webDist: "/nonexistent", graphVersion });
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

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
