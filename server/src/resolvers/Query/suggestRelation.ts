import type { Context } from "../../context.js";
import { type SuggestionLookups, suggestQueries } from "../../db/queries.js";
import { checkSuggestion } from "../../seed/suggest.js";
import { id, LIMITS } from "../args.js";
import { badInput } from "../errors.js";
import { runRead } from "../run.js";

interface SuggestRelationArgs {
  input: {
    from: string;
    type: string;
    to: string;
    sources: string[];
    status: string;
    claimedBy?: string[] | null;
    since?: string | null;
    until?: string | null;
    note?: string | null;
    noteZh?: string | null;
    quote?: { text: string; translation: string; source?: string | null } | null;
    key?: string | null;
  };
}

const text = (argument: string, value: string | null | undefined, max: number): string | undefined => {
  if (value === null || value === undefined || value === "") return undefined;
  if (value.length > max) throw badInput("TEXT_TOO_LONG", { argument, length: value.length, max }, argument);
  return value;
};

export async function suggestRelation(_parent: unknown, { input }: SuggestRelationArgs, ctx: Context) {
  if (input.sources.length > 20) throw badInput("SOURCES_TOO_MANY", { max: 20 }, "sources");
  const proposed = {
    from: id("from", input.from),
    type: input.type,
    to: id("to", input.to),
    sources: input.sources.map((s) => text("sources", s, 2000) ?? ""),
    status: input.status.toLowerCase(),
    claimedBy: input.claimedBy?.map((c) => id("claimedBy", c)),
    since: text("since", input.since, 10),
    until: text("until", input.until, 10),
    note: text("note", input.note, 2000),
    noteZh: text("noteZh", input.noteZh, 2000),
    key: text("key", input.key, LIMITS.idLength),
  };
  const quote = input.quote
    ? {
        text: text("quote.text", input.quote.text, 2000) ?? "",
        translation: text("quote.translation", input.quote.translation, 4000) ?? "",
        source: text("quote.source", input.quote.source, 2000) ?? proposed.sources[0] ?? "",
      }
    : undefined;
  const query = suggestQueries.lookups(proposed);
  const [row] = await runRead<SuggestionLookups>(ctx, query);
  return checkSuggestion(ctx.ontology, ctx.repoUrl, { ...proposed, quote }, row);
}
