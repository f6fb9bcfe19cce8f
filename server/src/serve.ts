/**
 * The app on a connected Neo4j: syncs seed/, builds the explorer when it is missing, and serves
 * GraphQL and the explorer. `main.ts` starts loading this module (and with it yoga, the resolvers
 * and the sync) while the embedded Neo4j starts, so their second or two of loading is spent beside
 * the database's start rather than before it, and a start that fails early (a bad setting, no
 * Java, no database) says so without loading them at all.
 */
import type { Server } from "node:http";
import path from "node:path";
import { GraphVersion } from "./cache/graph-version.js";
import { type Config, repoRoot } from "./config.js";
import { Database } from "./db/run.js";
import { serverGate } from "./guards/client-gate.js";
import { createAtlasServer } from "./http.js";
import type { Connection } from "./neo4j/connect.js";
import type { Ontology } from "./ontology.js";
import { warmMap } from "./resolvers/Query/map.js";
import { InvalidSeedError, reloadSeed, validateAndSync } from "./seed/load.js";
import { formatSummary } from "./seed/sync.js";
import { ensureWebBuilt } from "./web-build.js";

const defaultWebDist = path.join(repoRoot, "web/dist");

/** Syncs, then listens; `onServer` receives the server before it listens (so a stop can close it). */
export async function serve(
  config: Config,
  ontology: Ontology,
  connection: Connection,
  log: (line: string) => void,
  onServer: (server: Server) => void,
): Promise<Server> {
  // With answers cached per version, a burst of one uncached question is also read once.
  const db = new Database(connection.driver, { database: config.neo4jDatabase, timeoutMs: config.queryTimeoutMs, coalesceReads: config.responseCache });
  try {
    log(formatSummary(await validateAndSync(config.seedDir, connection.driver, ontology, config.neo4jDatabase)));
  } catch (error) {
    if (!(error instanceof InvalidSeedError)) throw error;
    // Keep serving the last good graph; say why the new one was refused.
    log(`${error.message}\nServing the graph already in the database.`);
  }
  if (config.webDist === defaultWebDist) await ensureWebBuilt(config.webDist, log);
  // Answers are cached per graph version; polling it keeps replicas on one Neo4j consistent.
  const graphVersion = config.responseCache ? new GraphVersion(db) : undefined;
  await graphVersion?.start();
  const server = createAtlasServer({
    db,
    ontology,
    webDist: config.webDist,
    repoUrl: config.repoUrl,
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustedProxies: config.trustedProxies,
    adminToken: config.adminToken,
    graphVersion,
    reload: async () => {
      const { summary, ontology: fresh } = await reloadSeed(config.seedDir, connection.driver, config.neo4jDatabase);
      await graphVersion?.refresh();
      warmMap({ db, ontology: fresh, repoUrl: config.repoUrl, gate: serverGate() });
      return { summary: formatSummary(summary), ontology: fresh };
    },
  });
  onServer(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  // The front-page map's layout takes a second or two: compute it before the first reader asks.
  warmMap({ db, ontology, repoUrl: config.repoUrl, gate: serverGate() });
  return server;
}
