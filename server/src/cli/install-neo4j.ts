/**
 * `npm run neo4j:install`: downloads the embedded Neo4j from Maven Central and makes its class-data
 * archive (CI runs it up front; `npm start` installs without the archive when it is missing).
 */
import { EmbeddedNeo4jError, installEmbeddedNeo4j } from "../neo4j/install.js";
import { ensureClassArchive } from "./neo4j-archive.js";

try {
  installEmbeddedNeo4j();
  await ensureClassArchive();
  console.log("The embedded Neo4j is installed in .neo4j/.");
} catch (error) {
  console.error(error instanceof EmbeddedNeo4jError ? error.message : error);
  process.exitCode = 1;
}
