/**
 * Fits the learned ranking on the deployment's own public history (docs/decisions/0012-learned-ranking.md):
 * the graph as it stood at a cutoff T−Δ, where Δ holds the latest fifth of dated public partnerships, predicts
 * the new pairs that formed in [T−Δ, T). For a sample of organisations that gained such a partner, the
 * production query (recommend-query.ts, with $asOf = cutoff and an anonymous viewer, so only PUBLIC ties are read)
 * returns every candidate with its features; new partners are the positives. Each group (organisations that had
 * partners at the cutoff; newcomers) then serves, of a logistic fit (cross-validated over queries), the prior, the
 * simple baselines' orderings and blends of fit and baseline, the simplest that ranked that history within one
 * standard error of the best (select.ts, docs/decisions/0021-…, 0048-…); a group whose history is too thin keeps
 * the prior.
 * Every step is asynchronous or sliced (steps.ts, docs/decisions/0036-…), so the app can run it in the background.
 */
import { visibilityOf } from '../../access/viewer';
import { readTx } from '../../platform/neo4j';
import { recommendRowsInTx, RecommendInput, type CandidateFeatures } from '../recommend';
import { num } from '../values';
import { PRIOR_MODEL, type HeldOut, type RankingModel } from './model';
import { selectRankingSteps } from './select';
import { runSliced } from './steps';

/** The window Δ holds this share of the dated public partnerships before T. */
const WINDOW_SHARE = 0.2;
/**
 * A group with fewer than MIN_QUERIES queries in that window is also read from earlier cutoffs (windows holding
 * these shares of the dated public ties, each ending at T) and the queries are pooled: rolling origins, as in
 * time-series cross-validation (docs/decisions/0051-…). An organisation may then have one query per cutoff; the
 * selection's folds and scores count it once (select.ts `cluster`). Nothing after T is read.
 */
const THIN_HISTORY_SHARES = [0.3, 0.4, 0.5];
/** Organisations sampled per group (existing, newcomer); bounds the fit's time on large graphs. */
const QUERIES_PER_GROUP = 300;
/** Below this many positive examples in a group, its weights would be noise: the prior is kept. */
const MIN_POSITIVES = 15;
/**
 * Below this many queries in a group, "an option beats the prior" cannot be told from luck (EUTF had 5–6): the
 * prior is kept.
 */
const MIN_QUERIES = 20;
/** Enough to return every candidate the query considers (the candidate limits add up to 650). */
const ALL_CANDIDATES = 1_000;
/** The fit reads what an anonymous visitor sees: PUBLIC partnerships only (the model is global, so public). */
const ANONYMOUS_VISIBILITY = visibilityOf({ kind: 'anonymous' });

// Dated public ties per day, in date order: a few thousand rows whatever the graph's size. (Collecting every date
// into one list hit Neo4j's transaction memory limit at 200k organisations / 2M partnerships.)
const TIES_PER_DAY = `
MATCH ()-[r:PARTNERS_WITH]->()
WHERE r.status = 'CONFIRMED' AND r.visibility = 'PUBLIC' AND r.startDate IS NOT NULL AND r.startDate < date($asOf)
RETURN toString(r.startDate) AS day, count(*) AS ties ORDER BY day`;

export interface TieWindow {
  /** Dated public ties before asOf. */
  dated: number;
  /** The date of the tie at index ⌊(1 − share)·dated⌋ in date order (null: no dated ties). */
  cutoff: string | null;
}

/** Where the window holding the last `share` of the dated ties begins, from per-day counts in date order. */
export function windowFromDays(days: readonly { day: string; ties: number }[], share: number): TieWindow {
  const dated = days.reduce((sum, d) => sum + d.ties, 0);
  if (dated === 0) return { dated, cutoff: null };
  const index = Math.floor((1 - share) * dated);
  let seen = 0;
  for (const { day, ties } of days) {
    seen += ties;
    if (seen > index) return { dated, cutoff: day };
  }
  return { dated, cutoff: days[days.length - 1]!.day };
}

const tieWindow = (asOf: string, share: number): Promise<TieWindow> =>
  readTx(async (tx) => {
    const records = (await tx.run(TIES_PER_DAY, { asOf })).records;
    return windowFromDays(
      records.map((r) => ({ day: r.get('day') as string, ties: num(r.get('ties')) })),
      share
    );
  });

/** New public pairs in [cutoff, asOf) between organisations not archived, with no public tie before the cutoff. */
const NEW_PAIRS = `
MATCH (a:Organization)-[r:PARTNERS_WITH]->(b:Organization)
WHERE r.status = 'CONFIRMED' AND r.visibility = 'PUBLIC' AND r.startDate >= date($cutoff) AND r.startDate < date($asOf)
  AND a.archived = false AND b.archived = false
  AND NOT EXISTS { MATCH (a)-[old:PARTNERS_WITH]-(b) WHERE old.visibility = 'PUBLIC'
                   AND (old.startDate IS NULL OR old.startDate < date($cutoff)) }
RETURN DISTINCT a.id AS a, b.id AS b,
       EXISTS { MATCH (a)-[x:PARTNERS_WITH]-() WHERE x.status = 'CONFIRMED' AND x.visibility = 'PUBLIC'
                AND (x.startDate IS NULL OR x.startDate < date($cutoff)) } AS aHadPartners,
       EXISTS { MATCH (b)-[x:PARTNERS_WITH]-() WHERE x.status = 'CONFIRMED' AND x.visibility = 'PUBLIC'
                AND (x.startDate IS NULL OR x.startDate < date($cutoff)) } AS bHadPartners`;

export interface FitOptions {
  /** T: the end of the history (YYYY-MM-DD); today when absent. */
  asOf?: string;
  seed?: number;
  log?: (line: string) => void;
  /** Stops the fit between two of its queries (the app shutting down during a background refit). */
  signal?: AbortSignal;
}

interface Example extends CandidateFeatures {
  query: string;
  cluster: string;
  label: number;
}

interface Query {
  /** The organisation's id, with the cutoff appended for an earlier window's query. */
  key: string;
  organizationId: string;
  cutoff: string;
  relevant: Set<string>;
}

/** The organisations that gained new public partners in [cutoff, asOf), by group, each group in a seeded order. */
async function queriesAt(cutoff: string, asOf: string, seed: number, key: (id: string) => string) {
  const pairs = await readTx(async (tx) => (await tx.run(NEW_PAIRS, { cutoff, asOf })).records);
  const targets = new Map<string, Set<string>>();
  const newcomers = new Set<string>();
  for (const r of pairs) {
    const [a, b] = [r.get('a') as string, r.get('b') as string];
    (targets.get(a) ?? targets.set(a, new Set()).get(a)!).add(b);
    (targets.get(b) ?? targets.set(b, new Set()).get(b)!).add(a);
    if (!r.get('aHadPartners')) newcomers.add(a);
    if (!r.get('bHadPartners')) newcomers.add(b);
  }
  const ids = [...targets.keys()];
  const query = (id: string): Query => ({ key: key(id), organizationId: id, cutoff, relevant: targets.get(id)! });
  return {
    pairs: pairs.length,
    existing: seededOrder(
      ids.filter((id) => !newcomers.has(id)),
      seed
    ).map(query),
    newcomer: seededOrder(
      ids.filter((id) => newcomers.has(id)),
      seed + 1
    ).map(query)
  };
}

/** Where the window holding `share` of the dated public ties before asOf begins (null: no dated ties). */
const cutoffFor = async (asOf: string, share: number) => (await tieWindow(asOf, share)).cutoff;

/** A stable pseudo-random order: ids sorted by a seeded FNV-1a hash (no dependency on storage order). */
export function seededOrder(ids: readonly string[], seed: number): string[] {
  const hash = (id: string) => {
    let h = (2166136261 ^ seed) >>> 0;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
    return h;
  };
  return [...ids]
    .map((id) => ({ id, h: hash(id) }))
    .sort((x, y) => x.h - y.h || (x.id < y.id ? -1 : 1))
    .map((x) => x.id);
}

export async function fitRankingModel(opts: FitOptions = {}): Promise<RankingModel> {
  const log = opts.log ?? (() => {});
  const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
  const seed = opts.seed ?? 42;
  const prior = (note: string): RankingModel => ({ ...PRIOR_MODEL, note });

  const { cutoff, dated } = await tieWindow(asOf, WINDOW_SHARE);
  if (!cutoff) return prior('no dated public partnerships to learn from');
  log(`fit: ties before ${cutoff} predict new ties in [${cutoff}, ${asOf}) (${dated} dated public ties)`);

  const main = await queriesAt(cutoff, asOf, seed, (id) => id);
  const groups = {
    existing: main.existing.slice(0, QUERIES_PER_GROUP),
    newcomer: main.newcomer.slice(0, QUERIES_PER_GROUP)
  };
  log(
    `fit: ${main.pairs} new pairs; ${groups.existing.length} existing and ${groups.newcomer.length} newcomer queries`
  );
  // A thin history: the same question asked from earlier cutoffs too (rolling origins), pooled per group.
  const pooledFrom: Record<'existing' | 'newcomer', string[]> = { existing: [], newcomer: [] };
  const thin = (['existing', 'newcomer'] as const).filter((g) => main[g].length < MIN_QUERIES);
  for (const share of thin.length > 0 ? THIN_HISTORY_SHARES : []) {
    const earlier = await cutoffFor(asOf, share);
    if (!earlier || earlier >= cutoff || Object.values(pooledFrom).some((c) => c.includes(earlier))) continue;
    const more = await queriesAt(earlier, asOf, seed, (id) => `${id} as of ${earlier}`);
    for (const g of thin) {
      groups[g] = [...groups[g], ...more[g]].slice(0, QUERIES_PER_GROUP);
      pooledFrom[g].push(earlier);
    }
  }
  for (const g of thin)
    log(
      `fit ${g}: thin history, ${groups[g].length} queries pooled from cutoffs ${[cutoff, ...pooledFrom[g]].join(', ')}`
    );

  const model: RankingModel = {
    source: 'fitted',
    fittedAt: new Date().toISOString(),
    window: { cutoff, asOf },
    existing: PRIOR_MODEL.existing,
    newcomer: PRIOR_MODEL.newcomer,
    heldOut: { existing: null, newcomer: null },
    examples: { existing: 0, newcomer: 0 }
  };
  const notes: string[] = [];
  let served = 0;
  for (const group of ['existing', 'newcomer'] as const) {
    const examples: Example[] = [];
    for (const query of groups[group]) {
      opts.signal?.throwIfAborted();
      const input = RecommendInput.parse({ organizationId: query.organizationId });
      const rows = await readTx((tx) =>
        recommendRowsInTx(
          tx,
          ANONYMOUS_VISIBILITY,
          { ...input, first: ALL_CANDIDATES },
          { asOf: query.cutoff, withDistance: false }
        )
      );
      for (const row of rows)
        examples.push({
          ...row,
          query: query.key,
          cluster: query.organizationId,
          label: query.relevant.has(row.id) ? 1 : 0
        });
    }
    const positives = examples.filter((e) => e.label === 1).length;
    model.examples[group] = examples.length;
    const pooled =
      pooledFrom[group].length > 0
        ? ` (thin history: pooled with the windows from ${pooledFrom[group].join(', ')})`
        : '';
    if (groups[group].length < MIN_QUERIES) {
      notes.push(`${group}: ${groups[group].length} queries${pooled}, fewer than ${MIN_QUERIES}: prior weights kept`);
      continue;
    }
    // Rank-aware selection (select.ts): the fit, the prior, the baselines' orderings and blends, each scored on
    // this history's queries (the fit cross-validated), the best served.
    // A pooled thin history selects among the fixed orderings only (the prior and the baselines): on EUTF its
    // cross-validated fits scored ~90 % on the history and 27–57 % on the evaluation depending on how many cutoffs
    // were pooled, so a fit chosen on two dozen organisations is not to be trusted (0051).
    const canFit = !pooled && positives >= MIN_POSITIVES && positives < examples.length;
    // In slices (steps.ts): the app refits a stale model in its own process, and a request arriving meanwhile
    // must not wait for seconds of arithmetic.
    const selection = await runSliced(selectRankingSteps(examples, PRIOR_MODEL[group], canFit), {
      signal: opts.signal
    });
    const heldOut: HeldOut = {
      queries: selection.queries,
      hitsAt10: selection.scores[selection.chosen],
      priorHitsAt10: selection.scores.prior,
      popularityHitsAt10: selection.scores['most connected'],
      chosen: selection.chosen,
      best: selection.best,
      standardError: selection.standardError,
      options: selection.scores
    };
    model.heldOut[group] = heldOut;
    if (pooled)
      notes.push(`${group}: ${selection.queries} queries of ${selection.organizations} organisations${pooled}`);
    if (pooled) notes.push(`${group}: thin history: fixed orderings only, not fitted`);
    else if (!canFit) notes.push(`${group}: ${positives} positive examples, fewer than ${MIN_POSITIVES}: not fitted`);
    if (selection.chosen === 'prior') {
      notes.push(
        selection.best === 'prior'
          ? `${group}: no option ranked this history better than the prior: prior weights kept`
          : `${group}: no option ranked this history better than the prior by more than one standard error ` +
              `(best: ${selection.best}): prior weights kept`
      );
      continue;
    }
    notes.push(
      `${group}: serves ${selection.chosen}` +
        (selection.best === selection.chosen ? '' : ` (within one standard error of ${selection.best})`)
    );
    model[group] = selection.weights;
    served++;
    log(
      `fit ${group}: ${examples.length} rows, ${positives} positives; serves ${selection.chosen}: Hits@10 ` +
        `${heldOut.hitsAt10.toFixed(3)} (prior ${heldOut.priorHitsAt10.toFixed(3)}, popularity ` +
        `${heldOut.popularityHitsAt10.toFixed(3)}; ${selection.queries} queries, fits cross-validated)`
    );
  }
  if (notes.length > 0) model.note = notes.join('; ');
  if (served === 0) model.source = 'prior';
  return model;
}
