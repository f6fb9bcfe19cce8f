/**
 * Builds the GraphQL server. Importing this file has no side effects; tests call
 * `createAtlasYoga(...).fetch(...)` with no port.
 */
import fs from "node:fs";
import path from "node:path";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createYoga, maskError } from "graphql-yoga";
import { repoRoot } from "./config.js";
import type { Context } from "./context.js";
import type { Database } from "./db/run.js";
import type { Ontology } from "./ontology.js";
import { resolvers } from "./resolvers/index.js";

export const typeDefs = fs.readFileSync(path.join(repoRoot, "schema.graphql"), "utf8");

export const EXAMPLE_QUERY = `# Welcome to the AI Ecosystem Atlas.
query Stats {
  stats {
    entities
    relations
    sources
  }
}
`;

export interface AtlasYogaOptions {
  db: Database;
  ontology: Ontology;
}

export function createAtlasYoga({ db, ontology }: AtlasYogaOptions) {
  const schema = makeExecutableSchema<Context>({ typeDefs, resolvers });
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    context: () => ({ db, ontology }),
    graphiql: { title: "AI Ecosystem Atlas — GraphiQL", defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL,
    landingPage: false,
    maskedErrors: {
      maskError(error, message, isDev) {
        return maskError(error, message, isDev);
      },
    },
    logging: "error",
  });
}
