import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { readQueries } from "../../db/queries.js";
import type { EntityShape, RelationShape } from "../../db/read-builder.js";
import { toRows } from "../../db/records.js";
import { asOfDay, id, intIn, LIMITS, list } from "../args.js";
import { notFound } from "../errors.js";
import { runRead } from "../run.js";
import { SelectionReader } from "../selection.js";

interface Args {
  id: string;
  depth: number;
  relationTypes?: string[] | null;
  kinds?: string[] | null;
  asOf?: string | null;
  limit: number;
}

/** Relations returned between the nodes found, at most this many per node allowed. */
const EDGES_PER_NODE = 10;

/**
 * Relations read per node when expanding it (at least `limit`): what bounds the cost at a hub, and
 * not the hub's degree. The real graph's busiest entity has about 130, so there every answer is
 * complete; a node with more marks the answer truncated.
 */
const RELATIONS_READ_PER_NODE = 200;

/**
 * Every edge of a neighbourhood joins two of its nodes: when the ends ask for nothing the nodes
 * cannot carry (no nested relations), the nodes are read with the ends' fields too and each edge
 * brings only its ends' ids, which the answer joins to the nodes (less to read, send and decode).
 */
function joinEnds(
  nodeShape: EntityShape,
  edgeShape: RelationShape | null,
): { nodeShape: EntityShape; edgeShape: RelationShape | null; endsFromNodes: boolean } {
  const ends = [edgeShape?.from, edgeShape?.to].filter((e): e is EntityShape => e !== undefined);
  if (!edgeShape || ends.length === 0 || ends.some((e) => e.relations.length > 0)) return { nodeShape, edgeShape, endsFromNodes: false };
  const shapes = [nodeShape, ...ends];
  const fields = shapes.some((e) => e.fields === undefined) ? undefined : [...new Set(shapes.flatMap((e) => e.fields ?? []))];
  const { from: _from, to: _to, ...rest } = edgeShape;
  const { fields: _fields, ...allFields } = nodeShape;
  return { nodeShape: fields ? { ...nodeShape, fields } : allFields, edgeShape: { ...rest, endIds: true }, endsFromNodes: true };
}

export async function neighborhood(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const centre = id("id", args.id);
  const depth = intIn("depth", args.depth, 1, LIMITS.neighborhoodDepth);
  const limit = intIn("limit", args.limit, 1, LIMITS.neighborhoodLimit);
  const maxEdges = limit * EDGES_PER_NODE;
  const filter = { types: list("relationTypes", args.relationTypes), asOf: asOfDay(args.asOf) };
  const selection = new SelectionReader(info);
  const selected = {
    nodes: selection.entity(selection.child(selection.root(), "nodes"), limit),
    edges: selection.selects(selection.root(), "edges") ? selection.relation(selection.child(selection.root(), "edges"), maxEdges) : null,
  };
  const { nodeShape, edgeShape, endsFromNodes } = joinEnds(selected.nodes, selected.edges);
  const query = readQueries.neighborhood(
    centre,
    { depth, kinds: list("kinds", args.kinds), filter, limit, maxEdges, perNode: Math.max(limit, RELATIONS_READ_PER_NODE) },
    nodeShape,
    edgeShape,
  );
  const [row] = await runRead(ctx, query, info);
  if (!row) throw notFound("ENTITY_NOT_FOUND", { ids: JSON.stringify(centre) });
  const nodes = toRows(row.nodes, query.tuples?.nodes);
  const edges = toRows(row.edges, query.tuples?.edges);
  if (endsFromNodes) {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    // toRows made these objects (deep copies): they are ours to fill in.
    for (const edge of edges) {
      edge.from = byId.get(edge.fromId as string) ?? null;
      edge.to = byId.get(edge.toId as string) ?? null;
    }
  }
  return {
    nodes,
    edges: edges.slice(0, maxEdges),
    truncated: row.truncatedNodes === true || edges.length > maxEdges,
  };
}
