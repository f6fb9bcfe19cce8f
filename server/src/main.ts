/**
 * `npm start`: reads the configuration, starts the embedded Neo4j when NEO4J_URI is unset,
 * syncs seed/, and serves GraphQL and the explorer on one port. Stops cleanly on Ctrl-C/SIGTERM.
 */

// First: sets NODE_ENV before any library reads it.
import "./production-mode.js";
import type { Server } from "node:http";
import { ConfigError, loadConfig } from "./config.js";
import { type Connection, connectNeo4j } from "./neo4j/connect.js";
import { loadOntology } from "./ontology.js";

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
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
  // The app's modules load while Neo4j starts (serve.ts); a start that fails before needs none of them.
  const serving = import("./serve.js");
  // Awaited once Neo4j answers; a start that fails first must not report this promise as unhandled.
  serving.catch(() => {});
  connection = await connectNeo4j(config, log);
  if (stopping) return;
  // Serving on without the database it started would only answer errors: stop instead.
  connection.embedded?.onUnexpectedExit((code, signal) => {
    log(`The embedded Neo4j stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the app.`);
    process.exit(1);
  });
  const { serve } = await serving;
  if (stopping) return;
  const listening = await serve(config, ontology, connection, log, (made) => {
    server = made;
  });
  const address = listening.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const base = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  // Counted from the process's start (modules included), as the person who typed `npm start` waits.
  log(`AI Ecosystem Atlas is ready in ${(performance.now() / 1000).toFixed(1)} s`);
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
