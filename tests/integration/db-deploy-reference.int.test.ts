/**
 * Issue 14, finding 9: `npm run db:deploy` on a fresh DATABASE_URL leaves a database that imports can use —
 * the countries (Kosovo XK included) and themes are loaded without any flag.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/lib/server/platform/db';
import { createEmptyDatabase, type IsolatedDatabase } from '../setup/postgres';

let database: IsolatedDatabase | undefined;
afterAll(async () => {
  await database?.drop();
});

describe('db:deploy on a fresh database', () => {
  it('applies the migrations and loads the reference data, Kosovo included', async () => {
    database = await createEmptyDatabase();
    const run = spawnSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['tools/cli/db.ts', 'deploy'], {
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: 'utf8'
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/reference data: countries \d+ created/);
    const { db, close } = createDb(database.url);
    try {
      const codes = ['GB', 'XK'];
      const rows = await db.country.findMany({ where: { code: { in: codes } }, orderBy: { code: 'asc' } });
      expect(rows.map((r) => [r.code, r.nameEn, r.nameDe])).toEqual([
        ['GB', 'United Kingdom', 'Vereinigtes Königreich'],
        ['XK', 'Kosovo', 'Kosovo']
      ]);
      expect(await db.theme.count()).toBeGreaterThan(0);
    } finally {
      await close();
    }
  }, 300_000);
});
