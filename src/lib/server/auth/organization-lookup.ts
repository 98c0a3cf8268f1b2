import { getDb } from '../platform/db';

/**
 * Admins type an organisation as they know it — by name ("Refugee Law Clinic Berlin") or by the short name in
 * its address (refugee-law-clinic-berlin). A slug wins; otherwise the name must match exactly one organisation
 * (case and surrounding spaces ignored), so an invitation never lands on the wrong one of two namesakes.
 */
export type OrganizationLookup =
  | { found: { id: string; name: string; slug: string } }
  | { missing: 'not-found' }
  | { missing: 'ambiguous'; slugs: string[] };

export async function findOrganizationByNameOrSlug(text: string): Promise<OrganizationLookup> {
  const wanted = text.trim();
  const db = getDb();
  const select = { id: true, name: true, slug: true } as const;
  const bySlug = await db.organization.findUnique({ where: { slug: wanted.toLowerCase() }, select });
  if (bySlug) return { found: bySlug };
  const byName = await db.organization.findMany({
    where: { name: { equals: wanted, mode: 'insensitive' }, archivedAt: null },
    select,
    orderBy: { slug: 'asc' },
    take: 10
  });
  if (byName.length === 1) return { found: byName[0]! };
  if (byName.length > 1) return { missing: 'ambiguous', slugs: byName.map((o) => o.slug) };
  return { missing: 'not-found' };
}

/** Names for the form's suggestions (a datalist): organisations in the directory, by name. Admins only call it. */
export async function organizationNameSuggestions(take = 2000): Promise<string[]> {
  const rows = await getDb().organization.findMany({
    where: { archivedAt: null },
    select: { name: true },
    orderBy: { name: 'asc' },
    take
  });
  return [...new Set(rows.map((r) => r.name))];
}
