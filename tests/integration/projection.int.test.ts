/**
 * The write path's projection into Neo4j: outbox rows → graph, idempotent replays, deletes and archiving,
 * the theme hierarchy, Neo4j outages (writes succeed, rows wait, a later drain catches up) and concurrent drainers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { getDb } from '../../src/lib/server/platform/db';
import type { Organization, Partnership } from '../../src/lib/server/db/generated/client';
import { readTx } from '../../src/lib/server/platform/neo4j';
import { env } from '../../src/lib/server/env';
import { freePort } from '../../tools/process/ports';
import { enqueueChanges } from '../../src/lib/server/projection/outbox';
import { drainOutbox, projectNow, startProjectorLoop } from '../../src/lib/server/projection/projector';
import { createOrganization, createPartnership } from '../factories/organizations';
import { addNetworkMember, createNetwork } from '../factories/networks';
import { createGrant } from '../factories/grants';

const db = getDb();

/** Every node and relationship with its properties, as sorted strings: equal snapshots mean an unchanged graph. */
async function graphSnapshot(): Promise<string[]> {
  return readTx(async (tx) => {
    const nodes = await tx.run(
      `MATCH (n) WHERE NOT n:GraphMigration RETURN labels(n) AS labels, properties(n) AS props`
    );
    const rels = await tx.run(
      `MATCH (a)-[r]->(b) WHERE NOT a:GraphMigration
       RETURN type(r) AS type, properties(r) AS props, coalesce(a.id, a.code) AS a, coalesce(b.id, b.code) AS b`
    );
    return [
      ...nodes.records.map((r) => JSON.stringify([r.get('labels'), sortKeys(r.get('props'))])),
      ...rels.records.map((r) => JSON.stringify([r.get('type'), r.get('a'), r.get('b'), sortKeys(r.get('props'))]))
    ].sort();
  });
}

function sortKeys(props: Record<string, unknown>): [string, string][] {
  return Object.keys(props)
    .sort()
    .map((k) => [k, String(props[k])]);
}

async function outboxRows(ids: bigint[]) {
  return db.outbox.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
}

describe('projection of the outbox into Neo4j', () => {
  it('projects an organisation and a partnership written with outbox rows when projectNow runs', async () => {
    const a = await createOrganization(db, {
      name: 'Alpha Refugee Law Centre',
      type: 'NGO',
      levels: ['NATIONAL', 'EUROPEAN'],
      languages: ['de', 'en'],
      foundedYear: 1998,
      hqCountryCode: 'DE',
      themeSlugs: ['legal-aid', 'alternatives-to-detention'],
      countryCodes: ['DE', 'AT']
    });
    const b = await createOrganization(db, { name: 'Beta Youth Network', hqCountryCode: 'GR' });
    const p = await createPartnership(db, a, b, {
      kind: 'COALITION',
      status: 'CONFIRMED',
      visibility: 'MEMBERS',
      startDate: new Date('2023-03-01T00:00:00Z'),
      themeSlugs: ['legal-aid']
    });

    const projected = await projectNow([...a.outboxIds, ...b.outboxIds, ...p.outboxIds]);
    expect(projected).toBe(3);

    const org = await readTx(async (tx) => {
      const result = await tx.run(
        `MATCH (o:Organization {id: $id})
         RETURN o {.*} AS o,
                [(o)-[:WORKS_ON]->(t:Theme) | t.id] AS themes,
                [(o)-[:OPERATES_IN]->(c:Country) | c.code] AS countries,
                [(o)-[:HEADQUARTERED_IN]->(c:Country) | c.code] AS hq`,
        { id: a.id }
      );
      return result.records[0];
    });
    expect(org, 'organisation node').toBeDefined();
    expect(org.get('o')).toMatchObject({
      id: a.id,
      slug: a.slug,
      name: 'Alpha Refugee Law Centre',
      type: 'NGO',
      archived: false,
      levels: ['NATIONAL', 'EUROPEAN'],
      languages: ['de', 'en'],
      hqCountry: 'DE'
    });
    expect(neo4j.integer.toNumber(org.get('o').foundedYear)).toBe(1998);
    expect(neo4j.isInt(org.get('o').foundedYear) || Number.isInteger(org.get('o').foundedYear)).toBe(true);
    expect([...org.get('themes')].sort()).toEqual(['alternatives-to-detention', 'legal-aid']);
    expect([...org.get('countries')].sort()).toEqual(['AT', 'DE']);
    expect(org.get('hq')).toEqual(['DE']);

    const rel = await readTx(async (tx) => {
      const result = await tx.run(
        `MATCH (x:Organization)-[r:PARTNERS_WITH {id: $id}]->(y:Organization) RETURN r {.*} AS r, x.id AS x, y.id AS y`,
        { id: p.id }
      );
      return result.records;
    });
    expect(rel).toHaveLength(1);
    expect(rel[0].get('x')).toBe(a.id);
    expect(rel[0].get('y')).toBe(b.id);
    const r = rel[0].get('r');
    expect(r).toMatchObject({
      kind: 'COALITION',
      status: 'CONFIRMED',
      visibility: 'MEMBERS',
      orgA: a.id,
      orgB: b.id,
      themeIds: ['legal-aid']
    });
    expect(neo4j.isDate(r.startDate)).toBe(true);
    expect(String(r.startDate)).toBe('2023-03-01');
    expect(r.endDate ?? null).toBeNull();

    const rows = await outboxRows([...a.outboxIds, ...p.outboxIds]);
    expect(rows.every((row) => row.processedAt !== null)).toBe(true);
  });

  it('projects networks, memberships and grants with the visibility properties the Cypher predicates read', async () => {
    const funder = await createOrganization(db, { type: 'FUNDER' });
    const recipient = await createOrganization(db);
    const network = await createNetwork(db, { name: 'Platform for Undocumented Migrants' });
    const member = await addNetworkMember(db, network, recipient, { role: 'COORDINATOR', visibility: 'PRIVATE' });
    const grant = await createGrant(db, funder, recipient, {
      amountAwarded: 125_000.5,
      currency: 'EUR',
      countryCodes: ['GR', 'IT'],
      themeSlugs: ['legal-aid'],
      visibility: 'MEMBERS'
    });
    await projectNow([funder, recipient, network, member, grant].flatMap((x) => x.outboxIds));

    const result = await readTx(async (tx) => {
      const m = await tx.run(
        `MATCH (o:Organization {id: $org})-[r:MEMBER_OF]->(n:Network {id: $net}) RETURN r {.*} AS r, n {.*} AS n`,
        { org: recipient.id, net: network.id }
      );
      const g = await tx.run(`MATCH (:Organization {id: $f})-[g:FUNDED]->(:Organization {id: $r}) RETURN g {.*} AS g`, {
        f: funder.id,
        r: recipient.id
      });
      return { m: m.records, g: g.records };
    });
    expect(result.m).toHaveLength(1);
    expect(result.m[0].get('n')).toMatchObject({
      id: network.id,
      name: 'Platform for Undocumented Migrants',
      archived: false
    });
    expect(result.m[0].get('r')).toMatchObject({
      id: member.id,
      role: 'COORDINATOR',
      visibility: 'PRIVATE',
      orgA: recipient.id,
      orgB: recipient.id
    });
    expect(result.g).toHaveLength(1);
    const g = result.g[0].get('g');
    expect(g).toMatchObject({
      id: grant.id,
      amount: 125_000.5,
      currency: 'EUR',
      visibility: 'MEMBERS',
      orgA: funder.id,
      orgB: recipient.id
    });
    expect([...g.countryCodes].sort()).toEqual(['GR', 'IT']);
    expect(g.themeIds).toEqual(['legal-aid']);
    expect(String(g.awardDate)).toBe('2024-01-15');
  });

  it('is idempotent: replaying already processed rows leaves the graph exactly as it was', async () => {
    const a = await createOrganization(db, { themeSlugs: ['legal-aid'], countryCodes: ['FR'], hqCountryCode: 'FR' });
    const b = await createOrganization(db);
    const p = await createPartnership(db, a, b, { themeSlugs: ['legal-aid'], startDate: new Date('2022-01-01') });
    await drainOutbox();
    const before = await graphSnapshot();
    expect(before.length).toBeGreaterThan(3);

    // At-least-once delivery: the same rows come round again (twice).
    const ids = [...a.outboxIds, ...b.outboxIds, ...p.outboxIds];
    for (let i = 0; i < 2; i++) {
      await db.outbox.updateMany({ where: { id: { in: ids } }, data: { processedAt: null } });
      expect(await drainOutbox()).toBe(3);
      expect(await graphSnapshot()).toEqual(before);
    }
  });

  it('propagates updates, archiving and deletes', async () => {
    const a = await createOrganization(db, { themeSlugs: ['legal-aid'], hqCountryCode: 'IT' });
    const b = await createOrganization(db);
    const c = await createOrganization(db);
    const ab = await createPartnership(db, a, b);
    const ac = await createPartnership(db, a, c, { kind: 'INFORMAL' });
    await drainOutbox();

    // Profile update: new name, themes replaced, HQ moved, partnership ended.
    const themeIds = ['housing'];
    const ids = await db.$transaction(async (tx) => {
      await tx.organization.update({
        where: { id: a.id },
        data: {
          name: 'Renamed',
          hqCountryCode: 'ES',
          themes: { deleteMany: {}, create: themeIds.map((themeId) => ({ themeId })) }
        }
      });
      await tx.partnership.update({ where: { id: ab.id }, data: { status: 'ENDED', endDate: new Date('2024-12-31') } });
      return enqueueChanges(tx, [
        { aggregate: 'Organization', aggregateId: a.id, op: 'upsert' },
        { aggregate: 'Partnership', aggregateId: ab.id, op: 'upsert' }
      ]);
    });
    await projectNow(ids);
    const updated = await readTx(async (tx) => {
      const r = await tx.run(
        `MATCH (o:Organization {id: $a})
         RETURN o.name AS name, o.hqCountry AS hq,
                [(o)-[:WORKS_ON]->(t) | t.id] AS themes, [(o)-[:HEADQUARTERED_IN]->(c) | c.code] AS hqRel,
                [(o)-[r:PARTNERS_WITH {id: $ab}]-() | [r.status, toString(r.endDate)]] AS ab`,
        { a: a.id, ab: ab.id }
      );
      return r.records[0];
    });
    expect(updated.get('name')).toBe('Renamed');
    expect(updated.get('hq')).toBe('ES');
    expect(updated.get('themes')).toEqual(['housing']);
    expect(updated.get('hqRel')).toEqual(['ES']);
    expect(updated.get('ab')).toEqual([['ENDED', '2024-12-31']]);

    // Archive a: the node stays (with its partnerships), flagged.
    const archiveIds = await db.$transaction(async (tx) => {
      await tx.organization.update({ where: { id: a.id }, data: { archivedAt: new Date() } });
      return enqueueChanges(tx, [{ aggregate: 'Organization', aggregateId: a.id, op: 'upsert' }]);
    });
    await projectNow(archiveIds);
    const archived = await readTx(async (tx) => {
      const r = await tx.run(
        'MATCH (o:Organization {id: $a}) RETURN o.archived AS archived, COUNT { (o)-[:PARTNERS_WITH]-() } AS partnerships',
        { a: a.id }
      );
      return r.records[0];
    });
    expect(archived.get('archived')).toBe(true);
    expect(neo4j.integer.toNumber(archived.get('partnerships'))).toBe(2);

    // Delete the partnership a–c, then organisation b (its partnership a–b goes with it, by cascade in PostgreSQL).
    const deleteIds = await db.$transaction(async (tx) => {
      await tx.partnership.delete({ where: { id: ac.id } });
      await tx.organization.delete({ where: { id: b.id } });
      return enqueueChanges(tx, [
        { aggregate: 'Partnership', aggregateId: ac.id, op: 'delete' },
        { aggregate: 'Organization', aggregateId: b.id, op: 'delete' },
        { aggregate: 'Partnership', aggregateId: ab.id, op: 'delete' }
      ]);
    });
    await projectNow(deleteIds);
    const after = await readTx(async (tx) => {
      const r = await tx.run(
        `RETURN COUNT { MATCH (:Organization {id: $b}) } AS b,
                COUNT { MATCH ()-[r:PARTNERS_WITH]->() WHERE r.id IN [$ab, $ac] } AS rels,
                COUNT { MATCH (:Organization {id: $c}) } AS c`,
        { b: b.id, ab: ab.id, ac: ac.id, c: c.id }
      );
      return r.records[0];
    });
    expect(neo4j.integer.toNumber(after.get('b'))).toBe(0);
    expect(neo4j.integer.toNumber(after.get('rels'))).toBe(0);
    expect(neo4j.integer.toNumber(after.get('c'))).toBe(1);
  });

  it('projects the theme hierarchy and the countries from the reference data outbox rows', async () => {
    await drainOutbox();
    const [themes, countries] = await Promise.all([db.theme.findMany(), db.country.count()]);
    const withParent = themes.filter((t) => t.parentId !== null);
    expect(withParent.length).toBeGreaterThan(0);

    const graph = await readTx(async (tx) => {
      const r = await tx.run(
        `MATCH (t:Theme {id: $child})
         RETURN COUNT { MATCH (:Theme) } AS themes,
                COUNT { MATCH (:Theme)-[:SUBTHEME_OF]->(:Theme) } AS edges,
                COUNT { MATCH (:Country) } AS countries,
                [(t)-[:SUBTHEME_OF]->(p:Theme) | p.id] AS parentOfChild,
                t {.slug, .nameEn, .parentId} AS child`,
        { child: withParent[0].id }
      );
      return r.records[0];
    });
    expect(neo4j.integer.toNumber(graph.get('themes'))).toBe(themes.length);
    expect(neo4j.integer.toNumber(graph.get('edges'))).toBe(withParent.length);
    expect(neo4j.integer.toNumber(graph.get('countries'))).toBe(countries);
    expect(graph.get('parentOfChild')).toEqual([withParent[0].parentId]);
    expect(graph.get('child')).toEqual({
      slug: withParent[0].slug,
      nameEn: withParent[0].nameEn,
      parentId: withParent[0].parentId
    });
  });

  describe('while Neo4j is unreachable', () => {
    let deadDriver: Driver;
    afterAll(async () => {
      await deadDriver?.close();
    });

    it('writes still succeed, rows stay pending with attempts, and a later drain catches up', async () => {
      const port = await freePort(); // nothing listens there
      deadDriver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic(env().NEO4J_USER, env().NEO4J_PASSWORD), {
        connectionTimeout: 2_000,
        connectionAcquisitionTimeout: 2_000
      });
      const logs: string[] = [];
      const log = (line: string) => logs.push(line);

      const org = await createOrganization(db, { name: 'Written during an outage' });
      expect(await db.organization.findUnique({ where: { id: org.id } })).not.toBeNull();

      const started = Date.now();
      await expect(projectNow(org.outboxIds, { driver: deadDriver, log })).resolves.toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      let [row] = await outboxRows(org.outboxIds);
      expect(row.processedAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/ServiceUnavailable|connect|ECONNREFUSED/i);
      expect(logs.join('\n')).toMatch(/left/);

      // The breaker is open: the next mutation does not even try (no attempt counted, no waiting).
      await expect(projectNow(org.outboxIds, { driver: deadDriver, log })).resolves.toBe(0);
      [row] = await outboxRows(org.outboxIds);
      expect(row.attempts).toBe(1);

      const inGraph = () =>
        readTx(
          async (tx) => (await tx.run('MATCH (o:Organization {id: $id}) RETURN o', { id: org.id })).records.length
        );
      expect(await inGraph()).toBe(0);

      // Neo4j is back (the real driver): the loop catches up.
      const loop = startProjectorLoop({ intervalMs: 50, log });
      try {
        await expect.poll(inGraph, { timeout: 10_000, interval: 100 }).toBe(1);
      } finally {
        await loop.stop();
      }
      [row] = await outboxRows(org.outboxIds);
      expect(row.processedAt).not.toBeNull();
    });
  });

  it('isolates a row that Neo4j rejects: the rest of the batch goes through, the bad row waits with backoff', async () => {
    await drainOutbox();
    const a = await createOrganization(db);
    const b = await createOrganization(db);
    const c = await createOrganization(db);
    const good = await createPartnership(db, a, b);
    const bad = await createPartnership(db, b, c);
    // A typo'd year PostgreSQL accepts but a Cypher date cannot parse (an import bug, say).
    await db.$executeRaw`UPDATE "Partnership" SET "startDate" = '20230-01-01' WHERE id = ${bad.id}`;
    const logs: string[] = [];

    expect(await drainOutbox({ log: (line) => logs.push(line) })).toBe(4);
    let [badRow] = await outboxRows(bad.outboxIds);
    expect(badRow.processedAt).toBeNull();
    expect(badRow.attempts).toBe(1);
    expect(badRow.lastError).toMatch(/date/i);
    expect(logs.join('\n')).toContain(bad.id);
    const [goodRow] = await outboxRows(good.outboxIds);
    expect(goodRow.processedAt).not.toBeNull();
    const edges = () =>
      readTx(async (tx) => {
        const r = await tx.run('MATCH ()-[r:PARTNERS_WITH]->() WHERE r.id IN $ids RETURN r.id AS id', {
          ids: [good.id, bad.id]
        });
        return r.records.map((rec) => rec.get('id'));
      });
    expect(await edges()).toEqual([good.id]);

    // Within its backoff the row is not claimed again. The backoff is pushed well into the future first, so the
    // assertion holds however slow the machine is (2 s after a first failure can pass on a loaded box).
    await db.$executeRaw`UPDATE "Outbox" SET "nextAttemptAt" = now() + interval '1 hour' WHERE id = ANY(${bad.outboxIds})`;
    expect(await drainOutbox()).toBe(0);
    [badRow] = await outboxRows(bad.outboxIds);
    expect(badRow.attempts).toBe(1);

    // Once the data is fixed and the backoff has passed (moved into the past rather than waited out), it goes through.
    await db.$executeRaw`UPDATE "Partnership" SET "startDate" = '2023-01-01' WHERE id = ${bad.id}`;
    await db.$executeRaw`UPDATE "Outbox" SET "nextAttemptAt" = now() - interval '1 second' WHERE id = ANY(${bad.outboxIds})`;
    expect(await drainOutbox()).toBe(1);
    expect((await edges()).sort()).toEqual([good.id, bad.id].sort());
  });

  it('lets several drainers run at once without projecting a row twice', async () => {
    await drainOutbox();
    const orgs: Organization[] = [];
    for (let i = 0; i < 12; i++) orgs.push(await createOrganization(db));
    const partnerships: Partnership[] = [];
    for (let i = 0; i < 11; i++) partnerships.push(await createPartnership(db, orgs[i], orgs[i + 1]));

    const counts = await Promise.all([1, 2, 3].map(() => drainOutbox({ batchSize: 4 })));
    expect(counts.reduce((x, y) => x + y, 0)).toBe(23);
    expect(await db.outbox.count({ where: { processedAt: null } })).toBe(0);
    const rels = await readTx(async (tx) => {
      const r = await tx.run('MATCH ()-[r:PARTNERS_WITH]->() WHERE r.id IN $ids RETURN count(r) AS n', {
        ids: partnerships.map((p) => p.id)
      });
      return neo4j.integer.toNumber(r.records[0].get('n'));
    });
    expect(rels).toBe(11);
  });
});
