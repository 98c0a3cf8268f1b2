/**
 * Issue #14, finding 1: members cannot claim an identifier-scheme value as an organisation's external id, and an
 * import never takes over an organisation whose external id was set in the app without an admin's --adopt, which
 * the report then names.
 */
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { importCsv } from '../../src/lib/server/imports/import-csv';
import { createViewer, executeOk } from '../factories/graphql';
import { createGrant } from '../factories/grants';
import { createOrganization } from '../factories/organizations';

const db = getDb();

const CREATE = `
  mutation($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      __typename
      ... on ValidationError { fieldErrors { field message } }
    }
  }`;

describe('external ids', () => {
  it('a member cannot set one through createOrganization; nothing is written', async () => {
    const member = await createViewer(db);
    const before = await db.organization.count();
    const data = await executeOk(
      CREATE,
      { input: { name: 'Squatter', type: 'NGO', externalId: 'GB-CHC-1099999' } },
      member
    );
    expect(data.createOrganization).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          field: 'externalId',
          message: 'is set only by imports or an admin (identifier scheme values cannot be claimed)'
        }
      ]
    });
    expect(await db.organization.count()).toBe(before);
  });

  it('an import does not adopt an app-set external id without --adopt, and names the adoption when confirmed', async () => {
    // As a member could before the fix: an app-created organisation holding a real charity's number.
    const squatted = await createOrganization(db, { name: 'Squatter', externalId: 'GB-CHC-1099998' });
    const text = 'external_id,name,type\nGB-CHC-1099998,Real Charity,NGO\n';

    const refused = await importCsv('organizations', { text }, { db });
    expect(refused.ok).toBe(false);
    expect(refused.issues).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'external_id',
        reason: expect.stringContaining('--adopt GB-CHC-1099998')
      })
    ]);
    expect((await db.organization.findUniqueOrThrow({ where: { id: squatted.id } })).name).toBe('Squatter');

    const adopted = await importCsv('organizations', { text }, { db, adopt: ['GB-CHC-1099998'] });
    expect(adopted.ok).toBe(true);
    expect(adopted.adopted).toEqual([{ line: 2, externalId: 'GB-CHC-1099998', name: 'Squatter' }]);
    const row = await db.organization.findUniqueOrThrow({ where: { id: squatted.id } });
    expect([row.name, row.externalIdSource]).toEqual(['Real Charity', 'IMPORT']);

    // Now the import's own: later imports match it without asking.
    const again = await importCsv('organizations', { text }, { db });
    expect([again.ok, again.adopted]).toEqual([true, []]);
  });

  it('a grants import does not adopt an identifier set in the app without --adopt, and names it when confirmed', async () => {
    const funder = await createOrganization(db, {
      name: 'Funder',
      externalId: 'GB-CHC-2000001',
      externalIdSource: 'IMPORT'
    });
    const recipient = await createOrganization(db, {
      name: 'Recipient',
      externalId: 'GB-CHC-2000002',
      externalIdSource: 'IMPORT'
    });
    // As a funder's member could before the fix: an app-recorded grant holding a real grant's 360Giving id.
    const squatted = await createGrant(db, funder, recipient, { title: 'Squatted', externalId: '360G-real-1' });
    const text =
      'Identifier,Title,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Funding Org:Identifier\n' +
      '360G-real-1,Real grant,EUR,5000,2024-02-01,GB-CHC-2000002,GB-CHC-2000001\n';

    const refused = await importCsv('grants', { text }, { db });
    expect(refused.ok).toBe(false);
    expect(refused.issues).toEqual([
      expect.objectContaining({ line: 2, column: 'Identifier', reason: expect.stringContaining('--adopt 360G-real-1') })
    ]);
    expect((await db.grant.findUniqueOrThrow({ where: { id: squatted.id } })).title).toBe('Squatted');

    const adopted = await importCsv('grants', { text }, { db, adopt: ['360G-real-1'] });
    expect(adopted.ok).toBe(true);
    expect(adopted.adopted).toEqual([{ line: 2, externalId: '360G-real-1', name: 'Squatted' }]);
    const row = await db.grant.findUniqueOrThrow({ where: { id: squatted.id } });
    expect([row.title, row.externalIdSource]).toEqual(['Real grant', 'IMPORT']);

    const again = await importCsv('grants', { text }, { db });
    expect([again.ok, again.adopted]).toEqual([true, []]);
  });
});
