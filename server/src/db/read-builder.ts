/**
 * How a read query is assembled: the "shapes" a GraphQL selection asks for, and the builder that
 * turns them into one Cypher text with fresh variable and parameter names (db/queries.ts uses it).
 */
import { int } from "neo4j-driver";
import { FIELDS } from "../core/model.generated.js";
import { ENTITY_LABEL, IDENT, SOURCE_LABEL } from "./labels.js";

export type Direction = "OUT" | "IN" | "BOTH";

/** What a selection needs of an entity: which of its properties, and which nested lists. */
export interface EntityShape {
  relations: NestedRelations[];
  /**
   * The properties selected (GraphQL field names are property names); id and kind are always
   * returned. Undefined: all properties.
   */
  fields?: string[];
}

/** One `relations(...)` field under an entity, keyed by its response key (aliases differ). */
export interface NestedRelations {
  key: string;
  direction: Direction;
  types: string[] | null;
  asOf: string | null;
  first: number;
  shape: RelationShape;
}

/** The parts of a relation a selection asked for. */
export interface RelationShape {
  /** Its own properties selected (status, since, ...); id and type always. Undefined: all. */
  fields?: string[];
  from?: EntityShape;
  to?: EntityShape;
  /**
   * Return the ends as `fromId` and `toId` only, for a caller that holds the ends already (the
   * neighbourhood's edges join nodes it returns): two ids instead of two maps per relation.
   */
  endIds?: boolean;
  claimedBy?: EntityShape;
  sources?: SourceShape;
  /** The shape of `quotes { source }`, when asked: the relation's cited sources, for the quotes to pick from. */
  quoteSources?: SourceShape;
}

export interface SourceShape {
  relations: NestedSourceRelations[];
}

/** One `relations(first)` field under a source: the relations that cite it. */
export interface NestedSourceRelations {
  key: string;
  first: number;
  shape: RelationShape;
}

/** Where a relation's map holds the sources its quotes may name (Relation.quotes picks from them). */
export const QUOTE_SOURCES = "_quoteSources";

/** Nested lists are stored on the projected map under this prefix plus their response key. */
export const NESTED_PREFIX = "_nested_";

export interface RelationFilter {
  types?: string[] | null;
  asOf?: string | null;
}

export interface ReadQuery {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
  /** A longer limit than the API's for a query read once per graph version (the dependency layer). */
  timeoutMs?: number;
  /** Columns whose items are tuples (see Tuple), with the keys their values stand for (records.ts toRows). */
  tuples?: Record<string, string[]>;
}

/**
 * A projection sent as a list of values, with the keys they stand for, in the same order: on wide
 * answers (a neighbourhood's thousand edges) the driver decodes a map's keys with every map, and
 * decoding was most of our server's time; the keys are zipped back in db/records.ts.
 */
export interface Tuple {
  expression: string;
  keys: string[];
}

type Parts = [key: string, expression: string][];

/**
 * A relation's own properties returned as stored (fields.yaml: key, status, since, until, note...):
 * every API field of a scalar type but the id and type, which are the relationship's own. The ends,
 * claimants, sources and attributes are projected separately.
 */
const RELATION_SCALARS = FIELDS.relation
  .flatMap((f) => (f.graphql === false ? [] : [{ ...f, apiType: f.graphql.type ?? "" }]))
  .filter((f) => f.name !== "id" && f.name !== "type" && f.type !== "attributes" && f.type !== "relations" && !/Entity|Source|Relation/.test(f.apiType))
  .map((f) => f.name);

/** A whole number checked before it is written into Cypher (LIMIT, SHORTEST k, hop counts). */
export function literalInt(value: number, min: number, max: number): string {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`internal: ${value} is not an integer in ${min}..${max}`);
  return String(value);
}

/** Builds one query: fresh variable and parameter names, so nested parts never collide. */
export class ReadBuilder {
  readonly params: Record<string, unknown> = {};
  private n = 0;

  param(value: unknown): string {
    const name = `p${this.n++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  /** Integers go to Neo4j as integers (LIMIT refuses floats). */
  intParam(value: number, max: number): string {
    return this.param(neo4jInt(Number(literalInt(value, 0, max))));
  }

  variable(prefix: string): string {
    return `${prefix}${this.n++}`;
  }

  /** Conditions on relationship variable `r`: ours (has an id), of the given types, holding at asOf. */
  relationWhere(r: string, filter: RelationFilter): string {
    const parts = [`${r}.id IS NOT NULL`];
    if (filter.types) parts.push(`type(${r}) IN ${this.param(filter.types)}`);
    const held = this.heldAt(r, filter.asOf);
    if (held) parts.push(held);
    return parts.join(" AND ");
  }

  /** `r` holding on day `asOf` (no condition without one). */
  heldAt(r: string, asOf: string | null | undefined): string | null {
    if (!asOf) return null;
    const day = this.param(asOf);
    return `(${r}.validFrom IS NULL OR ${r}.validFrom <= ${day}) AND (${r}.validTo IS NULL OR ${r}.validTo >= ${day})`;
  }

  /** A map of entity variable `v`: all its properties, plus the nested lists the shape asks for. */
  entity(v: string, shape?: EntityShape): string {
    const nested = this.entityNested(v, shape).map(([key, expression]) => `, \`${key}\`: ${expression}`);
    // Only what was asked for leaves the database: on wide answers this is most of the cost.
    const fields = shape?.fields ? selectedFields(shape.fields).map((f) => `.\`${f}\``) : [".*"];
    return `${v} {${fields.join(", ")}${nested.join("")}}`;
  }

  /** The same as a tuple; null when the shape asks for every property (their names are not known here). */
  entityTuple(v: string, shape: EntityShape): Tuple | null {
    if (!shape.fields) return null;
    return tuple([...selectedFields(shape.fields).map((f): Parts[number] => [f, `${v}.\`${f}\``]), ...this.entityNested(v, shape)]);
  }

  private entityNested(v: string, shape?: EntityShape): Parts {
    return (shape?.relations ?? []).map((rel) => [`${NESTED_PREFIX}${rel.key}`, this.entityRelations(v, rel)]);
  }

  /** The same for an expression (startNode(r)); a map projection needs a variable. */
  entityOf(expression: string, shape?: EntityShape): string {
    const x = this.variable("e");
    return `head([${x} IN [${expression}] | ${this.entity(x, shape)}])`;
  }

  private entityRelations(v: string, rel: NestedRelations): string {
    const r = this.variable("r");
    const o = this.variable("o");
    const arrow = rel.direction === "OUT" ? `-[${r}]->` : rel.direction === "IN" ? `<-[${r}]-` : `-[${r}]-`;
    return `COLLECT { MATCH (${v})${arrow}(${o}:${ENTITY_LABEL}) WHERE ${this.relationWhere(r, rel)} RETURN ${this.relation(r, rel.shape)} AS x ORDER BY type(${r}), ${o}.name, ${r}.id LIMIT ${this.intParam(rel.first, 100_000)} }`;
  }

  /** A map of relationship variable `r` with the ends, claimants and sources the shape asks for. */
  relation(r: string, shape: RelationShape): string {
    return `{${this.relationParts(r, shape)
      .map(([key, expression]) => `${key}: ${expression}`)
      .join(", ")}}`;
  }

  /** The same as a tuple. */
  relationTuple(r: string, shape: RelationShape): Tuple {
    return tuple(this.relationParts(r, shape));
  }

  private relationParts(r: string, shape: RelationShape): Parts {
    const own = RELATION_SCALARS.filter((f) => !shape.fields || shape.fields.includes(f));
    const parts: Parts = [["id", `${r}.id`], ["type", `type(${r})`], ...own.map((f): Parts[number] => [f, `${r}.${f}`])];
    // Relation attributes are stored as the relationship's own properties; the API picks its fields.
    if (!shape.fields || shape.fields.includes("attributes")) parts.push(["attributes", `properties(${r})`]);
    if (shape.from) parts.push(["from", this.entityOf(`startNode(${r})`, shape.from)]);
    if (shape.to) parts.push(["to", this.entityOf(`endNode(${r})`, shape.to)]);
    if (shape.endIds) parts.push(["fromId", `startNode(${r}).id`], ["toId", `endNode(${r}).id`]);
    if (shape.claimedBy) {
      const id = this.variable("cid");
      const c = this.variable("c");
      parts.push([
        "claimedBy",
        `COLLECT { UNWIND coalesce(${r}.claimedBy, []) AS ${id} MATCH (${c}:${ENTITY_LABEL} {id: ${id}}) RETURN ${this.entity(c, shape.claimedBy)} AS x }`,
      ]);
    }
    if (shape.sources) {
      const id = this.variable("sid");
      const s = this.variable("s");
      parts.push([
        "sources",
        `COLLECT { UNWIND coalesce(${r}.sources, []) AS ${id} MATCH (${s}:${SOURCE_LABEL} {id: ${id}}) RETURN ${this.source(s, shape.sources)} AS x }`,
      ]);
    }
    if (shape.quoteSources) {
      const id = this.variable("sid");
      const s = this.variable("s");
      parts.push([
        QUOTE_SOURCES,
        `COLLECT { UNWIND coalesce(${r}.sources, []) AS ${id} MATCH (${s}:${SOURCE_LABEL} {id: ${id}}) RETURN ${this.source(s, shape.quoteSources)} AS x }`,
      ]);
    }
    return parts;
  }

  /** A map of source variable `s` with the relations citing it, if asked for. */
  source(s: string, shape?: SourceShape): string {
    const nested = (shape?.relations ?? []).map((rel) => {
      const r = this.variable("r");
      const e = this.variable("e");
      // From the entities whose relations cite the source (the sync stores them as citedFrom): no scan of every relationship.
      return `, \`${NESTED_PREFIX}${rel.key}\`: COLLECT { MATCH (${e}:${ENTITY_LABEL})-[${r}]->(:${ENTITY_LABEL}) WHERE ${e}.id IN coalesce(${s}.citedFrom, []) AND ${r}.id IS NOT NULL AND ${s}.id IN ${r}.sources RETURN ${this.relation(r, rel.shape)} AS x ORDER BY ${r}.id LIMIT ${this.intParam(rel.first, 100_000)} }`;
    });
    return `${s} {.*${nested.join("")}}`;
  }

  done(name: string, cypher: string, tuples?: Record<string, string[]>): ReadQuery {
    return { name, cypher, params: this.params, ...(tuples ? { tuples } : {}) };
  }
}

/** The properties of an entity a selection returns: id and kind always, never the sync's hash. */
function selectedFields(fields: string[]): string[] {
  return [...new Set(["id", "kind", ...fields])].filter((f) => IDENT.test(f) && f !== "hash");
}

function tuple(parts: Parts): Tuple {
  return { expression: `[${parts.map(([, expression]) => expression).join(", ")}]`, keys: parts.map(([key]) => key) };
}

function neo4jInt(value: number): unknown {
  return int(value);
}
