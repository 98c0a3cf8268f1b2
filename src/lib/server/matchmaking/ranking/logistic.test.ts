import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLogistic } from './logistic';
import { seededUniform } from '../../../../../tests/factories/seeded-random';

/** Rows drawn from a known logistic model: x ~ U(-2, 2)^d (one column ×5 to check the rescaling), y ~ Bernoulli. */
function sample(bias: number, weights: number[], n: number, seed: number) {
  const rng = { float: seededUniform(seed) };
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = weights.map((_, j) => (rng.float() * 4 - 2) * (j === 0 ? 5 : 1));
    const eta = bias + row.reduce((s, v, j) => s + v * weights[j], 0);
    x.push(row);
    y.push(rng.float() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
  }
  return { x, y };
}

describe('fitLogistic', () => {
  it('recovers the parameters of the model that generated the data', () => {
    const truth = { bias: -1, weights: [0.3, -1.2, 2, 0] };
    const { x, y } = sample(truth.bias, truth.weights, 20_000, 7);
    const fit = fitLogistic(x, y, { l2: 0.01 });
    expect(fit.converged).toBe(true);
    expect(fit.bias).toBeCloseTo(truth.bias, 0);
    fit.weights.forEach((w, j) => expect(Math.abs(w - truth.weights[j])).toBeLessThan(0.12));
  });

  it('recovers random parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 1, noNaN: true }),
        fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (bias, weights, seed) => {
          const { x, y } = sample(bias, weights, 8_000, seed);
          const fit = fitLogistic(x, y, { l2: 0.01 });
          // Tolerance of a few standard errors at n = 8000 with |x| ≤ 2 (column 0 is scaled ×5, so its error is /5).
          fit.weights.forEach((w, j) => expect(Math.abs(w - weights[j])).toBeLessThan(j === 0 ? 0.06 : 0.3));
          expect(Math.abs(fit.bias - bias)).toBeLessThan(0.3);
        }
      ),
      { numRuns: 12, seed: 42 }
    );
  });

  it('gives a constant column weight 0 and stops with a clear error on empty input', () => {
    const { x, y } = sample(0, [1], 2_000, 3);
    const fit = fitLogistic(
      x.map((r) => [...r, 1]),
      y
    );
    expect(Math.abs(fit.weights[1])).toBeLessThan(1e-9);
    expect(() => fitLogistic([], [])).toThrow(/non-empty/);
  });
});
