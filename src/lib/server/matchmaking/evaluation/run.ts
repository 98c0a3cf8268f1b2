/**
 * The offline evaluation of the recommender (npm run eval:matchmaking): load the graph as it stood on the split
 * date into the Neo4j this process is connected to (a scratch one: it is emptied first), ask the PRODUCTION
 * recommender for each organisation that gained partners after the split, and compare with baselines on the same
 * graph. Runs the same Cypher as the app, so the numbers describe what users get.
 */
import type { Viewer } from '../../auth/viewer';
import { readTx } from '../../graph/driver';
import { visibilityParams } from '../../graph/visibility';
import { Rng } from '../../seed/random';
import { recommendInTx, recommendPartners, RecommendInput, type ScoringOptions } from '../recommend';
import { SCORE_WEIGHTS } from '../score';
import { existingPartners, mostConnected, neighbourhoodBaselines } from './baselines';
import { readDataset, type DatasetWarnings } from './dataset';
import { emptyGraph, loadGraph } from './load-graph';
import { firstHitRank, summarize, type Summary } from './metrics';
import { splitAt } from './split';

export const LIST_LENGTH = 50;

export interface EvaluationOptions {
  organizationsPath: string;
  partnershipsPath: string;
  /** YYYY-MM-DD */
  split: string;
  /** Evaluate at most this many organisations (a seeded sample); all when undefined. */
  sample?: number;
  seed?: number;
  /** Extra scoring variants (e.g. structure only / profile only) evaluated on the same queries. */
  variants?: Record<string, ScoringOptions>;
  log?: (line: string) => void;
}

export interface MethodResult {
  overall: Summary;
  newcomers: Summary;
}

export interface EvaluationResult {
  options: Omit<EvaluationOptions, 'log' | 'variants'>;
  dataset: {
    organizations: number;
    partnerships: number;
    partnershipsBeforeSplit: number;
    warnings: DatasetWarnings;
    organizationsWithThemes: number;
    organizationsWithCountries: number;
  };
  /** Organisations with new partners after the split (before sampling), and how many of them are newcomers. */
  candidates: { organizations: number; newcomers: number; newPartnerships: number };
  methods: Record<string, MethodResult>;
  /** Recommender latency per call (ms), measured end to end from this process. */
  latency: { median: number; p95: number; max: number; calls: number };
  weights: typeof SCORE_WEIGHTS;
  durationSeconds: number;
}

export async function runEvaluation(opts: EvaluationOptions): Promise<EvaluationResult> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const { organizations, partnerships, warnings } = await readDataset(opts.organizationsPath, opts.partnershipsPath);
  log(`read ${organizations.length} organisations and ${partnerships.length} partnerships`);
  const split = splitAt(organizations, partnerships, opts.split);
  log(`${split.before.length} partnerships before ${opts.split}; ${split.targets.size} organisations gain partners after it`);

  await emptyGraph();
  await loadGraph(organizations, split.before, split.archived, log);

  let queries = [...split.targets.keys()].sort();
  if (opts.sample !== undefined && queries.length > opts.sample) {
    const rng = new Rng(opts.seed ?? 42);
    for (let i = queries.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [queries[i], queries[j]] = [queries[j], queries[i]];
    }
    queries = queries.slice(0, opts.sample).sort();
  }
  log(`evaluating ${queries.length} organisations`);

  const membersLevel = visibilityParams({ seeMembers: true, seeAll: false, orgIds: [] });
  const popular = await readTx((tx) => mostConnected(tx, membersLevel, 500));

  const variantNames = Object.keys(opts.variants ?? {});
  const ranks: Record<string, (number | null)[]> = {};
  const newcomerRanks: Record<string, (number | null)[]> = {};
  const record = (method: string, list: string[], relevant: Set<string>, newcomer: boolean) => {
    const rank = firstHitRank(list, relevant);
    (ranks[method] ??= []).push(rank);
    if (newcomer) (newcomerRanks[method] ??= []).push(rank);
  };
  const latencies: number[] = [];

  for (const [index, organizationId] of queries.entries()) {
    const relevant = split.targets.get(organizationId)!;
    const newcomer = split.newcomers.has(organizationId);
    // The organisation's own member asks: it sees public and members-only partnerships plus its own private ones.
    const viewer: Viewer = { kind: 'user', userId: 'evaluation', role: 'MEMBER', organizationIds: [organizationId] };
    const visibility = visibilityParams({ seeMembers: true, seeAll: false, orgIds: [organizationId] });

    const t0 = performance.now();
    const recommended = await recommendPartners(viewer, { organizationId, first: LIST_LENGTH });
    latencies.push(performance.now() - t0);
    record('recommender', recommended.map((r) => r.organization.id), relevant, newcomer);

    for (const name of variantNames) {
      const list = await readTx((tx) =>
        recommendInTx(
          tx,
          { seeMembers: true, seeAll: false, orgIds: [organizationId] },
          RecommendInput.parse({ organizationId, first: LIST_LENGTH }),
          opts.variants![name]
        )
      );
      record(name, list.map((r) => r.organization.id), relevant, newcomer);
    }

    const baselines = await readTx(async (tx) => ({
      ...(await neighbourhoodBaselines(tx, organizationId, visibility, LIST_LENGTH)),
      existing: await existingPartners(tx, organizationId, visibility)
    }));
    record('common neighbours', baselines.commonNeighbours, relevant, newcomer);
    record('Adamic-Adar', baselines.adamicAdar, relevant, newcomer);
    const mostConnectedList = popular
      .filter((id) => id !== organizationId && !baselines.existing.has(id))
      .slice(0, LIST_LENGTH);
    record('most connected', mostConnectedList, relevant, newcomer);

    if ((index + 1) % 100 === 0) log(`${index + 1}/${queries.length} organisations evaluated`);
  }

  const methods: Record<string, MethodResult> = {};
  for (const method of Object.keys(ranks)) {
    methods[method] = { overall: summarize(ranks[method]), newcomers: summarize(newcomerRanks[method] ?? []) };
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
  const { log: _log, variants: _variants, ...options } = opts;
  return {
    options,
    dataset: {
      organizations: organizations.length,
      partnerships: partnerships.length,
      partnershipsBeforeSplit: split.before.length,
      warnings,
      organizationsWithThemes: organizations.filter((o) => o.themes.length > 0).length,
      organizationsWithCountries: organizations.filter((o) => o.countries.length > 0 || o.hqCountry).length
    },
    candidates: {
      organizations: split.targets.size,
      newcomers: [...split.targets.keys()].filter((id) => split.newcomers.has(id)).length,
      newPartnerships: [...split.targets.values()].reduce((sum, s) => sum + s.size, 0) / 2
    },
    methods,
    latency: { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, calls: sorted.length },
    weights: SCORE_WEIGHTS,
    durationSeconds: Math.round((performance.now() - started) / 1000)
  };
}
