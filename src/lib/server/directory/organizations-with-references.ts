import { Prisma, type Country, type Organization, type PrismaClient, type Theme } from '../db/generated/client';

/**
 * Organisation rows together with their themes, their countries and their headquarters country, in ONE SQL
 * statement (issue 13 item 2): a profile's first wave is this statement and, at the same time, the partners from
 * the graph — instead of the row, then the theme and country link tables and the reference tables after it.
 *
 * Rows travel as JSON (`to_jsonb`), which keeps enum arrays and text arrays as arrays without per-column casts;
 * the timestamps are turned back into Dates here, so a row equals what `db.organization.findMany` returns
 * (tests/integration/profile-round-trips.int.test.ts holds them equal).
 */
export interface OrganizationWithReferences {
  organization: Organization;
  themes: Theme[];
  countries: Country[];
  hqCountry: Country | null;
}

/** Theme lists read by slug order within the reference data's sortOrder, as the themes loader always has. */
export function byThemeOrder(a: Theme, b: Theme): number {
  return a.sortOrder - b.sortOrder || a.slug.localeCompare(b.slug);
}

/** Country lists read by English name. */
export function byCountryName(a: Country, b: Country): number {
  return a.nameEn.localeCompare(b.nameEn);
}

const TIMESTAMPS = ['archivedAt', 'createdAt', 'updatedAt'] as const;

/** PostgreSQL's JSON of a `timestamp` (UTC, without zone) → the Date Prisma would give. */
function organizationFromJson(json: Record<string, unknown>): Organization {
  const row: Record<string, unknown> = { ...json };
  for (const field of TIMESTAMPS) {
    const value = row[field];
    row[field] = typeof value === 'string' ? new Date(`${value}Z`) : null;
  }
  return row as unknown as Organization;
}

export interface JsonRow {
  organization: Record<string, unknown>;
  themes: Theme[];
  countries: Country[];
  hqCountry: Country | null;
}

/**
 * The select list that reads organisation `o` with its references as JSON columns (organization, themes,
 * countries, hqCountry): this statement's, and the directory search's, which appends it to its page (search.ts).
 */
export const withReferencesColumns = Prisma.sql`
    to_jsonb(o) - 'searchVector' AS organization,
    COALESCE((SELECT jsonb_agg(to_jsonb(t)) FROM "OrganizationTheme" ot JOIN "Theme" t ON t.id = ot."themeId"
              WHERE ot."organizationId" = o.id), '[]'::jsonb) AS themes,
    COALESCE((SELECT jsonb_agg(to_jsonb(c)) FROM "OrganizationCountry" oc JOIN "Country" c ON c.code = oc."countryCode"
              WHERE oc."organizationId" = o.id), '[]'::jsonb) AS countries,
    (SELECT to_jsonb(h) FROM "Country" h WHERE h.code = o."hqCountryCode") AS "hqCountry"`;

/** A row of those columns as the loaders hold it. */
export function fromJsonRow(row: JsonRow): OrganizationWithReferences {
  return {
    organization: organizationFromJson(row.organization),
    // Sorted here, with the comparators the loaders use, rather than by the database's collation.
    themes: [...row.themes].sort(byThemeOrder),
    countries: [...row.countries].sort(byCountryName),
    hqCountry: row.hqCountry
  };
}

/** The organisations with these ids or slugs (unknown ones are simply missing from the answer). */
export async function organizationsWithReferences(
  db: PrismaClient,
  by: 'id' | 'slug',
  keys: readonly string[]
): Promise<OrganizationWithReferences[]> {
  if (keys.length === 0) return [];
  const where = by === 'id' ? Prisma.sql`o.id = ANY(${[...keys]})` : Prisma.sql`o.slug = ANY(${[...keys]})`;
  const rows = await db.$queryRaw<JsonRow[]>(
    Prisma.sql`SELECT ${withReferencesColumns} FROM "Organization" o WHERE ${where}`
  );
  return rows.map(fromJsonRow);
}
