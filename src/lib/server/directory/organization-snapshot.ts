import type { Prisma } from '../db/generated/client';

/** The organisation as the audit log records it: the row plus its theme slugs and country codes. */
export async function organizationSnapshot(tx: Prisma.TransactionClient, id: string) {
  const org = await tx.organization.findUnique({
    where: { id },
    include: {
      themes: { select: { theme: { select: { slug: true } } } },
      countries: { select: { countryCode: true } }
    }
  });
  if (!org) return null;
  const { themes, countries, ...row } = org;
  return {
    ...row,
    themes: themes.map((t) => t.theme.slug).sort(),
    countries: countries.map((c) => c.countryCode).sort()
  };
}
