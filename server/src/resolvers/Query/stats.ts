/** Query.stats: seven whole-graph counts, read once per graph version (cache/per-version.ts). */
import { perGraphVersion } from "../../cache/per-version.js";
import type { Context } from "../../context.js";
import { readQueries } from "../../db/queries.js";
import { toList, toNumber } from "../../db/records.js";
import { OPEN_QUESTIONS } from "../../seed/gaps.js";
import { runRead } from "../run.js";

function countsBy(rows: Record<string, unknown>[], key: string): Map<string, number> {
  return new Map(rows.map((r) => [String(r[key]), toNumber(r.count)]));
}

const cachedStats = perGraphVersion(async (ctx: Context) => {
  const [row] = await runRead(ctx, { name: "stats", cypher: readQueries.stats, params: {} });
  const kinds = countsBy(toList(row?.byKind), "kind");
  const types = countsBy(toList(row?.byRelationType), "type");
  const questions = countsBy(toList(row?.byOpenQuestion), "question");
  return {
    entities: toNumber(row?.entities),
    relations: toNumber(row?.relations),
    sources: toNumber(row?.sources),
    // Every kind and type, zero included, in ontology order; anything unknown to it is left out.
    byKind: ctx.ontology.kinds.map((k) => ({ kind: k.kind, count: kinds.get(k.kind) ?? 0 })),
    byRelationType: ctx.ontology.relationTypes.map((t) => ({ type: t.type, count: types.get(t.type) ?? 0 })),
    byCountry: toList(row?.byCountry)
      .map((c) => ({ country: String(c.country), count: toNumber(c.count) }))
      .sort((a, b) => b.count - a.count || a.country.localeCompare(b.country)),
    byOpenQuestion: Object.keys(OPEN_QUESTIONS).map((question) => ({ question, count: questions.get(question) ?? 0 })),
  };
});

export function stats(_parent: unknown, _args: unknown, ctx: Context) {
  return cachedStats(ctx);
}
