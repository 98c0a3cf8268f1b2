/**
 * Analytics computed at start, never on a visitor's first request (issue 13, item 4): right after the app starts,
 * the default entries (matrix, density, network structure) of every visibility level are read through the cache,
 * which computes those that are missing. A request arriving meanwhile for an entry being computed awaits that same
 * computation (single-flight in cache.ts) instead of starting a second one. Entries already cached (the cache is a
 * PostgreSQL table and outlives restarts) cost one read each. Public first: most visitors are anonymous.
 *
 * Last, the dashboard's one live graph question (isolated organisations, answered per viewer and never cached) is
 * asked once, so that Neo4j has planned it and read its pages before a visitor asks: on a freshly started Neo4j
 * its first run took 2.6 s, the next 0.17 s (5k bench data; decision 0046, part 4). The query's text is the same
 * for every viewer (visibility is in its parameters), so one anonymous run serves every level.
 */
import { anonymous } from '../access/viewer';
import { cached } from './cache';
import { gdsAvailable } from './gds';
import { VISIBILITY_LEVELS, type VisibilityLevel } from './levels';
import { computeJob, defaultJobs, type RefreshStep } from './refresh';
import { isolatedOrganizations } from './isolated';
import { NetworkStructureComputation } from './service';

/** What the dashboard asks (DashboardGraphQuery's `isolatedOrganizations(first: 25)`). */
const DASHBOARD_ISOLATED = { first: 25 };

/** The step that asks the isolated-organisations question once (nothing is stored). */
export const IsolatedOrganizationsQuery = 'isolated-organizations';

export async function warmAnalytics(
  opts: { levels?: readonly VisibilityLevel[]; log?: (line: string) => void; signal?: AbortSignal } = {}
): Promise<RefreshStep[]> {
  const log = opts.log ?? (() => {});
  const withGds = await gdsAvailable();
  const steps: RefreshStep[] = [];
  // One after the other: the box is shared with the requests being served, and each job is itself heavy.
  const jobs = defaultJobs(opts.levels ?? VISIBILITY_LEVELS).map((job) => ({
    job,
    run: () =>
      job.computation === NetworkStructureComputation && !withGds
        ? Promise.resolve('skipped: GDS not installed')
        : cached(job.computation, job.level, job.params, () => computeJob(job)).then(() => undefined)
  }));
  const primeIsolated = {
    job: { computation: IsolatedOrganizationsQuery, level: 'public' as const, params: DASHBOARD_ISOLATED },
    run: () => isolatedOrganizations(anonymous, DASHBOARD_ISOLATED).then(() => undefined)
  };
  for (const { job, run } of [...jobs, primeIsolated]) {
    // Shutting down: the remaining entries are left for the next start (or their first reader).
    if (opts.signal?.aborted) break;
    const started = performance.now();
    const step: RefreshStep = { ...job, ms: 0 };
    try {
      const skipped = await run();
      if (skipped) step.error = skipped;
    } catch (error) {
      // One failing entry (Neo4j briefly away) must not keep the others cold; its first reader computes it.
      step.error = error instanceof Error ? error.message : String(error);
    }
    step.ms = Math.round(performance.now() - started);
    if (step.error && !opts.signal?.aborted) log(`${job.computation} [${job.level}]: ${step.error} (${step.ms} ms)`);
    steps.push(step);
  }
  return steps;
}
