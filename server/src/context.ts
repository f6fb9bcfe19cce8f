/** What every resolver receives. */
import type { Database } from "./db/run.js";
import type { RequestGate } from "./guards/client-gate.js";
import type { Ontology } from "./ontology.js";

export interface Context {
  db: Database;
  ontology: Ontology;
  /** Repository whose web editor opens for suggested edits. */
  repoUrl: string;
  /** The request's door to the database: turns per request and per client, cost charged once. */
  gate: RequestGate;
}
