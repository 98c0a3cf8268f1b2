/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares) on
 * standardised features. A dozen features and a few tens of thousands of rows: the normal equations are 13 × 13,
 * so an exact solver converges in a handful of iterations, deterministically, with no dependency
 * (docs/decisions/0012-learned-ranking.md says why not a library). Written as steps (steps.ts) so the app can fit
 * in slices without stalling its event loop.
 */
import { ROWS_PER_STEP, runNow, type Steps } from './steps';

export interface LogisticFit {
  /** On the original (unstandardised) scale: logit = bias + Σ weights[j] · x[j]. */
  bias: number;
  weights: number[];
  iterations: number;
  converged: boolean;
}

export interface LogisticOptions {
  /** Ridge penalty on the standardised weights (not on the bias); keeps rare, noisy features near 0. */
  l2?: number;
  maxIterations?: number;
  tolerance?: number;
  /** Per-row weights (e.g. to rebalance subsampled negatives); 1 when absent. */
  sampleWeights?: readonly number[];
}

export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  opts: LogisticOptions = {}
): LogisticFit {
  return runNow(fitLogisticSteps(x, y, opts));
}

/** fitLogistic as steps: yields every ROWS_PER_STEP rows. */
export function* fitLogisticSteps(
  x: readonly (readonly number[])[],
  y: readonly number[],
  opts: LogisticOptions = {}
): Steps<LogisticFit> {
  const n = x.length;
  if (n === 0 || n !== y.length) throw new Error('fitLogistic: x and y must be non-empty and the same length');
  const d = x[0].length;
  const l2 = opts.l2 ?? 1;
  const maxIterations = opts.maxIterations ?? 50;
  const tolerance = opts.tolerance ?? 1e-8;
  const sw = opts.sampleWeights ?? new Array<number>(n).fill(1);

  const { mean, scale } = standardisation(x);
  const z: number[][] = [];
  for (let i = 0; i < n; i++) {
    z.push([1, ...x[i].map((v, j) => (v - mean[j]) / scale[j])]);
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
  }

  const p = d + 1;
  let beta = new Array<number>(p).fill(0);
  let converged = false;
  let iterations = 0;
  for (; iterations < maxIterations && !converged; iterations++) {
    const gradient = new Array<number>(p).fill(0);
    const hessian = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < n; i++) {
      const row = z[i];
      let eta = 0;
      for (let j = 0; j < p; j++) eta += beta[j] * row[j];
      const mu = 1 / (1 + Math.exp(-eta));
      const w = sw[i] * Math.max(mu * (1 - mu), 1e-10);
      const r = sw[i] * (y[i] - mu);
      for (let j = 0; j < p; j++) {
        gradient[j] += r * row[j];
        const wj = w * row[j];
        for (let k = j; k < p; k++) hessian[j][k] += wj * row[k];
      }
      if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) hessian[j][k] = hessian[k][j];
    for (let j = 1; j < p; j++) {
      gradient[j] -= l2 * beta[j];
      hessian[j][j] += l2;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b + step[j]);
    converged = Math.max(...step.map(Math.abs)) < tolerance;
  }

  const weights = beta.slice(1).map((b, j) => b / scale[j]);
  const bias = beta[0] - weights.reduce((sum, w, j) => sum + w * mean[j], 0);
  return { bias, weights, iterations, converged };
}

/**
 * Mean and standard deviation of each column, so a ridge penalty on standardised weights treats every feature
 * alike; a constant column gets scale 1 (and, penalised, weight 0).
 */
export function standardisation(x: readonly (readonly number[])[]): { mean: number[]; scale: number[] } {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of x) for (let j = 0; j < d; j++) mean[j] += row[j] / n;
  for (const row of x) for (let j = 0; j < d; j++) scale[j] += (row[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) > 1e-12 ? Math.sqrt(scale[j]) : 1;
  return { mean, scale };
}

/** Solves A·s = b for a symmetric positive definite A (Gaussian elimination with partial pivoting). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const diag = m[col][col];
    if (Math.abs(diag) < 1e-14) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r][col] / diag;
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) m[r][c] -= factor * m[col][c];
    }
  }
  return m.map((row, i) => (Math.abs(row[i]) < 1e-14 ? 0 : row[n] / row[i]));
}
