import type { NetworkMembership, PrismaClient } from '../db/generated/client';
import type { VisibilityParams } from '../access/viewer';
import { visibleMembershipWhere } from '../access/visibility-prisma';

/**
 * Networks by name, then id (a total order), after — or, backwards, before — the sort key [name, id] of the last
 * row the client saw: keyset paging, so networks created between two page requests shift nothing.
 */
export async function networksPage(
  db: PrismaClient,
  page: { key: readonly (string | number)[] | null; backwards: boolean; limit: number }
) {
  const beyond = page.backwards ? 'lt' : 'gt';
  const seek = page.key
    ? {
        OR: [
          { name: { [beyond]: String(page.key[0]) } },
          { name: String(page.key[0]), id: { [beyond]: String(page.key[1]) } }
        ]
      }
    : {};
  const direction = page.backwards ? 'desc' : 'asc';
  return db.network.findMany({
    where: { archivedAt: null, ...seek },
    orderBy: [{ name: direction }, { id: direction }],
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
