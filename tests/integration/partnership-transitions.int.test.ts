/**
 * Issue #14, findings 8 and 9: partnership state transitions lock the row (one winner per race), and confirming or
 * ending a partnership drops the cached analytics of every level that counts it.
 */
import { describe, expect, it } from 'vitest';
import { cacheKey, generationKey } from '../../src/lib/server/analytics/cache';
import { getDb } from '../../src/lib/server/platform/db';
import { confirmPartnership, declinePartnership, endPartnership } from '../../src/lib/server/partnerships/partnerships';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createViewer } from '../factories/graphql';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();
const ROUNDS = 100;

describe('concurrent decisions on one proposal', () => {
  it(`confirm and decline race ${ROUNDS} times and exactly one wins each time`, { timeout: 300_000 }, async () => {
    const a = await createOrganization(db);
    const b = await createOrganization(db);
    const invited = await createViewer(db, { organizationIds: [b.id] });
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // A new open proposal each round (the previous one is CONFIRMED or DECLINED; a confirmed one is ended first so
      // the open-pair index admits the next).
      const proposal = await createPartnership(db, a, b, { status: 'PROPOSED', title: `round ${round}` });
      const [confirmed, declined] = await Promise.all([
        confirmPartnership(invited, { id: proposal.id }),
        declinePartnership(invited, { id: proposal.id })
      ]);
      const winners = [confirmed, declined].filter((o) => o.ok);
      const loser = [confirmed, declined].find((o) => !o.ok);
      expect(winners).toHaveLength(1);
      expect(loser && !loser.ok && loser.failure).toMatchObject({
        kind: 'validation',
        fieldErrors: [{ field: 'id', message: expect.stringMatching(/^is (CONFIRMED|DECLINED): only a PROPOSED/) }]
      });
      const row = await db.partnership.findUniqueOrThrow({ where: { id: proposal.id } });
      expect(row.status).toBe(confirmed.ok ? 'CONFIRMED' : 'DECLINED');
      const audit = await db.auditLog.count({ where: { entityType: 'Partnership', entityId: proposal.id } });
      expect(audit).toBe(1);
      outcomes.push(row.status);
      if (row.status === 'CONFIRMED') {
        expect((await endPartnership(invited, { id: proposal.id })).ok).toBe(true);
      }
    }
    expect(outcomes).toHaveLength(ROUNDS);
  });

  it('two concurrent ends of one confirmed partnership: one wins, one is told it is ENDED', async () => {
    const a = await createOrganization(db);
    const b = await createOrganization(db);
    const sideA = await createViewer(db, { organizationIds: [a.id] });
    const sideB = await createViewer(db, { organizationIds: [b.id] });
    const partnership = await createPartnership(db, a, b, { status: 'CONFIRMED' });
    const results = await Promise.all([
      endPartnership(sideA, { id: partnership.id }),
      endPartnership(sideB, { id: partnership.id })
    ]);
    expect(results.filter((o) => o.ok)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: partnership.id, action: 'partnership.end' } })).toBe(1);
  });
});

/** A cached entry of each computation at `level`, as analytics/cache.ts stores them. */
async function seedCache(level: 'public' | 'members' | 'admin') {
  const keys = ['theme-country-matrix', 'density', 'network-structure'].map((metric) => cacheKey(metric, level, {}));
  for (const key of keys) {
    await db.analyticsCache.upsert({
      where: { key },
      create: { key, value: { stale: true } },
      update: { value: { stale: true } }
    });
  }
  return keys;
}

const generation = async (level: 'public' | 'members' | 'admin') =>
  Number((await db.analyticsCache.findUnique({ where: { key: generationKey(level) } }))?.value ?? 0);

describe('cached analytics follow confirm and end', () => {
  it('confirming a MEMBERS partnership drops the members and admin caches, not the public one', async () => {
    const a = await createOrganization(db);
    const b = await createOrganization(db);
    const invited = await createViewer(db, { organizationIds: [b.id] });
    const proposal = await createPartnership(db, a, b, { status: 'PROPOSED', visibility: 'MEMBERS' });
    await drainOutbox();
    const publicKeys = await seedCache('public');
    const memberKeys = await seedCache('members');
    const adminKeys = await seedCache('admin');
    const before = await generation('members');

    expect((await confirmPartnership(invited, { id: proposal.id })).ok).toBe(true);

    expect(await db.analyticsCache.count({ where: { key: { in: [...memberKeys, ...adminKeys] } } })).toBe(0);
    expect(await db.analyticsCache.count({ where: { key: { in: publicKeys } } })).toBe(3);
    expect(await generation('members')).toBeGreaterThan(before);
  });

  it('ending a PUBLIC partnership drops every level, declining a proposal drops none', async () => {
    const a = await createOrganization(db);
    const b = await createOrganization(db);
    const sideA = await createViewer(db, { organizationIds: [a.id] });
    const sideB = await createViewer(db, { organizationIds: [b.id] });
    const confirmed = await createPartnership(db, a, b, { status: 'CONFIRMED', visibility: 'PUBLIC' });
    await drainOutbox();
    const keys = [...(await seedCache('public')), ...(await seedCache('members')), ...(await seedCache('admin'))];
    expect((await endPartnership(sideA, { id: confirmed.id })).ok).toBe(true);
    expect(await db.analyticsCache.count({ where: { key: { in: keys } } })).toBe(0);

    const proposal = await createPartnership(db, a, b, { status: 'PROPOSED', visibility: 'PUBLIC' });
    const kept = await seedCache('public');
    expect((await declinePartnership(sideB, { id: proposal.id })).ok).toBe(true);
    expect(await db.analyticsCache.count({ where: { key: { in: kept } } })).toBe(3);
  });
});
