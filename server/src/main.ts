/**
 * `npm start`: reads the configuration, starts the embedded Neo4j when NEO4J_URI is unset,
 * syncs seed/, and serves GraphQL and the explorer on one port. Stops cleanly on Ctrl-C/SIGTERM.
 */

// First: sets NODE_ENV before any library reads it.
import "./production-mode.js";
import type { Server } from "node:http";
import path from "node:path";
import { GraphVersion } from "./cache/graph-version.js";
import { ConfigError, loadConfig, repoRoot } from "./config.js";
import { Database } from "./db/run.js";
import { serverGate } from "./guards/client-gate.js";
import { createAtlasServer } from "./http.js";
import { type Connection, connectNeo4j } from "./neo4j/connect.js";
import { loadOntology } from "./ontology.js";
import { warmMap } from "./resolvers/Query/map.js";
import { InvalidSeedError, reloadSeed, validateAndSync } from "./seed/load.js";
import { formatSummary } from "./seed/sync.js";
import { ensureWebBuilt } from "./web-build.js";

const defaultWebDist = path.join(repoRoot, "web/dist");
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  let connection: Connection | undefined;
  let server: Server | undefined;
  let stopping = false;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    const hardExit = setTimeout(() => process.exit(1), 9_500);
    hardExit.unref();
    await new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      // in-flight requests get a moment to finish; idle keep-alive sockets do not hold us up
      server.closeIdleConnections();
      setTimeout(() => server?.closeAllConnections(), 3_000).unref();
    });
    await connection?.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // npm does not pass SIGTERM on to us: when our parent goes away, stop as if signalled.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop("parent exited");
  }, 500).unref();

  const config = loadConfig();
  const ontology = loadOntology(config.seedDir);
  connection = await connectNeo4j(config, log);
  if (stopping) return;
  // Serving on without the database it started would only answer errors: stop instead.
  connection.embedded?.onUnexpectedExit((code, signal) => {
    log(`The embedded Neo4j stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the app.`);
    process.exit(1);
  });
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
  const conn = connection;
  // Answers are cached per graph version; polling it keeps replicas on one Neo4j consistent.
  const graphVersion = config.responseCache ? new GraphVersion(db) : undefined;
  await graphVersion?.start();
  server = createAtlasServer({
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
      const { summary, ontology: fresh } = await reloadSeed(config.seedDir, conn.driver, config.neo4jDatabase);
      await graphVersion?.refresh();
      warmMap({ db, ontology: fresh, repoUrl: config.repoUrl, gate: serverGate() });
      return { summary: formatSummary(summary), ontology: fresh };
    },
  });
  await new Promise<void>((resolve, reject) => {
    server?.once("error", reject);
    server?.listen(config.port, config.host, () => resolve());
  });
  // The front-page map's layout takes a second or two: compute it before the first reader asks.
  warmMap({ db, ontology, repoUrl: config.repoUrl, gate: serverGate() });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const base = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  log(`AI Ecosystem Atlas is ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  log(`  Explorer: ${base}/`);
  log(`  GraphQL:  ${base}/graphql`);
  log(`  Neo4j:    ${connection.uri}${connection.embedded ? " (embedded)" : ""}`);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
  log(`Error: ${message}`);
  if ((error as NodeJS.ErrnoException)?.code === "EADDRINUSE") log("The port is taken: set PORT to a free port.");
  process.exit(1);
});
