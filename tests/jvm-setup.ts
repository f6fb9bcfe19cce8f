/**
 * Lets every Neo4j the tests start boot on less CPU: only the quick C1 compiler runs (a test's Neo4j
 * lives for seconds or minutes, too short for C2 to pay back), and the class-data archive of
 * `npm run neo4j:install` is made first if it is missing (neo4j/class-archive.ts; every start uses
 * it). The option reaches every `java` the tests start, those of `npm start` in tests/processes
 * included, through JDK_JAVA_OPTIONS. Neither changes what Neo4j does.
 */
import { ensureClassArchive } from "../server/src/cli/neo4j-archive.js";
import { QUIET_JVM_LOG } from "../server/src/neo4j/class-archive.js";
import { installEmbeddedNeo4j } from "../server/src/neo4j/install.js";

const C1_ONLY = "-XX:TieredStopAtLevel=1";

let before: string | undefined;
let changed = false;

export async function setup(): Promise<void> {
  // Both projects that start Neo4j list this file; the first one does the work.
  if (process.env.JDK_JAVA_OPTIONS?.includes(C1_ONLY)) return;
  before = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = [before, C1_ONLY, ...QUIET_JVM_LOG].filter(Boolean).join(" ");
  changed = true;
  installEmbeddedNeo4j();
  await ensureClassArchive();
}

export function teardown(): void {
  if (!changed) return;
  if (before === undefined) delete process.env.JDK_JAVA_OPTIONS;
  else process.env.JDK_JAVA_OPTIONS = before;
}
