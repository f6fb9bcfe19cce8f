/**
 * Bolt ports of the Neo4j servers the tests start, derived from NEO4J_TEST_PORT (default 7688) so
 * that two test runs on one machine never meet: the shared test database listens on that port, the
 * servers of tests/processes on NEO4J_PROCESS_TEST_PORT (default NEO4J_TEST_PORT + 1) and the next
 * ports up. Two runs need base ports at least 10 apart, or their own NEO4J_PROCESS_TEST_PORT.
 */
function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`${name}="${raw}" must be a port number (1-65535).`);
  return port;
}

/** The shared test database (tests/global-setup.ts). */
export const sharedTestPort = portFromEnv("NEO4J_TEST_PORT", 7688);

const processBase = portFromEnv("NEO4J_PROCESS_TEST_PORT", sharedTestPort + 1);

/** The Neo4j that `npm start` embeds in tests/processes/start.test.ts (7689 by default). */
export const startTestPort = processBase;

/** The Neo4j restarted under the server in tests/processes/neo4j-restart.test.ts (7695 by default). */
export const restartTestPort = processBase + 6;
