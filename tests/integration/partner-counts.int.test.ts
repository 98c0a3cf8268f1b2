/**
 * The partner counts the projector keeps on organisation nodes (decision 0047) against real PostgreSQL and Neo4j:
 * over generated histories of partnership events (proposed, confirmed, ended, visibility changed, moved, deleted,
 * organisations archived or deleted), projected through the outbox in random batches,
 *   - the stored counts read for each kind of viewer equal the counts the visibility rule gives per organisation;
 *   - recommendations and coalition candidates are the same with stored and with live counts.
 * And: graph:verify names stale counts, graph:rebuild and the 0005 migration recompute them, and ranking as of a
 * date still counts only the ties started before it.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Organization, PartnershipStatus, Visibility } from '../../src/lib/server/db/generated/client';
import type { VisibilityParams } from '../../src/lib/server/access/viewer';
import {
  sideOnlyPartners,
  sideOnlyTies,
  visiblePartnerCount,
  visibleRecentTieCount,
  visibleTieCount
} from '../../src/lib/server/access/partner-counts-cypher';
import { visibilityParams, visiblePartnership } from '../../src/lib/server/access/visibility-cypher';
import { getDb } from '../../src/lib/server/platform/db';
import { readTx, writeTx } from '../../src/lib/server/platform/neo4j';
import { applyGraphMigrations } from '../../src/lib/server/platform/graph-migrations';
import { enqueueChanges } from '../../src/lib/server/projection/outbox';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { rebuildGraph } from '../../src/lib/server/projection/rebuild';
import { verifyGraph } from '../../src/lib/server/projection/verify';
import { stalePartnerCounts } from '../../src/lib/server/projection/partner-counts';
import { fetchCandidates } from '../../src/lib/server/matchmaking/coalition';
import { RecommendInput, recommendRowsInTx } from '../../src/lib/server/matchmaking/recommend';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();
const THEMES = ['legal-aid', 'housing'];
const COUNTRIES = ['DE', 'IT'];
const ORGS_PER_RUN = 5;

const yearsAgo = (years: number) => new Date(Date.now() - years * 365.25 * 86_400_000);
/** Undated, long ago, and within the two recent years the recommender's `recentDegree` counts. */
const START_DATES = [null, yearsAgo(9), yearsAgo(1)];
const RECENT_SINCE = yearsAgo(2).toISOString().slice(0, 10);

type Event =
  | { kind: 'propose' | 'create'; a: number; b: number; visibility: Visibility; start: number }
  | { kind: 'status'; p: number; status: PartnershipStatus }
  | { kind: 'visibility'; p: number; visibility: Visibility }
  | { kind: 'move'; p: number; a: number; b: number }
  | { kind: 'deletePartnership'; p: number }
  | { kind: 'archive'; org: number }
  | { kind: 'deleteOrganization'; org: number }
  | { kind: 'drain' };

const visibility = fc.constantFrom<Visibility>('PUBLIC', 'MEMBERS', 'PRIVATE');
const org = fc.nat(ORGS_PER_RUN - 1);
const event: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constantFrom('propose', 'create'), a: org, b: org, visibility, start: fc.nat(2) })
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('status'),
      p: fc.nat(),
      status: fc.constantFrom<PartnershipStatus>('CONFIRMED', 'ENDED', 'DECLINED')
    })
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('visibility'), p: fc.nat(), visibility }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move'), p: fc.nat(), a: org, b: org }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deletePartnership'), p: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('archive'), org }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteOrganization'), org }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'drain' as const }) }
);

/** Applies one event in PostgreSQL with its outbox row, as the services do; skips what no longer applies. */
async function apply(e: Event, orgs: (Organization | null)[], partnerships: string[]): Promise<void> {
  const live = (i: number) => orgs[i] ?? null;
  const pick = (p: number) => (partnerships.length === 0 ? null : partnerships[p % partnerships.length]);
  const change = async (id: string, data: Record<string, unknown>) => {
    const exists = await db.partnership.findUnique({ where: { id }, select: { id: true } });
    if (!exists) return;
    await db.$transaction(async (tx) => {
      await tx.partnership.update({ where: { id }, data });
      await enqueueChanges(tx, [{ aggregate: 'Partnership', aggregateId: id, op: 'upsert' }]);
    });
  };
  switch (e.kind) {
    case 'propose':
    case 'create': {
      const a = live(e.a);
      const b = live(e.b);
      if (!a || !b || a.id === b.id) return;
      const p = await createPartnership(db, a, b, {
        status: e.kind === 'propose' ? 'PROPOSED' : 'CONFIRMED',
        visibility: e.visibility,
        startDate: START_DATES[e.start]
      });
      partnerships.push(p.id);
      return;
    }
    case 'status':
    case 'visibility': {
      const id = pick(e.p);
      if (id) await change(id, e.kind === 'status' ? { status: e.status } : { visibility: e.visibility });
      return;
    }
    case 'move': {
      const id = pick(e.p);
      const a = live(e.a);
      const b = live(e.b);
      if (id && a && b && a.id !== b.id) await change(id, { orgAId: a.id, orgBId: b.id });
      return;
    }
    case 'deletePartnership': {
      const id = pick(e.p);
      if (!id) return;
      await db.$transaction(async (tx) => {
        await tx.partnership.deleteMany({ where: { id } });
        await enqueueChanges(tx, [{ aggregate: 'Partnership', aggregateId: id, op: 'delete' }]);
      });
      return;
    }
    case 'archive': {
      const o = live(e.org);
      if (!o) return;
      await db.$transaction(async (tx) => {
        await tx.organization.update({ where: { id: o.id }, data: { archivedAt: new Date() } });
        await enqueueChanges(tx, [{ aggregate: 'Organization', aggregateId: o.id, op: 'upsert' }]);
      });
      return;
    }
    case 'deleteOrganization': {
      const o = live(e.org);
      if (!o) return;
      // Its partnerships go with it (ON DELETE CASCADE) with no outbox rows of their own, as in the app.
      await db.$transaction(async (tx) => {
        await tx.organization.delete({ where: { id: o.id } });
        await enqueueChanges(tx, [{ aggregate: 'Organization', aggregateId: o.id, op: 'delete' }]);
      });
      orgs[e.org] = null;
      return;
    }
    case 'drain':
      await drainOutbox({ batchSize: 3 });
  }
}

/**
 * An event PostgreSQL refuses (a second open partnership of one kind between the same two organisations) changes
 * nothing, as in the app: the history goes on without it.
 */
function refused(error: unknown): void {
  if ((error as { code?: string }).code !== 'P2002') throw error;
}

/** Per organisation: the counts the rule gives (each one's visible ties walked) and what the stored counts read. */
async function countsBothWays(v: VisibilityParams) {
  return readTx(async (tx) => {
    const result = await tx.run(
      `WITH ${sideOnlyTies()} AS sideTies, ${sideOnlyPartners()} AS sidePartners
       MATCH (c:Organization)
       RETURN c.id AS id,
              [COUNT { MATCH (c)-[r:PARTNERS_WITH]-() WHERE ${visiblePartnership('r')} },
               COUNT { MATCH (c)-[r:PARTNERS_WITH]-() WHERE ${visiblePartnership('r')} AND r.startDate >= date($since) },
               COUNT { MATCH (c)-[r:PARTNERS_WITH]-(x) WHERE ${visiblePartnership('r')} RETURN DISTINCT x }] AS live,
              [${visibleTieCount('c', 'sideTies')}, ${visibleRecentTieCount('c', 'sideTies', 'date($since)')},
               ${visiblePartnerCount('c', 'sidePartners')}] AS stored
       ORDER BY id`,
      { ...visibilityParams(v), since: RECENT_SINCE }
    );
    return result.records.map((r) => ({
      id: r.get('id') as string,
      live: (r.get('live') as unknown[]).map(Number),
      stored: (r.get('stored') as unknown[]).map(Number)
    }));
  });
}

function viewers(orgs: (Organization | null)[]): { name: string; v: VisibilityParams }[] {
  const ids = orgs.flatMap((o) => (o ? [o.id] : []));
  return [
    { name: 'anonymous', v: { seeMembers: false, seeAll: false, orgIds: [] } },
    { name: 'signed in, no organisation', v: { seeMembers: true, seeAll: false, orgIds: [] } },
    { name: 'member of one', v: { seeMembers: true, seeAll: false, orgIds: ids.slice(0, 1) } },
    { name: 'member of two', v: { seeMembers: true, seeAll: false, orgIds: ids.slice(1, 3) } },
    { name: 'admin', v: { seeMembers: true, seeAll: true, orgIds: [] } }
  ];
}

async function newOrganizations(): Promise<Organization[]> {
  const orgs: Organization[] = [];
  for (let i = 0; i < ORGS_PER_RUN; i++) {
    orgs.push(
      await createOrganization(db, {
        themeSlugs: [THEMES[i % 2]],
        countryCodes: i % 3 === 0 ? COUNTRIES : [COUNTRIES[i % 2]],
        levels: i % 2 ? ['NATIONAL'] : ['LOCAL']
      })
    );
  }
  return orgs;
}

describe('partner counts kept by the projector', () => {
  beforeAll(async () => {
    await drainOutbox();
  });

  it('equal the visibility rule for every viewer, and recommendations and coalitions do not change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 4, maxLength: 14 }), async (events) => {
        const orgs: (Organization | null)[] = await newOrganizations();
        const partnerships: string[] = [];
        for (const e of events) await apply(e, orgs, partnerships).catch(refused);
        await drainOutbox();

        for (const { name, v } of viewers(orgs)) {
          for (const row of await countsBothWays(v)) {
            expect({ viewer: name, id: row.id, counts: row.stored }).toEqual({
              viewer: name,
              id: row.id,
              counts: row.live
            });
          }
          for (const o of orgs.filter((x): x is Organization => x !== null).slice(0, 3)) {
            const input = RecommendInput.parse({ organizationId: o.id, first: 20 });
            const [stored, live] = await Promise.all(
              (['stored', 'live'] as const).map((counts) => readTx((tx) => recommendRowsInTx(tx, v, input, { counts })))
            );
            expect(stored).toEqual(live);
          }
          const lists = { themes: THEMES, countries: COUNTRIES, include: [], exclude: [] };
          const [stored, live] = await Promise.all(
            (['stored', 'live'] as const).map((counts) => readTx((tx) => fetchCandidates(tx, v, lists, { counts })))
          );
          expect(stored).toEqual(live);
        }
      }),
      { numRuns: 10 }
    );
    // Each run is a history written to PostgreSQL, projected, then ~50 queries against Neo4j (seconds on a busy
    // machine), so the whole property needs far more than the default per-test limit.
  }, 900_000);

  it('follow a partnership moved to other organisations: the former ends lose it', async () => {
    // The app never moves one, but a bad import could; the projector's write handles it, and must recount both
    // former ends (each of the old ends would otherwise keep counting it).
    const [a, b, c, d] = await newOrganizations();
    const p = await createPartnership(db, a, b, { visibility: 'PUBLIC' });
    await drainOutbox();
    await db.$transaction(async (tx) => {
      await tx.partnership.update({ where: { id: p.id }, data: { orgAId: c.id, orgBId: d.id } });
      await enqueueChanges(tx, [{ aggregate: 'Partnership', aggregateId: p.id, op: 'upsert' }]);
    });
    await drainOutbox();
    const stored = await readTx(async (tx) =>
      (
        await tx.run('UNWIND $ids AS id MATCH (o:Organization {id: id}) RETURN o.tieCountPublic AS n ORDER BY id', {
          ids: [a.id, b.id, c.id, d.id].sort()
        })
      ).records.map((r) => Number(r.get('n')))
    );
    const expected = Object.fromEntries([a.id, b.id, c.id, d.id].map((id, i) => [id, i < 2 ? 0 : 1]));
    expect(stored).toEqual([a.id, b.id, c.id, d.id].sort().map((id) => expected[id]));
  });

  it('are checked by graph:verify and recomputed by graph:rebuild', async () => {
    const [a, b, c] = await newOrganizations();
    await createPartnership(db, a, b, { visibility: 'MEMBERS' });
    await createPartnership(db, a, c, { visibility: 'PRIVATE' });
    await drainOutbox();
    expect((await verifyGraph()).drift).toEqual([]);

    await writeTx((tx) => tx.run('MATCH (o:Organization {id: $id}) SET o.tieCountMembers = 0', { id: a.id }));
    const report = await verifyGraph();
    expect(report.ok).toBe(false);
    expect(report.drift).toEqual([{ entity: 'Organization', id: a.id, problem: 'stale-partner-counts' }]);

    const summary = await rebuildGraph({ batchSize: 7 });
    expect(summary.recounted).toBe(await db.organization.count());
    expect((await verifyGraph()).ok).toBe(true);
    const stored = await readTx(async (tx) =>
      (await tx.run('MATCH (o:Organization {id: $id}) RETURN o.tieCountMembers AS n', { id: a.id })).records[0].get('n')
    );
    expect(Number(stored)).toBe(1);
  });

  it('are filled in by graph migration 0005 on a graph projected before they existed', async () => {
    const [a, b] = await newOrganizations();
    await createPartnership(db, a, b, { visibility: 'PUBLIC', startDate: yearsAgo(1) });
    await drainOutbox();
    await writeTx((tx) =>
      tx.run(`MATCH (o:Organization)
              REMOVE o.tieCountPublic, o.tieCountMembers, o.tieCountAll, o.partnerCountPublic, o.partnerCountMembers,
                     o.partnerCountAll, o.tieStartsPublic, o.tieStartsMembers, o.tieStartsAll`)
    );
    const ids = (await db.organization.findMany({ select: { id: true } })).map((o) => o.id);
    expect(await readTx((tx) => stalePartnerCounts(tx, ids))).toContain(a.id);

    // As on an upgraded deployment: the migration is pending, and applying migrations runs it.
    const name = '0005_organization_partner_counts';
    await writeTx((tx) => tx.run('MATCH (m:GraphMigration {name: $name}) DELETE m', { name }));
    expect(await applyGraphMigrations()).toEqual([name]);
    expect(await readTx((tx) => stalePartnerCounts(tx, ids))).toEqual([]);
  });

  it('are not used when ranking as of a date: only ties started before it count', async () => {
    const [subject, hub, early, late] = await newOrganizations();
    await createPartnership(db, subject, early, { startDate: yearsAgo(9) });
    await createPartnership(db, hub, early, { startDate: yearsAgo(9) });
    await createPartnership(db, hub, late, { startDate: yearsAgo(1) });
    await drainOutbox();
    const input = RecommendInput.parse({ organizationId: subject.id, first: 20 });
    const anonymous = { seeMembers: false, seeAll: false, orgIds: [] };
    const degreeOfHub = async (asOf: string | null) =>
      (await readTx((tx) => recommendRowsInTx(tx, anonymous, input, { asOf }))).find((r) => r.id === hub.id)
        ?.partnerCount;
    expect(await degreeOfHub(null)).toBe(2);
    expect(await degreeOfHub(yearsAgo(5).toISOString().slice(0, 10))).toBe(1);
  });
});
