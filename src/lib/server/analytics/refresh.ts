/**
 * Recomputes the cached analytics for every visibility level: the default entries (matrix and density over the
 * default years, network structure) plus every other entry already in the cache (e.g. a matrix someone asked
 * for with other years), so nothing served goes stale; then refits the recommender's learned ranking on the
 * public history (matchmaking/ranking/). Run by `src/cli/analytics.ts refresh` (cron, after imports).
 */
import { getDb } from '../platform/db';
import { refreshRankingModel } from '../matchmaking/ranking/store';
import { cacheKey, cached } from './cache';
import { computeDensity } from './density';
import { gdsAvailable } from './gds';
import { VISIBILITY_LEVELS, type VisibilityLevel } from './levels';
import { computeMatrix } from './matrix';
import { computeNetworkStructure } from './network-structure';
import { DensityComputation, MatrixComputation, NetworkStructureComputation, defaultYears } from './service';

export interface RefreshStep {
  computation: string;
  level: VisibilityLevel;
  params: Record<string, unknown>;
  ms: number;
  /** Why the step was skipped or failed; absent when it succeeded. */
  error?: string;
}

export interface Job {
  computation: string;
  level: VisibilityLevel;
  params: Record<string, unknown>;
}

export async function refreshAnalytics(
  opts: { levels?: readonly VisibilityLevel[]; log?: (line: string) => void; rankingModel?: boolean } = {}
): Promise<RefreshStep[]> {
  const levels = opts.levels ?? VISIBILITY_LEVELS;
  const log = opts.log ?? (() => {});
  const withGds = await gdsAvailable();
  if (!withGds) log('the Graph Data Science library is not installed: brokers and communities are skipped');

  const jobs = new Map<string, Job>();
  const add = (job: Job) => jobs.set(cacheKey(job.computation, job.level, job.params), job);
  for (const job of defaultJobs(levels)) add(job);
  for (const job of await existingEntries()) if (levels.includes(job.level)) add(job);

  const steps: RefreshStep[] = [];
  for (const job of jobs.values()) {
    const started = performance.now();
    const step: RefreshStep = { ...job, ms: 0 };
    try {
      if (job.computation === NetworkStructureComputation && !withGds) {
        step.error = 'skipped: GDS not installed';
      } else {
        await cached(job.computation, job.level, job.params, () => computeJob(job), { refresh: true });
      }
    } catch (error) {
      step.error = error instanceof Error ? error.message : String(error);
    }
    step.ms = Math.round(performance.now() - started);
    log(`${job.computation} [${job.level}] ${JSON.stringify(job.params)}: ${step.error ?? 'ok'} (${step.ms} ms)`);
    steps.push(step);
  }
  if (opts.rankingModel !== false) steps.push(await refitRanking(log));
  return steps;
}

/** Not per level: the model is fitted on public partnerships only and serves every viewer. */
async function refitRanking(log: (line: string) => void): Promise<RefreshStep> {
  const started = performance.now();
  const step: RefreshStep = { computation: 'ranking-model', level: 'public', params: {}, ms: 0 };
  try {
    const model = await refreshRankingModel({ log });
    if (model.note) log(`ranking-model: ${model.note}`);
  } catch (error) {
    step.error = error instanceof Error ? error.message : String(error);
  }
  step.ms = Math.round(performance.now() - started);
  log(`ranking-model [public]: ${step.error ?? 'ok'} (${step.ms} ms)`);
  return step;
}

/** The entries the dashboard and the API read by default: matrix, density and network structure per level. */
export function defaultJobs(levels: readonly VisibilityLevel[] = VISIBILITY_LEVELS): Job[] {
  const years = defaultYears();
  return levels.flatMap((level): Job[] => [
    { computation: MatrixComputation, level, params: years.grants },
    { computation: DensityComputation, level, params: years.density },
    { computation: NetworkStructureComputation, level, params: {} }
  ]);
}

export function computeJob(job: Job): Promise<unknown> {
  const { fromYear, toYear } = job.params as { fromYear: number; toYear: number };
  switch (job.computation) {
    case MatrixComputation:
      return computeMatrix(job.level, fromYear, toYear);
    case DensityComputation:
      return computeDensity(job.level, fromYear, toYear);
    case NetworkStructureComputation:
      return computeNetworkStructure(job.level);
    default:
      throw new Error(`unknown analytics computation "${job.computation}"`);
  }
}

/** Cache keys are `computation:level:{json params}` (cache.ts); entries of unknown shape are left alone. */
async function existingEntries(): Promise<Job[]> {
  const rows = await getDb().analyticsCache.findMany({ select: { key: true } });
  const known = new Set([MatrixComputation, DensityComputation, NetworkStructureComputation]);
  return rows.flatMap(({ key }) => {
    const match = /^([a-z-]+):(public|members|admin):(\{.*\})$/.exec(key);
    if (!match || !known.has(match[1])) return [];
    try {
      return [{ computation: match[1], level: match[2] as VisibilityLevel, params: JSON.parse(match[3]) }];
    } catch {
      return [];
    }
  });
}
