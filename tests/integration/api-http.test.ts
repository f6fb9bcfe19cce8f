import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
/**
 * The live HTTP server: the GraphQL-over-HTTP audit suite of graphql-http (every MUST passes),
 * /health and /ready, the request size limit, and GraphiQL served without a CDN.
 */

import type { AddressInfo } from "node:net";
import { serverAudits } from "graphql-http";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver } from "../../server/src/db/driver.js";
import { META_LABEL } from "../../server/src/db/queries.js";
import { Database } from "../../server/src/db/run.js";
import { createAtlasServer } from "../../server/src/http.js";
import type { Ontology } from "../../server/src/ontology.js";
import { EXAMPLE_TABS, MAX_REQUEST_BYTES } from "../../server/src/yoga.js";
import { loadApiSeed } from "../fixtures/api-seed/load.js";
import { clearAtlasGraph, testDriver } from "../helpers/neo4j.js";

let driver: Driver;
let ontology: Ontology;
let server: http.Server;
let base = "";

function listen(s: http.Server): Promise<string> {
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
}

function close(s: http.Server): Promise<void> {
  return new Promise((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });
}

beforeAll(async () => {
  driver = testDriver();
  await clearAtlasGraph(driver);
  ontology = await loadApiSeed(driver);
  server = createAtlasServer({ db: new Database(driver, { timeoutMs: 10_000 }), ontology, webDist: "/nonexistent-web-dist" });
  base = await listen(server);
});

afterAll(async () => {
  if (server) await close(server);
  await driver?.close();
});

describe("GraphQL over HTTP audits (graphql-http serverAudits)", () => {
  for (const audit of serverAudits({ url: () => `${base}/graphql` })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (audit.name.startsWith("MUST")) expect(result.status, "reason" in result ? result.reason : "").toBe("ok");
      else expect(["ok", "warn"]).toContain(result.status);
    });
  }
});

describe("the HTTP server", () => {
  it("serves GraphiQL with its assets inline (no CDN) and the example queries", async () => {
    const res = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("AI Ecosystem Atlas");
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|esm\.sh/);
    expect(html).toContain("WhoMakesThisChip");
    expect(html).toContain("HowConnected");
    expect(html).toContain("PolicyRestrictions");
    expect(html).toContain("Enforcement");
  });

  it("opens on example tabs that each run as shown, with no variables to fill in", async () => {
    for (const tab of EXAMPLE_TABS) {
      const res = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: tab.query }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: unknown };
      expect(body.errors, tab.name).toBeUndefined();
      expect(body.data, tab.name).toBeTruthy();
    }
  });

  it("answers a query over GET and POST", async () => {
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent('{ entity(id: "huawei") { name } }')}`, { headers: { accept: "application/json" } });
    expect(await get.json()).toEqual({ data: { entity: { name: "Huawei" } } });
    const post = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query($id: ID!) { entity(id: $id) { name } }", variables: { id: "tsmc" } }),
    });
    expect(await post.json()).toEqual({ data: { entity: { name: "TSMC" } } });
  });

  it("/health says the process is alive, and keeps memory figures for the admin token", async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    const token = "health-admin-token-0123456789";
    const admin = createAtlasServer({ db: new Database(driver, { timeoutMs: 10_000 }), ontology, webDist: "/nonexistent-web-dist", adminToken: token });
    await new Promise<void>((resolve) => admin.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(admin.address() as AddressInfo).port}/health`;
      expect(await (await fetch(url)).json()).toEqual({ status: "ok" });
      expect(await (await fetch(url, { headers: { authorization: "Bearer not-the-token-at-all" } })).json()).toEqual({ status: "ok" });
      const figures = await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json();
      expect(figures).toMatchObject({ status: "ok", uptimeSeconds: expect.any(Number), rssBytes: expect.any(Number), heapUsedBytes: expect.any(Number) });
    } finally {
      await new Promise((resolve) => admin.close(resolve));
    }
  });

  it("/ready is 200 with a loaded seed, 503 without one or without Neo4j", async () => {
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: true, seed: true });

    await driver.executeQuery(`MATCH (m:${META_LABEL}) DETACH DELETE m`);
    try {
      const notLoaded = await fetch(`${base}/ready`);
      expect(notLoaded.status).toBe(503);
      expect(await notLoaded.json()).toMatchObject({ ready: false, database: true, seed: false });
    } finally {
      await loadApiSeed(driver);
    }

    const dead = createDriver({ uri: "bolt://127.0.0.1:1", user: "neo4j", password: "" });
    const offline = createAtlasServer({ db: new Database(dead, { timeoutMs: 2000 }), ontology, webDist: "/nonexistent-web-dist" });
    const url = await listen(offline);
    try {
      const res = await fetch(`${url}/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ready: false, database: false });
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await close(offline);
      await dead.close();
    }
  });

  it("refuses a request body over the limit with 413, chunked or not", async () => {
    const query = `{ stats { entities } } ${"#".repeat(MAX_REQUEST_BYTES)}`;
    const res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(413);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(MAX_REQUEST_BYTES / 4)));
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ query: "{ stats { entities } }" })));
        controller.close();
      },
    });
    const chunked = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("refuses a query with too many tokens", async () => {
    const fields = Array.from({ length: 2500 }, () => "__typename").join(" ");
    const res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ ${fields} }` }),
    });
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
    expect(body.errors[0].message).toMatch(/Token limit/);
  });
});

describe("compression", () => {
  it("compresses a large GraphQL answer as the client accepts (brotli, else gzip), and it reads back the same", async () => {
    const query = JSON.stringify({ query: "{ entities(first: 500) { nodes { id name nameZh kind country } } }" });
    const post = (encoding: string) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        const req = http.request(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", "accept-encoding": encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        });
        req.on("error", reject);
        req.end(query);
      });
    const plain = await post("identity");
    expect(plain.encoding).toBeUndefined();
    const br = await post("br, gzip");
    expect(br.encoding).toBe("br");
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
    const gz = await post("gzip");
    expect(gz.encoding).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(plain.body.toString());
  });
});

describe("the explorer's files", () => {
  it("are sent precompressed (brotli, else gzip) with immutable caching for hashed assets", async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-dist-"));
    fs.mkdirSync(path.join(dist, "assets"));
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>x</title>");
    const js = "console.log('atlas');".repeat(200);
    fs.writeFileSync(path.join(dist, "assets/app-abc123.js"), js);
    fs.writeFileSync(path.join(dist, "assets/app-abc123.js.br"), zlib.brotliCompressSync(js));
    fs.writeFileSync(path.join(dist, "assets/app-abc123.js.gz"), zlib.gzipSync(js));
    const web = createAtlasServer({ db: new Database(driver, { timeoutMs: 10_000 }), ontology, webDist: dist });
    await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
      const raw = (encoding: string) =>
        new Promise<http.IncomingMessage>((resolve, reject) =>
          http.get(`${url}/assets/app-abc123.js`, { headers: { "accept-encoding": encoding } }, resolve).on("error", reject),
        );
      const br = await raw("br, gzip");
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      br.resume();
      const gz = await raw("gzip");
      expect(gz.headers["content-encoding"]).toBe("gzip");
      gz.resume();
      expect((await fetch(`${url}/`)).headers.get("cache-control")).toBe("no-cache");
    } finally {
      await new Promise((resolve) => web.close(resolve));
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
