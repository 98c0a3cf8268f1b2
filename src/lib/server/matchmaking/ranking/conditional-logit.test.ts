import { describe, expect, it } from 'vitest';
import { fitConditionalLogit, type ChoiceList } from './conditional-logit';
import { seededUniform } from '../../../../../tests/factories/seeded-random';

/**
 * Lists like `lists` below, with `choices` chosen candidates per list, drawn one after another without replacement with
 * probability ∝ exp(w · x) (Gumbel top-k).
 */
function manyChoiceLists(weights: number[], count: number, seed: number, choices: number): ChoiceList[] {
  const random = seededUniform(seed);
  return Array.from({ length: count }, () => {
    const offset = random() * 3;
    const features = Array.from({ length: 40 }, () =>
      weights.map((_, j) => (random() * 2 + offset) * (j === 1 ? 10 : 1))
    );
    const keys = features.map(
      (row) => row.reduce((s, v, j) => s + v * weights[j], 0) - Math.log(-Math.log(Math.max(random(), 1e-12)))
    );
    const chosen = new Set(
      keys
        .map((k, i) => ({ k, i }))
        .sort((a, b) => b.k - a.k)
        .slice(0, choices)
        .map((x) => x.i)
    );
    return { features, labels: features.map((_, i) => (chosen.has(i) ? 1 : 0)) };
  });
}

/**
 * Lists of 40 candidates, x ~ U(0, 2)^d (one column ×10 to check the rescaling) plus a per-list offset on every
 * feature (lists differ, as queries do); one chosen candidate drawn with probability ∝ exp(w · x).
 */
function lists(weights: number[], count: number, seed: number): ChoiceList[] {
  const random = seededUniform(seed);
  return Array.from({ length: count }, () => {
    const offset = random() * 3;
    const features = Array.from({ length: 40 }, () =>
      weights.map((_, j) => (random() * 2 + offset) * (j === 1 ? 10 : 1))
    );
    const odds = features.map((row) => Math.exp(row.reduce((s, v, j) => s + v * weights[j], 0)));
    let pick = random() * odds.reduce((a, b) => a + b, 0);
    const chosen = Math.max(
      0,
      odds.findIndex((o) => (pick -= o) <= 0)
    );
    return { features, labels: features.map((_, i) => (i === chosen ? 1 : 0)) };
  });
}

describe('fitConditionalLogit', () => {
  it('recovers the weights of the choice model that generated the lists', () => {
    const truth = [1.5, -0.1, 0.8, 0];
    const fit = fitConditionalLogit(lists(truth, 4_000, 11), { l2: 0.01 });
    expect(fit.converged).toBe(true);
    fit.weights.forEach((w, j) => expect(Math.abs(w - truth[j])).toBeLessThan(0.1 * Math.max(1, Math.abs(truth[j]))));
  }, 30_000);

  it('learns nothing from lists without a choice, and refuses when no list has one', () => {
    const informative = lists([1, 0, 0, 0], 500, 3);
    const uninformative = lists([0, 0, 0, 0], 200, 4).map((l) => ({ ...l, labels: l.labels.map(() => 0) }));
    const a = fitConditionalLogit(informative);
    const b = fitConditionalLogit([...informative, ...uninformative]);
    b.weights.forEach((w, j) => expect(w).toBeCloseTo(a.weights[j], 9));
    expect(() => fitConditionalLogit(uninformative)).toThrow(/no list has both a positive and a negative/);
  });

  it('with perQuery, weighs every list once, however many choices it has', () => {
    // 300 queries with one new partner each follow the first feature; 30 "hubs" with 20 new partners each (600
    // positives) follow the third. Hits@10 counts queries, so the per-query fit must follow the first.
    const single = manyChoiceLists([1.5, 0, 0, 0], 300, 21, 1);
    const hubs = manyChoiceLists([0, 0, 1.5, 0], 30, 22, 20);
    const perPositive = fitConditionalLogit([...single, ...hubs]);
    const perQuery = fitConditionalLogit([...single, ...hubs], { perQuery: true });
    expect(perPositive.weights[2]).toBeGreaterThan(perPositive.weights[0]);
    expect(perQuery.weights[0]).toBeGreaterThan(2 * perQuery.weights[2]);
    // With one choice per list the weighting changes nothing.
    const plain = fitConditionalLogit(single);
    fitConditionalLogit(single, { perQuery: true }).weights.forEach((w, j) =>
      expect(w).toBeCloseTo(plain.weights[j], 9)
    );
  }, 30_000);
});
