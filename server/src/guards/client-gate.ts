/**
 * The door between requests and the database's connection pool. graphql-js runs a request's root
 * fields side by side, each in its own transaction, so without a door one request (or one client
 * sending many) could hold every pooled connection for the length of its timeout. Each request
 * runs at most `perRequest` queries at once and each client at most `perClient` (over all its
 * requests); a client with too many waiting is refused. A request is also charged to its client's
 * rate limit by what it may cost (its estimated objects), not only by being one more request.
 */
import { GraphQLError } from "graphql";
import pLimit, { type LimitFunction } from "p-limit";
import { type ProblemCode, type ProblemParams, problemText } from "../core/problems.js";

export interface GateLimits {
  /** Database queries one request runs at once. */
  perRequest: number;
  /** Database queries one client runs at once, over all its requests. */
  perClient: number;
  /** Queries one client may have waiting for a turn; more are refused. */
  waitingPerClient: number;
}

export const GATE_LIMITS: GateLimits = { perRequest: 4, perClient: 8, waitingPerClient: 200 };

/** A request costs one rate-limit point at the door, plus one per this many objects it may return. */
export const OBJECTS_PER_POINT = 1_000;

/** Takes points from a client's rate limit; rejects with the seconds to wait when there are too few. */
export type ConsumePoints = (client: string, points: number) => Promise<void>;

export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds} s`);
  }
}

function refused(problem: ProblemCode, params: ProblemParams, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(problemText(problem, params, "en"), {
    extensions: { code: "RATE_LIMITED", problem, params, retryAfterSeconds, http: { status: 429, headers: { "retry-after": String(retryAfterSeconds) } } },
  });
}

export class ClientGates {
  private readonly clients = new Map<string, LimitFunction>();

  constructor(
    private readonly limits: GateLimits = GATE_LIMITS,
    private readonly consume?: ConsumePoints,
  ) {}

  /** A request's gate; `signal` aborts when its client has gone (the connection closed). */
  forRequest(client: string, signal?: AbortSignal): RequestGate {
    return new RequestGate(client, this.limits.perRequest, this, signal);
  }

  /** Runs `work` in one of the client's turns. */
  async inTurn<T>(client: string, work: () => Promise<T>): Promise<T> {
    let limit = this.clients.get(client);
    if (!limit) {
      limit = pLimit(this.limits.perClient);
      this.clients.set(client, limit);
    }
    if (limit.pendingCount >= this.limits.waitingPerClient) throw refused("TOO_MANY_WAITING", { waiting: limit.pendingCount }, 1);
    try {
      return await limit(work);
    } finally {
      // Idle clients are forgotten, so the map does not grow with every address ever seen.
      if (limit.activeCount === 0 && limit.pendingCount === 0 && this.clients.get(client) === limit) this.clients.delete(client);
    }
  }

  /** Charges a request's cost (once per request: every root field awaits the same charge). */
  async charge(client: string, objects: number): Promise<void> {
    const points = Math.floor(objects / OBJECTS_PER_POINT);
    if (!this.consume || points === 0) return;
    try {
      await this.consume(client, points);
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error;
      const seconds = error.retryAfterSeconds;
      throw refused("RATE_LIMITED_COST", { objects: Math.round(objects).toLocaleString("en"), points: points + 1, seconds }, seconds);
    }
  }

  /** Clients with queries running or waiting (for tests and /health). */
  get activeClients(): number {
    return this.clients.size;
  }
}

/** One request's share of the door. */
export class RequestGate {
  private charged: Promise<void> | undefined;
  /** Made on the first query: many requests (a cached answer, a refused one) run none. */
  private limit: LimitFunction | undefined;

  constructor(
    private readonly client: string,
    private readonly perRequest: number,
    private readonly gates: ClientGates,
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * Runs `work` in one of the request's and the client's turns, unless the client has gone by then
   * (`evenIfGone`: work other requests share, such as the analysis layer's read, runs regardless).
   */
  run<T>(work: () => Promise<T>, options: { evenIfGone?: boolean } = {}): Promise<T> {
    this.limit ??= pLimit(this.perRequest);
    return this.limit(() =>
      this.gates.inTurn(this.client, () => {
        if (!options.evenIfGone) this.stillWanted();
        return work();
      }),
    );
  }

  /**
   * Throws when the request's client has gone: work queued behind other work (a turn at the
   * database, an analysis waiting for the one before it) is not done for no one.
   */
  stillWanted(): void {
    if (this.signal?.aborted) {
      throw new GraphQLError(problemText("CLIENT_GONE", {}, "en"), { extensions: { code: "CLIENT_GONE", problem: "CLIENT_GONE", params: {} } });
    }
  }

  charge(objects: number): Promise<void> {
    this.charged ??= this.gates.charge(this.client, objects);
    return this.charged;
  }
}

/** A gate for the server's own reads (warming caches at start): its own turns, no rate limit. */
export function serverGate(): RequestGate {
  return new ClientGates().forRequest("atlas-server");
}
