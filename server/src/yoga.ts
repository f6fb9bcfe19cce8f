/**
 * Builds the GraphQL server. Importing this file has no side effects; tests call
 * `createAtlasYoga(...).fetch(...)` with no port.
 */
import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLError } from "graphql";
import { createYoga, maskError } from "graphql-yoga";
import type { GraphVersion } from "./cache/graph-version.js";
import { responseCachePlugins } from "./cache/response-cache.js";
import { compiledExecutionPlugin } from "./compiled-execution.js";
import { repoRoot } from "./config.js";
import type { Context } from "./context.js";
import type { Database } from "./db/run.js";
import { armorPlugin } from "./guards/armor.js";
import { bodySizePlugin } from "./guards/body-size.js";
import { ClientGates } from "./guards/client-gate.js";
import { errorCodesPlugin } from "./guards/error-codes.js";
import { graphiqlWithPolicy } from "./guards/graphiql-csp.js";
import type { Ontology } from "./ontology.js";
import { resolvers } from "./resolvers/index.js";
import { generateSchema } from "./schema-sdl.js";

/** Executable schemas by ontology: the server's, and a reloaded one's when the ontology changed. */
const schemas = new WeakMap<Ontology, ReturnType<typeof makeExecutableSchema<Context>>>();

/**
 * The executable schema: schema.graphql with its generated block made from `ontology` (the same
 * text `npm run generate` writes for the project's ontology), built when the first server is made
 * (importing this module reads nothing).
 */
export function atlasSchema(ontology: Ontology) {
  let schema = schemas.get(ontology);
  if (!schema) {
    schema = makeExecutableSchema<Context>({
      typeDefs: generateSchema(fs.readFileSync(path.join(repoRoot, "schema.graphql"), "utf8"), ontology),
      resolvers,
      inheritResolversFromInterfaces: true,
    });
    schemas.set(ontology, schema);
  }
  return schema;
}

/** Largest request body accepted (a query, its variables and extensions). */
export const MAX_REQUEST_BYTES = 64 * 1024;

/** The tabs GraphiQL opens with: the common questions, runnable as they are. */
/** Each runs as shown: its variables have defaults in the query (edit them there or override them in Variables). */
export const EXAMPLE_TABS: { name: string; query: string }[] = [
  {
    name: "Search",
    query: `# Find entities by English or Chinese name, prefix or a typo.
query Search($q: String! = "昇腾") {
  search(query: $q, first: 5) {
    score
    entity { id kind name nameZh country }
  }
}`,
  },
  {
    name: "Who makes this chip?",
    query: `# Who designs and who manufactures a chip, and on what evidence.
query WhoMakesThisChip($chip: ID! = "ascend-910b") {
  entity(id: $chip) {
    name
    ... on Chip { processNode releaseDate }
    relations(direction: IN, types: [DESIGNS, MANUFACTURES]) {
      type status since
      from { id name country }
      sources { title publisher url }
    }
  }
}`,
  },
  {
    name: "How is A connected to B?",
    query: `# The shortest chains of relations between two entities.
query HowConnected($from: ID! = "deepseek", $to: ID! = "nvidia") {
  paths(from: $from, to: $to, maxHops: 4, first: 3) {
    length
    nodes { id name kind }
    edges { type status from { id } to { id } }
  }
}`,
  },
  {
    name: "What did this policy restrict, and when?",
    query: `# Everything a policy restricts, with dates and sources.
query PolicyRestrictions($policy: ID! = "huawei-entity-listing-2019") {
  entity(id: $policy) {
    name
    ... on Policy { policyType announced effective citation }
    relations(direction: OUT, types: [RESTRICTS]) {
      since until status
      to { id name kind }
      sources { title url date }
    }
  }
}`,
  },
  {
    name: "Who was charged, and under which rule?",
    query: `# Investigations and enforcement actions that name a party: who issued each, the rule it enforces.
query Enforcement($party: ID! = "cadence") {
  entity(id: $party) {
    name
    relations(direction: IN, types: [TARGETS]) {
      status since until note
      from {
        name
        ... on Policy { policyType announced }
        relations(direction: OUT, types: [ISSUED_BY, ENFORCES]) { type to { id name } }
      }
      sources { title url }
    }
  }
}`,
  },
  {
    name: "What do export controls cut?",
    query: `# Inputs of an entity's supply tree cut by the rules in force; set $stop, e.g. ["US", "NL", "JP"],
# for what it would lose if those countries' suppliers stopped supplying together.
query Exposure($id: ID! = "ascend-910b", $stop: [String!]) {
  exposure(id: $id, countries: $stop) {
    cut cause countries
    dependent { name }
    input { name }
    rules { name }
    reachedThrough { name }
    providersLeft { name }
  }
}`,
  },
  {
    name: "Neighbourhood as of a date",
    query: `# What surrounded an entity on a given day (relations outside since/until are hidden).
query Around($id: ID! = "huawei", $asOf: Date = "2019-06-01") {
  neighborhood(id: $id, depth: 1, asOf: $asOf, limit: 50) {
    truncated
    nodes { id name kind }
    edges { type since until from { id } to { id } }
  }
}`,
  },
  {
    name: "Ontology and stats",
    query: `query Overview {
  stats { entities relations sources byKind { kind count } }
  ontology { relationTypes { type label labelZh colour from to } }
}`,
  },
];

/** By name, not instanceof: two copies of graphql-js may be loaded (ESM and CJS, as under vitest). */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === "GraphQLError";
}

export interface AtlasYogaOptions {
  db: Database;
  ontology: Ontology;
  /** Largest request body in bytes (default MAX_REQUEST_BYTES). */
  maxRequestBytes?: number;
  /** Where unexpected errors are logged (default: stderr). */
  logError?: (message: string) => void;
  /** Repository whose web editor `suggestRelation` links to. */
  repoUrl?: string;
  /** Origins allowed to call the API from a browser; empty: same origin only. */
  corsOrigins?: string[];
  /** With a graph version: whole answers cached until it changes (ETag and 304 on GET). */
  graphVersion?: GraphVersion;
  /** Turns per request and per client, and the cost charge (default: turns only, one client). */
  gates?: ClientGates;
  /** Who sent a request, for the gates (default: everyone is one client). */
  clientOf?: (req: IncomingMessage) => string;
  /** Queries run compiled (compiled-execution.ts; default on); off: graphql-js runs them all. */
  compiledExecution?: boolean;
}

export function createAtlasYoga({
  db,
  ontology,
  maxRequestBytes = MAX_REQUEST_BYTES,
  logError,
  repoUrl = "https://github.com/ai-ecosystem-atlas/atlas",
  corsOrigins = [],
  graphVersion,
  gates = new ClientGates(),
  clientOf = () => "local",
  compiledExecution = true,
}: AtlasYogaOptions) {
  const schema = atlasSchema(ontology);
  const log = logError ?? ((message: string) => process.stderr.write(`${message}\n`));
  const graphiql = graphiqlWithPolicy();
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    // Over node:http the server context carries the request (`req`); over fetch (tests) it does not.
    context: (initial) => {
      const { req, request } = initial as { req?: IncomingMessage; request?: Request };
      return { db, ontology, repoUrl, gate: gates.forRequest(req ? clientOf(req) : "local", request?.signal) };
    },
    // Browsers on other origins get CORS headers only when the configuration allows their origin.
    cors: corsOrigins.length > 0 ? { origin: corsOrigins, methods: ["GET", "POST"], credentials: false } : false,
    graphiql: {
      title: "AI Ecosystem Atlas — GraphiQL",
      defaultTabs: EXAMPLE_TABS.map((t) => ({ query: t.query })),
    },
    renderGraphiQL: graphiql.render,
    landingPage: false,
    // Enforced by bodySizePlugin instead (the same answers, without a stream per request).
    maxRequestBodySize: false,
    plugins: [
      armorPlugin(),
      errorCodesPlugin(),
      graphiql.plugin,
      ...(graphVersion ? responseCachePlugins(graphVersion) : []),
      ...(compiledExecution ? [compiledExecutionPlugin()] : []),
      bodySizePlugin(maxRequestBytes),
    ],
    maskedErrors: {
      isDev: false,
      maskError(error, message) {
        const original = isGraphQLError(error) ? error.originalError : error;
        // Expected failures are GraphQLErrors; show those, hide and log the rest.
        if (isGraphQLError(error) && (!original || isGraphQLError(original))) return error;
        log(`[graphql] unexpected error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
        return maskError(error, message, false);
      },
    },
    logging: "error",
  });
}
