import { getDb } from '../platform/db';
import type { Membership, Organization, User } from '../db/generated/client';
import { requireWriter } from '../access/policy';
import { runWrite } from '../platform/write-with-outbox';
import { isUniqueViolation } from '../platform/unique-violation';
import { FailureSignal, forbidden, type Outcome } from '../validation/outcome';
import { isAdmin, type Viewer } from '../access/viewer';
import { mailAfterCommit, recordNotices } from '../notifications/record';

/**
 * Claiming an organisation: a signed-in user asks to manage a profile (REQUESTED), an admin approves it
 * (APPROVED: the user may now edit the organisation) or rejects it (the request is deleted). Every step is
 * written with an audit record in the same transaction.
 */
export type MembershipView = Membership & {
  user: Pick<User, 'id' | 'name' | 'email' | 'role'>;
  organization: Organization;
};

const include = {
  user: { select: { id: true, name: true, email: true, role: true } },
  organization: true
} as const;

const alreadyMember = (message: string) =>
  new FailureSignal({
    kind: 'validation',
    message: 'Invalid input: organizationId',
    fieldErrors: [{ field: 'organizationId', message }]
  });

/** The organisation a member asks to join, by the slug typed on /account; null when there is none. */
export async function membershipTargetBySlug(slug: string): Promise<{ id: string; name: string } | null> {
  return getDb().organization.findUnique({ where: { slug }, select: { id: true, name: true } });
}

export async function requestMembership(viewer: Viewer, organizationId: string): Promise<Outcome<MembershipView>> {
  const refused = requireWriter(viewer);
  if (refused || viewer.kind !== 'user') return refused ?? forbidden('Sign in to request a membership.');
  return runWrite(async (tx) => {
    const organization = await tx.organization.findUnique({
      where: { id: organizationId },
      select: { archivedAt: true }
    });
    if (!organization || organization.archivedAt) {
      throw new FailureSignal({ kind: 'not-found', field: 'organizationId', message: 'No organisation has this id.' });
    }
    const existing = await tx.membership.findUnique({
      where: { userId_organizationId: { userId: viewer.userId, organizationId } }
    });
    if (existing?.status === 'APPROVED') throw alreadyMember('you already manage this organisation');
    if (existing) throw alreadyMember('you already asked to manage this organisation; an admin will review it');
    const membership = await tx.membership
      .create({ data: { userId: viewer.userId, organizationId, status: 'REQUESTED', role: 'EDITOR' }, include })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? alreadyMember('you already asked to manage this organisation') : error;
      });
    return {
      value: membership,
      changes: [],
      audit: [
        {
          actorId: viewer.userId,
          action: 'membership.request',
          entityType: 'Membership',
          entityId: membership.id,
          before: null,
          after: plain(membership)
        }
      ]
    };
  });
}

/** The stored columns only, for the audit record. */
function plain(m: Membership): Membership {
  const { id, userId, organizationId, role, status, approvedById, approvedAt, createdAt, updatedAt } = m;
  return { id, userId, organizationId, role, status, approvedById, approvedAt, createdAt, updatedAt };
}

async function decide(
  viewer: Viewer,
  membershipId: string,
  decision: 'approve' | 'reject'
): Promise<Outcome<MembershipView>> {
  const refused = requireWriter(viewer);
  if (refused) return refused;
  if (!isAdmin(viewer) || viewer.kind !== 'user') return forbidden('Only admins may decide on membership requests.');
  let notices: string[] = [];
  const outcome = await runWrite(async (tx) => {
    const before = await tx.membership.findUnique({ where: { id: membershipId }, include });
    if (!before)
      throw new FailureSignal({ kind: 'not-found', field: 'id', message: 'No membership request has this id.' });
    if (before.status !== 'REQUESTED') {
      throw new FailureSignal({
        kind: 'validation',
        message: 'Invalid input: id',
        fieldErrors: [{ field: 'id', message: 'is already approved' }]
      });
    }
    // The requester hears of the decision on their claim, either way.
    notices = await recordNotices(tx, [
      {
        kind: 'CLAIM_DECIDED',
        userIds: [before.userId],
        organizationId: before.organizationId,
        approved: decision === 'approve'
      }
    ]);
    if (decision === 'reject') {
      await tx.membership.delete({ where: { id: membershipId } });
      return {
        value: before,
        changes: [],
        audit: [
          {
            actorId: viewer.userId,
            action: 'membership.reject',
            entityType: 'Membership',
            entityId: membershipId,
            before: plain(before),
            after: null
          }
        ]
      };
    }
    const after = await tx.membership.update({
      where: { id: membershipId },
      data: { status: 'APPROVED', approvedById: viewer.userId, approvedAt: new Date() },
      include
    });
    return {
      value: after,
      changes: [],
      audit: [
        {
          actorId: viewer.userId,
          action: 'membership.approve',
          entityType: 'Membership',
          entityId: membershipId,
          before: plain(before),
          after: plain(after)
        }
      ]
    };
  });
  if (outcome.ok) mailAfterCommit(notices);
  return outcome;
}

export const approveMembership = (viewer: Viewer, membershipId: string) => decide(viewer, membershipId, 'approve');
export const rejectMembership = (viewer: Viewer, membershipId: string) => decide(viewer, membershipId, 'reject');

/** Admins: requests waiting for a decision, oldest first (first come, first served). */
export async function listMembershipRequests(viewer: Viewer, take = 100): Promise<MembershipView[]> {
  if (!isAdmin(viewer)) return [];
  return getDb().membership.findMany({ where: { status: 'REQUESTED' }, include, orderBy: { createdAt: 'asc' }, take });
}

/** The viewer's own memberships, requested and approved. */
export async function listMyMemberships(viewer: Viewer): Promise<MembershipView[]> {
  if (viewer.kind !== 'user') return [];
  return getDb().membership.findMany({ where: { userId: viewer.userId }, include, orderBy: { createdAt: 'asc' } });
}
