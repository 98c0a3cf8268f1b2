import type { PrismaClient } from '../db/generated/client';

/**
 * `VACUUM (ANALYZE)` of the database after a bulk load. PostgreSQL plans from table statistics and answers
 * index-only scans from the visibility map; after a large import both are stale until autovacuum gets to the
 * tables — and where autovacuum is off (this project's shared CI/bench server runs with `autovacuum = off`) they
 * never are. Measured on the 20k bench (decision 0056): the directory's two-filter statement took 40 ms under
 * EXPLAIN ANALYZE before, 24 ms after, because the headquarters branch read 1,722 heap pages instead of an index.
 * Outside a transaction (VACUUM cannot run in one); a failure is reported, never fatal: the data is committed.
 */
export async function refreshPlannerStatistics(db: PrismaClient, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  try {
    await db.$executeRawUnsafe('VACUUM (ANALYZE)');
    log(
      `PostgreSQL: statistics and visibility map refreshed (VACUUM ANALYZE) in ${Math.round(performance.now() - started)} ms`
    );
  } catch (error) {
    log(`PostgreSQL: VACUUM ANALYZE failed (${(error as Error).message}); plans may stay slow until autovacuum runs`);
  }
}
