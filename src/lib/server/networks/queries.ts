import type { NetworkMembership, PrismaClient } from '../db/generated/client';
import type { VisibilityParams } from '../access/viewer';
import { visibleMembershipWhere } from '../access/visibility-prisma';

export async function networksPage(db: PrismaClient, page: { offset: number; limit: number }) {
  return db.network.findMany({
    where: { archivedAt: null },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: page.offset,
    take: page.limit
  });
}

export async function countNetworks(db: PrismaClient): Promise<number> {
  return db.network.count({ where: { archivedAt: null } });
}

export async function networksByIds(db: PrismaClient, ids: readonly string[]) {
  return db.network.findMany({ where: { id: { in: [...ids] } } });
}

export async function networkBySlug(db: PrismaClient, slug: string) {
  return db.network.findUnique({ where: { slug } });
}

type Side = 'networkId' | 'organizationId';

/**
 * Visible memberships grouped by network or by organisation (one query per batch), memberships of archived
 * organisations left out of a network's member list.
 */
export async function membershipsBy(
  db: PrismaClient,
  side: Side,
  ids: readonly string[],
  v: VisibilityParams
): Promise<Map<string, NetworkMembership[]>> {
  const rows = await db.networkMembership.findMany({
    where: {
      AND: [
        { [side]: { in: [...ids] } },
        visibleMembershipWhere(v),
        side === 'networkId' ? { organization: { archivedAt: null } } : {}
      ]
    },
    orderBy:
      side === 'networkId'
        ? [{ organization: { name: 'asc' } }, { id: 'asc' }]
        : [{ network: { name: 'asc' } }, { id: 'asc' }]
  });
  const grouped = new Map<string, NetworkMembership[]>(ids.map((id) => [id, []]));
  for (const row of rows) grouped.get(row[side])?.push(row);
  return grouped;
}
