import { getDb } from '../platform/db';
import { isAdmin, type Viewer } from '../access/viewer';
import { requireWriter } from '../access/policy';
import { runWrite } from '../platform/write-with-outbox';
import { FailureSignal, forbidden, type Outcome } from '../validation/outcome';
import { mailAfterCommit, recordNotices } from '../notifications/record';

/**
 * Moderation (issue 15 part 7): an organisation a member created is "unverified" (`unverifiedSince` set) until an
 * admin verifies it. Organisations from imports, the seed or an admin never need it (null from the start).
 * Its creators — the approved OWNERs, as the member who created it became one — hear of the verification (inbox,
 * and mail per their ORGANIZATION_VERIFIED preference, decision 0043); the admin who verified does not.
 */
export async function verifyOrganization(viewer: Viewer, organizationId: string): Promise<Outcome<{ id: string }>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  if (!isAdmin(viewer)) return forbidden('Only admins verify organisations.');
  let notices: string[] = [];
  const outcome = await runWrite(async (tx) => {
    const before = await tx.organization.findUnique({
      where: { id: organizationId },
      select: { id: true, unverifiedSince: true }
    });
    if (!before)
      throw new FailureSignal({ kind: 'not-found', field: 'id', message: `No organisation ${organizationId}.` });
    if (!before.unverifiedSince) {
      throw new FailureSignal({
        kind: 'validation',
        message: 'Invalid input: id',
        fieldErrors: [{ field: 'id', message: 'is already verified' }]
      });
    }
    await tx.organization.update({ where: { id: organizationId }, data: { unverifiedSince: null } });
    const owners = await tx.membership.findMany({
      where: { organizationId, role: 'OWNER', status: 'APPROVED' },
      select: { userId: true }
    });
    const actorId = viewer.kind === 'user' ? viewer.userId : null;
    notices = await recordNotices(tx, [
      {
        kind: 'ORGANIZATION_VERIFIED',
        userIds: owners.map((o) => o.userId).filter((id) => id !== actorId),
        organizationId
      }
    ]);
    return {
      value: { id: organizationId },
      changes: [],
      audit: [
        {
          actorId: viewer.kind === 'user' ? viewer.userId : null,
          action: 'organization.verify',
          entityType: 'Organization',
          entityId: organizationId,
          before: { unverifiedSince: before.unverifiedSince },
          after: { unverifiedSince: null }
        }
      ]
    };
  });
  if (outcome.ok) mailAfterCommit(notices);
  return outcome;
}

export interface UnverifiedOrganization {
  id: string;
  slug: string;
  name: string;
  unverifiedSince: Date;
  createdBy: { name: string; email: string }[];
}

/** Admins only (null for anyone else): organisations waiting for verification, oldest first. */
export async function unverifiedOrganizations(viewer: Viewer, take = 100): Promise<UnverifiedOrganization[] | null> {
  if (!isAdmin(viewer)) return null;
  const rows = await getDb().organization.findMany({
    where: { unverifiedSince: { not: null }, archivedAt: null },
    select: {
      id: true,
      slug: true,
      name: true,
      unverifiedSince: true,
      // The creator became its OWNER (directory/organizations.ts): the people to ask about it.
      memberships: { where: { role: 'OWNER' }, select: { user: { select: { name: true, email: true } } } }
    },
    orderBy: [{ unverifiedSince: 'asc' }, { id: 'asc' }],
    take
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    unverifiedSince: r.unverifiedSince!,
    createdBy: r.memberships.map((m) => m.user)
  }));
}
