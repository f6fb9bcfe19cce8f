/** Creates the one neo4j-driver instance the process uses, with bounded waits (never a hang). */
import neo4j, { type Driver } from "neo4j-driver";

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
}

export function createDriver(options: DriverOptions): Driver {
  const auth = options.password ? neo4j.auth.basic(options.user, options.password) : undefined;
  return neo4j.driver(options.uri, auth, {
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxTransactionRetryTime: 3_000,
    maxConnectionPoolSize: 64,
    disableLosslessIntegers: true,
    logging: { level: "error", logger: () => {} },
  });
}

/** Waits until the server answers, or throws a one-line explanation. */
export async function verifyDatabase(driver: Driver, uri: string): Promise<void> {
  try {
    await driver.verifyConnectivity();
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    throw new Error(`Cannot reach Neo4j at ${uri}: ${reason}. Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or unset NEO4J_URI to use the embedded Neo4j.`);
  }
}
