import { Prisma, type PrismaClient } from '../db/generated/client';
import type { VisibilityParams } from '../access/viewer';
import { filterSql, normalizedQuery, type OrganizationFilter } from './search-filter';
import { visibleSql } from '../access/visibility-sql';

export type OrganizationOrderField = 'NAME' | 'CREATED_AT' | 'RELEVANCE' | 'PARTNER_COUNT';
export type SortDirection = 'ASC' | 'DESC';
export interface OrganizationOrder {
  field: OrganizationOrderField;
  direction: SortDirection;
}

/** Without an explicit order: best matches first when searching, otherwise alphabetical. */
export function defaultOrder(filter: OrganizationFilter): OrganizationOrder {
  return normalizedQuery(filter) ? { field: 'RELEVANCE', direction: 'DESC' } : { field: 'NAME', direction: 'ASC' };
}

/**
 * Distinct organisations the viewer can see a confirmed partnership with (archived partners excluded) — the same
 * number the graph's partnerCount gives, computed in SQL so the page can be ordered by it.
 */
function partnerCountSql(v: VisibilityParams): Prisma.Sql {
  return Prisma.sql`(
    SELECT count(DISTINCT other.id) FROM "Partnership" p
    JOIN "Organization" other ON other.id = CASE WHEN p."orgAId" = o.id THEN p."orgBId" ELSE p."orgAId" END
    WHERE (p."orgAId" = o.id OR p."orgBId" = o.id) AND p.status = 'CONFIRMED'
      AND other."archivedAt" IS NULL AND ${visibleSql(v, 'p', 'orgAId', 'orgBId')}
  )`;
}

function orderSql(filter: OrganizationFilter, order: OrganizationOrder, v: VisibilityParams): Prisma.Sql {
  const dir = Prisma.raw(order.direction === 'DESC' ? 'DESC' : 'ASC');
  const q = normalizedQuery(filter);
  switch (order.field) {
    case 'CREATED_AT':
      return Prisma.sql`o."createdAt" ${dir}, o.id ${dir}`;
    case 'PARTNER_COUNT':
      return Prisma.sql`${partnerCountSql(v)} ${dir}, o.name ASC, o.id ASC`;
    case 'RELEVANCE':
      if (q) {
        return Prisma.sql`(ts_rank(o."searchVector", websearch_to_tsquery('simple', ${q})) + word_similarity(${q}, o.name)) ${dir}, o.name ASC, o.id ASC`;
      }
      return Prisma.sql`o.name ASC, o.id ASC`;
    case 'NAME':
    default:
      return Prisma.sql`o.name ${dir}, o.id ${dir}`;
  }
}

export interface SearchPage {
  ids: string[];
  /**
   * All matches of the filter, counted by the same statement (`count(*) OVER ()`, evaluated before LIMIT). Null
   * when the page is empty: no row carried the count, so an offset past the end cannot tell "none" from "fewer".
   */
  total: number | null;
}

/** The statement searchOrganizationIds runs (exported so a test can read its plan). */
export function searchStatement(
  v: VisibilityParams,
  filter: OrganizationFilter,
  order: OrganizationOrder,
  page: { offset: number; limit: number }
): Prisma.Sql {
  return Prisma.sql`
    SELECT o.id, (count(*) OVER ())::int AS total FROM "Organization" o
    WHERE ${filterSql(filter)}
    ORDER BY ${orderSql(filter, order, v)}
    LIMIT ${page.limit} OFFSET ${page.offset}`;
}

/**
 * One page of matching organisation ids, in order, and the total in the same statement: the filter is evaluated
 * once instead of once for the page and again for totalCount. The rows themselves come from the
 * organizationById loader.
 */
export async function searchOrganizationIds(
  db: PrismaClient,
  v: VisibilityParams,
  filter: OrganizationFilter,
  order: OrganizationOrder,
  page: { offset: number; limit: number }
): Promise<SearchPage> {
  const rows = await db.$queryRaw<{ id: string; total: number }[]>(searchStatement(v, filter, order, page));
  return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? (page.offset === 0 ? 0 : null) };
}

/** The total on its own, for the pages searchOrganizationIds could not count (empty past the end). */
export async function countOrganizations(db: PrismaClient, filter: OrganizationFilter): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Organization" o WHERE ${filterSql(filter)}`;
  return rows[0]?.count ?? 0;
}
