/**
 * The search read (Query.search): the full-text indexes over names and descriptions, a substring
 * check for short Chinese strings, typos forgiven only when the words as typed find too few, and
 * exact names, aliases and ids ranked first.
 */
import { DESCRIPTION_INDEX, SEARCH_INDEX } from "./labels.js";
import { type EntityShape, ReadBuilder, type ReadQuery } from "./read-builder.js";

export interface SearchPlan {
  /** Lucene query over the full-text indexes; every user character is escaped or dropped. */
  lucene: string;
  /**
   * The same query forgiving typos, run only when `lucene` finds fewer entities than asked for
   * (null: no word long enough to forgive, the same query).
   */
  typos: string | null;
  /** The trimmed user string, for exact-match ranking and the CONTAINS fallback. */
  text: string;
  /**
   * Also match by substring (short Chinese strings, which the cjk bigram index cannot always
   * find), among the hits of a Lucene query that include every node the substring can be in; null:
   * no substring match. `all`: read every hit (up to CONTAINS_MAX), not only as many as the name
   * search keeps (a lone character's wildcard hits all score alike, so a cut would be arbitrary).
   */
  contains: { lucene: string; all: boolean } | null;
}

/** Nodes a lone Chinese character's substring check reads at most (more than the real graph's entities). */
const CONTAINS_MAX = 5_000;

/** A word found only in a description counts for this much of a word found in a name. */
const DESCRIPTION_WEIGHT = 0.3;

/** Hits of one Lucene query over names, and over descriptions at DESCRIPTION_WEIGHT, as `node, score` rows. */
function namesAndDescriptions(lucene: string, limit: string): string {
  return `CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', ${lucene}, {limit: ${limit}}) YIELD node, score RETURN node, score
UNION ALL CALL db.index.fulltext.queryNodes('${DESCRIPTION_INDEX}', ${lucene}, {limit: ${limit}}) YIELD node, score RETURN node, score * ${DESCRIPTION_WEIGHT} AS score`;
}

export function searchQuery(plan: SearchPlan, kinds: string[] | null, first: number, shape: EntityShape): ReadQuery {
  const q = new ReadBuilder();
  const text = q.param(plan.text);
  const lower = q.param(plan.text.toLowerCase());
  const lucene = q.param(plan.lucene);
  const limit = q.intParam(kinds ? 2_000 : Math.max(50, first * 5), 100_000);
  const firstParam = q.intParam(first, 100_000);
  const ofKinds = kinds ? `WHERE node.kind IN ${q.param(kinds)}` : "";
  // The substring check reads only nodes the index says may hold the text, never every node.
  const fallback = plan.contains
    ? `UNION ALL CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', ${q.param(plan.contains.lucene)}, {limit: ${plan.contains.all ? q.intParam(CONTAINS_MAX, 100_000) : limit}}) YIELD node WHERE node.nameZh CONTAINS ${text} OR toLower(node.name) CONTAINS ${lower} OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) CONTAINS ${lower}) RETURN node, 0.5 AS score`
    : "";
  // Words within an edit or two of those typed, only when those as typed found too few.
  const typos = plan.typos
    ? `WITH collect({node: node, score: score}) AS hits
CALL (hits) { WITH hits WHERE size(hits) < ${firstParam}
CALL () { ${namesAndDescriptions(q.param(plan.typos), limit)} }
WITH node, score ${ofKinds} RETURN collect({node: node, score: score}) AS near }
UNWIND hits + near AS hit
WITH hit.node AS node, max(hit.score) AS score
`
    : "";
  return q.done(
    "search",
    // Lucene ranks first and hands over only its best hits (a prefix like "hua*" can match
    // thousands; more are kept when a kind filter follows). Its score, squeezed into [0, 1), and 1
    // more for an exact name, alias or id: exact hits come first however Lucene scored them ("SMIC"
    // is the company, whose alias it is, before "SMIC 14 nm FinFET", whose name and alias both hold it).
    `CALL () { ${namesAndDescriptions(lucene, limit)} ${fallback} }
WITH node, max(score) AS score ${ofKinds}
${typos}WITH node, score / (1.0 + score) + CASE WHEN node.id = ${lower} OR toLower(node.name) = ${lower} OR node.nameZh = ${text} OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) = ${lower}) THEN 1.0 ELSE 0.0 END AS score
ORDER BY score DESC, node.name, node.id LIMIT ${firstParam}
RETURN ${q.entity("node", shape)} AS entity, score`,
  );
}
