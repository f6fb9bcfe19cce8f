import os from "node:os";
import { defineConfig } from "vitest/config";
import { LongestFirst } from "./tests/sequencer.js";

// A Neo4j of one's own (NEO4J_URI) is one database: the files that use it take turns.
const oneDatabase = Boolean(process.env.NEO4J_URI);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default"],
    // Every project in one pool, so that no project waits for another: the unit files, the files
    // that start their own Neo4j and the files that each use their worker's test Neo4j run side by
    // side. One worker per core, at least two (a file also keeps Neo4j, Chromium or a child process
    // busy); at most four, since each worker costs one more Neo4j (tests/global-setup.ts).
    maxWorkers: Math.min(4, Math.max(2, os.availableParallelism())),
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        // Pure code: no database. One module graph for all its files (none changes global state).
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], globalSetup: ["tests/temp-setup.ts"], testTimeout: 60_000, isolate: false },
      },
      {
        // Tests that start their own Neo4j (npm start, a Neo4j restarted under the server).
        test: {
          name: "processes",
          include: ["tests/processes/**/*.test.ts"],
          globalSetup: ["tests/temp-setup.ts", "tests/jvm-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The integration and browser tests: each file has its worker's Neo4j to itself.
        test: {
          name: "neo4j",
          isolate: false,
          include: ["tests/integration/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/temp-setup.ts", "tests/jvm-setup.ts", "tests/global-setup.ts"],
          // With one database, its files run one after another, after the other projects' files.
          ...(oneDatabase ? { fileParallelism: false, sequence: { groupOrder: 1 } } : {}),
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
