/**
 * The server's configuration, parsed from the environment once. Every bad value is reported
 * together in one error, so a user fixes their environment in one go.
 * NOTE: when a name changes here, update docker-compose.yml and the README's table.
 */
import { isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Every environment variable the server reads (docker-compose.yml and the README use these names). */
export const CONFIG_NAMES = [
  "PORT",
  "HOST",
  "NEO4J_URI",
  "NEO4J_USER",
  "NEO4J_PASSWORD",
  "NEO4J_DATABASE",
  "NEO4J_EMBEDDED_PORT",
  "NEO4J_DATA_DIR",
  "NEO4J_HEAP_MB",
  "NEO4J_PAGECACHE_MB",
  "QUERY_TIMEOUT_MS",
  "SEED_DIR",
  "WEB_DIST",
  "CORS_ORIGINS",
  "REPO_URL",
  "ADMIN_TOKEN",
  "RATE_LIMIT_PER_MINUTE",
  "TRUSTED_PROXIES",
  "RESPONSE_CACHE",
] as const;

export interface Config {
  port: number;
  host: string;
  /** Unset means: start the embedded Neo4j. */
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string | undefined;
  embedded: {
    boltPort: number;
    dataDir: string;
    heapMiB: number;
    pageCacheMiB: number;
  };
  /** Per-transaction timeout for API reads, in milliseconds. */
  queryTimeoutMs: number;
  seedDir: string;
  webDist: string;
  /** Origins allowed by CORS; empty means same-origin only. */
  corsOrigins: string[];
  /** Repository whose web editor opens for suggested edits. */
  repoUrl: string;
  /** Bearer token for POST /admin/reload; unset disables administrative operations. */
  adminToken: string | undefined;
  /** GraphQL requests per minute per client address; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Reverse proxies whose X-Forwarded-For is believed for the rate limit. */
  trustedProxies: string[];
  /** Cache whole GraphQL answers until the graph's version changes (RESPONSE_CACHE=off to measure without). */
  responseCache: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[], min = 1, max = 65535): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name}=${JSON.stringify(raw)} must be an integer from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const neo4jUri = env.NEO4J_URI?.trim() || undefined;
  if (neo4jUri && !/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/.test(neo4jUri)) {
    problems.push(`NEO4J_URI=${JSON.stringify(neo4jUri)} must look like bolt://host:7687 or neo4j+s://host`);
  }
  const config: Config = {
    port: integer(env, "PORT", 4000, problems, 0),
    host: env.HOST?.trim() || "127.0.0.1",
    neo4jUri,
    neo4jUser: env.NEO4J_USER ?? "neo4j",
    neo4jPassword: env.NEO4J_PASSWORD ?? "",
    neo4jDatabase: env.NEO4J_DATABASE?.trim() || undefined,
    embedded: {
      boltPort: integer(env, "NEO4J_EMBEDDED_PORT", 7687, problems),
      dataDir: path.resolve(repoRoot, env.NEO4J_DATA_DIR?.trim() || ".neo4j/data"),
      heapMiB: integer(env, "NEO4J_HEAP_MB", 1024, problems, 256, 65536),
      pageCacheMiB: integer(env, "NEO4J_PAGECACHE_MB", 512, problems, 64, 65536),
    },
    queryTimeoutMs: integer(env, "QUERY_TIMEOUT_MS", 5000, problems, 100, 600000),
    seedDir: path.resolve(repoRoot, env.SEED_DIR?.trim() || "seed"),
    webDist: path.resolve(repoRoot, env.WEB_DIST?.trim() || "web/dist"),
    corsOrigins: (env.CORS_ORIGINS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    repoUrl: env.REPO_URL?.trim() || "https://github.com/ai-ecosystem-atlas/atlas",
    adminToken: env.ADMIN_TOKEN?.trim() || undefined,
    rateLimitPerMinute: 0,
    trustedProxies: [],
    responseCache: true,
  };
  const cacheSetting = (env.RESPONSE_CACHE ?? "on").trim().toLowerCase();
  if (!["on", "off"].includes(cacheSetting)) problems.push(`RESPONSE_CACHE=${JSON.stringify(env.RESPONSE_CACHE)} must be on or off`);
  config.responseCache = cacheSetting !== "off";
  // On by default, loopback included: behind a reverse proxy every client arrives from 127.0.0.1.
  config.rateLimitPerMinute = integer(env, "RATE_LIMIT_PER_MINUTE", 600, problems, 0, 1_000_000);
  config.trustedProxies = (env.TRUSTED_PROXIES ?? "127.0.0.1,::1,::ffff:127.0.0.1")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const address of config.trustedProxies)
    if (!isIP(address))
      problems.push(`TRUSTED_PROXIES: ${JSON.stringify(address)} is not an IP address; list the addresses of your reverse proxies, comma-separated`);
  if (config.adminToken !== undefined && config.adminToken.length < 16) problems.push("ADMIN_TOKEN must be at least 16 characters long");
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
