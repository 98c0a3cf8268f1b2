import { Prisma, type PrismaClient } from '../db/generated/client';
import { filterSql, type FacetDimension, type OrganizationFilter } from './search-filter';

export interface FacetCount {
  value: string;
  count: number;
}
export type Facets = Record<FacetDimension, FacetCount[]>;

/**
 * Counts per theme, country, level, type and language under the current filter, each dimension with its own
 * filter removed. One statement (five grouped branches, UNION ALL) — one round trip, whatever the data size.
 * A theme counts the organisations working on it or on any of its sub-themes (matching the filter's semantics);
 * a country counts organisations operating in or headquartered in it.
 */
export async function organizationFacets(db: PrismaClient, filter: OrganizationFilter): Promise<Facets> {
  const rows = await db.$queryRaw<{ dimension: FacetDimension; value: string; count: number }[]>(
    facetsStatement(filter)
  );
  const facets: Facets = { themes: [], countries: [], levels: [], types: [], languages: [] };
  for (const row of rows) facets[row.dimension].push({ value: row.value, count: row.count });
  for (const list of Object.values(facets)) {
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return facets;
}

/** The statement organizationFacets runs (exported so a test can read its plan). */
export function facetsStatement(filter: OrganizationFilter): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE theme_closure(ancestor, descendant) AS (
      SELECT id, id FROM "Theme"
      UNION ALL
      SELECT c.ancestor, t.id FROM theme_closure c JOIN "Theme" t ON t."parentId" = c.descendant
    )
    (SELECT 'types' AS dimension, o.type::text AS value, count(*)::int AS count
       FROM "Organization" o WHERE ${filterSql(filter, 'types')} GROUP BY 2)
    UNION ALL
    (SELECT 'levels', l::text, count(*)::int
       FROM "Organization" o CROSS JOIN LATERAL unnest(o.levels) AS l
       WHERE ${filterSql(filter, 'levels')} GROUP BY 2)
    UNION ALL
    (SELECT 'languages', l, count(*)::int
       FROM "Organization" o CROSS JOIN LATERAL unnest(o.languages) AS l
       WHERE ${filterSql(filter, 'languages')} GROUP BY 2)
    UNION ALL
    (SELECT 'countries', c.code::text, count(*)::int
       FROM "Organization" o CROSS JOIN LATERAL (
         SELECT oc."countryCode" AS code FROM "OrganizationCountry" oc WHERE oc."organizationId" = o.id
         UNION
         SELECT o."hqCountryCode" WHERE o."hqCountryCode" IS NOT NULL
       ) c
       WHERE ${filterSql(filter, 'countries')} GROUP BY 2)
    UNION ALL
    (SELECT 'themes', th.slug, count(DISTINCT o.id)::int
       FROM "Organization" o
       JOIN "OrganizationTheme" ot ON ot."organizationId" = o.id
       JOIN theme_closure cl ON cl.descendant = ot."themeId"
       JOIN "Theme" th ON th.id = cl.ancestor
       WHERE ${filterSql(filter, 'themes')} GROUP BY 2)`;
}
