/**
 * The offline evaluation of the recommender (npm run eval:matchmaking): load the graph as it stood on the split
 * date into the Neo4j this process is connected to (a scratch one: it is emptied first), ask the PRODUCTION
 * recommender for each organisation that gained partners after the split, and compare with baselines on the same
 * graph. Runs the same Cypher as the app, so the numbers describe what users get.
 */
import type { Viewer } from '../../src/lib/server/auth/viewer';
import { readTx } from '../../src/lib/server/graph/driver';
import { visibilityParams } from '../../src/lib/server/graph/visibility';
import { Rng } from '../seed/random';
import {
  recommendInTx,
  recommendPartners,
  RecommendInput,
  type ScoringOptions
} from '../../src/lib/server/matchmaking/recommend';
import { SCORE_WEIGHTS } from '../../src/lib/server/matchmaking/score';
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
  /** Evaluate at most this many organisations, and at most this many newcomers (seeded samples); all when undefined. */
  sample?: number;
  seed?: number;
  /** How the files were made, for the report (e.g. the seed command). */
  dataset?: string;
  /** Skip emptying and loading the graph: a previous run loaded the same files with the same split. */
  reuseGraph?: boolean;
  /** Extra scoring variants (e.g. structure only / profile only) evaluated on the same queries. */
  variants?: Record<string, ScoringOptions>;
  log?: (line: string) => void;
}

export interface MethodResult {
  overall: Summary;
  newcomers: Summary;
}

export interface EvaluationResult {
  options: Omit<EvaluationOptions, 'log' | 'variants' | 'reuseGraph'>;
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

/** A seeded sample of `size` ids (all of them when size is undefined or larger), in sorted order. */
function sampleOf(ids: string[], size: number | undefined, seed: number): string[] {
  if (size === undefined || ids.length <= size) return ids;
  const shuffled = [...ids];
  const rng = new Rng(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled.slice(0, size).sort();
}

export async function runEvaluation(opts: EvaluationOptions): Promise<EvaluationResult> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const { organizations, partnerships, warnings } = await readDataset(opts.organizationsPath, opts.partnershipsPath);
  log(`read ${organizations.length} organisations and ${partnerships.length} partnerships`);
  const split = splitAt(organizations, partnerships, opts.split);
  log(
    `${split.before.length} partnerships before ${opts.split}; ${split.targets.size} organisations gain partners after it`
  );

  if (opts.reuseGraph) {
    log('reusing the graph loaded by a previous run');
  } else {
    await emptyGraph();
    await loadGraph(organizations, split.before, split.archived, log);
  }

  // Two seeded samples: organisations at large (the "overall" figures) and newcomers (rare at large, so sampled
  // on their own to get a figure worth reading). Their union is evaluated once.
  const all = [...split.targets.keys()].sort();
  const overallQueries = sampleOf(all, opts.sample, opts.seed ?? 42);
  const newcomerQueries = sampleOf(
    all.filter((id) => split.newcomers.has(id)),
    opts.sample,
    (opts.seed ?? 42) + 1
  );
  const queries = [...new Set([...overallQueries, ...newcomerQueries])].sort();
  const inOverall = new Set(overallQueries);
  const inNewcomers = new Set(newcomerQueries);
  log(
    `evaluating ${queries.length} organisations (${overallQueries.length} at large, ${newcomerQueries.length} newcomers)`
  );

  const membersLevel = visibilityParams({ seeMembers: true, seeAll: false, orgIds: [] });
  const popular = await readTx((tx) => mostConnected(tx, membersLevel, 500));

  const variantNames = Object.keys(opts.variants ?? {});
  const ranks: Record<string, (number | null)[]> = {};
  const newcomerRanks: Record<string, (number | null)[]> = {};
  const record = (method: string, list: string[], relevant: Set<string>, id: string) => {
    const rank = firstHitRank(list, relevant);
    if (inOverall.has(id)) (ranks[method] ??= []).push(rank);
    if (inNewcomers.has(id)) (newcomerRanks[method] ??= []).push(rank);
  };
  const latencies: number[] = [];

  for (const [index, organizationId] of queries.entries()) {
    const relevant = split.targets.get(organizationId)!;
    // The organisation's own member asks: it sees public and members-only partnerships plus its own private ones.
    const viewer: Viewer = { kind: 'user', userId: 'evaluation', role: 'MEMBER', organizationIds: [organizationId] };
    const visibility = visibilityParams({ seeMembers: true, seeAll: false, orgIds: [organizationId] });

    const t0 = performance.now();
    const recommended = await recommendPartners(viewer, { organizationId, first: LIST_LENGTH });
    latencies.push(performance.now() - t0);
    record(
      'recommender',
      recommended.map((r) => r.organization.id),
      relevant,
      organizationId
    );

    for (const name of variantNames) {
      const list = await readTx((tx) =>
        recommendInTx(
          tx,
          { seeMembers: true, seeAll: false, orgIds: [organizationId] },
          RecommendInput.parse({ organizationId, first: LIST_LENGTH }),
          opts.variants![name]
        )
      );
      record(
        name,
        list.map((r) => r.organization.id),
        relevant,
        organizationId
      );
    }

    const baselines = await readTx(async (tx) => ({
      ...(await neighbourhoodBaselines(tx, organizationId, visibility, LIST_LENGTH)),
      existing: await existingPartners(tx, organizationId, visibility)
    }));
    record('common neighbours', baselines.commonNeighbours, relevant, organizationId);
    record('Adamic-Adar', baselines.adamicAdar, relevant, organizationId);
    const mostConnectedList = popular
      .filter((id) => id !== organizationId && !baselines.existing.has(id))
      .slice(0, LIST_LENGTH);
    record('most connected', mostConnectedList, relevant, organizationId);

    if ((index + 1) % 100 === 0) log(`${index + 1}/${queries.length} organisations evaluated`);
  }

  const methods: Record<string, MethodResult> = {};
  for (const method of new Set([...Object.keys(ranks), ...Object.keys(newcomerRanks)])) {
    methods[method] = { overall: summarize(ranks[method] ?? []), newcomers: summarize(newcomerRanks[method] ?? []) };
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
  const { log: _log, variants: _variants, reuseGraph: _reuse, ...options } = opts;
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
