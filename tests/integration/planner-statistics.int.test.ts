/**
 * After a bulk load the import CLI, the seed and the bench refresh PostgreSQL's statistics and visibility map
 * (src/lib/server/imports/planner-statistics.ts): the tables then carry a vacuum and an analyze, which the
 * directory's index-only plans need where autovacuum is off or has not run yet.
 */
import { describe, expect, it } from 'vitest';
import { createDb, getDb } from '../../src/lib/server/platform/db';
import { refreshPlannerStatistics } from '../../src/lib/server/imports/planner-statistics';
import { createOrganization } from '../factories/organizations';

const db = getDb();

async function maintenance(): Promise<{ vacuumed: boolean; analyzed: boolean }> {
  // Statistics are read from a snapshot per transaction: a fresh one each time.
  const [row] = await db.$queryRaw<{ vacuumed: boolean; analyzed: boolean }[]>`
    SELECT coalesce(last_vacuum, last_autovacuum) IS NOT NULL AS vacuumed,
           coalesce(last_analyze, last_autoanalyze) IS NOT NULL AS analyzed
    FROM pg_stat_user_tables WHERE relname = 'Organization'`;
  return row!;
}

describe('refreshPlannerStatistics', () => {
  it('vacuums and analyzes the tables, and says so', async () => {
    for (let i = 0; i < 5; i++) await createOrganization(db, { hqCountryCode: 'DE' });
    const lines: string[] = [];
    await refreshPlannerStatistics(db, (line) => lines.push(line));
    expect(lines).toEqual([expect.stringMatching(/^PostgreSQL: statistics and visibility map refreshed/)]);
    await expect.poll(maintenance, { timeout: 10_000, interval: 100 }).toEqual({ vacuumed: true, analyzed: true });
  });

  it('reports a failure instead of throwing: the data is committed either way', async () => {
    const lines: string[] = [];
    // A real client whose pool is already closed: every statement fails.
    const closed = createDb(process.env.DATABASE_URL!);
    await closed.close();
    await refreshPlannerStatistics(closed.db, (line) => lines.push(line));
    expect(lines).toEqual([expect.stringMatching(/^PostgreSQL: VACUUM ANALYZE failed \(.+\)/)]);
  });
});
