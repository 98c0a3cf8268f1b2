/**
 * Every mutation through GraphQL: the happy path (rows, audit log, outbox drained into the graph before the
 * mutation returns), validation errors that name the field and write nothing, and authorisation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { anonymous } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { readTx } from '../../src/lib/server/platform/neo4j';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createViewer, execute, executeOk, globalId } from '../factories/graphql';
import { createNetwork } from '../factories/networks';
import { createOrganization } from '../factories/organizations';
import { decidePartnership } from '../factories/partnership-mutations';
import { rowCounts } from '../factories/row-counts';

const db = getDb();
let alpha: string, beta: string, funder: string;
let alphaEditor: Viewer, betaEditor: Viewer, funderEditor: Viewer, stranger: Viewer, admin: Viewer;

/** Row counts of everything a mutation may write: a failed mutation must leave all of them unchanged. */
const counts = () =>
  rowCounts(db, [
    'organization',
    'partnership',
    'networkMembership',
    'grant',
    'auditLog',
    'outbox',
    'organizationTheme',
    'organizationCountry'
  ]);

async function graphPartners(id: string): Promise<string[]> {
  return readTx(async (tx) => {
    const result = await tx.run(
      `MATCH (:Organization {id: $id})-[r:PARTNERS_WITH {status: 'CONFIRMED'}]-(p:Organization) RETURN p.id AS id`,
      { id }
    );
    return result.records.map((r) => r.get('id') as string);
  });
}

const fieldsOf = (result: { fieldErrors: { field: string }[] }) => result.fieldErrors.map((e) => e.field);

beforeAll(async () => {
  alpha = (await createOrganization(db, { name: 'Alpha' })).id;
  beta = (await createOrganization(db, { name: 'Beta' })).id;
  funder = (await createOrganization(db, { name: 'Funder Foundation', type: 'FUNDER' })).id;
  await drainOutbox();
  alphaEditor = await createViewer(db, { organizationIds: [alpha] });
  betaEditor = await createViewer(db, { organizationIds: [beta] });
  funderEditor = await createViewer(db, { organizationIds: [funder] });
  stranger = await createViewer(db);
  admin = await createViewer(db, { role: 'ADMIN' });
});

const CREATE = `
  mutation($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      __typename
      ... on CreateOrganizationSuccess { organization { id slug name themes { slug } countries { code } hqCountry { code } } }
      ... on ValidationError { message fieldErrors { field message } }
      ... on ForbiddenError { message }
    }
  }`;

describe('createOrganization', () => {
  it('creates the profile, its audit record and its graph node before returning', async () => {
    const data = await executeOk(
      CREATE,
      {
        input: {
          name: 'Ökumenische Flüchtlingshilfe',
          type: 'NGO',
          hqCountry: 'de',
          countries: ['DE', 'AT', 'DE'],
          themes: ['legal-aid', 'housing'],
          languages: ['de'],
          website: 'https://example.org',
          foundedYear: 1998
        }
      },
      stranger
    );
    const result = data.createOrganization;
    expect(result.__typename).toBe('CreateOrganizationSuccess');
    expect(result.organization.slug).toBe('okumenische-fluchtlingshilfe');
    expect(result.organization.countries.map((c: { code: string }) => c.code).sort()).toEqual(['AT', 'DE']);
    expect(result.organization.hqCountry.code).toBe('DE');
    const id = Buffer.from(result.organization.id, 'base64').toString().split(':')[1];

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({
      action: 'organization.create',
      entityType: 'Organization',
      actorId: (stranger as any).userId
    });
    expect((audit.after as { themes: string[] }).themes).toEqual(['housing', 'legal-aid']);
    expect(await db.outbox.count({ where: { aggregateId: id, processedAt: null } })).toBe(0);
    const node = await readTx((tx) => tx.run('MATCH (o:Organization {id: $id}) RETURN o.name AS name', { id }));
    expect(node.records[0]?.get('name')).toBe('Ökumenische Flüchtlingshilfe');
    // The creator may edit what they created.
    expect(await db.membership.count({ where: { userId: (stranger as any).userId, organizationId: id } })).toBe(1);
  });

  it('reports every invalid field and writes nothing', async () => {
    const before = await counts();
    const data = await executeOk(
      CREATE,
      {
        input: {
          slug: 'Not A Slug',
          name: 'X',
          type: 'NGO',
          hqCountry: 'XX',
          countries: ['DE', 'ZZ'],
          themes: ['no-such-theme'],
          languages: ['english'],
          website: 'ftp://example.org',
          foundedYear: 3000,
          contactEmail: 'not-an-email'
        }
      },
      stranger
    );
    expect(data.createOrganization.__typename).toBe('ValidationError');
    expect(fieldsOf(data.createOrganization).sort()).toEqual(
      [
        'contactEmail',
        'countries[1]',
        'foundedYear',
        'hqCountry',
        'languages[0]',
        'name',
        'slug',
        'themes[0]',
        'website'
      ].sort()
    );
    expect(data.createOrganization.message).toContain('slug');
    expect(await counts()).toEqual(before);
  });

  it('refuses a taken slug, naming it', async () => {
    const taken = await db.organization.findUniqueOrThrow({ where: { id: alpha } });
    const before = await counts();
    const data = await executeOk(CREATE, { input: { name: 'Another', slug: taken.slug, type: 'NGO' } }, stranger);
    expect(data.createOrganization.fieldErrors).toEqual([
      { field: 'slug', message: 'is already taken by another organisation' }
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses anonymous visitors', async () => {
    const data = await executeOk(CREATE, { input: { name: 'Nope', type: 'NGO' } }, anonymous);
    expect(data.createOrganization.__typename).toBe('ForbiddenError');
  });
});

const UPDATE = `
  mutation($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      __typename
      ... on UpdateOrganizationSuccess { organization { name description themes { slug } website } }
      ... on ValidationError { fieldErrors { field message } }
      ... on ForbiddenError { message }
      ... on NotFoundError { field message }
    }
  }`;

describe('updateOrganization', () => {
  it('lets a member edit their organisation, recording before and after', async () => {
    const data = await executeOk(
      UPDATE,
      {
        input: {
          id: globalId('Organization', alpha),
          description: 'Now with a description',
          themes: ['health'],
          website: null
        }
      },
      alphaEditor
    );
    expect(data.updateOrganization).toEqual({
      __typename: 'UpdateOrganizationSuccess',
      organization: {
        name: 'Alpha',
        description: 'Now with a description',
        themes: [{ slug: 'health' }],
        website: null
      }
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: alpha, action: 'organization.update' } });
    expect((audit.before as { description: string | null }).description).toBeNull();
    expect((audit.after as { description: string }).description).toBe('Now with a description');
    const works = await readTx((tx) =>
      tx.run('MATCH (:Organization {id: $id})-[:WORKS_ON]->(t:Theme) RETURN t.slug AS slug', { id: alpha })
    );
    expect(works.records.map((r) => r.get('slug'))).toEqual(['health']);
  });

  it('forbids editing someone else’s organisation; admins may', async () => {
    const denied = await executeOk(
      UPDATE,
      { input: { id: globalId('Organization', alpha), name: 'Hijacked' } },
      betaEditor
    );
    expect(denied.updateOrganization.__typename).toBe('ForbiddenError');
    const allowed = await executeOk(
      UPDATE,
      { input: { id: globalId('Organization', alpha), name: 'Alpha e.V.' } },
      admin
    );
    expect(allowed.updateOrganization.organization.name).toBe('Alpha e.V.');
  });

  it('names a bad id and a cleared required field', async () => {
    const badId = await executeOk(UPDATE, { input: { id: 'nonsense', name: 'x' } }, admin);
    expect(badId.updateOrganization).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'id', message: 'is not a valid Organization id' }]
    });
    const before = await counts();
    const nullName = await executeOk(UPDATE, { input: { id: globalId('Organization', alpha), name: null } }, admin);
    expect(fieldsOf(nullName.updateOrganization)).toEqual(['name']);
    const missing = await executeOk(
      UPDATE,
      { input: { id: globalId('Organization', 'missing'), name: 'Valid name' } },
      admin
    );
    expect(missing.updateOrganization).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
    expect(await counts()).toEqual(before);
  });
});

describe('archiveOrganization', () => {
  it('archives, hides from the directory, and refuses twice', async () => {
    const victim = (await createOrganization(db, { name: 'Short-lived' })).id;
    const archiver = await createViewer(db, { organizationIds: [victim] });
    const ARCHIVE = `mutation($id: ID!) { archiveOrganization(id: $id) { __typename
      ... on ArchiveOrganizationSuccess { organization { archived } }
      ... on ValidationError { fieldErrors { field message } } } }`;
    const data = await executeOk(ARCHIVE, { id: globalId('Organization', victim) }, archiver);
    expect(data.archiveOrganization).toEqual({
      __typename: 'ArchiveOrganizationSuccess',
      organization: { archived: true }
    });
    const listed = await executeOk(`{ organizations(filter: { query: "Short-lived" }) { totalCount } }`);
    expect(listed.organizations.totalCount).toBe(0);
    const again = await executeOk(ARCHIVE, { id: globalId('Organization', victim) }, archiver);
    expect(fieldsOf(again.archiveOrganization)).toEqual(['id']);
    const archived = await readTx((tx) =>
      tx.run('MATCH (o:Organization {id: $id}) RETURN o.archived AS a', { id: victim })
    );
    expect(archived.records[0]?.get('a')).toBe(true);
  });
});

const PROPOSE = `
  mutation($input: ProposePartnershipInput!) {
    proposePartnership(input: $input) {
      __typename
      ... on ProposePartnershipSuccess { partnership { id status orgA { name } orgB { name } themes { slug } } }
      ... on ValidationError { fieldErrors { field message } }
      ... on ForbiddenError { message }
      ... on NotFoundError { field }
    }
  }`;
const END = `
  mutation($input: EndPartnershipInput!) {
    endPartnership(input: $input) {
      __typename
      ... on EndPartnershipSuccess { partnership { status endDate } }
      ... on ValidationError { fieldErrors { field message } }
      ... on ForbiddenError { message }
    }
  }`;

describe('partnership lifecycle', () => {
  let partnershipId: string;

  it('validates proposals field by field and writes nothing', async () => {
    const before = await counts();
    const self = await executeOk(
      PROPOSE,
      {
        input: {
          orgAId: globalId('Organization', alpha),
          orgBId: globalId('Organization', alpha),
          kind: 'PROJECT',
          startDate: '2025-06-01',
          endDate: '2025-01-01',
          themes: ['legal-aid', 'nope']
        }
      },
      alphaEditor
    );
    expect(self.proposePartnership.__typename).toBe('ValidationError');
    expect(fieldsOf(self.proposePartnership).sort()).toEqual(['endDate', 'orgBId', 'themes[1]']);
    const badIds = await executeOk(
      PROPOSE,
      { input: { orgAId: globalId('Organization', alpha), orgBId: globalId('Theme', 'x'), kind: 'PROJECT' } },
      alphaEditor
    );
    expect(fieldsOf(badIds.proposePartnership)).toEqual(['orgBId']);
    expect(await counts()).toEqual(before);
  });

  it('only lets a member of orgA propose', async () => {
    const data = await executeOk(
      PROPOSE,
      { input: { orgAId: globalId('Organization', alpha), orgBId: globalId('Organization', beta), kind: 'PROJECT' } },
      betaEditor
    );
    expect(data.proposePartnership.__typename).toBe('ForbiddenError');
  });

  it('proposes: PROPOSED, not yet a partner in the graph', async () => {
    const data = await executeOk(
      PROPOSE,
      {
        input: {
          orgAId: globalId('Organization', alpha),
          orgBId: globalId('Organization', beta),
          kind: 'COALITION',
          themes: ['legal-aid'],
          startDate: '2025-01-01',
          visibility: 'PUBLIC'
        }
      },
      alphaEditor
    );
    const p = data.proposePartnership.partnership;
    expect(p).toMatchObject({
      status: 'PROPOSED',
      orgA: { name: 'Alpha e.V.' },
      orgB: { name: 'Beta' },
      themes: [{ slug: 'legal-aid' }]
    });
    partnershipId = p.id;
    expect(await graphPartners(alpha)).toEqual([]);
    const projected = await readTx((tx) => tx.run(`MATCH ()-[r:PARTNERS_WITH]->() RETURN r.status AS s`));
    expect(projected.records.map((r) => r.get('s'))).toEqual(['PROPOSED']);
  });

  it('refuses a second open partnership of the same kind between the pair, naming orgBId', async () => {
    const before = await counts();
    const data = await executeOk(
      PROPOSE,
      { input: { orgAId: globalId('Organization', beta), orgBId: globalId('Organization', alpha), kind: 'COALITION' } },
      betaEditor
    );
    expect(fieldsOf(data.proposePartnership)).toEqual(['orgBId']);
    expect(await counts()).toEqual(before);
  });

  it('lets only orgB confirm; then both see each other as partners', async () => {
    const byProposer = await executeOk(decidePartnership('confirmPartnership'), { id: partnershipId }, alphaEditor);
    expect(byProposer.confirmPartnership.__typename).toBe('ForbiddenError');
    const byStranger = await executeOk(decidePartnership('confirmPartnership'), { id: partnershipId }, stranger);
    expect(byStranger.confirmPartnership.__typename).toBe('NotFoundError'); // a proposal is invisible to others

    const data = await executeOk(decidePartnership('confirmPartnership'), { id: partnershipId }, betaEditor);
    expect(data.confirmPartnership).toEqual({
      __typename: 'ConfirmPartnershipSuccess',
      partnership: { status: 'CONFIRMED' }
    });
    expect(await graphPartners(alpha)).toEqual([beta]);
    const partners = await executeOk(`query($id: ID!) { organization(id: $id) { partners { name } partnerCount } }`, {
      id: globalId('Organization', alpha)
    });
    expect(partners.organization).toEqual({ partners: [{ name: 'Beta' }], partnerCount: 1 });
    const row = await db.partnership.findFirstOrThrow({ where: { orgAId: alpha, orgBId: beta } });
    expect(row.confirmedById).toBe((betaEditor as any).userId);
    expect(await db.auditLog.count({ where: { entityId: row.id } })).toBe(2);
  });

  it('refuses to confirm or decline twice, naming the id', async () => {
    const again = await executeOk(decidePartnership('declinePartnership'), { id: partnershipId }, betaEditor);
    expect(again.declinePartnership.__typename).toBe('ValidationError');
    expect(again.declinePartnership.fieldErrors[0]).toEqual({
      field: 'id',
      message: 'is CONFIRMED: only a PROPOSED partnership can be declined'
    });
  });

  it('lets either side end it, not before its start', async () => {
    const early = await executeOk(END, { input: { id: partnershipId, endDate: '2024-12-31' } }, alphaEditor);
    expect(early.endPartnership.fieldErrors).toEqual([
      { field: 'endDate', message: 'must be on or after the start date (2025-01-01)' }
    ]);
    const byStranger = await executeOk(END, { input: { id: partnershipId } }, stranger);
    expect(byStranger.endPartnership.__typename).toBe('ForbiddenError');
    const data = await executeOk(END, { input: { id: partnershipId, endDate: '2026-03-31' } }, alphaEditor);
    expect(data.endPartnership).toEqual({
      __typename: 'EndPartnershipSuccess',
      partnership: { status: 'ENDED', endDate: '2026-03-31' }
    });
    expect(await graphPartners(alpha)).toEqual([]);
  });

  it('declines a proposal', async () => {
    const proposal = await executeOk(
      PROPOSE,
      { input: { orgAId: globalId('Organization', beta), orgBId: globalId('Organization', alpha), kind: 'INFORMAL' } },
      betaEditor
    );
    const id = proposal.proposePartnership.partnership.id;
    const data = await executeOk(decidePartnership('declinePartnership'), { id }, alphaEditor);
    expect(data.declinePartnership.partnership.status).toBe('DECLINED');
    const projected = await readTx((tx) =>
      tx.run(`MATCH ()-[r:PARTNERS_WITH {kind: 'INFORMAL'}]->() RETURN r.status AS s`)
    );
    expect(projected.records.map((r) => r.get('s'))).toEqual(['DECLINED']);
  });
});

describe('joinNetwork / leaveNetwork', () => {
  const JOIN = `mutation($input: JoinNetworkInput!) { joinNetwork(input: $input) { __typename
    ... on JoinNetworkSuccess { membership { role since network { name } organization { name } } }
    ... on ValidationError { fieldErrors { field message } }
    ... on ForbiddenError { message } ... on NotFoundError { field } } }`;
  const LEAVE = `mutation($input: LeaveNetworkInput!) { leaveNetwork(input: $input) { __typename
    ... on LeaveNetworkSuccess { membership { role } } ... on NotFoundError { field } } }`;

  it('joins, refuses a duplicate, validates dates, and leaves', async () => {
    const network = await createNetwork(db, { name: 'Pan-European Network' });
    await drainOutbox();
    const input = { networkId: globalId('Network', network.id), organizationId: globalId('Organization', alpha) };

    const forbidden = await executeOk(JOIN, { input }, betaEditor);
    expect(forbidden.joinNetwork.__typename).toBe('ForbiddenError');

    const before = await counts();
    const badDates = await executeOk(
      JOIN,
      { input: { ...input, since: '2025-05-01', until: '2024-01-01' } },
      alphaEditor
    );
    expect(fieldsOf(badDates.joinNetwork)).toEqual(['until']);
    expect(await counts()).toEqual(before);

    const joined = await executeOk(
      JOIN,
      { input: { ...input, role: 'COORDINATOR', since: '2024-02-01' } },
      alphaEditor
    );
    expect(joined.joinNetwork.membership).toEqual({
      role: 'COORDINATOR',
      since: '2024-02-01',
      network: { name: 'Pan-European Network' },
      organization: { name: 'Alpha e.V.' }
    });
    const inGraph = await readTx((tx) =>
      tx.run('MATCH (:Organization {id: $id})-[m:MEMBER_OF]->(n:Network) RETURN n.name AS name, m.role AS role', {
        id: alpha
      })
    );
    expect(inGraph.records.map((r) => [r.get('name'), r.get('role')])).toEqual([
      ['Pan-European Network', 'COORDINATOR']
    ]);

    const duplicate = await executeOk(JOIN, { input }, alphaEditor);
    expect(duplicate.joinNetwork.fieldErrors).toEqual([
      { field: 'organizationId', message: 'is already a member of this network' }
    ]);

    const left = await executeOk(LEAVE, { input }, alphaEditor);
    expect(left.leaveNetwork).toEqual({ __typename: 'LeaveNetworkSuccess', membership: { role: 'COORDINATOR' } });
    expect(await db.networkMembership.count({ where: { networkId: network.id } })).toBe(0);
    const gone = await readTx((tx) =>
      tx.run('MATCH (:Organization {id: $id})-[m:MEMBER_OF]->() RETURN m', { id: alpha })
    );
    expect(gone.records).toHaveLength(0);
    const twice = await executeOk(LEAVE, { input }, alphaEditor);
    expect(twice.leaveNetwork).toEqual({ __typename: 'NotFoundError', field: 'organizationId' });
  });
});

describe('recordGrant', () => {
  const RECORD = `mutation($input: RecordGrantInput!) { recordGrant(input: $input) { __typename
    ... on RecordGrantSuccess { grant { amountAwarded currency awardDate funder { name } recipient { name } themes { slug } countries { code } } }
    ... on ValidationError { fieldErrors { field message } }
    ... on ForbiddenError { message } } }`;
  const valid = () => ({
    funderId: globalId('Organization', funder),
    recipientId: globalId('Organization', beta),
    title: 'Core support 2025',
    amountAwarded: '125000.50',
    currency: 'eur',
    awardDate: '2025-03-01',
    plannedStartDate: '2025-04-01',
    plannedEndDate: '2027-03-31',
    themes: ['fair-asylum-systems'],
    countries: ['GR', 'IT']
  });

  it('records a grant with exact decimal amount, projected as FUNDED', async () => {
    const data = await executeOk(RECORD, { input: valid() }, funderEditor);
    expect(data.recordGrant.grant).toEqual({
      amountAwarded: '125000.50',
      currency: 'EUR',
      awardDate: '2025-03-01',
      funder: { name: 'Funder Foundation' },
      recipient: { name: 'Beta' },
      themes: [{ slug: 'fair-asylum-systems' }],
      countries: [{ code: 'GR' }, { code: 'IT' }].sort((a, b) => a.code.localeCompare(b.code))
    });
    const funded = await readTx((tx) =>
      tx.run('MATCH (:Organization {id: $f})-[g:FUNDED]->(r:Organization) RETURN g.amount AS amount, r.id AS r', {
        f: funder
      })
    );
    expect(funded.records.map((r) => [r.get('amount'), r.get('r')])).toEqual([[125000.5, beta]]);
  });

  it('rejects bad amounts, currencies, dates and self-funding, writing nothing', async () => {
    const before = await counts();
    const data = await executeOk(
      RECORD,
      {
        input: {
          ...valid(),
          recipientId: globalId('Organization', funder),
          amountAwarded: '0',
          currency: 'EURO',
          awardDate: '1900-01-01',
          plannedEndDate: '2025-01-01',
          countries: ['XX']
        }
      },
      funderEditor
    );
    expect(fieldsOf(data.recordGrant).sort()).toEqual(
      ['amountAwarded', 'awardDate', 'countries[0]', 'currency', 'plannedEndDate', 'recipientId'].sort()
    );
    const negative = await executeOk(RECORD, { input: { ...valid(), amountAwarded: '-5' } }, funderEditor);
    expect(fieldsOf(negative.recordGrant)).toEqual(['amountAwarded']);
    expect(await counts()).toEqual(before);
  });

  it('refuses a 360Giving identifier from a member, even the funder’s (issue 14); admins may set one, once', async () => {
    const before = await counts();
    const squat = await executeOk(RECORD, { input: { ...valid(), externalId: '360G-test-1' } }, funderEditor);
    expect(squat.recordGrant.fieldErrors).toEqual([
      {
        field: 'externalId',
        message: 'is set only by imports or an admin (identifier scheme values cannot be claimed)'
      }
    ]);
    expect(await counts()).toEqual(before);

    const byAdmin = await executeOk(RECORD, { input: { ...valid(), externalId: '360G-test-1' } }, admin);
    expect(byAdmin.recordGrant.__typename).toBe('RecordGrantSuccess');
    const duplicate = await executeOk(RECORD, { input: { ...valid(), externalId: '360G-test-1' } }, admin);
    expect(duplicate.recordGrant.fieldErrors).toEqual([
      { field: 'externalId', message: 'is already used by another grant' }
    ]);
  });

  it('only lets the funder record its grants', async () => {
    const data = await executeOk(RECORD, { input: valid() }, betaEditor);
    expect(data.recordGrant.__typename).toBe('ForbiddenError');
  });
});

describe('GraphQL-level input errors', () => {
  it('reject a missing required field before any resolver runs', async () => {
    const result = await execute(CREATE, { input: { type: 'NGO' } }, stranger);
    expect(result.errors?.[0]?.message).toContain('name');
  });
});
