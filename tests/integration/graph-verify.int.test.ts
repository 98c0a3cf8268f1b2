/**
 * graph:rebuild and graph:verify against real stores: a wiped graph is rebuilt from PostgreSQL with zero drift,
 * and verify notices a tampered property, a missing node or relationship, and an extra node.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import type { Organization } from '../../src/lib/server/db/generated/client';
import { readTx, writeTx } from '../../src/lib/server/platform/neo4j';
import { rebuildGraph, type RebuildProgress } from '../../src/lib/server/projection/rebuild';
import { verifyGraph } from '../../src/lib/server/projection/verify';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createOrganization, createPartnership } from '../factories/organizations';
import { addNetworkMember, createNetwork } from '../factories/networks';
import { createGrant } from '../factories/grants';
import { wipeGraph } from '../setup/graph';

const db = getDb();
const ids: { orgs: string[]; partnerships: string[] } = { orgs: [], partnerships: [] };

beforeAll(async () => {
  const orgs: Organization[] = [];
  for (let i = 0; i < 8; i++) {
    orgs.push(
      await createOrganization(db, {
        themeSlugs: i % 2 ? ['legal-aid'] : ['housing', 'health'],
        countryCodes: i % 3 ? ['DE'] : ['IT', 'GR'],
        hqCountryCode: i % 2 ? 'DE' : null,
        foundedYear: 1990 + i,
        archivedAt: i === 7 ? new Date() : null
      })
    );
  }
  ids.orgs = orgs.map((o) => o.id);
  for (let i = 0; i < 7; i++) {
    const p = await createPartnership(db, orgs[i], orgs[i + 1], {
      status: i === 3 ? 'PROPOSED' : 'CONFIRMED',
      visibility: i === 2 ? 'PRIVATE' : 'PUBLIC',
      startDate: i % 2 ? new Date('2021-06-01') : null,
      themeSlugs: ['legal-aid']
    });
    ids.partnerships.push(p.id);
  }
  const network = await createNetwork(db);
  await addNetworkMember(db, network, orgs[0], { since: new Date('2020-01-01') });
  await addNetworkMember(db, network, orgs[1]);
  await createGrant(db, orgs[0], orgs[1], { amountAwarded: 1234.56, countryCodes: ['GR'] });
});

describe('rebuildGraph and verifyGraph', () => {
  it('rebuilds a wiped graph from PostgreSQL and then verifies with zero drift', async () => {
    await wipeGraph();
    const before = await verifyGraph();
    expect(before.ok).toBe(false);
    expect(before.drift.some((d) => d.entity === 'Organization' && d.problem === 'missing-in-graph')).toBe(true);
    expect(before.pendingOutbox).toBeGreaterThan(0);

    const progress: RebuildProgress[] = [];
    const summary = await rebuildGraph({ onProgress: (p) => progress.push(p), batchSize: 50 });
    expect(summary.projected.Organization).toBe(8);
    expect(summary.projected.Partnership).toBe(7);
    expect(summary.projected.NetworkMembership).toBe(2);
    expect(summary.projected.Grant).toBe(1);
    expect(summary.projected.Theme).toBe(await db.theme.count());
    expect(progress.at(-1)?.phase).toBe('outbox');
    const lastProject = progress.filter((p) => p.phase === 'project').at(-1)!;
    expect(lastProject.done).toBe(lastProject.total);

    const report = await verifyGraph();
    expect(report.drift).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.pendingOutbox).toBe(0);
    expect(report.counts.Organization).toEqual({ postgres: 8, neo4j: 8 });
    expect(report.counts.Partnership).toEqual({ postgres: 7, neo4j: 7 });
    expect(report.counts.Country.postgres).toBeGreaterThan(30);
    expect(report.counts.Country.neo4j).toBe(report.counts.Country.postgres);
  });

  it('detects a tampered property, a missing node, a missing relationship and an extra node', async () => {
    await rebuildGraph();
    await writeTx(async (tx) => {
      await tx.run(`MATCH (o:Organization {id: $id}) SET o.name = 'tampered'`, { id: ids.orgs[0] });
      await tx.run(`MATCH ()-[r:PARTNERS_WITH {id: $id}]->() SET r.visibility = 'PUBLIC'`, { id: ids.partnerships[2] });
      await tx.run(`MATCH (o:Organization {id: $id}) DETACH DELETE o`, { id: ids.orgs[5] });
      await tx.run(`MATCH ()-[r:PARTNERS_WITH {id: $id}]->() DELETE r`, { id: ids.partnerships[0] });
      await tx.run(`CREATE (:Organization {id: 'ghost-org', slug: 'ghost', name: 'Ghost'})`);
      await tx.run(`MATCH (o:Organization {id: $id})-[w:WORKS_ON]->() DELETE w`, { id: ids.orgs[3] });
    });

    const report = await verifyGraph();
    expect(report.ok).toBe(false);
    const problems = report.drift.map((d) => `${d.entity} ${d.id} ${d.problem}`);
    expect(problems).toContain(`Organization ${ids.orgs[0]} checksum-mismatch`);
    expect(problems).toContain(`Partnership ${ids.partnerships[2]} checksum-mismatch`);
    expect(problems).toContain(`Organization ${ids.orgs[5]} missing-in-graph`);
    expect(problems).toContain(`Partnership ${ids.partnerships[0]} missing-in-graph`);
    expect(problems).toContain('Organization ghost-org extra-in-graph');
    // Losing a relationship the organisation owns changes its checksum too.
    expect(problems).toContain(`Organization ${ids.orgs[3]} checksum-mismatch`);
    // Deleting org 5 took its two partnerships along: they are missing as well.
    expect(problems).toContain(`Partnership ${ids.partnerships[4]} missing-in-graph`);
    expect(problems).toContain(`Partnership ${ids.partnerships[5]} missing-in-graph`);
    expect(report.driftCount).toBe(report.drift.length);
    expect(report.counts.Organization).toEqual({ postgres: 8, neo4j: 8 }); // one missing, one extra

    // A rebuild repairs all of it, including removing the extra node.
    const summary = await rebuildGraph();
    expect(summary.removed.Organization).toBe(1);
    const repaired = await verifyGraph();
    expect(repaired.drift).toEqual([]);
    expect(repaired.ok).toBe(true);
    const ghost = await readTx(async (tx) => (await tx.run(`MATCH (o {id: 'ghost-org'}) RETURN o`)).records.length);
    expect(ghost).toBe(0);
  });

  it('counts pending outbox rows and reports their drift until the projector catches up', async () => {
    await rebuildGraph();
    const org = await createOrganization(db);
    const pending = await verifyGraph();
    expect(pending.pendingOutbox).toBe(1);
    expect(pending.drift).toEqual([{ entity: 'Organization', id: org.id, problem: 'missing-in-graph' }]);
    await drainOutbox();
    const settled = await verifyGraph();
    expect(settled.ok).toBe(true);
    expect(settled.pendingOutbox).toBe(0);
  });

  it('skips a row Neo4j rejects, rebuilds the rest and names the row', async () => {
    await rebuildGraph();
    const badId = ids.partnerships[1];
    await db.$executeRaw`UPDATE "Partnership" SET "startDate" = '20210-06-01' WHERE id = ${badId}`;
    await writeTx((tx) => tx.run(`MATCH (o:Organization {id: $id}) SET o.name = 'stale'`, { id: ids.orgs[2] }));

    const summary = await rebuildGraph({ batchSize: 4 });
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]).toMatchObject({ entity: 'Partnership', id: badId });
    expect(summary.projected.Partnership).toBe(6);
    const report = await verifyGraph();
    // Everything else was rebuilt (the stale name is repaired); the rejected row keeps its old graph state.
    expect(report.drift).toEqual([{ entity: 'Partnership', id: badId, problem: 'checksum-mismatch' }]);

    await db.$executeRaw`UPDATE "Partnership" SET "startDate" = '2021-06-01' WHERE id = ${badId}`;
    expect((await rebuildGraph()).failed).toEqual([]);
    expect((await verifyGraph()).ok).toBe(true);
  });
});
