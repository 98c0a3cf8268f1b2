/**
 * Rank-aware selection on generated candidate lists with a known structure: whatever the truth (shared partners
 * matter, or only popularity, or the country), the option chosen on one sample of queries must rank fresh queries
 * from the same process at least as well as "most connected first" — the test fails if production would lose to
 * the popularity baseline there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEATURES, PRIOR_MODEL, type Feature } from './model';
import { BASELINE_ORDERINGS, hitsAt10, logitOf, selectRanking, selectRankingSteps, type LabelledRow } from './select';
import { runSliced } from './steps';
import { seededUniform } from '../../../../../tests/factories/seeded-random';

type Truth = { commonNeighbours: number; degree: number; geography: number };

/** `queries` candidate lists of 100; one new partner each, drawn with probability ∝ exp(truth · features). */
function generate(truth: Truth, queries: number, seed: number): LabelledRow[] {
  const random = seededUniform(seed);
  const rows: LabelledRow[] = [];
  for (let q = 0; q < queries; q++) {
    const list: LabelledRow[] = [];
    for (let c = 0; c < 100; c++) {
      const cn = random() < 0.15 ? 1 + Math.floor(random() * 4) : 0;
      const degree = Math.floor(1 / Math.max(random(), 1e-3)); // heavy-tailed, as partner counts are
      const geography = random() < 0.2 ? 1 : 0;
      const features = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>;
      Object.assign(features, {
        commonNeighbours: Math.log(1 + cn),
        adamicAdar: 1 - Math.exp(-cn / Math.log(2 + degree)),
        degree: Math.log(1 + degree),
        geography,
        countryPopularity: geography * Math.log(1 + degree),
        sharesCountry: geography,
        sharesCountryPopularity: geography * Math.log(1 + degree)
      });
      list.push({ query: `q${seed}-${q}`, id: `c${c}`, label: 0, features });
    }
    const weight = list.map((r) =>
      Math.exp(
        truth.commonNeighbours * r.features.commonNeighbours +
          truth.degree * r.features.degree +
          truth.geography * r.features.geography
      )
    );
    let pick = random() * weight.reduce((a, b) => a + b, 0);
    const chosen = list.findIndex((_, i) => (pick -= weight[i]) <= 0);
    list[chosen === -1 ? list.length - 1 : chosen].label = 1;
    rows.push(...list);
  }
  return rows;
}

const popularity = BASELINE_ORDERINGS['most connected'];

describe('rank-aware selection', () => {
  it('on a network where shared partners drive new ties, beats popularity on fresh queries', () => {
    const truth = { commonNeighbours: 3, degree: 0.5, geography: 0 };
    const selection = selectRanking(generate(truth, 150, 1), PRIOR_MODEL.existing, true);
    const fresh = generate(truth, 300, 2);
    const served = hitsAt10(fresh, (r) => logitOf(selection.weights, r.features));
    expect(served).toBeGreaterThan(hitsAt10(fresh, (r) => logitOf(popularity, r.features)) + 0.05);
    expect(selection.chosen).not.toBe('most connected');
  }, 300_000);

  it('never ranks fresh queries clearly worse than popularity, whatever the structure', () => {
    fc.assert(
      fc.property(
        fc.record({
          commonNeighbours: fc.double({ min: 0, max: 3, noNaN: true }),
          degree: fc.double({ min: 0, max: 1.5, noNaN: true }),
          geography: fc.double({ min: 0, max: 3, noNaN: true })
        }),
        fc.integer({ min: 1, max: 1000 }),
        (truth, seed) => {
          const selection = selectRanking(generate(truth, 80, seed), PRIOR_MODEL.newcomer, true);
          const fresh = generate(truth, 200, seed + 7919);
          const served = hitsAt10(fresh, (r) => logitOf(selection.weights, r.features));
          // Sampling noise on 200 queries is a few points; a real loss (e.g. serving a bad prior) is far more.
          expect(served).toBeGreaterThanOrEqual(hitsAt10(fresh, (r) => logitOf(popularity, r.features)) - 0.06);
        }
      ),
      { numRuns: 6, seed: 42 }
    );
  }, 300_000);

  it('records every option it scored, names the best and serves one within a standard error of it', () => {
    const selection = selectRanking(
      generate({ commonNeighbours: 0, degree: 1, geography: 2 }, 60, 3),
      PRIOR_MODEL.newcomer,
      false
    );
    expect(Object.keys(selection.scores)).toEqual(['prior', ...Object.keys(BASELINE_ORDERINGS)]);
    expect(selection.scores[selection.best]).toBe(Math.max(...Object.values(selection.scores)));
    expect(selection.scores[selection.chosen]).toBeGreaterThanOrEqual(
      selection.scores[selection.best] - selection.standardError - 1e-12
    );
    expect(selection.queries).toBe(60);
  });

  it('keeps the simpler option when a later one wins by less than a standard error', () => {
    // Two queries: the prior hits neither; same-country popularity hits one (50 % vs 0 %, SE 50 points).
    const row = (query: string, id: string, label: number, sharesCountry: number, degree: number): LabelledRow => ({
      query,
      id,
      label,
      features: {
        ...(Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>),
        sharesCountry,
        degree,
        sharesCountryPopularity: sharesCountry * degree
      }
    });
    const rows = ['q1', 'q2'].flatMap((q) => [
      // 11 hubs abroad the prior puts first, then the one local organisation that becomes the partner in q1.
      ...Array.from({ length: 11 }, (_, i) => row(q, `hub${i}`, 0, 0, 5)),
      row(q, 'local', q === 'q1' ? 1 : 0, 1, 0.5)
    ]);
    const popularity = { ...BASELINE_ORDERINGS['most connected'] };
    const selection = selectRanking(rows, popularity, false);
    expect(selection.scores.prior).toBe(0);
    expect(selection.best).toBe('same-country popularity');
    expect(selection.scores['same-country popularity']).toBe(0.5);
    expect(selection.chosen).toBe('prior');
    expect(selection.standardError).toBeCloseTo(0.5, 12);
  });

  it('counts an organisation with several queries (a pooled thin history) once', () => {
    const row = (query: string, cluster: string, id: string, label: number, degree: number): LabelledRow => ({
      query,
      cluster,
      id,
      label,
      features: { ...(Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>), degree }
    });
    // Organisation a, asked at three cutoffs, finds its partner (the hub) first each time; b, asked once, never.
    const rows = [
      ...['a', 'a as of 2016', 'a as of 2015'].flatMap((q) => [row(q, 'a', 'hub', 1, 3), row(q, 'a', 'x', 0, 1)]),
      ...Array.from({ length: 11 }, (_, i) => row('b', 'b', `hub${i}`, 0, 3)),
      row('b', 'b', 'small', 1, 0.1)
    ];
    const selection = selectRanking(rows, PRIOR_MODEL.existing, false);
    expect(selection.queries).toBe(4);
    expect(selection.organizations).toBe(2);
    expect(selection.scores['most connected']).toBe(0.5);
  });

  it('scores both fits, cross-validated, when it may fit, and names the best option', () => {
    const selection = selectRanking(
      generate({ commonNeighbours: 2, degree: 0.5, geography: 1 }, 60, 5),
      PRIOR_MODEL.existing,
      true
    );
    expect(Object.keys(selection.scores)).toEqual(
      expect.arrayContaining(['fitted', 'fitted ranking', 'resource allocation + popularity'])
    );
    expect(selection.scores[selection.best]).toBe(Math.max(...Object.values(selection.scores)));
  }, 300_000);

  it('runs in slices with the same answer, giving the event loop turns throughout (the app refits this way)', async () => {
    const rows = generate({ commonNeighbours: 3, degree: 0.5, geography: 0 }, 60, 1);
    const atOnce = selectRanking(rows, PRIOR_MODEL.existing, true);
    // A timer-free ticker: counts the event-loop turns other work gets while the sliced selection runs.
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const sliced = await runSliced(selectRankingSteps(rows, PRIOR_MODEL.existing, true), { sliceMs: 0 });
    running = false;
    expect(sliced).toEqual(atOnce);
    // 60 lists: each listwise fit yields per list and iteration, each option's score per query.
    expect(turns).toBeGreaterThan(1_000);
  }, 120_000);

  it('stops at the next turn when its signal is aborted', async () => {
    const rows = generate({ commonNeighbours: 3, degree: 0.5, geography: 0 }, 60, 1);
    const stop = new AbortController();
    setImmediate(() => stop.abort(new Error('shutting down')));
    await expect(
      runSliced(selectRankingSteps(rows, PRIOR_MODEL.existing, true), { sliceMs: 0, signal: stop.signal })
    ).rejects.toThrow('shutting down');
  });
});
