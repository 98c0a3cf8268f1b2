/**
 * Fits the learned ranking on the deployment's own public history (docs/decisions/0012-learned-ranking.md):
 * the graph as it stood at a cutoff T−Δ, where Δ holds the latest fifth of dated public partnerships, predicts
 * the new pairs that formed in [T−Δ, T). For a sample of organisations that gained such a partner, the
 * production query (recommend-query.ts, with $asOf = cutoff and an anonymous viewer, so only PUBLIC ties are read)
 * returns every candidate with its features; new partners are the positives. One logistic regression for
 * organisations that had partners at the cutoff, one for newcomers. A fifth of the queries is held out to score
 * the fit against the prior and against popularity; a group whose history is too thin, or whose fitted weights
 * rank held-out queries worse than the prior, keeps the prior.
 */
import { visibilityOf } from '../../auth/viewer';
import { readTx } from '../../graph/driver';
import { recommendRowsInTx, RecommendInput, type CandidateFeatures } from '../recommend';
import { num } from '../values';
import { fitLogistic } from './logistic';
import { FEATURES, PRIOR_MODEL, type HeldOut, type RankingModel, type Weights } from './model';

/** The window Δ holds this share of the dated public partnerships before T. */
const WINDOW_SHARE = 0.2;
/** Organisations sampled per group (existing, newcomer); bounds the fit's time on large graphs. */
const QUERIES_PER_GROUP = 300;
/** Below this many positive examples in a group, its weights would be noise: the prior is kept. */
const MIN_POSITIVES = 15;
/**
 * Below this many held-out queries, "the fit beats the prior" cannot be told from luck (EUTF had 1–2): the prior
 * is kept.
 */
const MIN_HELD_OUT_QUERIES = 20;
/** Enough to return every candidate the query considers (the candidate limits add up to 650). */
const ALL_CANDIDATES = 1_000;
const L2 = 1;
/** The fit reads what an anonymous visitor sees: PUBLIC partnerships only (the model is global, so public). */
const ANONYMOUS_VISIBILITY = visibilityOf({ kind: 'anonymous' });

const WINDOW = `
MATCH ()-[r:PARTNERS_WITH]->()
WHERE r.status = 'CONFIRMED' AND r.visibility = 'PUBLIC' AND r.startDate IS NOT NULL AND r.startDate < date($asOf)
WITH r.startDate AS d ORDER BY d
WITH collect(d) AS dates
RETURN size(dates) AS dated, CASE WHEN size(dates) = 0 THEN null
       ELSE toString(dates[toInteger(floor((1.0 - $share) * size(dates)))]) END AS cutoff`;

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
}

interface Example extends CandidateFeatures {
  query: string;
  label: number;
}

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

const vector = (row: CandidateFeatures) => FEATURES.map((f) => row.features[f]);
const logitOf = (w: Weights, row: CandidateFeatures) => FEATURES.reduce((s, f) => s + w[f] * row.features[f], w.bias);

/** Share of queries with a positive in the top 10 when their candidates are ranked by `score` (ties by id). */
export function hitsAt10(examples: Example[], score: (row: Example) => number): number {
  const byQuery = new Map<string, Example[]>();
  for (const e of examples) (byQuery.get(e.query) ?? byQuery.set(e.query, []).get(e.query)!).push(e);
  if (byQuery.size === 0) return 0;
  let hits = 0;
  for (const rows of byQuery.values()) {
    const top = rows
      .map((r) => ({ r, s: score(r) }))
      .sort((x, y) => y.s - x.s || (x.r.id < y.r.id ? -1 : 1))
      .slice(0, 10);
    if (top.some((t) => t.r.label === 1)) hits++;
  }
  return hits / byQuery.size;
}

export async function fitRankingModel(opts: FitOptions = {}): Promise<RankingModel> {
  const log = opts.log ?? (() => {});
  const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
  const seed = opts.seed ?? 42;
  const prior = (note: string): RankingModel => ({ ...PRIOR_MODEL, note });

  const window = await readTx(async (tx) => (await tx.run(WINDOW, { asOf, share: WINDOW_SHARE })).records[0]);
  const cutoff = window.get('cutoff') as string | null;
  if (!cutoff) return prior('no dated public partnerships to learn from');
  log(
    `fit: ties before ${cutoff} predict new ties in [${cutoff}, ${asOf}) (${num(window.get('dated'))} dated public ties)`
  );

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
  const queries = [...targets.keys()];
  const groups = {
    existing: seededOrder(
      queries.filter((id) => !newcomers.has(id)),
      seed
    ).slice(0, QUERIES_PER_GROUP),
    newcomer: seededOrder(
      queries.filter((id) => newcomers.has(id)),
      seed + 1
    ).slice(0, QUERIES_PER_GROUP)
  };
  log(
    `fit: ${pairs.length} new pairs; ${groups.existing.length} existing and ${groups.newcomer.length} newcomer queries`
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
  for (const group of ['existing', 'newcomer'] as const) {
    const examples: Example[] = [];
    for (const query of groups[group]) {
      const input = RecommendInput.parse({ organizationId: query });
      const rows = await readTx((tx) =>
        recommendRowsInTx(
          tx,
          ANONYMOUS_VISIBILITY,
          { ...input, first: ALL_CANDIDATES },
          { asOf: cutoff, withDistance: false }
        )
      );
      const relevant = targets.get(query)!;
      for (const row of rows) examples.push({ ...row, query, label: relevant.has(row.id) ? 1 : 0 });
    }
    // Every fifth query (in seeded order) is held out.
    const heldOutQueries = new Set(groups[group].filter((_, i) => i % 5 === 4));
    const train = examples.filter((e) => !heldOutQueries.has(e.query));
    const test = examples.filter((e) => heldOutQueries.has(e.query));
    const positives = train.filter((e) => e.label === 1).length;
    model.examples[group] = train.length;
    if (positives < MIN_POSITIVES || positives === train.length) {
      notes.push(`${group}: ${positives} positive examples, fewer than ${MIN_POSITIVES}: prior weights kept`);
      continue;
    }
    const fit = fitLogistic(
      train.map(vector),
      train.map((e) => e.label),
      { l2: L2 }
    );
    const fitted = {
      bias: fit.bias,
      ...Object.fromEntries(FEATURES.map((f, j) => [f, fit.weights[j]]))
    } as Weights;
    const priorWeights = PRIOR_MODEL[group];
    const heldOut: HeldOut = {
      queries: heldOutQueries.size,
      hitsAt10: hitsAt10(test, (e) => logitOf(fitted, e)),
      priorHitsAt10: hitsAt10(test, (e) => logitOf(priorWeights, e)),
      popularityHitsAt10: hitsAt10(test, (e) => e.features.degree)
    };
    model.heldOut[group] = heldOut;
    if (heldOut.queries < MIN_HELD_OUT_QUERIES) {
      notes.push(
        `${group}: ${heldOut.queries} held-out queries, fewer than ${MIN_HELD_OUT_QUERIES}: prior weights kept`
      );
      continue;
    }
    if (heldOut.hitsAt10 < heldOut.priorHitsAt10) {
      notes.push(`${group}: the fit ranked held-out queries worse than the prior: prior weights kept`);
      continue;
    }
    model[group] = fitted;
    log(
      `fit ${group}: ${train.length} rows, ${positives} positives; held-out Hits@10 ${heldOut.hitsAt10.toFixed(3)} ` +
        `(prior ${heldOut.priorHitsAt10.toFixed(3)}, popularity ${heldOut.popularityHitsAt10.toFixed(3)})`
    );
  }
  if (notes.length > 0) model.note = notes.join('; ');
  if (notes.length === 2) model.source = 'prior';
  return model;
}
