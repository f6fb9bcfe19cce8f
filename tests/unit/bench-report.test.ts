/** The benchmark's analysis table and notes as a reader sees them in bench/results/*.md. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analysisMarkdown } from "../../bench/analysis.js";
import { type BenchResults, writeResults } from "../../bench/report.js";

describe("the analysis table of the benchmark report", () => {
  it("says when no request finished within a cell, instead of 0 req/s at 0 ms", () => {
    const lines = analysisMarkdown(
      {
        cells: [
          { query: "exposure", concurrency: 32, seconds: 5, requests: 0, requestsPerSecond: 0, p50: 0, p99: 0, max: 0, errors: 0 },
          { query: "impact", concurrency: 1, seconds: 5, requests: 5, requestsPerSecond: 1, p50: 279.8, p99: 2929.5, max: 2929.5, errors: 0 },
        ],
      },
      "a test graph",
    );
    expect(lines).toContain("| exposure | 32 | none finished in 5 s | – | – | – | 0 |");
    expect(lines).toContain("| impact | 1 | 1 | 279.8 | 2929.5 | 2929.5 | 0 |");
  });
});

describe("the notes of a benchmark report", () => {
  it("keep a part's notes when another part is measured again (--only), and replace them when that part is", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-report-"));
    const machine = { cpu: "test", cores: 2, memoryGiB: 1, os: "test", node: "v20", java: "17", neo4j: "5.26", neo4jMemory: "test", chromium: "none" };
    const run = (notes: BenchResults["notes"]) => writeResults({ size: "S", date: new Date().toISOString(), machine, notes } as BenchResults, dir);
    run({ load: [], query: ["every request is a cold read"] });
    run({ load: ["the full sync failed"] });
    let md = fs.readFileSync(path.join(dir, "S.md"), "utf8");
    expect(md).toContain("- every request is a cold read");
    expect(md).toContain("- the full sync failed");
    run({ query: [] });
    md = fs.readFileSync(path.join(dir, "S.md"), "utf8");
    expect(md).not.toContain("cold read");
    expect(md).toContain("- the full sync failed");
  });
});
