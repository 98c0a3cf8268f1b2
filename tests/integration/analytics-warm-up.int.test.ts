/**
 * Analytics computed at start, never on a visitor's first request (issue 13, item 4): after the warm-up the app
 * starts with (hooks.server.ts), a dashboard read of every visibility level is one cache read; cold readers of the
 * same entry arriving together compute it once (single-flight, analytics/cache.ts). Real PostgreSQL and Neo4j;
 * the work is counted with the SQL round-trip counter and by counting calls of the computation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { anonymous, type Viewer } from '../../src/lib/server/access/viewer';
import { getDb, withQueryCounter } from '../../src/lib/server/platform/db';
import { cacheKey, cached, computationsRun, isComputing, readCache } from '../../src/lib/server/analytics/cache';
import { VISIBILITY_LEVELS } from '../../src/lib/server/analytics/levels';
import { computeMatrix } from '../../src/lib/server/analytics/matrix';
import {
  defaultYears,
  getDensityOverTime,
  getThemeCountryMatrix,
  MatrixComputation
} from '../../src/lib/server/analytics/service';
import { IsolatedOrganizationsQuery, warmAnalytics } from '../../src/lib/server/analytics/warm';
import { forgetCachedAnalytics } from '../../src/lib/server/partnerships/stale-analytics';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();
const member: Viewer = { kind: 'user', userId: 'warm-member', role: 'MEMBER', organizationIds: [] };
const admin: Viewer = { kind: 'user', userId: 'warm-admin', role: 'ADMIN', organizationIds: [] };
const viewers = { public: anonymous, members: member, admin };

beforeAll(async () => {
  const a = await createOrganization(db, { name: 'Warm A', themeSlugs: ['homelessness'], countryCodes: ['PL'] });
  const b = await createOrganization(db, { name: 'Warm B', themeSlugs: ['homelessness'], countryCodes: ['PL'] });
  const c = await createOrganization(db, {
    name: 'Warm C',
    themeSlugs: ['mental-health-trauma'],
    countryCodes: ['IT']
  });
  await createPartnership(db, a, b, { visibility: 'PUBLIC' });
  await createPartnership(db, b, c, { visibility: 'PRIVATE' });
  await drainOutbox();
});

describe('the analytics warm-up', () => {
  it('leaves every level’s dashboard reads with no computation: one cache read each', async () => {
    await forgetCachedAnalytics(db, VISIBILITY_LEVELS);
    // The control: cold, a read computes (its generation, the grant totals, the store: more than one statement).
    const cold = await withQueryCounter(() => getThemeCountryMatrix(anonymous));
    expect(cold.sqlQueries).toBeGreaterThan(1);

    await forgetCachedAnalytics(db, VISIBILITY_LEVELS);
    const steps = await warmAnalytics();
    expect(steps.filter((s) => s.computation !== 'network-structure' && s.error)).toEqual([]);
    const warmed = computationsRun();
    for (const level of VISIBILITY_LEVELS) {
      const matrix = await withQueryCounter(() => getThemeCountryMatrix(viewers[level]));
      expect(matrix.sqlQueries, `matrix [${level}]`).toBe(1);
      expect(matrix.result.level).toBe(level);
      const density = await withQueryCounter(() => getDensityOverTime(viewers[level]));
      expect(density.sqlQueries, `density [${level}]`).toBe(1);
    }
    expect(computationsRun()).toBe(warmed);
  });

  it('asks the dashboard’s live graph question once, so a fresh Neo4j has planned it before a visitor does', async () => {
    const steps = await warmAnalytics();
    const asked = steps.filter((s) => s.computation === IsolatedOrganizationsQuery);
    // Once, with the dashboard's arguments, after the cached entries (a visitor's first dashboard read needs those
    // first), and it succeeded: a failure would leave the plan cold for the first visitor.
    expect(asked).toEqual([
      { computation: IsolatedOrganizationsQuery, level: 'public', params: { first: 25 }, ms: asked[0]?.ms }
    ]);
    expect(steps.at(-1)).toBe(asked[0]);
  });

  it('starts nothing once shutdown has aborted it', async () => {
    const before = computationsRun();
    expect(await warmAnalytics({ signal: AbortSignal.abort() })).toEqual([]);
    expect(computationsRun()).toBe(before);
  });

  it('keeps levels apart: the public matrix does not count the PRIVATE partnership the admin one does', async () => {
    await forgetCachedAnalytics(db, VISIBILITY_LEVELS);
    await warmAnalytics();
    const across = (cells: { partnershipsAcross: number }[]) => cells.reduce((sum, c) => sum + c.partnershipsAcross, 0);
    const pub = await getThemeCountryMatrix(anonymous);
    const adm = await getThemeCountryMatrix(admin);
    expect(across(adm.value.cells)).toBeGreaterThan(across(pub.value.cells));
  });
});

describe('cold reads of one entry arriving together', () => {
  it('compute it once, and both readers get the stored value', async () => {
    await forgetCachedAnalytics(db, ['public']);
    const { fromYear, toYear } = defaultYears().grants;
    let computations = 0;
    const compute = async () => {
      computations++;
      return computeMatrix('public', fromYear, toYear);
    };
    const [first, second] = await Promise.all([
      cached(MatrixComputation, 'public', { fromYear, toYear }, compute),
      cached(MatrixComputation, 'public', { fromYear, toYear }, compute)
    ]);
    expect(computations).toBe(1);
    expect(second.value).toEqual(first.value);
    expect(second.computedAt).toEqual(first.computedAt);
  });

  it('through the API too: two concurrent cold dashboard reads compute the matrix once', async () => {
    await forgetCachedAnalytics(db, ['members']);
    const before = computationsRun();
    const [a, b] = await Promise.all([getThemeCountryMatrix(member), getThemeCountryMatrix(member)]);
    expect(computationsRun() - before).toBe(1);
    expect(b.computedAt).toEqual(a.computedAt);
    expect(b.value).toEqual(a.value);
  });

  it('a read arriving while the warm-up computes joins that computation', async () => {
    // An invalidation landing mid-test (background work of an earlier test) would rightly make the read recompute.
    await settleBackgroundWork();
    await forgetCachedAnalytics(db, ['public']);
    const key = cacheKey(MatrixComputation, 'public', defaultYears().grants);
    const warming = warmAnalytics({ levels: ['public'] });
    // The matrix is the warm-up's first job: once it is computing, a visitor's read waits for it (or, if it just
    // finished, reads the cache) — never a computation of its own.
    await waitFor(async () => isComputing(key) || (await readCache(key)) !== null);
    const before = computationsRun();
    const read = await getThemeCountryMatrix(anonymous);
    const steps = await warming;
    // Only the warm-up's own jobs after the matrix ran (one attempt each, failed ones included; skipped ones never
    // start): none for the read.
    const attempted = steps.filter((s) => !s.error?.startsWith('skipped')).length;
    expect(computationsRun() - before).toBeLessThanOrEqual(attempted - 1);
    expect(read.computedAt).toEqual((await readCache(key))?.computedAt);
  });
});

async function waitFor(condition: () => Promise<boolean>) {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}
