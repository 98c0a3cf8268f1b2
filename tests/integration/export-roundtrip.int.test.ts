/**
 * Exports are exactly the import format: generated files come back byte for byte, and export → import into an
 * empty database → export gives identical files — also for rows created in the app (no external id: `atlas:<id>`)
 * and for values that need CSV quoting or formula escaping.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { visibilityOf } from '../../src/lib/server/access/viewer';
import { createDb } from '../../src/lib/server/platform/db';
import { getDb } from '../../src/lib/server/platform/db';
import { exportCsvText } from '../../src/lib/server/exports/export-csv';
import { IMPORT_ORDER, type ImportKind } from '../../src/lib/server/imports/columns';
import { importCsv } from '../../src/lib/server/imports/import-csv';
import { generateDataset, toCsv } from '../../tools/seed/generator';
import { createIsolatedDatabase } from '../setup/postgres';
import { createOrganization, createPartnership } from '../factories/organizations';
import { addNetworkMember, createNetwork } from '../factories/networks';
import { createGrant } from '../factories/grants';

const db = getDb();
const admin = visibilityOf({ kind: 'user', userId: 'admin', role: 'ADMIN', organizationIds: [] });
const dataset = generateDataset({ orgs: 120, seed: 5 });

async function exportAll(client = db): Promise<Record<ImportKind, string>> {
  const files = {} as Record<ImportKind, string>;
  for (const kind of IMPORT_ORDER) files[kind] = await exportCsvText(kind, admin, client);
  return files;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('CSV export', () => {
  it('gives back the generated files byte for byte after importing them', async () => {
    for (const kind of IMPORT_ORDER) {
      const report = await importCsv(kind, { text: toCsv(kind, dataset[kind]) }, { db });
      expect(report.issues).toEqual([]);
    }
    const exported = await exportAll();
    for (const kind of IMPORT_ORDER) expect(exported[kind]).toBe(toCsv(kind, dataset[kind]));
  });

  it('round-trips through an empty database, including rows created in the app', async () => {
    // Rows without external ids, and values that must be quoted or escaped on the way out.
    const a = await createOrganization(db, {
      name: 'Café "Bienvenue", Lyon',
      description: '=HYPERLINK("http://evil.example") — typed in the app\nsecond line',
      themeSlugs: ['housing'],
      countryCodes: ['FR'],
      contactPhone: '+33 4 12 34 56 78',
      contactEmail: 'hello@cafe.example.org'
    });
    const b = await createOrganization(db, {
      name: 'Second App Org',
      levels: ['LOCAL', 'NATIONAL'],
      languages: ['fr', 'en']
    });
    await createPartnership(db, a, b, {
      kind: 'INFORMAL',
      visibility: 'PRIVATE',
      themeSlugs: ['housing'],
      startDate: new Date('2023-04-01')
    });
    const network = await createNetwork(db, { name: 'App Network', organizationId: b.id });
    await addNetworkMember(db, network, a, { role: 'OBSERVER', since: new Date('2022-01-01') });
    await createGrant(db, b, a, {
      amountAwarded: 1234.5,
      currency: 'CHF',
      countryCodes: ['FR', 'CH'],
      themeSlugs: ['housing']
    });

    const first = await exportAll();
    expect(first.organizations).toContain(`atlas:${a.id},`);
    expect(first.organizations).toContain(`"'=HYPERLINK(""http://evil.example"") — typed in the app\nsecond line"`);
    expect(first.organizations).toContain(',+33 4 12 34 56 78,');
    expect(first.grants).toContain(',CHF,1234.50,');

    const empty = await createIsolatedDatabase(inject('pgTemplate'), inject('pgAdminUrl'));
    const other = createDb(empty.url);
    cleanups.push(async () => {
      await other.close();
      await empty.drop(); // waits for the closed pool's sockets to leave first
    });
    for (const kind of IMPORT_ORDER) {
      const report = await importCsv(kind, { text: first[kind] }, { db: other.db });
      expect(report.issues).toEqual([]);
      expect(report.counts.created).toBe(report.counts.rows);
    }
    const second = await exportAll(other.db);
    for (const kind of IMPORT_ORDER) expect(second[kind]).toBe(first[kind]);
  });
});
