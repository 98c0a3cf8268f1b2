/**
 * The start-up warm-up of the dashboard's first screen (decision 0052) asks the API exactly what the page's first
 * response asks — the choices and the heatmap's top-level rows — through the app's own yoga instance, successfully
 * (it throws on any GraphQL error), as an anonymous visitor: the public matrix is what it reads.
 */
import { describe, expect, it } from 'vitest';
import { warmFirstScreen } from '../../src/lib/server/graphql/warm-first-screen';
import { getDb, withQueryCounter } from '../../src/lib/server/platform/db';
import { createOrganization } from '../factories/organizations';

const db = getDb();

describe('the first-screen warm-up', () => {
  it('runs the first screen’s two documents through the API as an anonymous visitor', async () => {
    await createOrganization(db, { themeSlugs: ['housing'], countryCodes: ['GR'] });
    const { sqlQueries } = await withQueryCounter(() => warmFirstScreen());
    // The choices and the heatmap read PostgreSQL; a failing document would have thrown.
    expect(sqlQueries).toBeGreaterThan(0);
    // The heatmap went through the public level's matrix (read through the cache, computed there when missing).
    const keys = (await db.analyticsCache.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.some((k) => k.startsWith('theme-country-matrix:public:'))).toBe(true);
    expect(keys.some((k) => k.startsWith('theme-country-matrix:members:'))).toBe(false);
  });
});
