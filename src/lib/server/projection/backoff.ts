/**
 * Backoff for the projector: after the n-th failure, wait min(2^n s, 5 min). Used two ways: a circuit breaker per
 * Neo4j driver, in memory (while Neo4j is unreachable nobody hammers it — mutations skip straight to "left for the
 * loop"), and a per-row delay for rows that fail for a reason of their own (so one bad row cannot block the queue
 * behind it), stored in the row's `nextAttemptAt` so that every instance honours it (projector.ts recordFailure).
 */
export const MAX_BACKOFF_MS = 5 * 60_000;

export function backoffMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(2 ** failures * 1000, MAX_BACKOFF_MS);
}

export class CircuitBreaker {
  private failures = 0;
  private retryAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

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
    this.retryAt = this.now() + backoffMs(this.failures);
  }

  succeeded(): void {
    this.failures = 0;
    this.retryAt = 0;
  }
}
