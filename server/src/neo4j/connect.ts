/**
 * Connects to the configured Neo4j, starting the embedded one first when NEO4J_URI is unset.
 * Used by `npm start`, `npm run sync` and the tests' global setup.
 */
import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import { createDriver, verifyDatabase } from "../db/driver.js";
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from "./embedded.js";

export interface Connection {
  uri: string;
  driver: Driver;
  embedded: EmbeddedNeo4j | undefined;
  close(): Promise<void>;
}

export async function connectNeo4j(config: Config, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<Connection> {
  let embedded: EmbeddedNeo4j | undefined;
  let uri = config.neo4jUri;
  let credentials = { user: config.neo4jUser, password: config.neo4jPassword };
  if (!uri) {
    log(`Starting the embedded Neo4j 5.26 (data in ${config.embedded.dataDir}, Bolt on 127.0.0.1:${config.embedded.boltPort})…`);
    embedded = await startEmbeddedNeo4j({ ...config.embedded, log });
    uri = embedded.uri;
    // The embedded server's password is made at each start and handed only to our driver.
    credentials = { user: embedded.user, password: embedded.password };
  }
  const driver = createDriver({ uri, ...credentials });
  try {
    await verifyDatabase(driver, uri);
  } catch (error) {
    await driver.close();
    await embedded?.stop();
    throw error;
  }
  return {
    uri,
    driver,
    embedded,
    async close() {
      await driver.close();
      await embedded?.stop();
    },
  };
}
