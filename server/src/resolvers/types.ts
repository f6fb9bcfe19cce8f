/**
 * Resolvers below the root: everything was fetched by the root query, so these only read the
 * projected maps (nested lists under their response key) and map enums and kinds.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.js";
import type { QuoteRecord } from "../core/fields.js";
import { NESTED_PREFIX, QUOTE_SOURCES } from "../db/queries.js";
import { kindTypeName, STATUSES } from "../ontology.js";
import { openQuestionEnum } from "../schema-sdl.js";
import { OPEN_QUESTIONS } from "../seed/gaps.js";
import { ANALYSIS_ENTITY } from "./analysis.js";
import { badInput } from "./errors.js";

type Parent = Record<string, unknown>;

/** A list the root query projected for this field's response key. */
function nested(parent: Parent, _args: unknown, _ctx: Context, info: GraphQLResolveInfo): unknown {
  const value = parent[`${NESTED_PREFIX}${info.path.key}`];
  if (value === undefined && parent[ANALYSIS_ENTITY] === true) throw badInput("NOT_IN_ANALYSIS", { type: info.parentType.name, id: String(parent.id) });
  if (!Array.isArray(value))
    throw new Error(`internal: ${info.parentType.name}.${info.fieldName} (${String(info.path.key)}) was not fetched by the root query`);
  return value;
}

/** A field the root query projects only when selected: its absence is our bug, not the user's. */
function projected(field: string) {
  return (parent: Parent) => {
    if (!(field in parent)) throw new Error(`internal: Relation.${field} was not fetched by the root query`);
    return parent[field];
  };
}

/** A relation's quotes, stored as JSON text, each with its source picked from the relation's cited sources. */
function relationQuotes(parent: Parent): unknown[] {
  if (!("quotes" in parent)) throw new Error("internal: Relation.quotes was not fetched by the root query");
  if (typeof parent.quotes !== "string") return [];
  const sources = (parent[QUOTE_SOURCES] ?? []) as { id: string }[];
  return (JSON.parse(parent.quotes) as QuoteRecord[]).map((q) => ({ ...q, source: sources.find((s) => s.id === q.source) }));
}

export const typeResolvers = {
  Entity: {
    __resolveType(parent: Parent, { ontology }: Context): string | null {
      const kind = ontology.kind(String(parent.kind));
      return kind ? kindTypeName(kind) : null;
    },
    aliases: (parent: Parent) => parent.aliases ?? [],
    openQuestions: (parent: Parent) => parent.openQuestions ?? [],
    relations: nested,
  },
  Relation: {
    from: projected("from"),
    to: projected("to"),
    claimedBy: projected("claimedBy"),
    sources: projected("sources"),
    attributes: projected("attributes"),
    quotes: relationQuotes,
  },
  Source: {
    relations: nested,
  },
  Status: Object.fromEntries(STATUSES.map((s) => [s.toUpperCase(), s])),
  OpenQuestion: Object.fromEntries(Object.keys(OPEN_QUESTIONS).map((code) => [openQuestionEnum(code), code])),
};
