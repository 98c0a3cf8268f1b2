import { getDb } from '../platform/db';
import type { PrismaClient } from '../db/generated/client';
import type { Viewer } from '../access/viewer';

/** The organisation an introduction is asked of, by its slug; null when there is none. */
export async function introductionTarget(slug: string, db: PrismaClient = getDb()) {
  return db.organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, archivedAt: true }
  });
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
