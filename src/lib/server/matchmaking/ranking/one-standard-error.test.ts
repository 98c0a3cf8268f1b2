import { describe, expect, it } from 'vitest';
import { pairedStandardError, simplestWithinOneStandardError } from './one-standard-error';

/** `hits` ones then zeros, `n` queries in all. */
const outcomes = (hits: number, n: number) => Array.from({ length: n }, (_, i) => (i < hits ? 1 : 0));

describe('pairedStandardError', () => {
  it('is the standard error of the per-query differences, not of each score', () => {
    // Identical per-query outcomes: no difference at all, whatever each score's own variance.
    expect(pairedStandardError(outcomes(50, 100), outcomes(50, 100))).toBe(0);
    // 10 of 100 queries differ by +1: mean 0.1, sample variance (10·0.81 + 90·0.01) / 99 = 0.0909…
    expect(pairedStandardError(outcomes(60, 100), outcomes(50, 100))).toBeCloseTo(Math.sqrt(9 / 99 / 100), 12);
  });

  it('refuses options scored on different queries', () => {
    expect(() => pairedStandardError([1, 0], [1])).toThrow(/same queries/);
  });
});

describe('simplestWithinOneStandardError', () => {
  it('keeps the simpler option when the better one wins by less than one paired standard error', () => {
    // 300 queries: 12 only the fit hits, 8 only the simple option hits: +4 / 300 = +1.3 points, SE ≈ 1.5 points.
    const simple = outcomes(120, 300);
    const fitted = [...simple];
    for (let i = 200; i < 212; i++) fitted[i] = 1;
    for (let i = 0; i < 8; i++) fitted[i] = 0;
    const rule = simplestWithinOneStandardError([
      { name: 'prior', outcomes: simple },
      { name: 'fitted', outcomes: fitted }
    ]);
    expect(rule.best).toBe('fitted');
    expect(rule.chosen).toBe('prior');
    expect(rule.standardError).toBeGreaterThan(4 / 300);
    // The same margin with fewer disagreements (6 against 2) is more than one standard error: the fit is served.
    const clearer = [...simple];
    for (let i = 200; i < 206; i++) clearer[i] = 1;
    for (let i = 0; i < 2; i++) clearer[i] = 0;
    expect(
      simplestWithinOneStandardError([
        { name: 'prior', outcomes: simple },
        { name: 'fitted', outcomes: clearer }
      ]).chosen
    ).toBe('fitted');
  });

  it('serves the better option when it wins by more than one paired standard error', () => {
    const simple = outcomes(90, 300);
    const fitted = outcomes(120, 300); // 30 more queries hit, none lost: +10 points, SE ≈ 1.7
    const rule = simplestWithinOneStandardError([
      { name: 'prior', outcomes: simple },
      { name: 'fitted', outcomes: fitted }
    ]);
    expect(rule).toMatchObject({ best: 'fitted', chosen: 'fitted', standardError: 0 });
  });

  it('takes the first of the options within reach, in the order given', () => {
    const best = outcomes(100, 200);
    const rule = simplestWithinOneStandardError([
      { name: 'far behind', outcomes: outcomes(50, 200) },
      { name: 'close', outcomes: outcomes(99, 200) },
      { name: 'also close', outcomes: outcomes(99, 200) },
      { name: 'best', outcomes: best }
    ]);
    expect(rule.chosen).toBe('close');
    expect(rule.best).toBe('best');
  });

  it('with equal scores serves the first, and refuses an empty list', () => {
    const rule = simplestWithinOneStandardError([
      { name: 'a', outcomes: [1, 0, 1] },
      { name: 'b', outcomes: [0, 1, 1] }
    ]);
    expect(rule).toMatchObject({ best: 'a', chosen: 'a' });
    expect(() => simplestWithinOneStandardError([])).toThrow(/no options/);
  });
});
