/**
 * The HTTP server: GraphQL at /graphql, /health and /ready, and the built explorer at /.
 * Exported without listening, so tests can start it on a free port.
 */

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import sirv from "sirv";
import { readQueries } from "./db/queries.js";
import type { Database } from "./db/run.js";
import type { Ontology } from "./ontology.js";
import { createAtlasYoga } from "./yoga.js";

export interface AtlasServerOptions {
  db: Database;
  ontology: Ontology;
  webDist: string;
  /** Largest GraphQL request body in bytes (default: the yoga default of this project, 64 KiB). */
  maxRequestBytes?: number;
}

export function createAtlasServer({ db, ontology, webDist, maxRequestBytes }: AtlasServerOptions): http.Server {
  const yoga = createAtlasYoga({ db, ontology, maxRequestBytes });
  const hasWeb = fs.existsSync(path.join(webDist, "index.html"));
  const statics = hasWeb ? sirv(webDist, { single: true, etag: true, gzip: false }) : undefined;

  return http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/graphql") return yoga(req, res);
    // Alive: the process answers. Ready: Neo4j answers and a seed has been loaded.
    if (url.pathname === "/health") return json(res, 200, { status: "ok" });
    if (url.pathname === "/ready") {
      let loaded = false;
      try {
        const [row] = await db.read<{ loaded: boolean }>("ready", readQueries.ready);
        loaded = Boolean(row?.loaded);
      } catch {
        return json(res, 503, { ready: false, database: false, seed: false });
      }
      return json(res, loaded ? 200 : 503, { ready: loaded, database: true, seed: loaded });
    }
    if (statics) return statics(req, res, () => json(res, 404, { error: "Not found" }));
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      "<!doctype html><title>AI Ecosystem Atlas</title><p>The explorer is not built yet: run <code>npm run build</code>. GraphQL is at <a href=/graphql>/graphql</a>.</p>",
    );
  });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
