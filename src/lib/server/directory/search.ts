import { Prisma, type PrismaClient } from '../db/generated/client';
import type { VisibilityParams } from '../access/viewer';
import { filterSql, normalizedQuery, type OrganizationFilter } from './search-filter';
import { visibleSql } from '../access/visibility-sql';
import { keysetAfterSql, keysetOrderSql, type KeyColumn, type KeyValue } from '../pagination/keyset';

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

const byName: KeyColumn[] = [
  { sql: Prisma.sql`o.name`, direction: 'ASC', type: 'text' },
  { sql: Prisma.sql`o.id`, direction: 'ASC', type: 'text' }
];

/**
 * The sort key of each order, most significant first; the id last makes every order total, which keyset paging
 * needs (rows with equal keys are otherwise skipped or repeated between pages).
 */
export function orderColumns(filter: OrganizationFilter, order: OrganizationOrder, v: VisibilityParams): KeyColumn[] {
  const direction = order.direction === 'DESC' ? 'DESC' : 'ASC';
  const q = normalizedQuery(filter);
  switch (order.field) {
    case 'CREATED_AT':
      return [
        { sql: Prisma.sql`o."createdAt"`, direction, type: 'timestamp(3)' },
        { sql: Prisma.sql`o.id`, direction, type: 'text' }
      ];
    case 'PARTNER_COUNT':
      return [{ sql: partnerCountSql(v), direction, type: 'int' }, ...byName];
    case 'RELEVANCE':
      if (q) {
        const score = Prisma.sql`(ts_rank(o."searchVector", websearch_to_tsquery('simple', ${q})) + word_similarity(${q}, o.name))`;
        // real: the cursor carries the score's text form, which PostgreSQL prints exactly (shortest round trip).
        return [{ sql: score, direction, type: 'real' }, ...byName];
      }
      return byName;
    case 'NAME':
    default:
      return [
        { sql: Prisma.sql`o.name`, direction, type: 'text' },
        { sql: Prisma.sql`o.id`, direction, type: 'text' }
      ];
  }
}

export interface SearchPage {
  /** Ids in the requested order (reversed when paging backwards), each with its sort key as text. */
  rows: { id: string; key: string[] }[];
  /**
   * All matches of the filter, counted by the same statement (`count(*) OVER ()`, evaluated before LIMIT) on a
   * first page. Null when it could not be counted there: a page after a cursor (its WHERE leaves out the rows
   * before it) or an empty page.
   */
  total: number | null;
}

export interface SearchPageRequest {
  /** The sort key to start after (before, when `backwards`); null for the first (last) page. */
  key: KeyValue[] | null;
  backwards: boolean;
  limit: number;
}

/** The statement searchOrganizationIds runs (exported so a test can read its plan). */
export function searchStatement(
  v: VisibilityParams,
  filter: OrganizationFilter,
  order: OrganizationOrder,
  page: SearchPageRequest
): Prisma.Sql {
  const columns = orderColumns(filter, order, v);
  const keys = Prisma.join(
    columns.map((c, i) => Prisma.sql`(${c.sql})::text AS ${Prisma.raw(`k${i}`)}`),
    ', '
  );
  const seek = page.key ? Prisma.sql`AND ${keysetAfterSql(columns, page.key, page.backwards)}` : Prisma.empty;
  const total = page.key ? Prisma.sql`NULL::int` : Prisma.sql`(count(*) OVER ())::int`;
  return Prisma.sql`
    SELECT o.id, ${keys}, ${total} AS total FROM "Organization" o
    WHERE ${filterSql(filter)} ${seek}
    ORDER BY ${keysetOrderSql(columns, page.backwards)}
    LIMIT ${page.limit}`;
}

/**
 * One page of matching organisation ids, in order, with their sort keys, and on a first page the total in the
 * same statement: the filter is evaluated once instead of once for the page and again for totalCount. The rows
 * themselves come from the organizationById loader.
 */
export async function searchOrganizationIds(
  db: PrismaClient,
  v: VisibilityParams,
  filter: OrganizationFilter,
  order: OrganizationOrder,
  page: SearchPageRequest
): Promise<SearchPage> {
  const arity = orderColumns(filter, order, v).length;
  const rows = await db.$queryRaw<Record<string, string | number | null>[]>(searchStatement(v, filter, order, page));
  return {
    rows: rows.map((r) => ({
      id: String(r.id),
      key: Array.from({ length: arity }, (_, i) => String(r[`k${i}`]))
    })),
    total: (rows[0]?.total as number | null | undefined) ?? (page.key === null ? 0 : null)
  };
}

/** The total on its own, for the pages searchOrganizationIds could not count (empty past the end). */
export async function countOrganizations(db: PrismaClient, filter: OrganizationFilter): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Organization" o WHERE ${filterSql(filter)}`;
  return rows[0]?.count ?? 0;
}
