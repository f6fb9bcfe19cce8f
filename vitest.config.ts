import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default"],
    // Most of the time is spent waiting on Neo4j, Chromium and child processes, not on this
    // process's CPU: more workers than the default (cores - 1, so one on a 2-core machine) let the
    // unit files, the shared-database files and the own-Neo4j files run side by side.
    maxWorkers: 4,
    projects: [
      {
        // Pure code: no database, files in parallel, no wait for Neo4j.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 },
      },
      {
        // Tests that start their own Neo4j (npm start, a Neo4j restarted under the server): one at
        // a time, beside the tests that share the test database.
        test: { name: "processes", include: ["tests/processes/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 180_000 },
      },
      {
        // One real Neo4j is shared by the integration and browser tests: run files one at a time.
        test: {
          name: "neo4j",
          include: ["tests/integration/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
