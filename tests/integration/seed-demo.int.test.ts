/**
 * First-run demo data: seeded once through the importer (so it passes the same validation), credible in shape
 * (a few hundred organisations over ~40 countries, every theme used, networks, foundations with grants), projected
 * into Neo4j by the outbox, and never seeded twice.
 */
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { readTx } from '../../src/lib/server/platform/neo4j';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { demoDataset, seedDemoIfEmpty } from '../../tools/seed/demo';

const db = getDb();

describe('seedDemoIfEmpty', () => {
  it('seeds the demo dataset into an empty database', async () => {
    const lines: string[] = [];
    expect(await seedDemoIfEmpty((line) => lines.push(line), db)).toBe(true);
    const dataset = demoDataset();
    expect(await db.organization.count()).toBe(dataset.organizations.length);
    expect(await db.partnership.count()).toBe(dataset.partnerships.length);
    expect(await db.grant.count()).toBe(dataset.grants.length);
    expect(lines.some((l) => l.includes('partnerships') && l.includes('created'))).toBe(true);
  });

  it('looks like the field: ~300 organisations, ~40 countries, every theme, ~10 networks, ~10 funders', async () => {
    const orgs = await db.organization.count();
    expect(orgs).toBeGreaterThanOrEqual(250);
    expect(orgs).toBeLessThanOrEqual(400);
    const countries = await db.organization.groupBy({ by: ['hqCountryCode'] });
    expect(countries.length).toBeGreaterThanOrEqual(35);
    const usedThemes = await db.organizationTheme.groupBy({ by: ['themeId'] });
    expect(usedThemes.length).toBe(await db.theme.count());
    const networks = await db.network.count();
    expect(networks).toBeGreaterThanOrEqual(8);
    expect(networks).toBeLessThanOrEqual(15);
    const funders = await db.grant.groupBy({ by: ['funderId'] });
    expect(funders.length).toBe(10);
    const described = await db.organization.count({ where: { description: { contains: ' based in ' } } });
    expect(described).toBe(orgs);
  });

  it('projects into Neo4j when the outbox is drained (what npm start does next)', async () => {
    await drainOutbox({ db });
    const [orgs, partnerships] = await readTx(async (tx) =>
      Promise.all([
        tx.run('MATCH (o:Organization) RETURN count(o) AS n'),
        tx.run('MATCH ()-[r:PARTNERS_WITH]->() RETURN count(r) AS n')
      ])
    );
    expect(Number(orgs.records[0]!.get('n'))).toBe(await db.organization.count());
    expect(Number(partnerships.records[0]!.get('n'))).toBe(await db.partnership.count());
  });

  it('does nothing the second time', async () => {
    const before = await db.outbox.count();
    expect(await seedDemoIfEmpty(() => {}, db)).toBe(false);
    expect(await db.outbox.count()).toBe(before);
  });

  it('is the same dataset on every run', () => {
    expect(JSON.stringify(demoDataset())).toBe(JSON.stringify(demoDataset()));
  });
});
