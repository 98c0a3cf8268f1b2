import { Prisma } from '../db/generated/client';
import type { OrganizationType, WorkLevel } from '../db/generated/enums';

/** What the directory can be filtered by. Within a dimension values are OR-ed, across dimensions AND-ed. */
export interface OrganizationFilter {
  /** Free text: full-text over name + description, with a trigram fallback on the name. */
  query?: string | null;
  /** Theme slugs; a theme also matches organisations working on any of its sub-themes. */
  themes?: string[] | null;
  /** ISO alpha-2 codes; an organisation matches a country it operates in or is headquartered in. */
  countries?: string[] | null;
  levels?: WorkLevel[] | null;
  types?: OrganizationType[] | null;
  /** ISO 639-1 codes. */
  languages?: string[] | null;
  includeArchived?: boolean | null;
}

export type FacetDimension = 'themes' | 'countries' | 'levels' | 'types' | 'languages';

const present = <T>(list: T[] | null | undefined): list is T[] => Array.isArray(list) && list.length > 0;

export function normalizedQuery(filter: OrganizationFilter): string | null {
  const q = filter.query?.trim();
  return q ? q : null;
}

/** `%`, `_` and `\` are LIKE wildcards: a query "50%" must match the text "50%", not "50 anything". */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The theme ids a list of slugs stands for: the themes themselves and all their descendants. */
export function themeSubtreeSql(slugs: string[]): Prisma.Sql {
  return Prisma.sql`(
    WITH RECURSIVE subtree AS (
      SELECT t.id FROM "Theme" t WHERE t.slug = ANY(${slugs}::text[])
      UNION
      SELECT child.id FROM "Theme" child JOIN subtree ON child."parentId" = subtree.id
    )
    SELECT id FROM subtree
  )`;
}

/** The facet dimensions the filter restricts, in the order their id sets are tried first (join tables first). */
export function selectedDimensions(filter: OrganizationFilter): FacetDimension[] {
  const order: FacetDimension[] = ['themes', 'countries', 'types', 'languages', 'levels'];
  return order.filter((d) => present(filter[d]));
}

/**
 * The WHERE predicate over `o` ("Organization") for a filter. `without` drops one dimension: the facet counts of a
 * dimension are computed under all the other filters (standard facet semantics), so a user who picked Greece
 * still sees how many organisations Italy would add.
 */
export function filterSql(filter: OrganizationFilter, without?: FacetDimension): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (!filter.includeArchived) parts.push(Prisma.sql`o."archivedAt" IS NULL`);

  const q = normalizedQuery(filter);
  if (q) {
    // websearch_to_tsquery handles quotes, OR and -negation; whole words only, so partial words ("refu") and
    // typos fall back to trigram matching on the name (the GIN trigram index serves both ILIKE and <%).
    parts.push(Prisma.sql`(
      o."searchVector" @@ websearch_to_tsquery('simple', ${q})
      OR o.name ILIKE ${likePattern(q)}
      OR ${q} <% o.name
    )`);
  }
  for (const dimension of selectedDimensions(filter)) {
    if (dimension !== without) parts.push(dimensionSql(filter, dimension, 'o'));
  }
  return parts.length > 0 ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}

/**
 * One selected dimension's predicate over the "Organization" row aliased `alias` (the facet statement evaluates
 * each on its own, decision 0046). Only for a dimension in selectedDimensions(filter).
 */
export function dimensionSql(filter: OrganizationFilter, dimension: FacetDimension, alias: string): Prisma.Sql {
  const o = Prisma.raw(`"${alias}"`);
  switch (dimension) {
    // Themes and countries are semi-joins the planner can start from: the join tables' (key, organizationId)
    // indexes give the matching ids without touching "Organization" (decision 0022).
    case 'themes':
    case 'countries':
      return Prisma.sql`${o}.id IN (${dimensionIdsSql(filter, dimension)})`;
    case 'levels':
      return Prisma.sql`${o}.levels && CAST(${filter.levels ?? []}::text[] AS "WorkLevel"[])`;
    case 'types':
      return Prisma.sql`${o}.type = ANY(CAST(${filter.types ?? []}::text[] AS "OrganizationType"[]))`;
    case 'languages':
      return Prisma.sql`${o}.languages && ${filter.languages ?? []}::text[]`;
  }
}

/** The ids of the organisations passing one selected dimension's filter, as a sub-select served by an index. */
export function dimensionIdsSql(filter: OrganizationFilter, dimension: FacetDimension): Prisma.Sql {
  switch (dimension) {
    case 'themes':
      // ARRAY(…) makes the subtree one value computed first, so the join table's index is searched for those ids;
      // as a sub-select the planner cannot see how few themes a recursive CTE yields and may scan instead.
      return Prisma.sql`
      SELECT ot."organizationId" FROM "OrganizationTheme" ot
      WHERE ot."themeId" = ANY(ARRAY${themeSubtreeSql(filter.themes ?? [])})`;
    case 'countries': {
      // "Works in or is headquartered in" as one id set: a UNION ALL of two indexed lookups. Written as
      // `hq = ANY(…) OR EXISTS (…)` it had no index path — an OR over a column and a correlated sub-query makes
      // PostgreSQL scan every organisation and run the sub-query per row. The codes are cast to bpchar (the
      // columns' char(2) without a length, so nothing is truncated) so the comparison is bpchar = bpchar, which the
      // indexes serve; text = text would cast the column and miss them.
      const codes = Prisma.sql`CAST(${filter.countries ?? []}::text[] AS bpchar[])`;
      return Prisma.sql`
      SELECT oc."organizationId" FROM "OrganizationCountry" oc WHERE oc."countryCode" = ANY(${codes})
      UNION ALL
      SELECT hq.id FROM "Organization" hq WHERE hq."hqCountryCode" = ANY(${codes})`;
    }
    default:
      // levels, types, languages: the GIN / btree index on the column.
      return Prisma.sql`SELECT i.id FROM "Organization" i WHERE ${dimensionSql(filter, dimension, 'i')}`;
  }
}
