/**
 * Issue 13: `npm run bench` on a fresh machine created its database and applied the migrations, but not the
 * countries and themes, so every generated organisation was rejected ("UA is not a known country code"). This
 * is that path: an empty PostgreSQL database prepared the way tools/bench/services.ts prepares `atlas_bench`,
 * then a small generated dataset loaded into it and projected into this file's (empty) graph.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../src/lib/server/platform/db';
import { ensureDataset } from '../../tools/bench/dataset';
import { prepareBenchDatabase } from '../../tools/bench/services';
import { createEmptyDatabase, type IsolatedDatabase } from '../setup/postgres';

const ORGS = 40;
let database: IsolatedDatabase | undefined;
let handle: DbHandle | undefined;

afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

describe('npm run bench on a fresh database', () => {
  it('loads the reference data with the migrations, so the generated dataset imports', async () => {
    database = await createEmptyDatabase();
    const lines: string[] = [];
    await prepareBenchDatabase(database.url, { root: process.cwd(), log: (line) => lines.push(line) });
    expect(lines.join('\n')).toMatch(/reference data: countries [1-9]\d* created/);

    handle = createDb(database.url);
    expect(await handle.db.country.count({ where: { code: 'UA' } })).toBe(1);
    const { reused, size } = await ensureDataset(handle.db, { orgs: ORGS, seed: 5, log: () => {} });
    expect(reused).toBe(false);
    expect(size.organizations).toBe(ORGS);
    expect(size.partnerships).toBeGreaterThan(0);
    expect(size.graphOrganizations).toBe(ORGS);
    expect(size.graphPartnerships).toBe(size.partnerships);

    // Preparing again (every bench run does) changes nothing and keeps the dataset.
    const again: string[] = [];
    await prepareBenchDatabase(database.url, { root: process.cwd(), log: (line) => again.push(line) });
    expect(again.join('\n')).toMatch(/countries 0 created, 0 updated; themes 0 created, 0 updated/);
    expect(await handle.db.organization.count()).toBe(ORGS);
  }, 300_000);
});
