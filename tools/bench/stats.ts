/**
 * Summary statistics of latency samples. Percentiles use linear interpolation between closest ranks (the
 * "R-7" / NumPy default), so p50 of an even-sized sample is the mean of the two middle values and a percentile
 * never jumps by a whole sample when one run is added.
 */

export interface LatencySummary {
  runs: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** The p-th percentile (0 ≤ p ≤ 100) of samples that are already sorted ascending. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile: no samples');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile: p must be between 0 and 100, got ${p}`);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
}

export function percentile(samples: readonly number[], p: number): number {
  return percentileOfSorted(
    [...samples].sort((a, b) => a - b),
    p
  );
}

export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  for (const s of samples) if (!Number.isFinite(s) || s < 0) throw new Error(`summarize: invalid sample ${s}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    mean: sorted.reduce((sum, s) => sum + s, 0) / sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!
  };
}

/** API time over raw time at the same percentile; null when the raw time is zero (nothing to compare with). */
export function overheadRatio(api: number, raw: number): number | null {
  return raw > 0 ? api / raw : null;
}
