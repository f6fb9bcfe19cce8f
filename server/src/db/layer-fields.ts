/**
 * What the dependency layer (analysis) reads of each entity and relation: the Cypher of each field,
 * in the order of the lists `readQueries.analysisLayer` returns and `resolvers/analysis.ts` decodes;
 * written on `$` (the entity or the relation; a relation's ends are `a` and `b`).
 */
export const LAYER_FIELDS = {
  node: {
    id: "$.id",
    kind: "$.kind",
    name: "$.name",
    country: "$.country",
    destinations: "$.destinations",
    licensing: "$.licensing",
    direction: "$.direction",
    reachesForeignProducts: "$.reachesForeignProducts",
    openSource: "$.openSource",
    policyType: "$.policyType",
    effective: "$.effective",
  },
  relation: {
    id: "$.id",
    type: "type($)",
    from: "a.id",
    to: "b.id",
    since: "$.since",
    until: "$.until",
    item: "$.item",
    part: "$.part",
    share: "$.share",
    shareAsOf: "$.shareAsOf",
    destinations: "$.destinations",
    supplier: "$.supplier",
    licenceReview: "$.licenceReview",
  },
} as const;

/**
 * A layer row as a Cypher list on `variable`, not a map: on a graph of a million relations the read
 * takes under half the time (no key per value to write, send and unpack).
 */
export function layerRow(variable: string, fields: Record<string, string>): string {
  return `[${Object.values(fields)
    .map((e) => e.replaceAll("$", variable))
    .join(", ")}]`;
}
