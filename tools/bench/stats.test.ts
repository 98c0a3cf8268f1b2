import { describe, expect, it } from 'vitest';
import { overheadRatio, percentile, summarize } from './stats';

describe('percentile', () => {
  it('interpolates between the closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 25)).toBe(20);
    // rank 0.95 × 19 = 18.05 → 19 + 0.05 × (20 − 19)
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        95
      )
    ).toBeCloseTo(19.05, 10);
  });

  it('does not depend on the order of the samples', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([9, 7, 8], 100)).toBe(9);
    expect(percentile([9, 7, 8], 0)).toBe(7);
  });

  it('gives the only sample for a single-sample set', () => {
    expect(percentile([42], 95)).toBe(42);
  });

  it('refuses an empty sample set and a percentile outside 0–100', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1], 101)).toThrow(/between 0 and 100/);
    expect(() => percentile([1], Number.NaN)).toThrow(/between 0 and 100/);
  });
});

describe('summarize', () => {
  it('reports runs, p50, p95, mean, min and max', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
    const s = summarize(samples);
    expect(s.runs).toBe(100);
    expect(s.p50).toBeCloseTo(50.5, 10);
    expect(s.p95).toBeCloseTo(95.05, 10);
    expect(s.mean).toBeCloseTo(50.5, 10);
    expect(s.min).toBe(1);
    expect(s.max).toBe(100);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses negative or non-finite samples', () => {
    expect(() => summarize([1, -1])).toThrow(/invalid sample -1/);
    expect(() => summarize([1, Number.POSITIVE_INFINITY])).toThrow(/invalid sample/);
  });
});

describe('overheadRatio', () => {
  it('divides API time by raw time', () => {
    expect(overheadRatio(30, 20)).toBe(1.5);
  });
  it('is null when there is no raw time to compare with', () => {
    expect(overheadRatio(3, 0)).toBeNull();
  });
});
