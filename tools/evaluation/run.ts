/**
 * The offline evaluation of the recommender (npm run eval:matchmaking): load the graph as it stood on the split
 * date into the Neo4j this process is connected to (a scratch one: it is emptied first), let the deployment's own
 * refit run on it (public degrees, then the learned ranking fitted on the loaded history only — the hidden future
 * is never seen), ask the PRODUCTION recommender for each organisation that gained partners after the split, and
 * compare with baselines on the same graph. Runs the same Cypher as the app, so the numbers describe what users get.
 */
import { appendFileSync } from 'node:fs';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { readTx } from '../../src/lib/server/platform/neo4j';
import { visibilityParams } from '../../src/lib/server/access/visibility-cypher';
import { Rng } from '../seed/random';
import { recommendPartners, type ScoringOptions } from '../../src/lib/server/matchmaking/recommend';
import { fitRankingModel } from '../../src/lib/server/matchmaking/ranking/fit';
import type { RankingModel } from '../../src/lib/server/matchmaking/ranking/model';
import { refreshPublicDegrees } from '../../src/lib/server/matchmaking/ranking/public-degree';
import { existingPartners, fillUp, mostConnected, neighbourhoodBaselines } from './baselines';
import { readDataset, type DatasetWarnings, type EvalOrganization } from './dataset';
import { emptyGraph, loadGraph } from './load-graph';
import { firstHitRank, summarize, type Summary } from './metrics';
import { splitAt } from './split';

export const LIST_LENGTH = 50;

export const BASELINES = [
  'most connected',
  'common neighbours + popularity',
  'Adamic-Adar + popularity',
  'same-country popularity',
  'random'
] as const;

export interface EvaluationOptions {
  organizationsPath: string;
  partnershipsPath: string;
  /** YYYY-MM-DD */
  split: string;
  /** Evaluate at most this many existing organisations and this many newcomers (seeded samples); all when undefined. */
  sample?: number;
  seed?: number;
  /** How the files were made, for the report (e.g. the seed command). */
  dataset?: string;
  /** Skip emptying and loading the graph: a previous run loaded the same files with the same split. */
  reuseGraph?: boolean;
  /** Extra scoring variants (e.g. the prior weights) evaluated on the same queries. */
  variants?: Record<string, ScoringOptions>;
  log?: (line: string) => void;
}

export interface MethodResult {
  existing: Summary;
  newcomers: Summary;
  /** Existing and newcomer figures weighted by their share of all organisations gaining partners. */
  all: Summary;
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
  /** The model the production recommender ranked with (fitted on the loaded graph, or the prior). */
  model: RankingModel;
  /** Recommender latency per call (ms), measured end to end from this process. */
  latency: { median: number; p95: number; max: number; calls: number };
  durationSeconds: number;
}

/** A seeded sample of `size` ids (all of them when size is undefined or larger), in sorted order. */
function sampleOf(ids: string[], size: number | undefined, seed: number): string[] {
  if (size === undefined || ids.length <= size) return ids;
  return shuffled(ids, seed).slice(0, size).sort();
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const rng = new Rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function weighted(existing: Summary, newcomers: Summary, shareNewcomers: number): Summary {
  const mix = (a: number, b: number) => (1 - shareNewcomers) * a + shareNewcomers * b;
  return {
    queries: existing.queries + newcomers.queries,
    hitsAt10: mix(existing.hitsAt10, newcomers.hitsAt10),
    hitsAt50: mix(existing.hitsAt50, newcomers.hitsAt50),
    mrr: mix(existing.mrr, newcomers.mrr)
  };
}

/** Countries an organisation is in (headquarters and operations); those without any form one group. */
const countryKey = (o: EvalOrganization | undefined) =>
  o ? [...new Set([...(o.hqCountry ? [o.hqCountry] : []), ...o.countries])] : [];

export async function runEvaluation(opts: EvaluationOptions): Promise<EvaluationResult> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const seed = opts.seed ?? 42;
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
  // What `npm run analytics:refresh` does on a deployment, on the graph as it stood at the split.
  await refreshPublicDegrees();
  const model = await fitRankingModel({ asOf: opts.split, seed, log });
  log(`ranking model: ${model.source}${model.fittedAt ? ` (fitted ${model.fittedAt})` : ''}`);

  const all = [...split.targets.keys()].sort();
  const existingQueries = sampleOf(
    all.filter((id) => !split.newcomers.has(id)),
    opts.sample,
    seed
  );
  const newcomerQueries = sampleOf(
    all.filter((id) => split.newcomers.has(id)),
    opts.sample,
    seed + 1
  );
  const queries = [...existingQueries, ...newcomerQueries];
  const isNewcomer = (id: string) => split.newcomers.has(id);
  log(
    `evaluating ${queries.length} organisations (${existingQueries.length} existing, ${newcomerQueries.length} newcomers)`
  );

  const membersLevel = visibilityParams({ seeMembers: true, seeAll: false, orgIds: [] });
  const popular = await readTx((tx) => mostConnected(tx, membersLevel, organizations.length + 1));
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const allIds = organizations.filter((o) => !split.archived.has(o.id)).map((o) => o.id);

  const variantNames = Object.keys(opts.variants ?? {});
  const ranks: Record<string, { existing: (number | null)[]; newcomers: (number | null)[] }> = {};
  const record = (method: string, list: string[], relevant: Set<string>, id: string) => {
    const entry = (ranks[method] ??= { existing: [], newcomers: [] });
    entry[isNewcomer(id) ? 'newcomers' : 'existing'].push(firstHitRank(list, relevant));
    // Diagnostics only (EVAL_DUMP=<file>): one line per query and method, to compare runs query by query.
    if (process.env.EVAL_DUMP)
      appendFileSync(
        process.env.EVAL_DUMP,
        JSON.stringify({
          id,
          newcomer: isNewcomer(id),
          method,
          rank: firstHitRank(list, relevant),
          top: list.slice(0, 10)
        }) + '\n'
      );
  };
  const latencies: number[] = [];

  for (const [index, organizationId] of queries.entries()) {
    const relevant = split.targets.get(organizationId)!;
    // The organisation's own member asks: it sees public and members-only partnerships plus its own private ones.
    const viewer: Viewer = { kind: 'user', userId: 'evaluation', role: 'MEMBER', organizationIds: [organizationId] };
    const visibility = visibilityParams({ seeMembers: true, seeAll: false, orgIds: [organizationId] });

    const t0 = performance.now();
    const recommended = await recommendPartners(viewer, { organizationId, first: LIST_LENGTH }, { model });
    latencies.push(performance.now() - t0);
    record(
      'recommender',
      recommended.map((r) => r.organization.id),
      relevant,
      organizationId
    );
    for (const name of variantNames) {
      const list = await recommendPartners(viewer, { organizationId, first: LIST_LENGTH }, opts.variants![name]);
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
    const excluded = new Set([organizationId, ...baselines.existing, ...split.archived]);
    const fill = (first: string[]) => fillUp(first, popular, excluded, LIST_LENGTH);
    record('most connected', fill([]), relevant, organizationId);
    record('common neighbours + popularity', fill(baselines.commonNeighbours), relevant, organizationId);
    record('Adamic-Adar + popularity', fill(baselines.adamicAdar), relevant, organizationId);
    const own = countryKey(byId.get(organizationId));
    const sameCountry = popular.filter((id) => {
      const theirs = countryKey(byId.get(id));
      return own.length === 0 ? theirs.length === 0 : theirs.some((c) => own.includes(c));
    });
    record('same-country popularity', fill(sameCountry), relevant, organizationId);
    const randomList = shuffled(allIds, seed + index + 7).filter((id) => !excluded.has(id));
    record('random', randomList.slice(0, LIST_LENGTH), relevant, organizationId);

    if ((index + 1) % 100 === 0) log(`${index + 1}/${queries.length} organisations evaluated`);
  }

  const newcomerShare = split.targets.size
    ? [...split.targets.keys()].filter(isNewcomer).length / split.targets.size
    : 0;
  const methods: Record<string, MethodResult> = {};
  for (const [method, r] of Object.entries(ranks)) {
    const existing = summarize(r.existing);
    const newcomers = summarize(r.newcomers);
    methods[method] = { existing, newcomers, all: weighted(existing, newcomers, newcomerShare) };
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
      newcomers: [...split.targets.keys()].filter(isNewcomer).length,
      newPartnerships: [...split.targets.values()].reduce((sum, s) => sum + s.size, 0) / 2
    },
    methods,
    model,
    latency: { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, calls: sorted.length },
    durationSeconds: Math.round((performance.now() - started) / 1000)
  };
}
