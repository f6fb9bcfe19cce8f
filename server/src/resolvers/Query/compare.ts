import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { allowType, readQueries } from "../../db/queries.js";
import { type PlainObject, toList } from "../../db/records.js";
import { markFetched, markRelationFetched } from "../analysis.js";
import { id } from "../args.js";
import { badInput, notFound } from "../errors.js";
import { runRead } from "../run.js";
import { chargeRequest } from "../selection.js";

/** Relations read per compared entity (a hub has hundreds; the comparison needs its typed links). */
const RELATIONS_PER_ENTITY = 500;

interface Link {
  relation: PlainObject;
  other: string;
  out: boolean;
}

/**
 * Two to four entities side by side (one query): their attributes, the figures that measure each
 * (with who reports them, status and sources), and the links they share or not — the same
 * designer, fab, memory supplier — by relation type, direction and the entity at the other end.
 */
export async function compare(_parent: unknown, args: { ids: string[] }, ctx: Context, info: GraphQLResolveInfo) {
  const ids = [...new Set(args.ids.map((x) => id("ids", x)))];
  if (ids.length < 2 || ids.length > 4) throw badInput("COMPARE_COUNT", { count: ids.length }, "ids");
  chargeRequest(info, ids.length * RELATIONS_PER_ENTITY * 3);
  const measures = allowType(ctx.ontology, "MEASURES");
  const reportedBy = allowType(ctx.ontology, "REPORTED_BY");
  const rows = await runRead(ctx, readQueries.compare(ids, measures, reportedBy, RELATIONS_PER_ENTITY), info);
  const missing = rows.filter((r) => r.entity === null).map((r) => String(r.id));
  if (missing.length > 0) throw notFound("ENTITY_NOT_FOUND", { ids: missing.map((m) => JSON.stringify(m)).join(", ") });
  const entries = rows.map((row) => ({
    entity: markFetched(row.entity),
    links: toList(row.links) as unknown as Link[],
    figures: toList(row.figures).map((f) => ({
      metric: markFetched(f.metric),
      relation: markRelationFetched(f.relation as PlainObject),
      reportedBy: toList(f.reportedBy).map(markFetched),
    })),
  }));
  // The same (type, direction, other end) on two or more of the compared entities.
  const byKey = new Map<string, { type: string; direction: "OUT" | "IN"; other: PlainObject; having: Set<string> }>();
  for (const e of entries)
    for (const l of e.links) {
      const other = (l.out ? l.relation.to : l.relation.from) as PlainObject;
      if (ids.includes(String(other.id))) continue;
      const key = `${String(l.relation.type)}|${l.out ? "OUT" : "IN"}|${l.other}`;
      const at = byKey.get(key) ?? { type: String(l.relation.type), direction: l.out ? "OUT" : "IN", other: markFetched(other), having: new Set<string>() };
      at.having.add(String(e.entity.id));
      byKey.set(key, at);
    }
  const shared = [...byKey.values()]
    .filter((s) => s.having.size >= 2)
    .sort((a, b) => b.having.size - a.having.size || a.type.localeCompare(b.type) || String(a.other.name).localeCompare(String(b.other.name)))
    .map((s) => ({
      relationType: s.type,
      direction: s.direction,
      other: s.other,
      entities: entries.filter((e) => s.having.has(String(e.entity.id))).map((e) => e.entity),
      missing: entries.filter((e) => !s.having.has(String(e.entity.id))).map((e) => e.entity),
    }));
  return {
    entities: entries.map((e) => ({ entity: e.entity, figures: e.figures, relations: e.links.map((l) => markRelationFetched(l.relation)) })),
    shared,
  };
}
