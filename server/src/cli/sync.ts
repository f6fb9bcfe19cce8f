/** `npm run sync`: validates seed/ and makes the database equal to it (starting the embedded Neo4j if NEO4J_URI is unset). */
import { Command } from "commander";
import { ConfigError, loadConfig } from "../config.js";
import { connectNeo4j } from "../neo4j/connect.js";
import { loadOntology } from "../ontology.js";
import { validateAndSync } from "../seed/load.js";
import { formatSummary } from "../seed/sync.js";

new Command("sync")
  .description("Validate the seed and make the Neo4j database equal to it, in one transaction.")
  .option("--seed <dir>", "seed folder")
  .action(async (options: { seed?: string }) => {
    let connection: Awaited<ReturnType<typeof connectNeo4j>> | undefined;
    try {
      const config = loadConfig();
      const seedDir = options.seed ?? config.seedDir;
      connection = await connectNeo4j(config);
      const summary = await validateAndSync(seedDir, connection.driver, loadOntology(seedDir), config.neo4jDatabase);
      console.log(formatSummary(summary));
    } catch (error) {
      console.error(error instanceof ConfigError ? error.message : (error as Error).message);
      process.exitCode = 1;
    } finally {
      await connection?.close();
    }
  })
  .parseAsync();
