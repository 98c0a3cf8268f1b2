/**
 * A network with organisations but not one partnership (a new deployment before its first confirmed tie):
 * Louvain's modularity is 0/0 there, and a NaN reached GraphQL's Float and made the dashboard answer 500.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeNetworkStructure } from '../../src/lib/server/analytics/network-structure';
import { getDb } from '../../src/lib/server/platform/db';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { load as dashboardLoad } from '../../src/routes/dashboard/+page.server';
import { createOrganization } from '../factories/organizations';
import { pageFetch } from '../factories/page-fetch';

const db = getDb();

beforeAll(async () => {
  await createOrganization(db, { themeSlugs: ['legal-aid'], countryCodes: ['GR'] });
  await createOrganization(db, { themeSlugs: ['housing'], countryCodes: ['IT'] });
  await drainOutbox();
});

describe('analytics of a network without partnerships', () => {
  it('report no community structure (modularity 0), not NaN', async () => {
    const structure = await computeNetworkStructure('public');
    expect(structure.organizations).toBe(2);
    expect(structure.partneredPairs).toBe(0);
    expect(structure.modularity).toBe(0);
    expect(structure.brokers.every((b) => Number.isFinite(b.betweenness))).toBe(true);
  });

  it('let the dashboard render its graph sections', async () => {
    const page = (await dashboardLoad({
      url: new URL('http://atlas.test/dashboard'),
      fetch: pageFetch(),
      locals: { lang: 'en' },
      setHeaders: () => {}
    } as never)) as unknown as { graph: { rows: unknown[] } | null };
    expect(page.graph).not.toBeNull();
    expect(page.graph!.rows.length).toBeGreaterThan(0);
  });
});
