import type { PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { anonymous, visibilityOf } from '../access/viewer';
import { visibleMembershipWhere } from '../access/visibility-prisma';
import type { PublicOrganization } from './organization-json-ld';

/**
 * A profile as an anonymous visitor sees it, for markup meant for anyone (JSON-LD, Open Graph, embeds): the
 * membership filter is the anonymous viewer's visibility rule, not the signed-in visitor's, and no contact field
 * is read at all. Null when there is no such organisation.
 */
export async function publicOrganization(slug: string, db: PrismaClient = getDb()): Promise<PublicOrganization | null> {
  const org = await db.organization.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      description: true,
      website: true,
      logoUrl: true,
      foundedYear: true,
      hqCity: true,
      hqCountryCode: true,
      identifiers: { select: { scheme: true, identifier: true }, orderBy: { scheme: 'asc' } },
      networkMemberships: {
        where: { AND: [visibleMembershipWhere(visibilityOf(anonymous)), { network: { archivedAt: null } }] },
        select: { network: { select: { slug: true, name: true, website: true } } },
        orderBy: { network: { name: 'asc' } }
      }
    }
  });
  if (!org) return null;
  const { networkMemberships, ...rest } = org;
  return { ...rest, networks: networkMemberships.map((m) => m.network) };
}
