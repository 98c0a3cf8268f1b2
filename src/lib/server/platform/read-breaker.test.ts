import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadBreaker } from './read-breaker';

function clocked(threshold = 3, cooldownMs = 5_000) {
  let now = 0;
  const changes: string[] = [];
  const breaker = new ReadBreaker({ threshold, cooldownMs, now: () => now, onChange: (s) => changes.push(s) });
  return { breaker, changes, advance: (ms: number) => (now += ms) };
}

describe('ReadBreaker', () => {
  it('opens after N consecutive failures and refuses without trying until the cooldown is over', () => {
    const { breaker, changes, advance } = clocked();
    for (let i = 0; i < 2; i++) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.failed();
    }
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    breaker.failed();
    expect(breaker.state).toBe('open');
    expect(changes).toEqual(['open']);
    expect(breaker.tryAcquire()).toBe(false);
    advance(4_999);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('lets exactly one probe through when half-open; its success closes, its failure reopens', () => {
    const { breaker, changes, advance } = clocked();
    for (let i = 0; i < 3; i++) breaker.failed();
    advance(5_000);
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // the probe is out: everyone else still fails fast
    breaker.failed();
    expect(breaker.state).toBe('open');
    advance(5_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.succeeded();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    expect(changes).toEqual(['open', 'open', 'closed']);
  });

  it('lets another probe try when one stays out past its deadline (a stuck read cannot keep it open)', () => {
    let now = 0;
    const breaker = new ReadBreaker({ threshold: 3, cooldownMs: 5_000, probeTimeoutMs: 10_000, now: () => now });
    for (let i = 0; i < 3; i++) breaker.failed();
    now += 5_000;
    expect(breaker.tryAcquire()).toBe(true); // the probe, which never reports
    now += 9_999;
    expect(breaker.tryAcquire()).toBe(false);
    now += 1;
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true); // a second probe
    breaker.succeeded();
    expect(breaker.state).toBe('closed');
  });

  it('a success in between resets the count: only consecutive failures open it', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (outcomes) => {
        const { breaker } = clocked(3, 1_000_000);
        let run = 0;
        let opened = false;
        for (const ok of outcomes) {
          if (!breaker.tryAcquire()) {
            expect(opened).toBe(true);
            continue;
          }
          if (ok) {
            breaker.succeeded();
            run = 0;
          } else {
            breaker.failed();
            run += 1;
            if (run >= 3) opened = true;
          }
          expect(breaker.state).toBe(opened ? 'open' : 'closed');
        }
      })
    );
  });
});
