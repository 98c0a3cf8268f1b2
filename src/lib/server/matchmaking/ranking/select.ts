/**
 * Rank-aware model selection (docs/decisions/0021-rank-aware-model-selection.md): the logistic fit minimises log
 * loss, not "a new partner in the top 10", and on FP7 its weights lost to "common neighbours filled up by
 * popularity" on the evaluation although they beat the prior on held-out history. So the fit no longer serves its
 * weights blindly: on the fit's own queries (the history before the cutoff predicting [cutoff, T) — never anything
 * after T) it scores the cross-validated fitted weights (the pooled logistic fit and the listwise conditional logit,
 * docs/decisions/0032-listwise-fit-and-resource-allocation.md), the prior, the simple baselines' own orderings
 * written as weight sets, and blends of the fit with those orderings, and each group serves whichever ranked best.
 * Production is then never worse than the best simple ordering on the deployment's own recent history.
 *
 * Every option is a linear weight set over the query's features (ranking/model.ts), so the one Cypher query
 * ranks with it unchanged and the reasons stay the terms that ranked the item (weight × feature).
 */
import { fitConditionalLogitSteps } from './conditional-logit';
import { fitLogisticSteps } from './logistic';
import { FEATURES, type Feature, type Weights } from './model';
import { simplestWithinOneStandardError, type OptionOutcomes } from './one-standard-error';
import { ROWS_PER_STEP, runNow, type Steps } from './steps';

export interface LabelledRow {
  query: string;
  /**
   * The organisation the query is for, when one organisation has several queries (a thin history read at several
   * cutoffs, fit.ts): cross-validation folds and the scores group by it, so an organisation weighs once and is never
   * on both sides of a fold. Defaults to `query`.
   */
  cluster?: string;
  id: string;
  label: number;
  features: Record<Feature, number>;
}

const zero = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>;
const weights = (w: Partial<Weights>): Weights => ({ ...zero, bias: -5, ...w });

/**
 * The simple baselines of the evaluation as weight sets: a dominant key (weight 20 on a feature in [0, ~3]) with
 * popularity, ln(1 + partners), breaking ties and filling up — "X first, then the most connected". Not exactly
 * lexicographic for very large hubs, which is the point of offering blends too.
 */
export const BASELINE_ORDERINGS: Record<string, Weights> = {
  'most connected': weights({ degree: 1 }),
  'common neighbours + popularity': weights({ commonNeighbours: 20, degree: 1 }),
  'Adamic-Adar + popularity': weights({ adamicAdar: 20, degree: 1 }),
  // Resource allocation (Σ 1 / partner count of each shared partner; feature ln(1 + that)) rewards partners of
  // small partners, where Adamic-Adar's 1 / ln(degree) barely discounts hubs. 100 × a value near 1 / degree
  // outweighs popularity for shared partners with up to a few dozen partners, not for the largest hubs.
  'resource allocation + popularity': weights({ resourceAllocation: 100, degree: 1 }),
  'same-country popularity': weights({ sharesCountry: 20, sharesCountryPopularity: 1, degree: 0.05 }),
  'same-theme popularity': weights({ theme: 20, themePopularity: 1, degree: 0.05 })
};

/** How strongly a blend adds a baseline ordering (without its bias) to the fitted weights. */
const BLEND_STRENGTHS = [0.1, 0.3, 1];
/** Baselines blended with the fit (the others are offered alone). */
const BLENDED = ['common neighbours + popularity', 'same-country popularity'];
const FOLDS = 5;
const L2 = 1;

export const logitOf = (w: Weights, features: Record<Feature, number>) =>
  FEATURES.reduce((s, f) => s + w[f] * features[f], w.bias);

const add = (a: Weights, b: Weights, strength: number): Weights =>
  Object.fromEntries([['bias', a.bias], ...FEATURES.map((f) => [f, a[f] + strength * b[f]])]) as Weights;

function byQuery<T extends LabelledRow>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) (out.get(r.query) ?? out.set(r.query, []).get(r.query)!).push(r);
  return out;
}

/** Hits@10 of one query's rows under a score (ties by id, as the query breaks them). */
function hit(rows: readonly LabelledRow[], score: (r: LabelledRow) => number): boolean {
  return rows
    .map((r) => ({ r, s: score(r) }))
    .sort((x, y) => y.s - x.s || (x.r.id < y.r.id ? -1 : 1))
    .slice(0, 10)
    .some((t) => t.r.label === 1);
}

/** Per query (in `queries` order): 1 if a positive is in the top 10 under the query's weights, else 0. */
function* hitsAt10ByQuery(
  queries: ReadonlyMap<string, readonly LabelledRow[]>,
  weightsFor: (query: string) => Weights
): Steps<number[]> {
  const outcomes: number[] = [];
  for (const [query, rows] of queries) {
    const w = weightsFor(query);
    outcomes.push(hit(rows, (r) => logitOf(w, r.features)) ? 1 : 0);
    yield;
  }
  return outcomes;
}

/** The rows of queries outside fold `k` (the training rows of that fold), yielding while it copies. */
function* outsideFold<T extends LabelledRow>(
  rows: readonly T[],
  fold: ReadonlyMap<string, number>,
  k: number
): Steps<T[]> {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (fold.get(rows[i].query) !== k) out.push(rows[i]);
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
  }
  return out;
}

/** Share of queries with a positive in the top 10 when their candidates are ranked by `score`. */
export function hitsAt10(rows: readonly LabelledRow[], score: (r: LabelledRow) => number): number {
  const queries = byQuery(rows);
  if (queries.size === 0) return 0;
  let hits = 0;
  for (const qr of queries.values()) if (hit(qr, score)) hits++;
  return hits / queries.size;
}

export function fitWeights(rows: readonly LabelledRow[]): Weights {
  return runNow(fitWeightsSteps(rows));
}

function* fitWeightsSteps(rows: readonly LabelledRow[]): Steps<Weights> {
  const fit = yield* fitLogisticSteps(
    rows.map((r) => FEATURES.map((f) => r.features[f])),
    rows.map((r) => r.label),
    { l2: L2 }
  );
  return { bias: fit.bias, ...Object.fromEntries(FEATURES.map((f, j) => [f, fit.weights[j]])) } as Weights;
}

/**
 * The conditional logit (conditional-logit.ts): weights that order candidates within each query's list, each query
 * weighing once as in Hits@10 (0048). The bias only shifts every logit alike; it is set so the average candidate
 * sits at −5, like the prior's.
 */
export function fitRankingWeights(rows: readonly LabelledRow[]): Weights {
  return runNow(fitRankingWeightsSteps(rows));
}

function* fitRankingWeightsSteps(rows: readonly LabelledRow[]): Steps<Weights> {
  const lists = [...byQuery(rows).values()].map((qr) => ({
    features: qr.map((r) => FEATURES.map((f) => r.features[f])),
    labels: qr.map((r) => r.label)
  }));
  const fit = yield* fitConditionalLogitSteps(lists, { l2: L2, perQuery: true });
  const mean = (j: number) => rows.reduce((s, r) => s + r.features[FEATURES[j]], 0) / rows.length;
  const bias = -5 - fit.weights.reduce((s, w, j) => s + w * mean(j), 0);
  return { bias, ...Object.fromEntries(FEATURES.map((f, j) => [f, fit.weights[j]])) } as Weights;
}

export interface Selection {
  /** The option served: 'fitted', 'prior', a baseline name, or 'fitted + <strength> × <baseline>'. */
  chosen: string;
  weights: Weights;
  /** The option that scored best; `chosen` differs when a simpler one is within one paired standard error of it. */
  best: string;
  /** The paired standard error of Hits@10 between `best` and `chosen` (0 when they are the same). */
  standardError: number;
  /** Hits@10 of every option on the group's queries (fitted and blends cross-validated). */
  scores: Record<string, number>;
  queries: number;
  /** Distinct organisations among the queries (fewer than `queries` when a thin history was pooled). */
  organizations: number;
}

/**
 * Scores every option on `rows` (one group's labelled candidates, several queries) and serves the simplest one
 * within one paired standard error of the best (one-standard-error.ts). Fitted weights and blends are scored by
 * `FOLDS`-fold cross-validation over queries (each query ranked by weights fitted without it); fixed orderings need
 * no fit and are scored on every query. Simplicity is the options' order: the prior, then the baselines, then the
 * fits (logistic, then listwise), then the blends — the simpler explanation wins unless clearly beaten.
 * `canFit` false (too few positives) leaves the fitted options out.
 */
export function selectRanking(rows: readonly LabelledRow[], prior: Weights, canFit: boolean): Selection {
  return runNow(selectRankingSteps(rows, prior, canFit));
}

/** selectRanking as steps (steps.ts), for a fit that must not stall the app's event loop. */
export function* selectRankingSteps(rows: readonly LabelledRow[], prior: Weights, canFit: boolean): Steps<Selection> {
  const queries = byQuery(rows);
  // Folds and scores by organisation (`cluster`): the same as by query unless a thin history was pooled (fit.ts).
  const clusterOf = new Map([...queries].map(([q, qr]) => [q, qr[0].cluster ?? q]));
  const clusters = [...new Set(clusterOf.values())];
  const clusterFold = new Map(clusters.map((c, i) => [c, i % FOLDS]));
  const fold = new Map([...queries.keys()].map((q) => [q, clusterFold.get(clusterOf.get(q)!)!]));
  const clusterIndex = new Map(clusters.map((c, i) => [c, i]));
  /** Per-query outcomes averaged per organisation (in `clusters` order): each organisation weighs once. */
  const perCluster = (hits: readonly number[]) => {
    const sums = clusters.map(() => 0);
    const counts = clusters.map(() => 0);
    [...queries.keys()].forEach((q, i) => {
      const k = clusterIndex.get(clusterOf.get(q)!)!;
      sums[k] += hits[i];
      counts[k]++;
    });
    return sums.map((s, k) => s / counts[k]);
  };
  // Each option: the weights that rank a given query (fixed, or fitted without that query's fold), and the
  // weights served if it wins (fixed ones: themselves; fitted ones: fitted on every query, only for the winner).
  const options: { name: string; weightsFor: (query: string) => Weights; final?: () => Steps<Weights> }[] = [
    { name: 'prior', weightsFor: () => prior },
    ...Object.entries(BASELINE_ORDERINGS).map(([name, w]) => ({ name, weightsFor: () => w }))
  ];
  if (canFit) {
    const perFold: Weights[] = [];
    for (let k = 0; k < FOLDS; k++) perFold.push(yield* fitWeightsSteps(yield* outsideFold(rows, fold, k)));
    options.push({ name: 'fitted', weightsFor: (q) => perFold[fold.get(q)!], final: () => fitWeightsSteps(rows) });
    const rankingPerFold: Weights[] = [];
    for (let k = 0; k < FOLDS; k++)
      rankingPerFold.push(yield* fitRankingWeightsSteps(yield* outsideFold(rows, fold, k)));
    options.push({
      name: 'fitted ranking',
      weightsFor: (q) => rankingPerFold[fold.get(q)!],
      final: () => fitRankingWeightsSteps(rows)
    });
    for (const base of BLENDED)
      for (const s of BLEND_STRENGTHS) {
        const b = { ...BASELINE_ORDERINGS[base], bias: 0 };
        const blended = perFold.map((w) => add(w, b, s));
        options.push({
          name: `fitted + ${s} × ${base}`,
          weightsFor: (q) => blended[fold.get(q)!],
          final: function* () {
            return add(yield* fitWeightsSteps(rows), b, s);
          }
        });
      }
  }
  const scores: Record<string, number> = {};
  const outcomes: OptionOutcomes[] = [];
  for (const option of options) {
    const hits = perCluster(yield* hitsAt10ByQuery(queries, option.weightsFor));
    scores[option.name] = hits.length === 0 ? 0 : hits.reduce((a, b) => a + b, 0) / hits.length;
    outcomes.push({ name: option.name, outcomes: hits });
  }
  // The simplest option within one paired standard error of the best (one-standard-error.ts, 0048).
  const rule = simplestWithinOneStandardError(outcomes);
  const chosen = options.find((o) => o.name === rule.chosen)!;
  return {
    chosen: chosen.name,
    best: rule.best,
    standardError: rule.standardError,
    weights: chosen.final ? yield* chosen.final() : chosen.weightsFor(''),
    scores,
    queries: queries.size,
    organizations: clusters.length
  };
}
