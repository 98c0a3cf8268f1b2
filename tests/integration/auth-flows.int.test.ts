/**
 * The account flows that go through email or an admin, against a real PostgreSQL: password reset (hashed,
 * one hour, single use, other sessions ended), sign-up by invitation, claiming an organisation (request →
 * approve/reject) and the audit log that records each step, readable by admins only.
 */
import { describe, expect, it } from 'vitest';
import { inviteFirstAdmin } from '../../src/lib/server/auth/bootstrap';
import { acceptInvitation, findInvitation, inviteUser } from '../../src/lib/server/auth/invitations';
import { login } from '../../src/lib/server/auth/login';
import { approveMembership, rejectMembership, requestMembership } from '../../src/lib/server/auth/memberships';
import { requestPasswordReset, resetPassword, RESET_TTL_MS } from '../../src/lib/server/auth/password-reset';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { sha256Hex } from '../../src/lib/server/auth/secrets';
import { createSession, validateSession } from '../../src/lib/server/auth/sessions';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { linkIn } from '../../src/lib/server/mail/memory-mailer';
import { execute, executeOk, globalId } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { createUser } from '../factories/users';
import { useMemoryMailer } from '../factories/mailer';

const db = getDb();
const ORIGIN = 'https://atlas.example.org';
const mailer = useMemoryMailer();

async function viewerOf(userId: string): Promise<Extract<Viewer, { kind: 'user' }>> {
  const { token } = await createSession(userId);
  const session = await validateSession(token);
  if (session?.viewer.kind !== 'user') throw new Error('no session');
  return session.viewer;
}

function tokenFromMail(to: string): string {
  const link = linkIn(mailer.lastTo(to));
  if (!link) throw new Error(`no mail with a link to ${to}`);
  return link.searchParams.get('token')!;
}

describe('password reset', () => {
  it('mails a one-hour link whose token is stored only as a hash', async () => {
    const { user } = await createUser(db);
    await requestPasswordReset({ email: user.email.toUpperCase(), origin: ORIGIN });
    await settleBackgroundWork(); // the mail goes out after the answer
    const link = linkIn(mailer.lastTo(user.email))!;
    expect(link.origin + link.pathname).toBe(`${ORIGIN}/reset-password`);
    const token = link.searchParams.get('token')!;
    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(sha256Hex(token));
    expect(rows[0].tokenHash).not.toContain(token);
    expect(Math.abs(rows[0].expiresAt.getTime() - (Date.now() + RESET_TTL_MS))).toBeLessThan(60_000);
  });

  it('sends nothing for an unknown address, and answers the same', async () => {
    const before = mailer.sent.length;
    await expect(requestPasswordReset({ email: 'nobody@atlas.test', origin: ORIGIN })).resolves.toBeUndefined();
    await settleBackgroundWork();
    expect(mailer.sent.length).toBe(before);
  });

  it('sets the new password once, ends every other session and signs this browser in', async () => {
    const { user, password } = await createUser(db);
    const other = await createSession(user.id);
    await requestPasswordReset({ email: user.email, origin: ORIGIN });
    await settleBackgroundWork();
    const token = tokenFromMail(user.email);

    const result = await resetPassword({ token, password: 'a brand new passphrase' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await validateSession(other.token)).toBeNull();
    expect(await validateSession(result.token)).not.toBeNull();
    expect((await login({ email: user.email, password, ip: '198.51.100.50' })).ok).toBe(false);
    expect((await login({ email: user.email, password: 'a brand new passphrase', ip: '198.51.100.50' })).ok).toBe(true);

    const again = await resetPassword({ token, password: 'yet another passphrase' });
    expect(again).toMatchObject({
      ok: false,
      reason: 'used',
      message: 'This reset link was already used: ask for a new one.'
    });

    const audit = await db.auditLog.findFirst({ where: { entityId: user.id, action: 'user.password_reset' } });
    expect(audit?.actorId).toBe(user.id);
  });

  it('refuses an expired link and a too-short password, changing nothing', async () => {
    const { user, password } = await createUser(db);
    await requestPasswordReset({ email: user.email, origin: ORIGIN });
    await settleBackgroundWork();
    const token = tokenFromMail(user.email);
    expect(await resetPassword({ token, password: 'short' })).toMatchObject({
      ok: false,
      reason: 'invalid-password',
      fieldErrors: [{ field: 'password', message: 'must be at least 12 characters' }]
    });
    await db.passwordResetToken.updateMany({
      where: { tokenHash: sha256Hex(token) },
      data: { expiresAt: new Date(Date.now() - 1) }
    });
    expect(await resetPassword({ token, password: 'a brand new passphrase' })).toMatchObject({
      ok: false,
      reason: 'expired'
    });
    expect(await resetPassword({ token: 'made-up', password: 'a brand new passphrase' })).toMatchObject({
      ok: false,
      reason: 'unknown'
    });
    expect((await login({ email: user.email, password, ip: '198.51.100.51' })).ok).toBe(true);
  });
});

describe('sign-up by invitation', () => {
  it('lets an admin invite into an organisation; the link creates a verified account with an approved membership', async () => {
    const org = await createOrganization(db, { name: 'Rights at Sea' });
    const admin = await viewerOf((await createUser(db, { role: 'ADMIN' })).user.id);
    const invited = await inviteUser(
      admin,
      { email: 'New.Person@Atlas.test', organizationId: org.id, membershipRole: 'OWNER' },
      ORIGIN
    );
    expect(invited.ok).toBe(true);
    const message = mailer.lastTo('new.person@atlas.test')!;
    expect(message.text).toContain('Rights at Sea');
    const link = linkIn(message)!;
    expect(link.pathname).toBe('/login/invitation');
    const token = link.searchParams.get('token')!;
    expect(await db.invitation.count({ where: { tokenHash: token } })).toBe(0);
    expect((await findInvitation(token)).state).toBe('valid');

    const accepted = await acceptInvitation({ token, name: 'New Person', password: 'a good long passphrase' });
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;
    const user = await db.user.findUniqueOrThrow({
      where: { email: 'new.person@atlas.test' },
      include: { memberships: true }
    });
    expect(user).toMatchObject({ name: 'New Person', role: 'MEMBER' });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.memberships).toEqual([
      expect.objectContaining({ organizationId: org.id, status: 'APPROVED', role: 'OWNER', approvedById: admin.userId })
    ]);
    expect((await validateSession(accepted.token))?.viewer).toMatchObject({ organizationIds: [org.id] });

    const second = await acceptInvitation({ token, name: 'Someone Else', password: 'a good long passphrase' });
    expect(second).toMatchObject({ ok: false, reason: 'accepted' });
    const actions = (
      await db.auditLog.findMany({
        where: { OR: [{ actorId: user.id }, { actorId: admin.userId }] },
        orderBy: { id: 'asc' }
      })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['invitation.create', 'user.create', 'invitation.accept', 'membership.create'])
    );
  });

  it('is for admins only, validates the address and refuses existing accounts', async () => {
    const member = await viewerOf((await createUser(db)).user.id);
    const admin = await viewerOf((await createUser(db, { role: 'ADMIN' })).user.id);
    const existing = await createUser(db);
    expect(await inviteUser(member, { email: 'x@atlas.test' }, ORIGIN)).toMatchObject({
      ok: false,
      failure: { kind: 'forbidden' }
    });
    expect(await inviteUser(admin, { email: 'not-an-email' }, ORIGIN)).toMatchObject({
      ok: false,
      failure: { kind: 'validation', fieldErrors: [{ field: 'email', message: 'is not a valid email address' }] }
    });
    expect(await inviteUser(admin, { email: existing.user.email }, ORIGIN)).toMatchObject({
      ok: false,
      failure: { kind: 'validation', fieldErrors: [{ field: 'email', message: 'already has an account' }] }
    });
    expect(await db.invitation.count({ where: { email: 'x@atlas.test' } })).toBe(0);
  });

  it('refuses an expired invitation', async () => {
    const admin = await viewerOf((await createUser(db, { role: 'ADMIN' })).user.id);
    await inviteUser(admin, { email: 'late@atlas.test' }, ORIGIN);
    const token = tokenFromMail('late@atlas.test');
    await db.invitation.updateMany({
      where: { tokenHash: sha256Hex(token) },
      data: { expiresAt: new Date(Date.now() - 1) }
    });
    expect(await acceptInvitation({ token, name: 'Late', password: 'a good long passphrase' })).toMatchObject({
      ok: false,
      reason: 'expired'
    });
    expect(await db.user.count({ where: { email: 'late@atlas.test' } })).toBe(0);
  });

  it('works through GraphQL for admins (inviteUser) with typed errors for others', async () => {
    const admin = await viewerOf((await createUser(db, { role: 'ADMIN' })).user.id);
    const member = await viewerOf((await createUser(db)).user.id);
    const mutation = `mutation($input: InviteUserInput!) { inviteUser(input: $input) {
      __typename ... on InviteUserSuccess { invitation { email role } } ... on MutationError { message } } }`;
    const ok = await executeOk(mutation, { input: { email: 'gql@atlas.test', role: 'FUNDER_ANALYST' } }, admin);
    expect(ok.inviteUser).toEqual({
      __typename: 'InviteUserSuccess',
      invitation: { email: 'gql@atlas.test', role: 'FUNDER_ANALYST' }
    });
    const refused = await executeOk(mutation, { input: { email: 'gql2@atlas.test' } }, member);
    expect(refused.inviteUser).toEqual({ __typename: 'ForbiddenError', message: 'Only admins may invite people.' });
  });
});

describe('the first admin', () => {
  it('is invited without a sender only while no (enabled) admin exists', async () => {
    // Earlier tests of this file may have created admins: disable them to start from a fresh installation.
    await db.user.updateMany({ where: { role: 'ADMIN' }, data: { disabledAt: new Date() } });
    expect(await inviteFirstAdmin('first.admin@atlas.test', ORIGIN)).toEqual({ invited: true });
    const invitation = await db.invitation.findFirstOrThrow({ where: { email: 'first.admin@atlas.test' } });
    expect(invitation).toMatchObject({ role: 'ADMIN', invitedById: null });
    const accepted = await acceptInvitation({
      token: tokenFromMail('first.admin@atlas.test'),
      name: 'First Admin',
      password: 'a good long passphrase'
    });
    expect(accepted.ok).toBe(true);
    expect(await inviteFirstAdmin('second.admin@atlas.test', ORIGIN)).toEqual({
      invited: false,
      reason: 'an admin account already exists'
    });
    expect(mailer.lastTo('second.admin@atlas.test')).toBeUndefined();
  });
});

describe('claiming an organisation', () => {
  it('records request → approval with before/after in the audit log, and the approval lets the user edit', async () => {
    const org = await createOrganization(db);
    const { user } = await createUser(db);
    const member = await viewerOf(user.id);
    const admin = await viewerOf((await createUser(db, { role: 'ADMIN' })).user.id);

    const requested = await requestMembership(member, org.id);
    expect(requested).toMatchObject({
      ok: true,
      value: { status: 'REQUESTED', userId: user.id, organizationId: org.id }
    });
    if (!requested.ok) return;
    expect(await requestMembership(member, org.id)).toMatchObject({
      ok: false,
      failure: { kind: 'validation', fieldErrors: [{ field: 'organizationId' }] }
    });
    expect((await viewerOf(user.id)).organizationIds).toEqual([]);

    expect(await approveMembership(member, requested.value.id)).toMatchObject({
      ok: false,
      failure: { kind: 'forbidden' }
    });
    const approved = await approveMembership(admin, requested.value.id);
    expect(approved).toMatchObject({ ok: true, value: { status: 'APPROVED', approvedById: admin.userId } });
    expect((await viewerOf(user.id)).organizationIds).toEqual([org.id]);

    const rows = await db.auditLog.findMany({
      where: { entityType: 'Membership', entityId: requested.value.id },
      orderBy: { id: 'asc' }
    });
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ['membership.request', user.id],
      ['membership.approve', admin.userId]
    ]);
    expect(rows[1].before).toMatchObject({ status: 'REQUESTED', approvedById: null });
    expect(rows[1].after).toMatchObject({ status: 'APPROVED', approvedById: admin.userId });
  });

  it('lets an admin reject a request (deleted, audited) and refuses unknown organisations', async () => {
    const org = await createOrganization(db);
    const member = await viewerOf((await createUser(db)).user.id);
    const admin = await viewerOf((await createUser(db, { role: 'ADMIN' })).user.id);
    const requested = await requestMembership(member, org.id);
    if (!requested.ok) throw new Error('request failed');
    expect((await rejectMembership(admin, requested.value.id)).ok).toBe(true);
    expect(await db.membership.count({ where: { id: requested.value.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: requested.value.id, action: 'membership.reject' }
    });
    expect(audit.after).toBeNull();
    expect(audit.before).toMatchObject({ status: 'REQUESTED' });
    expect(await requestMembership(member, 'no-such-org')).toMatchObject({
      ok: false,
      failure: { kind: 'not-found', field: 'organizationId' }
    });
  });

  it('works through GraphQL: requestMembership, membershipRequests and approveMembership', async () => {
    const org = await createOrganization(db, { name: 'Harbour Collective' });
    const member = await viewerOf((await createUser(db)).user.id);
    const admin = await viewerOf((await createUser(db, { role: 'ADMIN' })).user.id);
    const asked = await executeOk(
      `mutation($id: ID!) { requestMembership(organizationId: $id) {
        __typename ... on RequestMembershipSuccess { membership { id status organization { name } } } } }`,
      { id: globalId('Organization', org.id) },
      member
    );
    expect(asked.requestMembership.membership).toMatchObject({
      status: 'REQUESTED',
      organization: { name: 'Harbour Collective' }
    });
    const membershipId = asked.requestMembership.membership.id;

    const pending = await executeOk(`{ membershipRequests { id user { email } } }`, {}, admin);
    expect(pending.membershipRequests.map((m: { id: string }) => m.id)).toContain(membershipId);
    const forbidden = await execute(`{ membershipRequests { id } }`, {}, member);
    expect(forbidden.errors?.[0]).toMatchObject({
      message: 'Only admins may read membership requests.',
      extensions: { code: 'FORBIDDEN' }
    });

    const decided = await executeOk(
      `mutation($id: ID!) { approveMembership(id: $id) { __typename ... on ApproveMembershipSuccess { membership { status } } } }`,
      { id: membershipId },
      admin
    );
    expect(decided.approveMembership).toEqual({
      __typename: 'ApproveMembershipSuccess',
      membership: { status: 'APPROVED' }
    });
    const me = await executeOk(
      `{ me { user { role } memberships { status organization { name } } tokenScopes } }`,
      {},
      member
    );
    expect(me.me).toEqual({
      user: { role: 'MEMBER' },
      memberships: [{ status: 'APPROVED', organization: { name: 'Harbour Collective' } }],
      tokenScopes: null
    });
  });
});

describe('audit log (GraphQL)', () => {
  it('is readable by admins only, newest first, filterable and paged with cursors', async () => {
    const admin = await viewerOf((await createUser(db, { role: 'ADMIN' })).user.id);
    const member = await viewerOf((await createUser(db)).user.id);
    const orgs = await Promise.all([createOrganization(db), createOrganization(db), createOrganization(db)]);
    const ids: string[] = [];
    for (const org of orgs) {
      const r = await requestMembership(member, org.id);
      if (r.ok) ids.push(r.value.id);
    }
    const query = `query($first: Int, $after: String, $type: String, $id: String) {
      auditLog(first: $first, after: $after, entityType: $type, entityId: $id) {
        edges { cursor node { action entityType entityId actor { id } before after at } }
        pageInfo { hasNextPage endCursor } } }`;

    const denied = await execute(query, { first: 5 }, member);
    expect(denied.errors?.[0]).toMatchObject({
      message: 'Only admins may read the audit log.',
      extensions: { code: 'FORBIDDEN' }
    });
    expect(denied.data?.auditLog ?? null).toBeNull();
    const anonymousTry = await execute(query, { first: 5 });
    expect(anonymousTry.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const page1 = await executeOk(query, { first: 2, type: 'Membership' }, admin);
    expect(page1.auditLog.edges.map((e: any) => e.node.entityId)).toEqual([ids[2], ids[1]]);
    expect(page1.auditLog.edges[0].node).toMatchObject({
      action: 'membership.request',
      entityType: 'Membership',
      after: { status: 'REQUESTED' },
      before: null
    });
    expect(page1.auditLog.pageInfo.hasNextPage).toBe(true);
    const page2 = await executeOk(
      query,
      { first: 1, type: 'Membership', after: page1.auditLog.pageInfo.endCursor },
      admin
    );
    expect(page2.auditLog.edges.map((e: any) => e.node.entityId)).toEqual([ids[0]]);
    const last = await executeOk(query, { first: 100, type: 'ApiToken' }, admin);
    expect(last.auditLog).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

    const one = await executeOk(query, { first: 10, id: ids[1] }, admin);
    expect(one.auditLog.edges).toHaveLength(1);

    const tooMany = await execute(query, { first: 101 }, admin);
    expect(tooMany.errors?.[0].message).toBe('first: must be at most 100 (got 101)');
    const badCursor = await execute(query, { first: 1, after: 'bm9wZQ' }, admin);
    expect(badCursor.errors?.[0].message).toBe('after: is not a cursor from this connection');
  });
});
