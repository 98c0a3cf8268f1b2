import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { windowFromDays } from './fit';

/** The definition the per-day counts replace: every date in order, and the one at ⌊(1 − share)·n⌋. */
function fromEveryDate(dates: string[], share: number): string | null {
  const sorted = [...dates].sort();
  return sorted.length === 0 ? null : sorted[Math.floor((1 - share) * sorted.length)]!;
}

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('windowFromDays', () => {
  it('finds the same cutoff as sorting every dated tie', () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 300 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (dates, share) => {
        const counts = new Map<string, number>();
        for (const d of dates) counts.set(d, (counts.get(d) ?? 0) + 1);
        const days = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, ties]) => ({ day: d, ties }));
        const window = windowFromDays(days, share);
        expect(window).toEqual({ dated: dates.length, cutoff: fromEveryDate(dates, share) });
      }),
      { numRuns: 500 }
    );
  });
});
