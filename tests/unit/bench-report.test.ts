/** The benchmark's analysis table and notes as a reader sees them in bench/results/*.md. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analysisMarkdown } from "../../bench/analysis.js";
import { type BenchResults, markdown, writeResults } from "../../bench/report.js";

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

describe("the query table of the benchmark report", () => {
  it("puts the HTTP floor beside raw and GraphQL, with both ratios, and a dash where a target was not measured", () => {
    const machine = { cpu: "test", cores: 2, memoryGiB: 1, os: "test", node: "v20", java: "17", neo4j: "5.26", neo4jMemory: "test", chromium: "none" };
    const cell = (target: "graphql" | "raw" | "http", query: "entity" | "paths", p50: number) => ({
      target,
      query,
      concurrency: 32,
      seconds: 10,
      requests: 1000,
      requestsPerSecond: 100,
      p50,
      p95: p50,
      p99: p50,
      max: p50,
      errors: 0,
    });
    const md = markdown({
      size: "S",
      date: new Date().toISOString(),
      machine,
      notes: {},
      query: [cell("graphql", "entity", 26), cell("raw", "entity", 15), cell("http", "entity", 19.5), cell("graphql", "paths", 80), cell("raw", "paths", 64)],
    } as BenchResults);
    // GraphQL/raw 1.73×; HTTP floor/raw 1.30×; GraphQL/HTTP floor 1.33×; no peer measured.
    expect(md).toContain("| entity | 32 | 100.0 | 26.0 | 26.0 | 26.0 | 100.0 | 15.0 | 15.0 | 1.73× | 100.0 | 19.5 | 1.30× | 1.33× | – | – | – | – |");
    expect(md).toContain("| paths | 32 | 100.0 | 80.0 | 80.0 | 80.0 | 100.0 | 64.0 | 64.0 | 1.25× | – | – | – | – | – | – | – | – |");
    expect(md).toContain("HTTP floor = the same Cypher served by bare node:http");
    // No cell measured CPU (not Linux, or an older results file): no CPU table.
    expect(md).not.toContain("CPU per request answered");
  });

  it("adds the CPU per request of the serving process and of Neo4j, with GraphQL beside the HTTP floor", () => {
    const machine = { cpu: "test", cores: 2, memoryGiB: 1, os: "test", node: "v20", java: "17", neo4j: "5.26", neo4jMemory: "test", chromium: "none" };
    const cell = (target: "graphql" | "raw" | "http" | "peer", servingMsPerRequest: number, neo4jMsPerRequest?: number) => ({
      target,
      query: "search" as const,
      concurrency: 32,
      seconds: 10,
      requests: 1000,
      requestsPerSecond: 100,
      p50: 20,
      p95: 20,
      p99: 20,
      max: 20,
      errors: 0,
      cpu: { servingMsPerRequest, neo4jMsPerRequest },
    });
    const md = markdown({
      size: "S",
      date: new Date().toISOString(),
      machine,
      notes: {},
      query: [cell("graphql", 0.51, 0.77), cell("http", 0.34, 0.78), cell("raw", 0.2), cell("peer", 1.5, 2.25)],
    } as BenchResults);
    // 0.51 / 0.34 = 1.50×; raw has no Neo4j reading: a dash.
    expect(md).toContain("| search | 32 | 0.51 | 0.34 | 0.20 | 1.50 | 1.50× | 0.77 | 0.78 | – | 2.25 |");
  });
});
