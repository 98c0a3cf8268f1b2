import type { PrismaClient, Prisma } from '../db/generated/client';

/**
 * The controlled vocabularies inputs are checked against. Loaded per write (two small queries) rather than
 * cached for the process, so a reference-data update is seen at once by every app server.
 */
export interface ReferenceData {
  /** Theme slug → theme id. */
  themes: Map<string, string>;
  /** ISO 3166-1 alpha-2 codes present in the Country table. */
  countries: Set<string>;
}

export async function loadReferenceData(db: PrismaClient | Prisma.TransactionClient): Promise<ReferenceData> {
  const [themes, countries] = await Promise.all([
    db.theme.findMany({ select: { id: true, slug: true } }),
    db.country.findMany({ select: { code: true } })
  ]);
  return {
    themes: new Map(themes.map((t) => [t.slug, t.id])),
    countries: new Set(countries.map((c) => c.code))
  };
}
