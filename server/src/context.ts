/** What every resolver receives. */
import type { Database } from "./db/run.js";
import type { Ontology } from "./ontology.js";

export interface Context {
  db: Database;
  ontology: Ontology;
  /** Repository whose web editor opens for suggested edits. */
  repoUrl: string;
}
