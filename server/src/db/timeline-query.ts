/**
 * The timeline read (Query.timeline): the policies in date order, each with the first entities of
 * each list its relations make (what it restricts, lifts, amends and answers, what answers or
 * suspends it) and how many each list holds, in one query.
 */
import { ENTITY_LABEL } from "./labels.js";
import { type EntityShape, ReadBuilder, type ReadQuery } from "./read-builder.js";

/** Each list of a timeline event: its field, the relation type and which end the policy is. */
export const TIMELINE_LISTS = [
  { key: "restricts", type: "RESTRICTS", direction: "OUT" },
  { key: "exempts", type: "EXEMPTS", direction: "OUT" },
  { key: "amends", type: "AMENDS", direction: "OUT" },
  { key: "respondsTo", type: "RESPONDS_TO", direction: "OUT" },
  { key: "answeredBy", type: "RESPONDS_TO", direction: "IN" },
  { key: "suspendedBy", type: "SUSPENDS", direction: "IN" },
] as const;

export type TimelineListKey = (typeof TIMELINE_LISTS)[number]["key"];

export interface TimelineFilter {
  countries: string[] | null;
  policyTypes: string[] | null;
}

/** `label`: the POLICY kind's label; `type`: a relation type as checked against the ontology. */
export function timelineQuery(
  filter: TimelineFilter,
  options: { first: number; names: number; label: string; type: (type: string) => string },
  policyShape: EntityShape,
  listShapes: Partial<Record<TimelineListKey, EntityShape>>,
): ReadQuery {
  const q = new ReadBuilder();
  const where: string[] = [];
  if (filter.countries) where.push(`p.country IN ${q.param(filter.countries)}`);
  if (filter.policyTypes) where.push(`p.policyType IN ${q.param(filter.policyTypes)}`);
  const match = `MATCH (p:${ENTITY_LABEL}:${options.label})${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
  const names = q.intParam(options.names, 1_000);
  const lists = TIMELINE_LISTS.flatMap((list) => {
    const shape = listShapes[list.key];
    if (!shape) return [];
    const m = q.variable("m");
    const arrow = list.direction === "OUT" ? `-[:${options.type(list.type)}]->` : `<-[:${options.type(list.type)}]-`;
    const pattern = `(p)${arrow}(${m}:${ENTITY_LABEL})`;
    return [
      `${list.key}: {totalCount: size(COLLECT { MATCH ${pattern} RETURN DISTINCT ${m}.id }), entities: COLLECT { MATCH ${pattern} WITH DISTINCT ${m} ORDER BY ${m}.name, ${m}.id LIMIT ${names} RETURN ${q.entity(m, shape)} }}`,
    ];
  });
  return q.done(
    "timeline",
    `CALL () { ${match} RETURN count(p) AS totalCount }
CALL () {
  ${match}
  WITH p, coalesce(p.effective, p.announced) AS date
  ORDER BY date IS NULL, date, p.name, p.id
  LIMIT ${q.intParam(options.first, 100_000)}
  RETURN collect({policy: ${q.entity("p", policyShape)}, date: date${lists.map((l) => `, ${l}`).join("")}}) AS events
}
RETURN totalCount, events`,
  );
}
