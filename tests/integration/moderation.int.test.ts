/**
 * Issue 15 part 7: moderation. A profile a member creates shows as unverified until an admin verifies it; an
 * admin's own does not need it. Only admins verify and see the queue (new organisations, claims, abuse reports).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { requestMembership } from '../../src/lib/server/auth/memberships';
import { createOrganization as createProfile } from '../../src/lib/server/directory/organizations';
import { unverifiedOrganizations } from '../../src/lib/server/moderation/verification';
import { getDb } from '../../src/lib/server/platform/db';
import { createViewer, executeOk, globalId } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { loadError } from '../factories/page-fetch';
import { load as loadQueue } from '../../src/routes/admin/moderation/+page.server';

const db = getDb();
type Member = Extract<Viewer, { kind: 'user' }>;

const VERIFIED = `query($slug: String!) { organization(slug: $slug) { verified } }`;
const VERIFY = `mutation($id: ID!) { verifyOrganization(id: $id) { __typename
  ... on VerifyOrganizationSuccess { organization { verified } }
  ... on ValidationError { fieldErrors { field message } } ... on MutationError { message } } }`;

let member: Member, admin: Member;
let memberOrg: { id: string; slug: string };

beforeAll(async () => {
  member = await createViewer(db, {});
  admin = await createViewer(db, { role: 'ADMIN' });
});

const verified = async (slug: string) => (await executeOk(VERIFIED, { slug }, member)).organization.verified;

describe('verification of organisations members create', () => {
  it('a member’s new profile is unverified and waits in the admins’ queue; an admin’s is verified', async () => {
    const created = await createProfile(member, {
      name: 'Moderation Member Made',
      slug: 'moderation-member-made',
      type: 'NGO'
    });
    expect(created.ok).toBe(true);
    memberOrg = created.ok ? created.value : { id: '', slug: '' };
    expect(await verified(memberOrg.slug)).toBe(false);
    const byAdmin = await createProfile(admin, {
      name: 'Moderation Admin Made',
      slug: 'moderation-admin-made',
      type: 'NGO'
    });
    expect(byAdmin.ok && (await verified(byAdmin.value.slug))).toBe(true);
    const queue = await unverifiedOrganizations(admin);
    expect(queue?.map((o) => o.name)).toEqual(['Moderation Member Made']);
    expect(queue?.[0]?.createdBy).toEqual([
      await db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { name: true, email: true } })
    ]);
    expect(await unverifiedOrganizations(member)).toBeNull();
  });

  it('only an admin verifies, once', async () => {
    const id = globalId('Organization', memberOrg.id);
    const refused = (await executeOk(VERIFY, { id }, { ...member, organizationIds: [memberOrg.id] }))
      .verifyOrganization;
    expect(refused.__typename).toBe('ForbiddenError');
    expect(await verified(memberOrg.slug)).toBe(false);
    const done = (await executeOk(VERIFY, { id }, admin)).verifyOrganization;
    expect(done).toEqual({ __typename: 'VerifyOrganizationSuccess', organization: { verified: true } });
    expect(await verified(memberOrg.slug)).toBe(true);
    expect(await unverifiedOrganizations(admin)).toEqual([]);
    const again = (await executeOk(VERIFY, { id }, admin)).verifyOrganization;
    expect(again.fieldErrors).toEqual([{ field: 'id', message: 'is already verified' }]);
    const bad = (await executeOk(VERIFY, { id: 'nope' }, admin)).verifyOrganization;
    expect(bad.fieldErrors).toEqual([{ field: 'id', message: 'is not a valid Organization id' }]);
  });

  it('organisations from imports or the seed are verified from the start', async () => {
    const imported = await createOrganization(db, { name: 'Moderation Imported' });
    expect(await verified(imported.slug)).toBe(true);
  });

  it('the admins’ queue page lists new organisations, claims and abuse reports; others get a 403', async () => {
    const fresh = await createProfile(member, {
      name: 'Moderation Second Member Made',
      slug: 'moderation-second-member-made',
      type: 'NGO'
    });
    expect(fresh.ok).toBe(true);
    const claimed = await createOrganization(db, { name: 'Moderation Claimed' });
    const claimant = await createViewer(db, {});
    expect((await requestMembership(claimant, claimed.id)).ok).toBe(true);
    const page = (await loadQueue({ locals: { viewer: admin }, setHeaders: () => {} } as never)) as {
      organizations: { name: string }[];
      claims: { organization: { name: string } }[];
      reports: unknown[];
    };
    expect(page.organizations.map((o) => o.name)).toEqual(['Moderation Second Member Made']);
    expect(page.claims.map((c) => c.organization.name)).toEqual(['Moderation Claimed']);
    expect(page.reports).toEqual([]);
    const refused = await loadError(async () =>
      loadQueue({ locals: { viewer: member }, setHeaders: () => {} } as never)
    );
    expect(refused.status).toBe(403);
  });
});
