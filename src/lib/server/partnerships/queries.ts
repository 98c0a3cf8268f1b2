import type { Organization, Partnership, PrismaClient, Theme } from '../db/generated/client';
import type { VisibilityParams } from '../access/viewer';
import { visiblePartnershipWhere } from '../access/visibility-prisma';

/** Batched reads for the GraphQL loaders: one query per batch of ids, visibility in the WHERE. */

export async function partnershipsByIds(db: PrismaClient, ids: readonly string[], v: VisibilityParams) {
  return db.partnership.findMany({ where: { AND: [{ id: { in: [...ids] } }, visiblePartnershipWhere(v)] } });
}

export type PartnershipWithSides = Partnership & { orgA: Organization; orgB: Organization };

/**
 * Every partnership (any status) of each organisation that the viewer may see, newest first, with both sides'
 * rows (so the caller can prime its organisation loader: resolving orgA/orgB then costs nothing, and the number
 * of queries does not depend on which sides happened to be loaded already). Loaded whole per organisation and
 * paged in memory: an organisation has tens to a few hundred partnerships, and one query for the whole batch beats
 * a windowed query per (organisation, status, page) combination.
 */
export async function partnershipsByOrganizations(
  db: PrismaClient,
  orgIds: readonly string[],
  v: VisibilityParams
): Promise<Map<string, PartnershipWithSides[]>> {
  const ids = [...orgIds];
  const rows = await db.partnership.findMany({
    where: { AND: [{ OR: [{ orgAId: { in: ids } }, { orgBId: { in: ids } }] }, visiblePartnershipWhere(v)] },
    include: { orgA: true, orgB: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }]
  });
  const byOrg = new Map<string, PartnershipWithSides[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    byOrg.get(row.orgAId)?.push(row);
    byOrg.get(row.orgBId)?.push(row);
  }
  return byOrg;
}

export async function themesByPartnerships(db: PrismaClient, ids: readonly string[]): Promise<Map<string, Theme[]>> {
  const rows = await db.partnershipTheme.findMany({
    where: { partnershipId: { in: [...ids] } },
    include: { theme: true },
    orderBy: { theme: { sortOrder: 'asc' } }
  });
  const byId = new Map<string, Theme[]>(ids.map((id) => [id, []]));
  for (const row of rows) byId.get(row.partnershipId)?.push(row.theme);
  return byId;
}
