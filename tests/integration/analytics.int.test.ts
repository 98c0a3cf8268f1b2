/**
 * Ecosystem analytics on real Neo4j (+ GDS) and PostgreSQL: the theme × country matrix with gap flags and grant
 * totals, isolated organisations, brokers, communities, density over time, and the per-visibility-level cache.
 * The privacy rule: PRIVATE partnerships and grants count for admins (and, live, for their sides) only.
 *
 *   a1 ┄ a2                      detention monitoring, GR — only a PRIVATE partnership (2020)
 *   b1 ─ b2 ─ b3 ─ b1            mental health, IT — public triangle (2021)
 *   d1 ─ d2 ─ d3 ─ d1            homelessness, PL — public triangle (2021)
 *   b1 ─ bridge ┄ d1             bridge links the two triangles, its tie to d1 is PRIVATE
 *   c1 ─ c2 ─ c3 ─ c1            gender-based violence, ES — public triangle (2022)
 *   secret ┄ c1, c2, c3          PRIVATE only
 *   funder                        grants to b1 (PUBLIC, EUR), b2 (PRIVATE, EUR), b3 (PUBLIC, USD)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { isolatedOrganizations } from '../../src/lib/server/analytics/isolated';
import { refreshAnalytics } from '../../src/lib/server/analytics/refresh';
import {
  getBrokers,
  getCommunities,
  getDensityOverTime,
  getThemeCountryMatrix
} from '../../src/lib/server/analytics/service';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createGrant } from '../factories/grants';
import { createOrganization, createPartnership } from '../factories/organizations';
import { admin, memberOf } from '../factories/viewers';
import { anonymous } from '../../src/lib/server/access/viewer';

const db = getDb();
type Org = Awaited<ReturnType<typeof createOrganization>>;
let a1: Org, a2: Org, b1: Org, b2: Org, b3: Org, d1: Org, bridge: Org, c1: Org, secret: Org, funder: Org;

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function triangle(theme: string, country: string, prefix: string, startDate: Date) {
  const orgs: Org[] = [];
  for (const n of [1, 2, 3])
    orgs.push(await createOrganization(db, { name: `${prefix}${n}`, themeSlugs: [theme], countryCodes: [country] }));
  await createPartnership(db, orgs[0], orgs[1], { startDate });
  await createPartnership(db, orgs[1], orgs[2], { startDate });
  await createPartnership(db, orgs[2], orgs[0], { startDate });
  return orgs;
}

beforeAll(async () => {
  a1 = await createOrganization(db, { name: 'A1', themeSlugs: ['detention-monitoring'], countryCodes: ['GR'] });
  a2 = await createOrganization(db, { name: 'A2', themeSlugs: ['detention-monitoring'], countryCodes: ['GR'] });
  await createPartnership(db, a1, a2, { visibility: 'PRIVATE', startDate: date('2020-03-01') });

  [b1, b2, b3] = await triangle('mental-health-trauma', 'IT', 'B', date('2021-01-01'));
  [d1] = await triangle('homelessness', 'PL', 'D', date('2021-01-01'));
  bridge = await createOrganization(db, { name: 'Bridge', themeSlugs: ['policy-evaluation'], countryCodes: ['BE'] });
  await createPartnership(db, bridge, b1, { startDate: date('2021-06-01') });
  await createPartnership(db, bridge, d1, { visibility: 'PRIVATE', startDate: date('2021-06-01') });

  const c = await triangle('gender-based-violence', 'ES', 'C', date('2022-01-01'));
  c1 = c[0];
  secret = await createOrganization(db, {
    name: 'Secret',
    themeSlugs: ['gender-based-violence'],
    countryCodes: ['ES']
  });
  for (const member of c)
    await createPartnership(db, secret, member, { visibility: 'PRIVATE', startDate: date('2022-01-01') });

  funder = await createOrganization(db, { name: 'Funder', type: 'FUNDER' });
  const grant = { themeSlugs: ['mental-health-trauma'], countryCodes: ['IT'], awardDate: date('2024-05-01') };
  await createGrant(db, funder, b1, { ...grant, amountAwarded: 10_000 });
  await createGrant(db, funder, b2, { ...grant, amountAwarded: 5_000, visibility: 'PRIVATE' });
  await createGrant(db, funder, b3, { ...grant, amountAwarded: 7_000, currency: 'USD' });
  await drainOutbox();
});

describe('theme × country matrix', () => {
  const years = { fromYear: 2020, toYear: 2025 };
  const cellOf = (matrix: Awaited<ReturnType<typeof getThemeCountryMatrix>>, theme: string, country: string) =>
    matrix.value.cells.find((c) => c.theme === theme && c.country === country);

  it('counts organisations per cell, sub-themes into their parent, and flags gaps', async () => {
    const matrix = await getThemeCountryMatrix(anonymous, years);
    expect(matrix.value.thinBelow).toBe(3);
    expect(cellOf(matrix, 'mental-health-trauma', 'IT')).toMatchObject({
      organizations: 3,
      partnershipsWithin: 3,
      partnershipsAcross: 1, // b1 ─ bridge
      gaps: []
    });
    expect(cellOf(matrix, 'health', 'IT')).toMatchObject({ organizations: 3, partnershipsWithin: 3 });
    expect(cellOf(matrix, 'detention-monitoring', 'FI')).toMatchObject({ organizations: 0, gaps: ['none'] });
    expect(matrix.computedAt).toBeInstanceOf(Date);
    expect(matrix.level).toBe('public');
  });

  it('counts a PRIVATE partnership only for admins: the cell is isolated for everyone else', async () => {
    const forAdmin = await getThemeCountryMatrix(admin, years);
    expect(cellOf(forAdmin, 'detention-monitoring', 'GR')).toMatchObject({
      organizations: 2,
      partnershipsWithin: 1,
      gaps: ['thin']
    });
    expect(cellOf(forAdmin, 'alternatives-to-detention', 'GR')).toMatchObject({
      organizations: 2,
      partnershipsWithin: 1
    });
    for (const viewer of [anonymous, memberOf(b1), memberOf(a1)]) {
      const matrix = await getThemeCountryMatrix(viewer, years);
      expect(cellOf(matrix, 'detention-monitoring', 'GR')).toMatchObject({
        organizations: 2,
        partnershipsWithin: 0,
        gaps: ['thin', 'isolated']
      });
    }
  });

  it('sums EUR grants the viewer may see, counts other currencies without converting them', async () => {
    expect(cellOf(await getThemeCountryMatrix(anonymous, years), 'mental-health-trauma', 'IT')).toMatchObject({
      grants: 2,
      grantsEur: 10_000,
      otherCurrencyGrants: 1
    });
    expect(cellOf(await getThemeCountryMatrix(admin, years), 'health', 'IT')).toMatchObject({
      grants: 3,
      grantsEur: 15_000,
      otherCurrencyGrants: 1
    });
    const before = await getThemeCountryMatrix(admin, { fromYear: 2020, toYear: 2023 });
    expect(cellOf(before, 'health', 'IT')).toMatchObject({ grants: 0, grantsEur: 0 });
  });

  it('narrows rows, columns and gap flags on request, and rejects a reversed year range', async () => {
    const matrix = await getThemeCountryMatrix(anonymous, {
      ...years,
      themes: ['detention-monitoring'],
      countries: ['GR', 'IT'],
      gaps: ['isolated']
    });
    expect(matrix.value.cells.map((c) => `${c.theme}/${c.country}`)).toEqual(['detention-monitoring/GR']);
    await expect(getThemeCountryMatrix(anonymous, { fromYear: 2025, toYear: 2020 })).rejects.toMatchObject({
      failure: { kind: 'validation', fieldErrors: [{ field: 'toYear' }] }
    });
  });
});

describe('isolated organisations', () => {
  it('treats an organisation whose only partnerships are PRIVATE as isolated, except for its sides and admins', async () => {
    const names = async (viewer: Viewer) =>
      (await isolatedOrganizations(viewer, { first: 100 })).organizations.map((o) => o.name);
    for (const viewer of [anonymous, memberOf(b1)]) {
      expect(await names(viewer)).toEqual(['A1', 'A2', 'Funder', 'Secret']);
    }
    expect(await names(memberOf(a1))).toEqual(['Funder', 'Secret']);
    expect(await names(admin)).toEqual(['Funder']);
  });

  it('filters by theme (with sub-themes) and country, and pages', async () => {
    const byTheme = await isolatedOrganizations(anonymous, { themes: ['alternatives-to-detention'] });
    expect(byTheme.total).toBe(2);
    expect((await isolatedOrganizations(anonymous, { countries: ['ES'] })).organizations.map((o) => o.name)).toEqual([
      'Secret'
    ]);
    const page = await isolatedOrganizations(anonymous, { first: 1, offset: 1 });
    expect(page).toMatchObject({ total: 4, organizations: [{ name: 'A2' }] });
  });
});

describe('brokers and communities (GDS, one projection per visibility level)', () => {
  it('finds the broker between two groups only where its tie is visible', async () => {
    // Admin first: a result computed with private ties must never be served to the public level afterwards.
    const forAdmin = await getBrokers(admin);
    expect(forAdmin.brokers[0].organization.id).toBe(bridge.id);
    expect(forAdmin.brokers[0].communitiesBridged).toBe(2);
    expect(forAdmin.brokers[0].relative).toBe(1);
    const forPublic = await getBrokers(anonymous);
    expect(forPublic.brokers.map((b) => b.organization.id)).not.toContain(bridge.id);
    expect(forPublic.brokers.map((b) => b.organization.id)).toContain(b1.id);
  });

  it('groups organisations by visible partnerships only', async () => {
    const esCommunity = (result: Awaited<ReturnType<typeof getCommunities>>) =>
      result.communities.find((c) => c.dominantCountries[0]?.code === 'ES');
    const forAdmin = esCommunity(await getCommunities(admin));
    expect(forAdmin).toMatchObject({ size: 4, dominantThemes: [{ slug: 'gender', organizations: 4 }] });
    expect(forAdmin?.hubs.map((h) => h.id)).toContain(secret.id);
    for (const viewer of [anonymous, memberOf(c1)]) {
      const community = esCommunity(await getCommunities(viewer));
      expect(community).toMatchObject({ size: 3, dominantCountries: [{ code: 'ES', organizations: 3 }] });
      expect(community?.hubs.map((h) => h.id)).not.toContain(secret.id);
    }
  });
});

describe('network density over time', () => {
  it('counts pairs active each year among existing organisations, PRIVATE ones for admins only', async () => {
    const year = (result: Awaited<ReturnType<typeof getDensityOverTime>>, y: number) =>
      result.value.years.find((r) => r.year === y)!;
    const forAdmin = await getDensityOverTime(admin, { fromYear: 2019, toYear: 2022 });
    const forPublic = await getDensityOverTime(anonymous, { fromYear: 2019, toYear: 2022 });
    expect(year(forAdmin, 2019).activePairs).toBe(0);
    expect(year(forAdmin, 2020).activePairs).toBe(1);
    expect(year(forPublic, 2020).activePairs).toBe(0);
    // 2021: two public triangles + bridge─b1 (+ bridge─d1 and a1─a2 for admins).
    expect(year(forPublic, 2021).activePairs).toBe(7);
    expect(year(forAdmin, 2021).activePairs).toBe(9);
    const orgs = year(forPublic, 2021).organizations;
    expect(orgs).toBe(14);
    expect(year(forPublic, 2021).density).toBeCloseTo(7 / ((orgs * (orgs - 1)) / 2), 10);
  });
});

describe('the analytics cache', () => {
  it('keeps one entry per visibility level, returns computedAt, and refreshes', async () => {
    const first = await getBrokers(anonymous);
    const again = await getBrokers(anonymous);
    expect(again.computedAt.getTime()).toBe(first.computedAt.getTime());
    const keys = (await db.analyticsCache.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys).toContain('network-structure:public:{}');
    expect(keys).toContain('network-structure:admin:{}');

    const steps = await refreshAnalytics({ levels: ['public'] });
    expect(steps.every((s) => s.level === 'public' && s.error === undefined)).toBe(true);
    expect(steps.map((s) => s.computation)).toEqual(
      expect.arrayContaining(['theme-country-matrix', 'density', 'network-structure'])
    );
    const refreshed = await getBrokers(anonymous);
    expect(refreshed.computedAt.getTime()).toBeGreaterThan(first.computedAt.getTime());
    const adminEntry = await db.analyticsCache.findUnique({ where: { key: 'network-structure:admin:{}' } });
    expect(adminEntry!.computedAt.getTime()).toBeLessThan(refreshed.computedAt.getTime());
  });
});
