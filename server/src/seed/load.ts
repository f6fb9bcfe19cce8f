/** Validates the seed folder and syncs it; refuses (and says why) when it is invalid. */
import type { Driver } from "neo4j-driver";
import { loadOntology, type Ontology } from "../ontology.js";
import { type SyncSummary, syncSeed } from "./sync.js";
import { formatProblem, type Problem, validateSeed } from "./validate.js";

export class InvalidSeedError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(
      `The seed has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was loaded:\n${problems.slice(0, 50).map(formatProblem).join("\n")}${problems.length > 50 ? `\n… and ${problems.length - 50} more (run npm run validate)` : ""}`,
    );
    this.name = "InvalidSeedError";
  }
}

export async function validateAndSync(seedDir: string, driver: Driver, ontology: Ontology, database?: string): Promise<SyncSummary> {
  const result = validateSeed({ seedDir, ontology });
  if (!result.graph) throw new InvalidSeedError(result.problems);
  return syncSeed(result.graph, { driver, database, ontology });
}

/**
 * What /admin/reload does: reads the ontology again (a changed kind or relation type takes effect
 * without a restart), validates the seed against it and syncs. An invalid ontology or seed throws
 * before anything is written.
 */
export async function reloadSeed(seedDir: string, driver: Driver, database?: string): Promise<{ summary: SyncSummary; ontology: Ontology }> {
  const ontology = loadOntology(seedDir);
  return { summary: await validateAndSync(seedDir, driver, ontology, database), ontology };
}
