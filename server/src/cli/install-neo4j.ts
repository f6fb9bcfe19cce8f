/** `npm run neo4j:install`: downloads the embedded Neo4j from Maven Central (CI runs it up front). */
import { EmbeddedNeo4jError, installEmbeddedNeo4j } from "../neo4j/install.js";

try {
  installEmbeddedNeo4j();
  console.log("The embedded Neo4j is installed in .neo4j/.");
} catch (error) {
  console.error(error instanceof EmbeddedNeo4jError ? error.message : error);
  process.exitCode = 1;
}
