/**
 * The stored gap matrix is parsed once per computation (issue 13 item 4): reads of an unchanged entry cost one small
 * statement (the row's version) and parse nothing, and hand out the same parsed value; a new computation — here,
 * or written by another app instance straight into the table — is fetched and parsed once on the next read.
 * Real PostgreSQL and Neo4j.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/lib/server/access/viewer';
import { getDb, withQueryCounter } from '../../src/lib/server/platform/db';
import { cacheKey } from '../../src/lib/server/analytics/cache';
import { entriesParsed } from '../../src/lib/server/analytics/parsed-entries';
import { defaultYears, getThemeCountryMatrix, MatrixComputation } from '../../src/lib/server/analytics/service';
import { forgetCachedAnalytics } from '../../src/lib/server/partnerships/stale-analytics';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createOrganization } from '../factories/organizations';

const db = getDb();
const key = cacheKey(MatrixComputation, 'public', defaultYears().grants);

beforeAll(async () => {
  await createOrganization(db, { name: 'Parsed A', themeSlugs: ['housing'], countryCodes: ['PL'] });
  await drainOutbox();
});

describe('the stored matrix', () => {
  it('is parsed once per computation: unchanged reads are one small statement and parse nothing', async () => {
    await forgetCachedAnalytics(db, ['public']);
    await getThemeCountryMatrix(anonymous); // computes and stores
    // Read back as another process would find it: the row, not what this process just computed.
    await db.$executeRaw`UPDATE "AnalyticsCache" SET "computedAt" = "computedAt" + interval '1 millisecond' WHERE key = ${key}`;

    const parsedBefore = entriesParsed();
    const first = await getThemeCountryMatrix(anonymous);
    expect(entriesParsed() - parsedBefore).toBe(1);

    const again = await withQueryCounter(() => getThemeCountryMatrix(anonymous));
    const third = await getThemeCountryMatrix(anonymous);
    expect(entriesParsed() - parsedBefore).toBe(1);
    expect(again.sqlQueries).toBe(1);
    expect(again.result.computedAt).toEqual(first.computedAt);
    expect(third.value.cells).toEqual(first.value.cells);
    const cell = first.value.cells.find((c) => c.theme === 'housing' && c.country === 'PL');
    expect(cell?.organizations).toBe(1);
  });

  it('picks up a value another instance stored, on the next read', async () => {
    await getThemeCountryMatrix(anonymous);
    const stored = await db.analyticsCache.findUniqueOrThrow({ where: { key } });
    const matrix = stored.value as { cells: { theme: string; country: string; organizations: number }[] };
    const changed = {
      ...matrix,
      cells: matrix.cells.map((c) => (c.theme === 'housing' && c.country === 'PL' ? { ...c, organizations: 7 } : c))
    };
    // Same computation time, new row version: still seen as new (two writes within one millisecond differ).
    await db.analyticsCache.update({ where: { key }, data: { value: changed, computedAt: stored.computedAt } });

    const parsedBefore = entriesParsed();
    const read = await getThemeCountryMatrix(anonymous);
    expect(entriesParsed() - parsedBefore).toBe(1);
    expect(read.value.cells.find((c) => c.theme === 'housing' && c.country === 'PL')?.organizations).toBe(7);
  });

  it('is read anew after an invalidation (the entry is gone, then recomputed)', async () => {
    await getThemeCountryMatrix(anonymous);
    await forgetCachedAnalytics(db, ['public']);
    const read = await getThemeCountryMatrix(anonymous);
    expect(read.value.cells.find((c) => c.theme === 'housing' && c.country === 'PL')?.organizations).toBe(1);
  });
});
