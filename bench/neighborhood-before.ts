/**
 * The neighbourhood query as it stood when issue 16 was filed (server/src/db/queries.ts before
 * commit d6eeda8), kept frozen so that every query benchmark measures today's query beside it in
 * the same run. It read every relation of every node it expanded (a hub's thousands included),
 * sorted them all, and returned each edge with both ends as maps. The shapes are those the old
 * resolver derived from the benchmark's document (`nodes { id kind name } edges { id type from { id }
 * to { id } }`).
 */
import { ENTITY_LABEL } from "../server/src/db/labels.js";
import { type EntityShape, literalInt, ReadBuilder, type RelationShape } from "../server/src/db/read-builder.js";
import type { CapturedQuery } from "./query.js";

const NODE_SHAPE: EntityShape = { relations: [], fields: ["id", "kind", "name"] };
const END_SHAPE: EntityShape = { relations: [], fields: ["id"] };
const EDGE_SHAPE: RelationShape = { fields: ["id", "type"], from: END_SHAPE, to: END_SHAPE };
/** As the old resolver asked for them: 10 edges per node allowed. */
const EDGES_PER_NODE = 10;

/** The old query for a neighbourhood of `id` at `depth`, at most `limit` nodes, no filters. */
export function neighborhoodBefore(id: string, depth: number, limit: number): CapturedQuery {
  const q = new ReadBuilder();
  const levels = Number(literalInt(depth, 1, 3));
  const cap = q.intParam(limit, 100_000);
  const calls: string[] = [];
  let seen = "[c]";
  let frontier = "[c]";
  for (let level = 1; level <= levels; level++) {
    const r = q.variable("r");
    const carried = level > 1 ? `, ${Array.from({ length: level - 1 }, (_, i) => `l${i + 1}`).join(", ")}` : "";
    calls.push(
      `CALL (c${carried}) { UNWIND ${frontier} AS a MATCH (a)-[${r}]-(m:${ENTITY_LABEL}) WHERE ${q.relationWhere(r, {})} AND NOT m IN ${seen} WITH DISTINCT m ORDER BY m.name, m.id LIMIT ${cap} RETURN collect(m) AS l${level} }`,
    );
    seen = `${seen} + l${level}`;
    frontier = `l${level}`;
  }
  const er = q.variable("r");
  const edges = `CALL (found) { UNWIND found AS a MATCH (a)-[${er}]->(b:${ENTITY_LABEL}) WHERE b IN found AND ${q.relationWhere(er, {})} WITH ${er} ORDER BY ${er}.id LIMIT ${q.intParam(limit * EDGES_PER_NODE + 1, 1_000_001)} RETURN collect(${q.relation(er, EDGE_SHAPE)}) AS edges }`;
  const query = q.done(
    "neighborhood",
    `MATCH (c:${ENTITY_LABEL} {id: ${q.param(id)}})
${calls.join("\n")}
WITH ${seen} AS reached
WITH reached, reached[..${cap}] AS found
${edges}
RETURN [n IN found | ${q.entity("n", NODE_SHAPE)}] AS nodes, edges, size(reached) > ${cap} AS truncatedNodes`,
  );
  return { cypher: query.cypher, params: query.params };
}
