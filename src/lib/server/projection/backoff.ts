/**
 * Backoff for the projector: after the n-th failure, wait min(2^n s, ceiling). Used two ways: a circuit breaker per
 * Neo4j driver, in memory, with a 5 s ceiling (while Neo4j is unreachable nobody hammers it — mutations skip
 * straight to "left for the loop"), and a per-row delay (5 min ceiling) for rows that fail for a reason of their own (so one bad row cannot block the queue
 * behind it), stored in the row's `nextAttemptAt` so that every instance honours it (projector.ts recordFailure).
 */
export const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The breaker's ceiling while Neo4j is unreachable. Not 5 minutes: the projector is what brings the graph back in
 * line after an outage, and it only notices Neo4j's return on its next try — `npm run chaos` measured a 109 s
 * outage followed by over 30 s of a stale graph with the 5-minute ceiling, and 32.5 s with a 10 s one on a loaded
 * machine (decision 0030). One connection attempt every 5 s per instance costs a down Neo4j nothing.
 */
export const OUTAGE_MAX_BACKOFF_MS = 5_000;

export function backoffMs(failures: number, maxMs = MAX_BACKOFF_MS): number {
  if (failures <= 0) return 0;
  return Math.min(2 ** failures * 1000, maxMs);
}

export class CircuitBreaker {
  private failures = 0;
  private retryAt = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxMs = OUTAGE_MAX_BACKOFF_MS
  ) {}

  /** True when the last attempt succeeded or its backoff has elapsed. */
  canTry(): boolean {
    return this.now() >= this.retryAt;
  }

  msUntilRetry(): number {
    return Math.max(0, this.retryAt - this.now());
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  failed(): void {
    this.failures += 1;
    this.retryAt = this.now() + backoffMs(this.failures, this.maxMs);
  }

  succeeded(): void {
    this.failures = 0;
    this.retryAt = 0;
  }
}
