/**
 * The circuit breaker every graph read in this process goes through (readTx), so that a dead Neo4j costs a
 * request nothing: after `threshold` consecutive connection failures the breaker opens and reads fail at once with
 * GRAPH_UNAVAILABLE; after `cooldownMs` one read is let through as a probe (half-open) while the others keep
 * failing fast; the probe's success closes the breaker, its failure opens it for another cooldown.
 *
 * Only "Neo4j cannot be used" failures count (isGraphUnavailable): a Cypher error or a bad parameter comes from a
 * Neo4j that answered, so it counts as a success. A fixed cooldown, not the projector's exponential backoff
 * (projection/backoff.ts): a visitor's read should see Neo4j again within seconds of its return, and a probe
 * every few seconds per process is no load. Why not a library: docs/decisions/0023-graph-read-circuit-breaker.md.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface ReadBreakerOptions {
  /** Consecutive connection failures that open the breaker. */
  threshold?: number;
  /** How long it stays open before one probe may try. */
  cooldownMs?: number;
  /**
   * How long a probe may stay out before another may try. A probe that never reports (a read stuck on a Neo4j
   * that accepted the connection and then went quiet) must not keep the breaker open for good.
   */
  probeTimeoutMs?: number;
  now?: () => number;
  /** Told when the breaker opens or closes (for the server log). */
  onChange?: (state: 'open' | 'closed', failures: number) => void;
}

export const DEFAULT_THRESHOLD = 3;
export const DEFAULT_COOLDOWN_MS = 5_000;
export const DEFAULT_PROBE_TIMEOUT_MS = 10_000;

export class ReadBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private probeStartedAt = 0;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly probeTimeoutMs: number;
  private readonly now: () => number;
  private readonly onChange?: ReadBreakerOptions['onChange'];

  constructor(options: ReadBreakerOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.cooldownMs = options.cooldownMs ?? DEFAULT_COOLDOWN_MS;
    this.probeTimeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
    this.onChange = options.onChange;
  }

  get state(): BreakerState {
    if (this.failures < this.threshold) return 'closed';
    if (this.probing) return this.now() - this.probeStartedAt < this.probeTimeoutMs ? 'open' : 'half-open';
    return this.now() - this.openedAt < this.cooldownMs ? 'open' : 'half-open';
  }

  /**
   * Whether a read may go to Neo4j now. Closed: yes. Open: no. Half-open: yes for exactly one caller (the probe),
   * which must then call succeeded() or failed(); everyone else is refused until it has.
   */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open') return false;
    this.probing = true;
    this.probeStartedAt = this.now();
    return true;
  }

  succeeded(): void {
    const wasOpen = this.failures >= this.threshold;
    this.failures = 0;
    this.probing = false;
    if (wasOpen) this.onChange?.('closed', 0);
  }

  failed(): void {
    this.failures += 1;
    const probeFailed = this.probing;
    this.probing = false;
    if (this.failures >= this.threshold) {
      this.openedAt = this.now();
      if (this.failures === this.threshold || probeFailed) this.onChange?.('open', this.failures);
    }
  }
}
