/** The benchmark's analysis table as a reader sees it in bench/results/*.md. */
import { describe, expect, it } from "vitest";
import { analysisMarkdown } from "../../bench/analysis.js";

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
