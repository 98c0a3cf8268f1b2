/**
 * Issue #16 part 2: every write records its provenance, and an import that sets a field the organisation edited
 * itself says so in its report.
 */
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { updateOrganization } from '../../src/lib/server/directory/organizations';
import { importCsv } from '../../src/lib/server/imports/import-csv';
import { formatReport } from '../../src/lib/server/imports/report';
import { createViewer } from '../factories/graphql';

const db = getDb();

describe('provenance', () => {
  it('an import records IMPORT; an owner edit records USER_EDIT and the fields; a later import names them', async () => {
    const first = await importCsv(
      'organizations',
      { text: 'external_id,name,type\nGB-CHC-5000001,Owned Trust,NGO\n' },
      { db }
    );
    expect(first.ok).toBe(true);
    const org = await db.organization.findUniqueOrThrow({ where: { externalId: 'GB-CHC-5000001' } });
    expect(org).toMatchObject({ sourceKind: 'IMPORT', ownerEditedFields: [] });

    const member = await createViewer(db, { organizationIds: [org.id] });
    const edited = await updateOrganization(member, {
      id: org.id,
      name: 'Owned Trust (our spelling)',
      hqCity: 'Leeds'
    });
    expect(edited.ok).toBe(true);
    const after = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(after).toMatchObject({ sourceKind: 'USER_EDIT', source: null, ownerEditedFields: ['hqCity', 'name'] });

    // The name column is in the file, so the report names it (the organisation set the name itself).
    const nameInFile = await importCsv(
      'organizations',
      { text: 'external_id,name,type\nGB-CHC-5000001,Owned Trust (our spelling),NGO\n' },
      { db, dryRun: true }
    );
    expect(nameInFile.ownerEdits).toEqual([{ line: 2, name: 'Owned Trust (our spelling)', columns: ['name'] }]);

    const cityFile = 'external_id,name,type,hq_city\nGB-CHC-5000001,Owned Trust,NGO,York\n';
    const overwrite = await importCsv('organizations', { text: cityFile }, { db });
    expect(overwrite.ok).toBe(true);
    expect(overwrite.ownerEdits).toEqual([
      { line: 2, name: 'Owned Trust (our spelling)', columns: ['name', 'hq_city'] }
    ]);
    expect(formatReport(overwrite)).toContain(
      'line 2: set name, hq_city of "Owned Trust (our spelling)", which the organisation had edited itself'
    );
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      hqCity: 'York',
      sourceKind: 'IMPORT'
    });
  });

  it('an admin edit records USER_EDIT but is not an edit by the organisation itself', async () => {
    const imported = await importCsv(
      'organizations',
      { text: 'external_id,name,type\nGB-CHC-5000002,Admin Edited,NGO\n' },
      { db }
    );
    expect(imported.ok).toBe(true);
    const org = await db.organization.findUniqueOrThrow({ where: { externalId: 'GB-CHC-5000002' } });
    const admin = await createViewer(db, { role: 'ADMIN' });
    expect((await updateOrganization(admin, { id: org.id, hqCity: 'Bonn' })).ok).toBe(true);
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      sourceKind: 'USER_EDIT',
      ownerEditedFields: []
    });
  });
});
