/**
 * A stale ranking model is refitted in the background, never on the request path (decision 0036): the
 * recommendation that notices the stale model answers at once with the stored model while the refit runs, one
 * refit runs however many requests notice it (single-flight), and the refit later stores a fresh model that the
 * next recommendations use. Real PostgreSQL and Neo4j, and a dated public history for the fit to read:
 *
 *   hub ─ 12 partners (old ties)        the best connected
 *   ring of 40 organisations             old ties between neighbours, new ties (this year) two steps apart
 *   newbie                               no partnerships; the organisation recommendations are asked for
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { recommendPartners } from '../../src/lib/server/matchmaking/recommend';
import { PRIOR_MODEL, type RankingModel } from '../../src/lib/server/matchmaking/ranking/model';
import {
  backgroundRefitRunning,
  currentRankingModel,
  forgetCachedRankingModel,
  latestRankingModel,
  refitInBackground,
  saveRankingModel,
  STALE_AFTER_DAYS
} from '../../src/lib/server/matchmaking/ranking/store';
import { refreshPublicDegrees } from '../../src/lib/server/matchmaking/ranking/public-degree';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();
const anonymous: Viewer = { kind: 'anonymous' };
const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

/** Fitted long ago, and recognisable: newcomers ranked by popularity alone (weight 3 on ln(1 + partners)). */
const staleModel: RankingModel = {
  ...PRIOR_MODEL,
  source: 'fitted',
  fittedAt: daysAgo(STALE_AFTER_DAYS + 30).toISOString(),
  newcomer: { ...PRIOR_MODEL.newcomer, degree: 3, theme: 0, sharesCountry: 0, sharesCountryPopularity: 0 }
};

let newbie: { id: string };
let hub: { id: string };
const previousSetting = process.env.RANKING_REFIT_WHEN_STALE;

beforeAll(async () => {
  newbie = await createOrganization(db, { name: 'Newbie', countryCodes: ['PT'] });
  hub = await createOrganization(db, { name: 'Hub', countryCodes: ['DE'] });
  const ring = [];
  for (let i = 0; i < 40; i++) ring.push(await createOrganization(db, { name: `Ring ${i}`, countryCodes: ['IT'] }));
  for (let i = 0; i < 12; i++) await createPartnership(db, hub, ring[i * 3], { startDate: daysAgo(900 + i) });
  for (let i = 0; i < ring.length; i++) {
    await createPartnership(db, ring[i], ring[(i + 1) % ring.length], { startDate: daysAgo(800 + i) });
    // New ties close triangles: what the fit's window [cutoff, today) learns from.
    if (i % 2 === 0) await createPartnership(db, ring[i], ring[(i + 2) % ring.length], { startDate: daysAgo(10 + i) });
  }
  await drainOutbox();
  await refreshPublicDegrees();
  // The test runner turns the server's own refit off (VITEST); this file exercises exactly that refit.
  process.env.RANKING_REFIT_WHEN_STALE = 'on';
});

afterAll(() => {
  if (previousSetting === undefined) delete process.env.RANKING_REFIT_WHEN_STALE;
  else process.env.RANKING_REFIT_WHEN_STALE = previousSetting;
});

describe('a stale ranking model', () => {
  it('is served at once while one background refit runs, which later stores a fresh model', async () => {
    await saveRankingModel(staleModel);
    const rowsBefore = await db.rankingModel.count();
    // The refit cannot store its model while this lock is held (reads still pass): it stays running, for certain,
    // until the lock is released below — on small data it could otherwise finish before the checks that need it
    // running (it did once on a quiet machine).
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE "RankingModel" IN EXCLUSIVE MODE');
    forgetCachedRankingModel();

    // The stale model comes back at once, and noticing it started the refit.
    expect((await currentRankingModel()).fittedAt).toBe(staleModel.fittedAt);
    expect(backgroundRefitRunning()).toBe(true);
    // Single-flight: more requests noticing the stale model join the running refit instead of starting another.
    const running = refitInBackground();
    forgetCachedRankingModel();
    await currentRankingModel();
    expect(refitInBackground()).toBe(running);

    // A recommendation answers meanwhile, ranked by the stored (stale) model: popularity puts the hub first and
    // the reason shown is its connectedness. The refit is still running (held by the lock) when it answers.
    const recs = await recommendPartners(anonymous, { organizationId: newbie.id, first: 10 });
    expect(backgroundRefitRunning()).toBe(true);
    expect(recs[0].organization.id).toBe(hub.id);
    expect(recs[0].contributions[0].reason).toBe('wellConnected');
    expect(recs[0].contributions[0].weight).toBeCloseTo(3 * Math.log(1 + 12), 6);

    await holder.query('COMMIT');
    await holder.end();
    // Later the refit has stored a fresh model, exactly one, and the next recommendations rank with it.
    await expect
      .poll(async () => (await latestRankingModel())?.fittedAt, { timeout: 300_000, interval: 250 })
      .not.toBe(staleModel.fittedAt);
    await expect.poll(() => backgroundRefitRunning(), { timeout: 10_000 }).toBe(false);
    expect(await db.rankingModel.count()).toBe(rowsBefore + 1);
    const fresh = await currentRankingModel();
    expect(fresh.fittedAt).not.toBe(staleModel.fittedAt);
    expect(Date.now() - Date.parse(fresh.fittedAt!)).toBeLessThan(STALE_AFTER_DAYS * DAY_MS);
    expect(fresh.window?.cutoff).toBeTruthy();

    // A fresh model starts no further refit.
    forgetCachedRankingModel();
    await currentRankingModel();
    expect(backgroundRefitRunning()).toBe(false);
  }, 360_000);
});
