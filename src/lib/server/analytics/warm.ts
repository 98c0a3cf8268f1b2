/**
 * Analytics computed at start, never on a visitor's first request (issue 13, item 4): right after the app starts,
 * the default entries (matrix, density, network structure) of every visibility level are read through the cache,
 * which computes those that are missing. A request arriving meanwhile for an entry being computed awaits that same
 * computation (single-flight in cache.ts) instead of starting a second one. Entries already cached (the cache is a
 * PostgreSQL table and outlives restarts) cost one read each. Public first: most visitors are anonymous.
 */
import { cached } from './cache';
import { gdsAvailable } from './gds';
import { VISIBILITY_LEVELS, type VisibilityLevel } from './levels';
import { computeJob, defaultJobs, type RefreshStep } from './refresh';
import { NetworkStructureComputation } from './service';

export async function warmAnalytics(
  opts: { levels?: readonly VisibilityLevel[]; log?: (line: string) => void; signal?: AbortSignal } = {}
): Promise<RefreshStep[]> {
  const log = opts.log ?? (() => {});
  const withGds = await gdsAvailable();
  const steps: RefreshStep[] = [];
  // One after the other: the box is shared with the requests being served, and each job is itself heavy.
  for (const job of defaultJobs(opts.levels ?? VISIBILITY_LEVELS)) {
    // Shutting down: the remaining entries are left for the next start (or their first reader).
    if (opts.signal?.aborted) break;
    const started = performance.now();
    const step: RefreshStep = { ...job, ms: 0 };
    try {
      if (job.computation === NetworkStructureComputation && !withGds) step.error = 'skipped: GDS not installed';
      else await cached(job.computation, job.level, job.params, () => computeJob(job));
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
