/**
 * The one-standard-error rule (Breiman et al., 1984; Hastie, Tibshirani & Friedman, "Elements of Statistical
 * Learning" §7.10) for the rank-aware selection (select.ts, docs/decisions/0048-…): among options scored on the same
 * queries, serve the simplest one whose score is within one standard error of the best. The error is the paired one
 * — of the per-query differences between the best option and the candidate — because every option ranks the same
 * queries, and most of a Hits@10's variance is which queries are easy, shared by all options.
 *
 * Why: on 300 queries of history, options 1–2 points apart cannot be told apart (FP7: the listwise fit won its
 * history by 0.3 points over the prior and then lost to a baseline on the evaluation), and taking the maximum of
 * fifteen noisy scores prefers whichever was luckiest. Preferring the simpler option unless it is clearly beaten
 * trades that luck for stability.
 */

export interface OptionOutcomes {
  name: string;
  /** Per-query outcome (e.g. 1 for a hit in the top 10, else 0), in the same query order for every option. */
  outcomes: readonly number[];
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Standard error of the mean of the per-query differences a − b (sample variance, n − 1). */
export function pairedStandardError(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error('pairedStandardError: both options must score the same queries');
  const n = a.length;
  if (n < 2) return 0;
  const d = a.map((v, i) => v - b[i]);
  const m = mean(d);
  const variance = d.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1);
  return Math.sqrt(variance / n);
}

/**
 * `options` in order of simplicity (simplest first). Returns the best-scoring option (ties: the earlier) and the
 * option served: the first whose mean is at least the best's minus one paired standard error.
 */
export function simplestWithinOneStandardError(options: readonly OptionOutcomes[]): {
  best: string;
  chosen: string;
  /** The paired standard error between the best and the chosen option. */
  standardError: number;
} {
  if (options.length === 0) throw new Error('simplestWithinOneStandardError: no options');
  let best = options[0];
  for (const o of options) if (mean(o.outcomes) > mean(best.outcomes) + 1e-12) best = o;
  for (const o of options) {
    const se = pairedStandardError(best.outcomes, o.outcomes);
    if (mean(o.outcomes) >= mean(best.outcomes) - se - 1e-12)
      return { best: best.name, chosen: o.name, standardError: se };
  }
  return { best: best.name, chosen: best.name, standardError: 0 };
}
