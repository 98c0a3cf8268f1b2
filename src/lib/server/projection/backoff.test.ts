import { describe, expect, it } from 'vitest';
import { backoffMs, CircuitBreaker, MAX_BACKOFF_MS, OUTAGE_MAX_BACKOFF_MS } from './backoff';

describe('backoff', () => {
  it('doubles from 2 s and stops at 5 minutes', () => {
    expect([0, 1, 2, 3, 8].map((n) => backoffMs(n))).toEqual([0, 2000, 4000, 8000, 256_000]);
    expect(backoffMs(9)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(50)).toBe(MAX_BACKOFF_MS);
  });

  it('opens the breaker for the backoff after each failure and closes it on success', () => {
    let now = 1_000_000;
    const breaker = new CircuitBreaker(() => now);
    expect(breaker.canTry()).toBe(true);
    breaker.failed();
    expect(breaker.canTry()).toBe(false);
    expect(breaker.msUntilRetry()).toBe(2000);
    now += 2000;
    expect(breaker.canTry()).toBe(true);
    breaker.failed();
    expect(breaker.msUntilRetry()).toBe(4000);
    breaker.succeeded();
    expect(breaker.canTry()).toBe(true);
    expect(breaker.consecutiveFailures).toBe(0);
  });

  it('retries an unreachable Neo4j at least every 5 s, however long the outage (chaos run, decision 0030)', () => {
    const breaker = new CircuitBreaker(() => 0);
    for (let i = 0; i < 20; i++) breaker.failed();
    expect(breaker.msUntilRetry()).toBe(OUTAGE_MAX_BACKOFF_MS);
    expect(OUTAGE_MAX_BACKOFF_MS).toBe(5_000);
  });
});
