/**
 * The one place that talks to the driver: read and write transactions with a timeout, a count of
 * queries sent (tests use it to prove one query per root field), and Neo4j errors mapped to
 * GraphQL errors that never show Cypher or a stack trace. The API and the sync both use it.
 */
import { GraphQLError } from "graphql";
import { type BookmarkManager, type Driver, Neo4jError, type RecordShape } from "neo4j-driver";
import { problemText } from "../core/problems.js";

export interface QueryEvent {
  name: string;
  mode: "READ" | "WRITE";
}

export interface DatabaseOptions {
  database?: string;
  timeoutMs: number;
  /**
   * False: driver errors reach the caller as they are (the sync, whose caller is a person at a
   * terminal or the server's start-up log). Default true: mapped to GraphQL errors for the API.
   */
  graphqlErrors?: boolean;
  /** Chains the sessions, so each query sees what the previous ones wrote (the sync). */
  bookmarkManager?: BookmarkManager;
  /**
   * Identical reads sent while one is running share its answer instead of running again: a burst
   * of one popular question (many clients at once, before the response cache holds it) costs one
   * query. Rows are shared, so callers must copy before changing them (db/records.ts does).
   */
  coalesceReads?: boolean;
}

/** Runs statements inside one open transaction. */
/** Runs one statement in the open transaction and returns its rows as plain objects. */
export type RunInTransaction = <T = Record<string, unknown>>(cypher: string, params?: Record<string, unknown>) => Promise<T[]>;

export class Database {
  private listeners = new Set<(event: QueryEvent) => void>();
  private readonly readsRunning = new Map<string, Promise<unknown[]>>();

  constructor(
    readonly driver: Driver,
    private readonly options: DatabaseOptions,
  ) {}

  /** Calls `listener` for every query sent; returns a function that removes it. */
  onQuery(listener: (event: QueryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async read<T extends RecordShape = RecordShape>(name: string, cypher: string, params: Record<string, unknown> = {}, timeoutMs?: number): Promise<T[]> {
    if (!this.options.coalesceReads) return this.run<T>("READ", name, cypher, params, timeoutMs);
    const key = `${timeoutMs ?? ""}\u0000${cypher}\u0000${JSON.stringify(params)}`;
    const same = this.readsRunning.get(key);
    if (same) return same as Promise<T[]>;
    const answer = this.run<T>("READ", name, cypher, params, timeoutMs).finally(() => this.readsRunning.delete(key));
    this.readsRunning.set(key, answer);
    return answer;
  }

  async write<T extends RecordShape = RecordShape>(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.run<T>("WRITE", name, cypher, params);
  }

  /**
   * Several write statements in one explicit transaction: all of them commit, or none (the sync's
   * change to an existing graph). `work` runs them; a throw from it rolls everything back.
   */
  async writeTransaction<T>(name: string, work: (run: RunInTransaction) => Promise<T>): Promise<T> {
    const session = this.session("WRITE");
    let tx: ReturnType<typeof session.beginTransaction> | undefined;
    try {
      tx = session.beginTransaction(this.config(name));
      const open = tx;
      const result = await work(async <T>(cypher: string, params: Record<string, unknown> = {}) => {
        for (const listener of this.listeners) listener({ name, mode: "WRITE" });
        const answer = await open.run(cypher, params);
        return answer.records.map((r) => r.toObject() as T);
      });
      await open.commit();
      tx = undefined;
      return result;
    } catch (error) {
      throw this.mapError(error, name);
    } finally {
      if (tx) await tx.rollback().catch(() => {});
      await session.close();
    }
  }

  private session(mode: "READ" | "WRITE") {
    return this.driver.session({ database: this.options.database, defaultAccessMode: mode, bookmarkManager: this.options.bookmarkManager });
  }

  private config(name: string, timeoutMs = this.options.timeoutMs) {
    return { timeout: timeoutMs, metadata: { app: "ai-ecosystem-atlas", query: name } };
  }

  private mapError(error: unknown, name: string): unknown {
    return this.options.graphqlErrors === false ? error : toGraphQLError(error, name);
  }

  private async run<T extends RecordShape>(
    mode: "READ" | "WRITE",
    name: string,
    cypher: string,
    params: Record<string, unknown>,
    timeoutMs?: number,
  ): Promise<T[]> {
    for (const listener of this.listeners) listener({ name, mode });
    const session = this.session(mode);
    try {
      const config = this.config(name, timeoutMs);
      // A read is one statement: sent as an auto-commit transaction, it costs one round trip to
      // Neo4j (RUN and PULL) where a transaction function costs two (BEGIN, RUN, PULL; then COMMIT).
      // Writes keep transaction functions, which retry on transient errors.
      const result =
        mode === "READ"
          ? await withoutCallerStack(() => session.run(cypher, params, config))
          : await session.executeWrite((tx) => tx.run(cypher, params), config);
      return result.records.map((r) => r.toObject() as T);
    } catch (error) {
      throw this.mapError(error, name);
    } finally {
      await session.close();
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.read("ping", "RETURN 1 AS ok");
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/**
 * Calls `start` (which must return synchronously) with V8 recording no stack frames. The driver
 * captures and formats the caller's stack when every query starts, to put it on an error that query
 * may throw; this API never shows a stack (errors are mapped to coded GraphQL errors), and with
 * source maps on (tsx) the formatting cost about 0.6 ms of a 5 ms search (A/B on the M graph).
 */
export function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const UNAVAILABLE = new Set(["ServiceUnavailable", "SessionExpired", "Neo.ClientError.Security.AuthenticationRateLimit"]);

export function toGraphQLError(error: unknown, queryName: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const code = error instanceof Neo4jError ? error.code : "";
  const message = error instanceof Error ? error.message : String(error);
  if (UNAVAILABLE.has(code) || /connect|ECONNREFUSED|acquisition|Pool is closed|ServiceUnavailable/i.test(message)) {
    return new GraphQLError(problemText("DATABASE_UNAVAILABLE", {}, "en"), {
      extensions: { code: "DATABASE_UNAVAILABLE", problem: "DATABASE_UNAVAILABLE", params: {}, http: { status: 503 } },
    });
  }
  if (/TransactionTimedOut|TransactionTimedOutClientConfiguration|terminated|timed out/i.test(`${code} ${message}`)) {
    return new GraphQLError(problemText("QUERY_TIMEOUT", { query: queryName }, "en"), {
      extensions: { code: "QUERY_TOO_COMPLEX", problem: "QUERY_TIMEOUT", params: { query: queryName } },
    });
  }
  // Anything else is our bug: log it server-side, show nothing of it to the client.
  console.error(`[db] ${queryName} failed: ${code} ${message}`);
  return new GraphQLError(problemText("INTERNAL", {}, "en"), { extensions: { code: "INTERNAL_SERVER_ERROR", problem: "INTERNAL", params: {} } });
}
