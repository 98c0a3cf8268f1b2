/**
 * Conditional logit (McFadden's choice model, the listwise "softmax" ranking loss): each query's new partners are
 * taken as chosen from that query's own candidate list, P(candidate) = exp(w·x) / Σ over the list exp(w·x').
 * The plain logistic fit (logistic.ts) pools every candidate row of every query, so much of its fit goes into
 * telling queries with easy lists from queries with hard ones, which no single ranking needs; this one only
 * learns what orders candidates *within* a list, which is what Hits@10 measures (docs/decisions/0032-…).
 * Fitted by Newton's method on standardised features with a ridge penalty, like logistic.ts: a dozen features,
 * so the Hessian is 14 × 14 and a handful of deterministic iterations converge. No bias: it cancels within a list.
 */
import { solve, standardisation } from './logistic';
import { runNow, type Steps } from './steps';

export interface ChoiceList {
  /** One row of features per candidate of the query. */
  features: readonly (readonly number[])[];
  /** 1 for a candidate that became a partner, 0 otherwise. */
  labels: readonly number[];
}

export interface ConditionalLogitFit {
  /** On the original (unstandardised) scale: score = Σ weights[j] · x[j]. */
  weights: number[];
  iterations: number;
  converged: boolean;
}

export interface ConditionalLogitOptions {
  l2?: number;
  maxIterations?: number;
  tolerance?: number;
  /**
   * Each list weighs 1 in the likelihood, its positives ½, ⅓ … each, instead of 1 per positive. Hits@10 and MRR
   * count every query once, so an organisation with 40 new partners (a hub, whose list is easy and whose partners
   * follow other signals) should not outweigh 40 organisations with one (docs/decisions/0048-…).
   */
  perQuery?: boolean;
}

export function fitConditionalLogit(
  lists: readonly ChoiceList[],
  opts: ConditionalLogitOptions = {}
): ConditionalLogitFit {
  return runNow(fitConditionalLogitSteps(lists, opts));
}

/** fitConditionalLogit as steps (steps.ts): yields after each list. */
export function* fitConditionalLogitSteps(
  lists: readonly ChoiceList[],
  opts: ConditionalLogitOptions = {}
): Steps<ConditionalLogitFit> {
  // A list without a positive (or with only positives) says nothing about the order within it.
  const useful = lists.filter((l) => l.labels.some((y) => y === 1) && l.labels.some((y) => y === 0));
  const allRows = useful.flatMap((l) => l.features);
  if (allRows.length === 0) throw new Error('fitConditionalLogit: no list has both a positive and a negative');
  const d = allRows[0].length;
  const l2 = opts.l2 ?? 1;
  const maxIterations = opts.maxIterations ?? 50;
  const tolerance = opts.tolerance ?? 1e-8;
  const { mean, scale } = standardisation(allRows);
  const standardised: { z: number[][]; labels: readonly number[] }[] = [];
  for (const l of useful) {
    standardised.push({ z: l.features.map((row) => row.map((v, j) => (v - mean[j]) / scale[j])), labels: l.labels });
    yield;
  }

  let beta = new Array<number>(d).fill(0);
  let converged = false;
  let iterations = 0;
  for (; iterations < maxIterations && !converged; iterations++) {
    const gradient = beta.map((b) => -l2 * b);
    const hessian = Array.from({ length: d }, (_, j) => Array.from({ length: d }, (_, k) => (j === k ? l2 : 0)));
    for (const { z, labels } of standardised) {
      // Softmax over the list (shifted by the maximum so exp never overflows).
      const eta = z.map((row) => row.reduce((s, v, j) => s + beta[j] * v, 0));
      const top = Math.max(...eta);
      const e = eta.map((v) => Math.exp(v - top));
      const total = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / total);
      const positives = labels.reduce((a, b) => a + b, 0);
      // Per-query weighting scales the list's whole log-likelihood (gradient and Hessian) by 1 / positives.
      const listWeight = opts.perQuery ? 1 / positives : 1;
      const expected = new Array<number>(d).fill(0);
      z.forEach((row, i) => row.forEach((v, j) => (expected[j] += p[i] * v)));
      // Log-likelihood Σ_pos w·x_pos − positives · log Σ exp(w·x): gradient Σ_pos x_pos − positives · E[x],
      // negative Hessian positives · Cov[x].
      z.forEach((row, i) => {
        if (labels[i] === 1) row.forEach((v, j) => (gradient[j] += listWeight * v));
        for (let j = 0; j < d; j++) {
          const cj = listWeight * positives * p[i] * (row[j] - expected[j]);
          for (let k = j; k < d; k++) hessian[j][k] += cj * (row[k] - expected[k]);
        }
      });
      for (let j = 0; j < d; j++) gradient[j] -= listWeight * positives * expected[j];
      yield;
    }
    for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) hessian[j][k] = hessian[k][j];
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b + step[j]);
    converged = Math.max(...step.map(Math.abs)) < tolerance;
  }
  return { weights: beta.map((b, j) => b / scale[j]), iterations, converged };
}
