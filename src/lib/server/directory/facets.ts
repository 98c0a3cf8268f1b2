import { Prisma, type PrismaClient } from '../db/generated/client';
import {
  dimensionIdsSql,
  dimensionSql,
  filterSql,
  selectedDimensions,
  type FacetDimension,
  type OrganizationFilter
} from './search-filter';

export interface FacetCount {
  value: string;
  count: number;
}
export type Facets = Record<FacetDimension, FacetCount[]>;

/**
 * Counts per theme, country, level, type and language under the current filter, each dimension with its own
 * filter removed (standard facet semantics: a user who picked Greece still sees how many organisations Italy would
 * add). One statement, one pass: see facetsStatement.
 * A theme counts the organisations working on it or on any of its sub-themes (matching the filter's semantics);
 * a country counts organisations operating in or headquartered in it.
 */
export async function organizationFacets(db: PrismaClient, filter: OrganizationFilter): Promise<Facets> {
  return facetsFromRows(await db.$queryRaw<FacetRow[]>(facetsStatement(filter)));
}

export interface FacetRow {
  dimension: FacetDimension;
  value: string;
  count: number;
}

/** Rows of (dimension, value, count) as lists per dimension, most frequent first. */
export function facetsFromRows(rows: FacetRow[]): Facets {
  const facets: Facets = { themes: [], countries: [], levels: [], types: [], languages: [] };
  for (const row of rows) facets[row.dimension].push({ value: row.value, count: row.count });
  for (const list of Object.values(facets)) {
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return facets;
}

/** `m_<dimension>`: the candidate column saying whether the row passes that dimension's filter. */
const flag = (dimension: FacetDimension) => Prisma.raw(`m_${dimension}`);

/**
 * The rows a dimension's facet counts: those passing every selected filter except its own. Unselected dimensions
 * have no flag (everything passes them).
 */
function othersPass(selected: FacetDimension[], dimension: FacetDimension): Prisma.Sql {
  const others = selected.filter((d) => d !== dimension).map((d) => Prisma.sql`c.${flag(d)}`);
  return others.length > 0 ? Prisma.join(others, ' AND ') : Prisma.sql`TRUE`;
}

/**
 * The candidates: organisations passing the text and archive filters that some facet may count. A facet counts rows
 * failing at most one selected dimension, so with two or more selected every counted row passes at least one of
 * any two of them: the candidates are drawn from the union of two dimensions' id sets (each from an index, the
 * join tables' first: usually the most selective), not from all of "Organization". Rows failing two dimensions
 * may remain; the facets' own conditions leave them out. With one dimension selected its own facet counts every
 * organisation, so there is nothing to narrow.
 */
function candidateSql(filter: OrganizationFilter, selected: FacetDimension[]): Prisma.Sql {
  const base = filterSql({ query: filter.query, includeArchived: filter.includeArchived });
  if (selected.length < 2) return base;
  const [a, b] = selected as [FacetDimension, FacetDimension];
  return Prisma.sql`${base} AND o.id IN (${dimensionIdsSql(filter, a)} UNION ALL ${dimensionIdsSql(filter, b)})`;
}

/**
 * The statement organizationFacets runs (exported so a test can read its plan). Each dimension's filter is
 * evaluated once per candidate into a flag (`m_themes` …); each facet then counts the candidates whose OTHER flags
 * hold. Before (decision 0022) five UNION ALL branches each re-ran the whole filter minus one dimension, reading
 * "Organization" and the join tables five times; now the filter runs once and each table is read once
 * (decision 0046).
 */
export function facetsStatement(filter: OrganizationFilter): Prisma.Sql {
  const selected = selectedDimensions(filter);
  const flags = selected.map((d) => Prisma.sql`, ${dimensionSql(filter, d, 'o')} AS ${flag(d)}`);
  return Prisma.sql`
    WITH RECURSIVE theme_closure(ancestor, descendant) AS (
      SELECT id, id FROM "Theme"
      UNION ALL
      SELECT c.ancestor, t.id FROM theme_closure c JOIN "Theme" t ON t."parentId" = c.descendant
    ),
    candidate AS MATERIALIZED (
      SELECT o.id, o.type, o.levels, o.languages, o."hqCountryCode" ${flags.length > 0 ? Prisma.join(flags, ' ') : Prisma.empty}
      FROM "Organization" o
      WHERE ${candidateSql(filter, selected)}
    )
    (SELECT 'types' AS dimension, c.type::text AS value, count(*)::int AS count
       FROM candidate c WHERE ${othersPass(selected, 'types')} GROUP BY 2)
    UNION ALL
    (SELECT 'levels', l::text, count(*)::int
       FROM candidate c CROSS JOIN LATERAL unnest(c.levels) AS l
       WHERE ${othersPass(selected, 'levels')} GROUP BY 2)
    UNION ALL
    (SELECT 'languages', l, count(*)::int
       FROM candidate c CROSS JOIN LATERAL unnest(c.languages) AS l
       WHERE ${othersPass(selected, 'languages')} GROUP BY 2)
    UNION ALL
    -- Operating in or headquartered in: the HQ is often also an operating country, hence DISTINCT.
    (SELECT 'countries', w.code::text, count(DISTINCT w.id)::int
       FROM (
         SELECT c.id, oc."countryCode" AS code
           FROM candidate c JOIN "OrganizationCountry" oc ON oc."organizationId" = c.id
          WHERE ${othersPass(selected, 'countries')}
         UNION ALL
         SELECT c.id, c."hqCountryCode" FROM candidate c
          WHERE c."hqCountryCode" IS NOT NULL AND ${othersPass(selected, 'countries')}
       ) w
       GROUP BY 2)
    UNION ALL
    (SELECT 'themes', th.slug, count(DISTINCT c.id)::int
       FROM candidate c
       JOIN "OrganizationTheme" ot ON ot."organizationId" = c.id
       JOIN theme_closure cl ON cl.descendant = ot."themeId"
       JOIN "Theme" th ON th.id = cl.ancestor
       WHERE ${othersPass(selected, 'themes')} GROUP BY 2)`;
}
