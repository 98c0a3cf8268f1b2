/**
 * Issue #16 parts 1 and 2: a 360Giving package or flat CSV imports all or nothing, matches organisations by
 * identifier (not by name), and the Atlas's grants export as a package that validates and round-trips.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { visibilityOf, anonymous, type Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { exportGiving360 } from '../../src/lib/server/giving360/export-package';
import { importGiving360 } from '../../src/lib/server/giving360/import-package';
import { validatePackage } from '../../src/lib/server/giving360/validate';
import { createGrant } from '../factories/grants';
import { createOrganization } from '../factories/organizations';

const db = getDb();
const fixture = (name: string) => readFile(new URL(`../fixtures/360giving/${name}`, import.meta.url), 'utf8');
const ADMIN: Viewer = { kind: 'user', userId: 'test-admin', role: 'ADMIN', organizationIds: [] };

async function counts() {
  const [organizations, grants, identifiers, outbox] = await Promise.all([
    db.organization.count(),
    db.grant.count(),
    db.organizationIdentifier.count(),
    db.outbox.count()
  ]);
  return { organizations, grants, identifiers, outbox };
}

/** The sample's ids, so assertions hold whatever else this file's database holds. */
const SAMPLE_ORGS = ['GB-CHC-1099999', 'DE-VR-Amtsgericht-Leipzig-VR5555', 'GB-COH-07654321', 'XI-PIC-912345678'];

describe('360Giving import', () => {
  it('rejects a malformed package, naming grant and field, and writes nothing', async () => {
    const before = await counts();
    const report = await importGiving360(
      { text: await fixture('malformed-package.json') },
      {
        db,
        fileName: 'malformed-package.json'
      }
    );
    expect(report.ok).toBe(false);
    expect(report.unit).toBe('grant');
    expect(report.issues).toEqual(
      expect.arrayContaining([
        { line: 1, column: '/fundingOrganization', reason: 'is required by the 360Giving standard' },
        expect.objectContaining({ line: 1, column: '/awardDate', reason: expect.stringContaining('date') }),
        expect.objectContaining({ line: 2, column: '/currency' }),
        expect.objectContaining({ line: 2, column: '/amountAwarded', reason: 'must be number' })
      ])
    );
    expect(report.issues.some((i) => i.line === 3)).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('rolls back organisations it had created when a grant then breaks an Atlas rule', async () => {
    const before = await counts();
    const text = JSON.stringify({
      grants: [
        {
          id: '360G-rollback-1',
          title: 'Spent in a country the Atlas does not know',
          currency: 'EUR',
          amountAwarded: 100,
          awardDate: '2025-01-01',
          recipientOrganization: [{ id: 'GB-CHC-3000001', name: 'Rollback Recipient' }],
          fundingOrganization: [{ id: 'GB-CHC-3000002', name: 'Rollback Fund' }],
          beneficiaryLocation: [{ countryCode: 'ZZ' }]
        }
      ]
    });
    const report = await importGiving360({ text }, { db, fileName: 'rollback.json' });
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ line: 1, column: 'Beneficiary Location:Country Code' })]);
    expect(report.grants).toEqual({ rows: 1, created: 0, updated: 0 });
    expect(await counts()).toEqual(before);
  });

  it('a dry run reports what applying would do and writes nothing; applying does it, with provenance', async () => {
    const text = await fixture('sample-package.json');
    const before = await counts();
    const dry = await importGiving360({ text }, { db, fileName: 'sample-package.json', dryRun: true });
    expect(dry.ok).toBe(true);
    expect(dry.dryRun).toBe(true);
    expect(dry.grants).toEqual({ rows: 3, created: 3, updated: 0 });
    expect(dry.organizations.created.map((o) => o.identifier).sort()).toEqual([...SAMPLE_ORGS].sort());
    expect(dry.unmappedClassifications).toEqual([
      { line: 2, vocabulary: 'Funder Internal', code: 'X-17', title: 'Something unmapped' }
    ]);
    expect(await counts()).toEqual(before);

    const applied = await importGiving360({ text }, { db, fileName: 'sample-package.json' });
    expect(applied.ok).toBe(true);
    expect(applied.grants).toEqual(dry.grants);
    expect(applied.organizations.created).toEqual(dry.organizations.created);

    const funder = await db.organization.findUniqueOrThrow({
      where: { externalId: 'GB-CHC-1099999' },
      include: { identifiers: true }
    });
    expect(funder).toMatchObject({
      name: 'Example Migration Fund',
      type: 'FUNDER',
      hqCountryCode: 'GB',
      sourceKind: 'IMPORT',
      source: 'sample-package.json',
      licence: 'https://creativecommons.org/licenses/by/4.0/'
    });
    expect(funder.identifiers.map((i) => [i.scheme, i.identifier])).toEqual([['GB-CHC', 'GB-CHC-1099999']]);

    const grant = await db.grant.findUniqueOrThrow({
      where: { externalId: '360G-examplefund-2025-001' },
      include: { themes: { include: { theme: true } }, countries: true, recipient: true }
    });
    expect(grant).toMatchObject({
      currency: 'EUR',
      grantProgramme: 'Access to justice',
      source: 'https://example.org/grants-2025.json',
      sourceKind: 'IMPORT',
      licence: 'https://creativecommons.org/licenses/by/4.0/'
    });
    expect(grant.amountAwarded.toFixed(2)).toBe('45000.00');
    expect(grant.plannedStartDate?.toISOString().slice(0, 10)).toBe('2025-04-01');
    expect(grant.themes.map((t) => t.theme.slug).sort()).toEqual(['fair-asylum-systems', 'legal-aid']);
    expect(grant.countries.map((c) => c.countryCode)).toEqual(['DE']);
    expect(grant.recipient.type).toBe('OTHER');
    expect(await counts()).toMatchObject({
      organizations: before.organizations + 4,
      grants: before.grants + 3,
      identifiers: before.identifiers + 4
    });

    // Re-import in the flat CSV with the organisations' names spelled differently: matched by identifier.
    const respelled = await importGiving360(
      { text: await fixture('sample-respelled.csv') },
      { db, fileName: 'sample-respelled.csv' }
    );
    expect(respelled.ok).toBe(true);
    expect(respelled.unit).toBe('line');
    expect(respelled.organizations.created).toEqual([]);
    expect(respelled.organizations.matched).toEqual(
      expect.arrayContaining([
        {
          line: 2,
          identifier: 'GB-CHC-1099999',
          nameInFile: 'The Example Migration Fund',
          name: 'Example Migration Fund',
          matchedBy: 'identifier'
        }
      ])
    );
    expect(respelled.grants).toEqual({ rows: 2, created: 1, updated: 1 });
    expect(await counts()).toMatchObject({ organizations: before.organizations + 4, grants: before.grants + 4 });
    const second = await db.grant.findUniqueOrThrow({
      where: { externalId: '360G-examplefund-2025-004' },
      include: { countries: true }
    });
    expect(second.countries.map((c) => c.countryCode).sort()).toEqual(['GB', 'IE']);
    // The organisation's own profile was not renamed by the funder's spelling.
    expect((await db.organization.findUniqueOrThrow({ where: { externalId: 'GB-CHC-1099999' } })).name).toBe(
      'Example Migration Fund'
    );
  });
});

describe('360Giving re-import', () => {
  it('matches an organisation the Atlas already has by its identifier, never by name, however files spell it', async () => {
    // In the Atlas before any import: entered by its own members, with its charity number.
    const known = await createOrganization(db, { name: 'Refugee Rights Europe' });
    await db.organizationIdentifier.create({
      data: { organizationId: known.id, scheme: 'GB-CHC', identifier: 'GB-CHC-5000001' }
    });
    // A name trap: another organisation called exactly what the file calls the known one, without the number.
    const twin = await createOrganization(db, { name: 'Refugee Rights Europe Ltd.' });
    const grant = (id: string, name: string) => ({
      id,
      title: `Grant ${id}`,
      currency: 'EUR',
      amountAwarded: 1000,
      awardDate: '2025-05-01',
      recipientOrganization: [{ id: 'GB-CHC-5000001', name }],
      fundingOrganization: [{ id: 'GB-CHC-5000002', name: 'Respelling Fund' }]
    });
    const before = await counts();

    const first = await importGiving360(
      { text: JSON.stringify({ grants: [grant('360G-respell-1', 'Refugee Rights Europe Ltd.')] }) },
      { db, fileName: 'first.json' }
    );
    expect(first.ok).toBe(true);
    expect(first.organizations.created.map((o) => o.identifier)).toEqual(['GB-CHC-5000002']);
    expect(first.organizations.matched).toEqual([
      {
        line: 1,
        identifier: 'GB-CHC-5000001',
        nameInFile: 'Refugee Rights Europe Ltd.',
        name: 'Refugee Rights Europe',
        matchedBy: 'identifier'
      }
    ]);

    // The same grant again and a new one, with the recipient and the funder spelled differently again.
    const second = await importGiving360(
      {
        text: JSON.stringify({
          grants: [
            grant('360G-respell-1', 'REFUGEE RIGHTS EUROPE LIMITED'),
            {
              ...grant('360G-respell-2', 'Refugee Rights (Europe)'),
              fundingOrganization: [{ id: 'GB-CHC-5000002', name: 'The Respelling Foundation' }]
            }
          ]
        })
      },
      { db, fileName: 'second.json' }
    );
    expect(second.ok).toBe(true);
    expect(second.organizations.created).toEqual([]);
    expect(second.grants).toEqual({ rows: 2, created: 1, updated: 1 });

    // One organisation more in all (the funder), none for the recipient's spellings; both grants go to the known one.
    expect(await counts()).toMatchObject({
      organizations: before.organizations + 1,
      grants: before.grants + 2,
      identifiers: before.identifiers + 1
    });
    const grants = await db.grant.findMany({
      where: { externalId: { in: ['360G-respell-1', '360G-respell-2'] } },
      select: { recipientId: true }
    });
    expect(grants.map((g) => g.recipientId)).toEqual([known.id, known.id]);
    expect(grants.some((g) => g.recipientId === twin.id)).toBe(false);
    expect((await db.organization.findUniqueOrThrow({ where: { id: known.id } })).name).toBe('Refugee Rights Europe');
  });
});

describe('360Giving export', () => {
  it('validates against the schema, honours visibility, and round-trips through the importer', async () => {
    const funder = await createOrganization(db, { name: 'Visibility Fund', type: 'FUNDER' });
    const recipient = await createOrganization(db, { name: 'Visibility Recipient' });
    await db.organizationIdentifier.create({
      data: { organizationId: recipient.id, scheme: 'GB-CHC', identifier: 'GB-CHC-4000001' }
    });
    const hidden = await createGrant(db, funder, recipient, { visibility: 'PRIVATE', title: 'Private grant' });
    const shown = await createGrant(db, funder, recipient, {
      title: 'Public grant',
      themeSlugs: ['housing'],
      countryCodes: ['FR']
    });

    const publicPackage = await exportGiving360(visibilityOf(anonymous), { db });
    expect(validatePackage(publicPackage)).toEqual([]);
    const publicIds = publicPackage.grants.map((g) => g.id);
    expect(publicIds).toContain(`atlas:${shown.id}`);
    expect(publicIds).not.toContain(`atlas:${hidden.id}`);
    const exported = publicPackage.grants.find((g) => g.id === `atlas:${shown.id}`)!;
    expect(exported.recipientOrganization[0]!.id).toBe('GB-CHC-4000001');
    expect(exported.classifications).toEqual([{ vocabulary: 'https://coalition-atlas.org/themes', code: 'housing' }]);

    const adminPackage = await exportGiving360(visibilityOf(ADMIN), { db });
    expect(validatePackage(adminPackage)).toEqual([]);
    expect(adminPackage.grants.map((g) => g.id)).toContain(`atlas:${hidden.id}`);

    // Round trip: importing the export changes nothing it names and creates nothing; the next export is the same.
    const before = await counts();
    const report = await importGiving360({ text: JSON.stringify(adminPackage) }, { db, fileName: 'atlas.json' });
    expect(report.ok).toBe(true);
    expect(report.organizations.created).toEqual([]);
    expect(report.grants.created).toBe(0);
    expect(report.grants.updated).toBe(adminPackage.grants.length);
    expect(await counts()).toMatchObject({
      organizations: before.organizations,
      grants: before.grants,
      identifiers: before.identifiers
    });
    const again = await exportGiving360(visibilityOf(ADMIN), { db });
    // Provenance moves on, the data does not: grants without a data source now name the file they came from.
    const data = (p: typeof again) => p.grants.map(({ dateModified: _m, dataSource: _s, ...g }) => g);
    expect(data(again)).toEqual(data(adminPackage));
    const sourceOf = (p: typeof again, id: string) => p.grants.find((g) => g.id === id)!.dataSource;
    expect(sourceOf(adminPackage, `atlas:${shown.id}`)).toBeUndefined();
    expect(sourceOf(again, `atlas:${shown.id}`)).toBe('atlas.json');
    expect(sourceOf(again, '360G-examplefund-2025-001')).toBe(sourceOf(adminPackage, '360G-examplefund-2025-001'));
  });
});
