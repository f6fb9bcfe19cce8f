/**
 * Answers cached per graph version: repeated reads do not reach the database, GET answers carry an
 * ETag and revalidate with 304, and two instances on one Neo4j both see a sync made through
 * either (each polls the version).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GraphVersion } from "../../server/src/cache/graph-version.js";
import { repoRoot } from "../../server/src/config.js";
import { Database } from "../../server/src/db/run.js";
import { createAtlasServer } from "../../server/src/http.js";
import { loadOntology } from "../../server/src/ontology.js";
import type { SeedGraph } from "../../server/src/seed/model.js";
import { syncSeed } from "../../server/src/seed/sync.js";
import { validateSeed } from "../../server/src/seed/validate.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";

const ontology = loadOntology();
let driver: Driver;
let graph: SeedGraph;
const instances: { base: string; db: Database; version: GraphVersion; close(): Promise<void> }[] = [];

async function instance() {
  const db = new Database(driver, { timeoutMs: 10_000 });
  const version = new GraphVersion(db, 200);
  await version.start();
  const server = createAtlasServer({ db, ontology, webDist: path.join(repoRoot, "no-web-here"), graphVersion: version });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const it = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db,
    version,
    close: () => {
      version.stop();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  instances.push(it);
  return it;
}

const STATS = encodeURIComponent("{ stats { entities } }");

beforeAll(async () => {
  driver = testDriver();
  await clearAtlasGraph(driver);
  const checked = validateSeed({ seedDir: path.join(repoRoot, "tests/fixtures/analysis-seed"), ontology }).graph;
  if (!checked) throw new Error("fixture invalid");
  graph = checked;
  await syncSeed(graph, { driver, ontology });
});

afterAll(async () => {
  for (const i of instances) await i.close();
  await clearAtlasGraph(driver);
  await driver.close();
});

describe("the response cache", () => {
  it("answers a repeated read without the database, and a GET with an ETag that revalidates to 304", async () => {
    const a = await instance();
    const queries: string[] = [];
    const stop = a.db.onQuery((e) => queries.push(e.name));
    const first = await fetch(`${a.base}/graphql?query=${STATS}`);
    expect(await first.json()).toEqual({ data: { stats: { entities: graph.entities.length } } });
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const before = queries.filter((q) => q === "stats").length;
    const second = await fetch(`${a.base}/graphql?query=${STATS}`);
    expect(await second.json()).toEqual({ data: { stats: { entities: graph.entities.length } } });
    expect(queries.filter((q) => q === "stats").length).toBe(before);
    const revalidated = await fetch(`${a.base}/graphql?query=${STATS}`, { headers: { "if-none-match": etag as string } });
    expect(revalidated.status).toBe(304);
    stop();
  });

  it("keeps an answer for one UTC day: the next day the same read gets a new ETag, and the old one no longer revalidates", async () => {
    const a = await instance();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2031-05-01T23:59:58Z"));
      const first = await fetch(`${a.base}/graphql?query=${STATS}`);
      await first.json();
      const etag = first.headers.get("etag") as string;
      const again = await fetch(`${a.base}/graphql?query=${STATS}`, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
      vi.setSystemTime(new Date("2031-05-02T00:00:01Z"));
      const nextDay = await fetch(`${a.base}/graphql?query=${STATS}`, { headers: { "if-none-match": etag } });
      expect(nextDay.status).toBe(200);
      expect(await nextDay.json()).toEqual({ data: { stats: { entities: graph.entities.length } } });
      expect(nextDay.headers.get("etag")).not.toBe(etag);
    } finally {
      vi.useRealTimers();
    }
  });

  it("sends a cached answer byte for byte as the server without a cache sends it", async () => {
    const cached = await instance();
    const db = new Database(driver, { timeoutMs: 10_000 });
    const plain = createAtlasServer({ db, ontology, webDist: path.join(repoRoot, "no-web-here") });
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const id = graph.entities[0]?.id as string;
    const body = JSON.stringify({
      query: "query N($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id name nameZh kind } edges { id type status since from { id } to { id } } } }",
      variables: { id },
    });
    const post = (base: string) => fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body }).then((r) => r.text());
    try {
      const expected = await post(`http://127.0.0.1:${(plain.address() as AddressInfo).port}`);
      expect(JSON.parse(expected).data.neighborhood.nodes.length).toBeGreaterThan(1);
      // The miss that fills the cache, then two hits.
      for (let i = 0; i < 3; i++) expect(await post(cached.base)).toBe(expected);
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });

  it("compresses a cached answer once: every hit sends the same brotli or gzip bytes, which decompress to the answer", async () => {
    const a = await instance();
    const id = graph.entities[0]?.id as string;
    const body = JSON.stringify({
      query:
        "query N($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id name nameZh kind description } edges { id type status since from { id } to { id } } } }",
      variables: { id },
    });
    // node:http, not fetch: fetch would decompress (and choose its own Accept-Encoding).
    const post = (acceptEncoding?: string) =>
      new Promise<{ encoding: string | undefined; vary: string; bytes: Buffer }>((resolve, reject) => {
        const headers: http.OutgoingHttpHeaders = { "content-type": "application/json" };
        if (acceptEncoding) headers["accept-encoding"] = acceptEncoding;
        const request = http.request(`${a.base}/graphql`, { method: "POST", headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (c: Buffer) => chunks.push(c));
          response.on("end", () =>
            resolve({ encoding: response.headers["content-encoding"], vary: String(response.headers.vary ?? ""), bytes: Buffer.concat(chunks) }),
          );
        });
        request.on("error", reject);
        request.end(body);
      });
    const brotliOnce = vi.spyOn(zlib, "brotliCompressSync");
    const brotliPerRequest = vi.spyOn(zlib, "createBrotliCompress");
    const gzipPerRequest = vi.spyOn(zlib, "createGzip");
    try {
      const plain = await post();
      expect(plain.encoding).toBeUndefined();
      const answer = JSON.parse(plain.bytes.toString("utf8"));
      expect(answer.data.neighborhood.nodes.length).toBeGreaterThan(1);
      expect(plain.bytes.length).toBeGreaterThan(1024);
      const browser = "gzip, deflate, br, zstd";
      const br = [await post(browser), await post(browser), await post(browser)];
      for (const r of br) {
        expect(r.encoding).toBe("br");
        expect(r.vary.toLowerCase()).toContain("accept-encoding");
        expect(r.bytes.equals(br[0]?.bytes as Buffer)).toBe(true);
        expect(zlib.brotliDecompressSync(r.bytes).equals(plain.bytes)).toBe(true);
      }
      const gzip = [await post("gzip"), await post("gzip")];
      for (const r of gzip) {
        expect(r.encoding).toBe("gzip");
        expect(zlib.gunzipSync(r.bytes).equals(plain.bytes)).toBe(true);
      }
      expect(brotliOnce).toHaveBeenCalledTimes(1);
      expect(brotliPerRequest).not.toHaveBeenCalled();
      expect(gzipPerRequest).not.toHaveBeenCalled();
      // A client that refuses both gets the answer as it is.
      expect((await post("identity")).encoding).toBeUndefined();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("shows a sync made through one instance through every other, with a new ETag", async () => {
    const [a, b] = [instances[0] ?? (await instance()), await instance()];
    const etagBefore = (await fetch(`${b.base}/graphql?query=${STATS}`)).headers.get("etag");
    const smaller: SeedGraph = {
      ...graph,
      entities: graph.entities.filter((e) => e.id !== "us-agency"),
      relations: graph.relations.filter((r) => r.to !== "us-agency" && r.from !== "us-agency"),
    };
    await syncSeed(smaller, { driver, ontology });
    await a.version.refresh(); // the instance that synced knows at once
    const seen = async (base: string) =>
      ((await (await fetch(`${base}/graphql?query=${STATS}`)).json()) as { data: { stats: { entities: number } } }).data.stats.entities;
    expect(await seen(a.base)).toBe(smaller.entities.length);
    // The other polls every 200 ms: give it a few intervals.
    let other = await seen(b.base);
    for (let i = 0; i < 20 && other !== smaller.entities.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      other = await seen(b.base);
    }
    expect(other).toBe(smaller.entities.length);
    const etagAfter = (await fetch(`${b.base}/graphql?query=${STATS}`)).headers.get("etag");
    expect(etagAfter).not.toBe(etagBefore);
    const stale = await fetch(`${b.base}/graphql?query=${STATS}`, { headers: { "if-none-match": etagBefore as string } });
    expect(stale.status).toBe(200);
  });

  it("caches nothing while there is no graph version (no seed loaded)", async () => {
    await clearAtlasGraph(driver);
    const c = await instance();
    expect(c.version.current).toBeNull();
    const answer = await fetch(`${c.base}/graphql?query=${STATS}`);
    expect(answer.headers.get("etag")).toBeNull();
    expect(await answer.json()).toEqual({ data: { stats: { entities: 0 } } });
  });
});
