import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { readQueries } from "../../db/queries.js";
import { toList } from "../../db/records.js";
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

export async function neighborhood(_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) {
  const centre = id("id", args.id);
  const depth = intIn("depth", args.depth, 1, LIMITS.neighborhoodDepth);
  const limit = intIn("limit", args.limit, 1, LIMITS.neighborhoodLimit);
  const maxEdges = limit * EDGES_PER_NODE;
  const filter = { types: list("relationTypes", args.relationTypes), asOf: asOfDay(args.asOf) };
  const selection = new SelectionReader(info);
  const nodeShape = selection.entity(selection.child(selection.root(), "nodes"), limit);
  const edgeShape = selection.selects(selection.root(), "edges") ? selection.relation(selection.child(selection.root(), "edges"), maxEdges) : null;
  const query = readQueries.neighborhood(
    centre,
    { depth, kinds: list("kinds", args.kinds), filter, limit, maxEdges, perNode: Math.max(limit, RELATIONS_READ_PER_NODE) },
    nodeShape,
    edgeShape,
  );
  const [row] = await runRead(ctx, query, info);
  if (!row) throw notFound("ENTITY_NOT_FOUND", { ids: JSON.stringify(centre) });
  const edges = toList(row.edges);
  return {
    nodes: toList(row.nodes),
    edges: edges.slice(0, maxEdges),
    truncated: row.truncatedNodes === true || edges.length > maxEdges,
  };
}
