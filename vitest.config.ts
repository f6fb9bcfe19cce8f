import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default"],
    projects: [
      {
        // Pure code: no database, files in parallel, no wait for Neo4j.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 },
      },
      {
        // Tests that start their own Neo4j (npm start, a Neo4j restarted under the server): one at
        // a time, beside the tests that share the test database.
        test: { name: "processes", include: ["tests/processes/**/*.test.ts"], fileParallelism: false, testTimeout: 120_000, hookTimeout: 180_000 },
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
