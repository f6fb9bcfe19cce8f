/**
 * The graph's version: when the last sync that changed something committed (AtlasMeta.syncedAt).
 * Read through the one executor, then polled, so every instance on one Neo4j sees a sync made
 * through any other within one interval. Cached reads are keyed by it.
 */
import { readQueries } from "../db/queries.js";
import type { Database } from "../db/run.js";

export class GraphVersion {
  private value: string | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    /** How often to look for a new version (default 500 ms). */
    readonly intervalMs = 500,
  ) {}

  /** The last version seen; null before the first read, without a loaded seed, or while Neo4j is unreachable. */
  get current(): string | null {
    return this.value;
  }

  async refresh(): Promise<string | null> {
    try {
      const [row] = await this.db.read("graphVersion", readQueries.graphVersion);
      this.value = typeof row?.version === "string" ? row.version : null;
    } catch {
      // Unknown while the database is away: serve nothing from the cache rather than something stale.
      this.value = null;
    }
    return this.value;
  }

  /** Reads the version now, then every interval (the timer never keeps the process alive). */
  async start(): Promise<void> {
    await this.refresh();
    this.timer ??= setInterval(() => void this.refresh(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
