/**
 * Makes the embedded Neo4j's class-data archive (neo4j/class-archive.ts) from a boot that syncs the
 * seed into a throwaway database, so that the classes of a sync are kept as well as those of a boot.
 * Run by `npm run neo4j:install` and, when it is missing, before the tests start their Neo4j servers.
 */
import path from "node:path";
import { repoRoot } from "../config.js";
import { createDriver } from "../db/driver.js";
import { makeClassArchive } from "../neo4j/class-archive.js";
import { startEmbeddedNeo4j } from "../neo4j/embedded.js";
import { loadOntology } from "../ontology.js";
import { syncSeed } from "../seed/sync.js";
import { validateSeed } from "../seed/validate.js";

/** Makes the archive if it is missing; never fails the caller (without it, boots are only slower). */
export async function ensureClassArchive(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<void> {
  const started = Date.now();
  try {
    const made = await makeClassArchive(async (boot) => {
      log("Making the embedded Neo4j's class-data archive (once per Java and Neo4j version; later boots need less CPU)…");
      const neo4j = await startEmbeddedNeo4j({ ...boot, heapMiB: 512, pageCacheMiB: 64, log });
      try {
        const seedDir = path.join(repoRoot, "seed");
        const ontology = loadOntology(seedDir);
        const { graph } = validateSeed({ seedDir, ontology });
        // An invalid seed only makes the archive smaller: a boot's classes are most of it.
        if (graph) {
          const driver = createDriver(neo4j);
          try {
            await syncSeed(graph, { driver, ontology });
          } finally {
            await driver.close();
          }
        }
      } finally {
        await neo4j.stop();
      }
    });
    if (made) log(`Made the class-data archive in ${Math.round((Date.now() - started) / 1000)} s.`);
  } catch (error) {
    log(
      `Could not make the embedded Neo4j's class-data archive (boots will be slower, nothing else changes): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
