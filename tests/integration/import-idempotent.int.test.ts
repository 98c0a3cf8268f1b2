/**
 * Importing is an upsert by external id: the same files twice give the same rows (no duplicates), a changed file
 * updates in place (link tables included), absent optional columns leave values alone, and the import's outbox
 * rows project the data into Neo4j — through enqueueChanges for small files and the bulk path for large ones.
 */
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { readTx } from '../../src/lib/server/platform/neo4j';
import { IMPORT_ORDER } from '../../src/lib/server/imports/columns';
import { importCsv } from '../../src/lib/server/imports/import-csv';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { generateDataset, toCsv } from '../../tools/seed/generator';
import { rowCounts } from '../factories/row-counts';

const db = getDb();
const dataset = generateDataset({ orgs: 150, seed: 11 });

const counts = () =>
  rowCounts(db, [
    'organization',
    'organizationTheme',
    'partnership',
    'partnershipTheme',
    'network',
    'networkMembership',
    'grant',
    'grantCountry'
  ]);

async function importAll() {
  const reports = [];
  for (const kind of IMPORT_ORDER) {
    const report = await importCsv(kind, { text: toCsv(kind, dataset[kind]) }, { db, source: 'test' });
    expect(report.issues).toEqual([]);
    reports.push(report);
  }
  return reports;
}

async function graphCount(cypher: string): Promise<number> {
  return readTx(async (tx) => Number((await tx.run(cypher)).records[0]!.get(0)));
}

describe('re-importing', () => {
  it('creates everything once, then updates in place with the same counts and no duplicates', async () => {
    const first = await importAll();
    expect(first.map((r) => r.counts.created)).toEqual(IMPORT_ORDER.map((kind) => dataset[kind].length));
    const afterFirst = await counts();
    expect(afterFirst.organization).toBe(dataset.organizations.length);
    expect(afterFirst.partnership).toBe(dataset.partnerships.length);

    const second = await importAll();
    expect(second.map((r) => r.counts.created)).toEqual([0, 0, 0, 0, 0]);
    expect(second.map((r) => r.counts.updated)).toEqual(IMPORT_ORDER.map((kind) => dataset[kind].length));
    expect(await counts()).toEqual(afterFirst);
  });

  it('rewrites no row when nothing changed (updatedAt is kept)', async () => {
    const before = await db.organization.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: 'asc' } });
    await importCsv('organizations', { text: toCsv('organizations', dataset.organizations) }, { db });
    const after = await db.organization.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: 'asc' } });
    expect(after).toEqual(before);
  });

  it('updates fields and replaces theme links of existing rows; absent columns stay as they were', async () => {
    const target = dataset.organizations[0]!;
    const text = `external_id,name,type,themes\n${target.external_id},Renamed Organisation,NGO,housing;health\n`;
    const report = await importCsv('organizations', { text }, { db });
    expect(report.counts).toEqual({ rows: 1, created: 0, updated: 1 });
    const org = await db.organization.findUniqueOrThrow({
      where: { externalId: target.external_id },
      include: { themes: { include: { theme: true } } }
    });
    expect(org.name).toBe('Renamed Organisation');
    expect(org.themes.map((t) => t.theme.slug).sort()).toEqual(['health', 'housing']);
    // Not in the header, so unchanged: the description, the slug and the countries.
    expect(org.description).toBe(target.description);
    expect(org.slug).toBe(target.slug);
    expect(await db.organizationCountry.count({ where: { organizationId: org.id } })).toBe(
      target.countries!.split(';').length
    );
  });

  it('projects the imported rows into Neo4j by draining the outbox', async () => {
    await drainOutbox({ db });
    expect(await graphCount('MATCH (o:Organization) RETURN count(o)')).toBe(dataset.organizations.length);
    // Partnerships went through the bulk outbox path (more than 1,000 rows): the projector reads them the same way.
    expect(dataset.partnerships.length).toBeGreaterThan(1_000);
    expect(await graphCount('MATCH ()-[r:PARTNERS_WITH]->() RETURN count(r)')).toBe(dataset.partnerships.length);
    expect(await graphCount('MATCH ()-[r:MEMBER_OF]->() RETURN count(r)')).toBe(dataset['network-memberships'].length);
    expect(await graphCount('MATCH ()-[r:FUNDED]->() RETURN count(r)')).toBe(dataset.grants.length);
    expect(await graphCount("MATCH (o:Organization {name: 'Renamed Organisation'}) RETURN count(o)")).toBe(1);
    expect(await db.outbox.count({ where: { processedAt: null } })).toBe(0);
  });

  it('takes slugs from names for rows without one, numbering clashes', async () => {
    const text = 'external_id,name,type\nslugless-1,Open Doors Lyon,NGO\nslugless-2,Open Doors Lyon,GRASSROOTS\n';
    expect((await importCsv('organizations', { text }, { db })).ok).toBe(true);
    const slugs = await db.organization.findMany({
      where: { externalId: { in: ['slugless-1', 'slugless-2'] } },
      select: { externalId: true, slug: true },
      orderBy: { externalId: 'asc' }
    });
    expect(slugs).toEqual([
      { externalId: 'slugless-1', slug: 'open-doors-lyon' },
      { externalId: 'slugless-2', slug: 'open-doors-lyon-2' }
    ]);
  });

  it('fills empty source cells from the --source option', async () => {
    const linked = new Set(dataset.partnerships.map((p) => [p.org_a, p.org_b].sort().join('|')));
    const a = dataset.organizations[0]!;
    const b = dataset.organizations.find(
      (o) => o !== a && !linked.has([a.external_id, o.external_id].sort().join('|'))
    );
    const text = `external_id,org_a,org_b,kind\nsourced-1,${a!.external_id},${b!.external_id},INFORMAL\n`;
    expect((await importCsv('partnerships', { text }, { db, source: 'survey 2025' })).ok).toBe(true);
    const p = await db.partnership.findUniqueOrThrow({ where: { externalId: 'sourced-1' } });
    expect(p).toMatchObject({ source: 'survey 2025', status: 'CONFIRMED', visibility: 'MEMBERS' });
  });
});
