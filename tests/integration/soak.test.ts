import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUERY_MIX, soak } from "../../scripts/soak.js";
import { clearAtlasGraph } from "../helpers/neo4j.js";
import { type LiveServer, serveApiSeed } from "../helpers/server.js";

let driver: Driver;
let server: LiveServer;
let base: string;

let served: Awaited<ReturnType<typeof serveApiSeed>>;

const adminToken = "soak-test-admin-token-0123";

beforeAll(async () => {
  // The admin token lets the soak read the server's memory figures from /health.
  served = await serveApiSeed({ adminToken });
  ({ driver, server } = served);
  base = server.base;
});

afterAll(async () => {
  await served.close();
});

describe("npm run soak", () => {
  it("every query of the mix answers without errors on its own", async () => {
    for (const q of QUERY_MIX) {
      const response = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: q.query }),
      });
      const body = (await response.json()) as { errors?: unknown };
      expect(body.errors, q.name).toBeUndefined();
    }
  });

  it("drives the server with concurrent clients and reports zero errors, throughput and memory", async () => {
    const summary = await soak({ url: base, connections: 10, duration: 2, quiet: true, adminToken });
    expect(summary.requests).toBeGreaterThan(10);
    expect(summary.errors).toBe(0);
    expect(summary.serverMemory.rssStart).toMatch(/MiB$/);
  });

  it("warms up first, then samples the server's memory each second of the run for its peak and growth", async () => {
    const summary = await soak({ url: base, connections: 2, duration: 5, warmup: 1, quiet: true, adminToken });
    expect(summary.warmup?.requests).toBeGreaterThan(4);
    expect(summary.requests).toBeGreaterThan(4);
    expect(summary.serverMemory.rssAfterWarmup).toMatch(/MiB$/);
    expect(summary.serverMemory.rssPeak).toMatch(/MiB$/);
    expect(typeof summary.serverMemory.rssGrowthPercent).toBe("number");
  });

  it("asks for compressed answers, as a browser does, with --accept-encoding", async () => {
    const plain = await soak({ url: base, connections: 2, duration: 1, quiet: true });
    const compressed = await soak({ url: base, connections: 2, duration: 1, quiet: true, acceptEncoding: "gzip, deflate, br" });
    expect(compressed.errors).toBe(0);
    expect(compressed.requests).toBeGreaterThan(4);
    // The mix's neighbourhood and entity answers are several KiB of JSON; brotli shrinks them severalfold.
    expect(compressed.bytesPerResponse).toBeLessThan(plain.bytesPerResponse / 2);
  });

  it("counts GraphQL errors as errors", async () => {
    // On an empty graph the neighbourhood and paths of the mix answer NOT_FOUND: the soak must count
    // those, not report zero.
    await clearAtlasGraph(driver);
    const summary = await soak({ url: base, connections: 2, duration: 1, warmup: 1, quiet: true });
    expect(summary.requests).toBeGreaterThan(4);
    expect(summary.detail.graphqlErrors).toBeGreaterThan(0);
    // The warm-up's errors count too.
    expect(summary.warmup?.errors).toBeGreaterThan(0);
    expect(summary.errors).toBe(
      summary.detail.socketErrors + summary.detail.timeouts + summary.detail.non2xx + summary.detail.graphqlErrors + (summary.warmup?.errors ?? 0),
    );
  });

  it("refuses to drive anything but this machine", async () => {
    await expect(soak({ url: "http://10.0.0.1:4000", connections: 1, duration: 1, quiet: true })).rejects.toThrow(/loopback/);
  });

  it("says to start a server, before any run, when none answers", async () => {
    // Ten minutes of refused connections first would outlast the test's timeout.
    await expect(soak({ url: "http://127.0.0.1:1", connections: 1, duration: 600, quiet: true })).rejects.toThrow(
      /no server answers at http:\/\/127\.0\.0\.1:1\. Start one first/,
    );
  });
});
