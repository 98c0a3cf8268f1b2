import {
  Prisma,
  type Country,
  type Grant,
  type Organization,
  type PrismaClient,
  type Theme
} from '../db/generated/client';
import type { VisibilityParams } from '../access/viewer';
import { themeSubtreeSql } from '../directory/search-filter';
import { visibleGrantWhere } from '../access/visibility-prisma';
import { visibleSql } from '../access/visibility-sql';
import { keysetAfterSql, keysetOrderSql, type KeyColumn, type KeyValue } from '../pagination/keyset';

/** Batched, visibility-filtered grant reads for the GraphQL loaders and the grants query. */

export async function grantsByIds(db: PrismaClient, ids: readonly string[], v: VisibilityParams) {
  return db.grant.findMany({ where: { AND: [{ id: { in: [...ids] } }, visibleGrantWhere(v)] } });
}

export type GrantWithParties = Grant & { funder: Organization; recipient: Organization };

/**
 * Grants given (side = funderId) or received (side = recipientId) per organisation, newest award first, with both
 * parties' rows for the caller's organisation loader (see partnershipsByOrganizations).
 */
export async function grantsByOrganizations(
  db: PrismaClient,
  side: 'funderId' | 'recipientId',
  ids: readonly string[],
  v: VisibilityParams
): Promise<Map<string, GrantWithParties[]>> {
  const rows = await db.grant.findMany({
    where: { AND: [{ [side]: { in: [...ids] } }, visibleGrantWhere(v)] },
    include: { funder: true, recipient: true },
    orderBy: [{ awardDate: 'desc' }, { id: 'asc' }]
  });
  const grouped = new Map<string, GrantWithParties[]>(ids.map((id) => [id, []]));
  for (const row of rows) grouped.get(row[side])?.push(row);
  return grouped;
}

export async function themesByGrants(db: PrismaClient, ids: readonly string[]): Promise<Map<string, Theme[]>> {
  const rows = await db.grantTheme.findMany({
    where: { grantId: { in: [...ids] } },
    include: { theme: true },
    orderBy: { theme: { sortOrder: 'asc' } }
  });
  const grouped = new Map<string, Theme[]>(ids.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.grantId)?.push(row.theme);
  return grouped;
}

export async function countriesByGrants(db: PrismaClient, ids: readonly string[]): Promise<Map<string, Country[]>> {
  const rows = await db.grantCountry.findMany({
    where: { grantId: { in: [...ids] } },
    include: { country: true },
    orderBy: { countryCode: 'asc' }
  });
  const grouped = new Map<string, Country[]>(ids.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.grantId)?.push(row.country);
  return grouped;
}

export interface GrantFilter {
  /** Theme slugs (sub-themes included). */
  themes?: string[] | null;
  /** Where the money is spent (ISO alpha-2). */
  countries?: string[] | null;
  funderIds?: string[] | null;
  recipientIds?: string[] | null;
  yearFrom?: number | null;
  yearTo?: number | null;
}

export function grantFilterSql(filter: GrantFilter, v: VisibilityParams): Prisma.Sql {
  const parts: Prisma.Sql[] = [visibleSql(v, 'g', 'funderId', 'recipientId')];
  if (filter.themes?.length) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "GrantTheme" gt WHERE gt."grantId" = g.id AND gt."themeId" IN ${themeSubtreeSql(filter.themes)})`
    );
  }
  if (filter.countries?.length) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "GrantCountry" gc WHERE gc."grantId" = g.id AND gc."countryCode" = ANY(${filter.countries}::text[]))`
    );
  }
  if (filter.funderIds?.length) parts.push(Prisma.sql`g."funderId" = ANY(${filter.funderIds}::text[])`);
  if (filter.recipientIds?.length) parts.push(Prisma.sql`g."recipientId" = ANY(${filter.recipientIds}::text[])`);
  if (filter.yearFrom != null) parts.push(Prisma.sql`g."awardDate" >= make_date(${filter.yearFrom}::int, 1, 1)`);
  if (filter.yearTo != null) parts.push(Prisma.sql`g."awardDate" < make_date(${filter.yearTo}::int + 1, 1, 1)`);
  return Prisma.join(parts, ' AND ');
}

/** Newest award first; the id makes the order total, so keyset pages never skip or repeat a grant. */
const GRANT_ORDER: KeyColumn[] = [
  { sql: Prisma.sql`g."awardDate"`, direction: 'DESC', type: 'date' },
  { sql: Prisma.sql`g.id`, direction: 'ASC', type: 'text' }
];

/** A grant's position in GRANT_ORDER, as its cursor carries it. */
export function grantSortKey(grant: Pick<Grant, 'awardDate' | 'id'>): [string, string] {
  return [grant.awardDate.toISOString().slice(0, 10), grant.id];
}

/** A page of grant ids in GRANT_ORDER after (or, backwards, before) a sort key. */
export async function searchGrantIds(
  db: PrismaClient,
  v: VisibilityParams,
  filter: GrantFilter,
  page: { key: KeyValue[] | null; backwards: boolean; limit: number }
): Promise<string[]> {
  const seek = page.key ? Prisma.sql`AND ${keysetAfterSql(GRANT_ORDER, page.key, page.backwards)}` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT g.id FROM "Grant" g WHERE ${grantFilterSql(filter, v)} ${seek}
    ORDER BY ${keysetOrderSql(GRANT_ORDER, page.backwards)} LIMIT ${page.limit}`;
  return rows.map((r) => r.id);
}

/** Count and sums per currency in one statement (amounts are never added across currencies). */
export async function grantTotals(
  db: PrismaClient,
  v: VisibilityParams,
  filter: GrantFilter
): Promise<{ count: number; totals: { currency: string; amount: string; count: number }[] }> {
  const rows = await db.$queryRaw<{ currency: string; amount: string; count: number }[]>`
    SELECT g.currency::text AS currency, sum(g."amountAwarded")::text AS amount, count(*)::int AS count
    FROM "Grant" g WHERE ${grantFilterSql(filter, v)}
    GROUP BY g.currency ORDER BY sum(g."amountAwarded") DESC`;
  return { count: rows.reduce((n, r) => n + r.count, 0), totals: rows };
}
