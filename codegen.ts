/**
 * GraphQL Code Generator: the explorer's documents (web/src/api/documents.graphql) as typed
 * documents with their result and variable types, checked against schema.graphql.
 * `npm run generate:web` writes web/src/api/generated.ts; tests/unit/web-documents.test.ts fails
 * when that file is stale.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

export const WEB_GENERATED_FILE = "web/src/api/generated.ts";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["web/src/api/documents.graphql"],
  ignoreNoDocuments: false,
  generates: {
    [WEB_GENERATED_FILE]: {
      plugins: [
        {
          add: {
            content: [
              "// biome-ignore-all lint: generated code",
              "/* GENERATED from schema.graphql and web/src/api/documents.graphql by `npm run generate:web`: do not edit by hand. */",
            ],
          },
        },
        "typescript-operations",
        "typed-document-node",
      ],
      config: {
        // Strings, not parsed ASTs: the browser sends the text and needs no graphql-js.
        documentMode: "string",
        enumsAsTypes: true,
        onlyOperationTypes: true,
        useTypeImports: true,
        // One object type per result, not one per concrete Entity type.
        mergeFragmentTypes: true,
        scalars: { Date: "string" },
      },
    },
  },
  hooks: { afterOneFileWrite: ["biome check --write"] },
};

export default config;
