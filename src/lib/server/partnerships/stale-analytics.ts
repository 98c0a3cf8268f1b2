import type { Prisma, PrismaClient } from '../db/generated/client';
import { invalidateLevels } from '../analytics/cache';
import type { VisibilityLevel } from '../analytics/levels';
import { DensityComputation, MatrixComputation, NetworkStructureComputation } from '../analytics/service';

const CACHED_COMPUTATIONS = [MatrixComputation, DensityComputation, NetworkStructureComputation];

/**
 * Drops the cached analytics (matrix, density, brokers/communities) of the given visibility levels, so that their
 * next read recomputes from the graph. Used when a partnership becomes less visible: a level's cache computed
 * while it could still see the partnership would otherwise keep counting it — a broker that is one only through
 * it, a cell that is not "isolated" because of it — until the next scheduled refresh.
 *
 * The levels' generations are bumped too (analytics/cache.ts), so a computation that read the graph before the
 * change and finishes after this does not store its now stale result. Cache keys are `computation:level:{params}`.
 */
export async function forgetCachedAnalytics(
  db: PrismaClient | Prisma.TransactionClient,
  levels: readonly VisibilityLevel[]
): Promise<number> {
  if (levels.length === 0) return 0;
  const prefixes = CACHED_COMPUTATIONS.flatMap((computation) => levels.map((level) => `${computation}:${level}:`));
  return invalidateLevels(db, levels, prefixes);
}
