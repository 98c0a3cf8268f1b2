import { getDb } from '../platform/db';
import type { PrismaClient } from '../db/generated/client';
import type { Viewer } from '../access/viewer';

/** Memberships whose holder can answer an introduction request: approved, account not disabled. */
export const ANSWERING_MEMBERSHIP = { status: 'APPROVED', user: { disabledAt: null } } as const;

/**
 * The organisation an introduction is asked of, by its slug, with how many members could answer (none: the page
 * says so instead of offering a form the request would refuse); null when there is none.
 */
export async function introductionTarget(slug: string, db: PrismaClient = getDb()) {
  const found = await db.organization.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      archivedAt: true,
      _count: { select: { memberships: { where: ANSWERING_MEMBERSHIP } } }
    }
  });
  if (!found) return null;
  const { _count, ...organization } = found;
  return { ...organization, answerers: _count.memberships };
}

/** The member's own organisations that may ask for an introduction to `targetId` (every one but the target itself). */
export async function askingOrganizations(
  viewer: Extract<Viewer, { kind: 'user' }>,
  targetId: string,
  db: PrismaClient = getDb()
) {
  return db.organization.findMany({
    where: { id: { in: viewer.organizationIds.filter((id) => id !== targetId) } },
    select: { id: true, slug: true, name: true },
    orderBy: { name: 'asc' }
  });
}
