import { Prisma, type PrismaClient } from '../db/generated/client';
import type { VisibilityParams } from '../access/viewer';
import { filterSql, normalizedQuery, type OrganizationFilter } from './search-filter';
import { visibleSql } from '../access/visibility-sql';
import { keysetAfterSql, keysetOrderSql, type KeyColumn, type KeyValue } from '../pagination/keyset';
import {
  fromJsonRow,
  withReferencesColumns,
  type JsonRow,
  type OrganizationWithReferences
} from './organizations-with-references';

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
  /**
   * The page's organisations in the requested order (reversed when paging backwards), each with its sort key as
   * text and its row, themes, countries and headquarters country.
   */
  rows: { key: string[]; row: OrganizationWithReferences }[];
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

/** The page's ids, sort keys (as text, `k0`…) and, on a first page, the total. */
function pageIdsSql(columns: KeyColumn[], filter: OrganizationFilter, page: SearchPageRequest): Prisma.Sql {
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
 * The page with its rows and references (exported so a test can read its plan): the ids, keys and total as a
 * CTE, each of its (at most `limit`) rows joined to its organisation and read with withReferencesColumns, ordered
 * again by the same key expressions (a join does not keep the CTE's order). One round trip for what the directory
 * shows (issue 13 item 1, decision 0056).
 */
export function searchPageStatement(
  v: VisibilityParams,
  filter: OrganizationFilter,
  order: OrganizationOrder,
  page: SearchPageRequest
): Prisma.Sql {
  const columns = orderColumns(filter, order, v);
  const keys = Prisma.join(
    columns.map((_, i) => Prisma.raw(`page.k${i}`)),
    ', '
  );
  return Prisma.sql`
    WITH page AS (${pageIdsSql(columns, filter, page)})
    SELECT ${keys}, page.total, ${withReferencesColumns}
    FROM page JOIN "Organization" o ON o.id = page.id
    ORDER BY ${keysetOrderSql(columns, page.backwards)}`;
}

/**
 * One page of matching organisations, in order, with their sort keys and references, and on a first page the
 * total — one statement: the filter is evaluated once for the page and totalCount, and the rows come with it.
 */
export async function searchOrganizations(
  db: PrismaClient,
  v: VisibilityParams,
  filter: OrganizationFilter,
  order: OrganizationOrder,
  page: SearchPageRequest
): Promise<SearchPage> {
  const arity = orderColumns(filter, order, v).length;
  const rows = await db.$queryRaw<(JsonRow & Record<string, unknown>)[]>(searchPageStatement(v, filter, order, page));
  return {
    rows: rows.map((r) => ({
      key: Array.from({ length: arity }, (_, i) => String(r[`k${i}`])),
      row: fromJsonRow(r)
    })),
    total: (rows[0]?.total as number | null | undefined) ?? (page.key === null ? 0 : null)
  };
}

/** The total on its own, for the pages searchOrganizations could not count (empty past the end). */
export async function countOrganizations(db: PrismaClient, filter: OrganizationFilter): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Organization" o WHERE ${filterSql(filter)}`;
  return rows[0]?.count ?? 0;
}
