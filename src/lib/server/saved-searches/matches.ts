import { Prisma } from '../db/generated/client';
import { getDb } from '../platform/db';
import { visibilityOf, type Viewer } from '../access/viewer';
import { visibleSql } from '../access/visibility-sql';
import { filterSql, type OrganizationFilter } from '../directory/search-filter';
import type { GrantScope } from './search-scope';

/**
 * What a saved directory filter matches, as one viewer may see it: organisations (public profiles, archived ones
 * left out by the filter itself) and confirmed partnerships with a matching organisation on either side, through
 * the one visibility rule in the statement's WHERE. Alerts ask for a time window, feeds for the newest.
 */
export interface MatchWindow {
  /** Exclusive. */
  since?: Date;
  /** Inclusive. */
  until?: Date;
}

const ORG_TIME = Prisma.sql`o."createdAt"`;
// A partnership is "new" when it was confirmed (imports write confirmed rows without confirmedAt: their creation).
const PARTNERSHIP_TIME = Prisma.sql`COALESCE(p."confirmedAt", p."createdAt")`;

function windowSql(time: Prisma.Sql, w: MatchWindow): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (w.since) parts.push(Prisma.sql`${time} > ${w.since}`);
  if (w.until) parts.push(Prisma.sql`${time} <= ${w.until}`);
  return parts.length > 0 ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}

export async function matchingOrganizationIds(
  filter: OrganizationFilter,
  w: MatchWindow,
  limit: number
): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT o.id FROM "Organization" o
    WHERE ${filterSql(filter)} AND ${windowSql(ORG_TIME, w)}
    ORDER BY ${ORG_TIME} DESC, o.id DESC LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

export async function matchingPartnershipIds(
  viewer: Viewer,
  filter: OrganizationFilter,
  w: MatchWindow,
  limit: number
): Promise<string[]> {
  const v = visibilityOf(viewer);
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Partnership" p
    WHERE p.status = 'CONFIRMED' AND ${visibleSql(v, 'p', 'orgAId', 'orgBId')} AND ${windowSql(PARTNERSHIP_TIME, w)}
      AND (p."orgAId" IN (SELECT o.id FROM "Organization" o WHERE ${filterSql(filter)})
        OR p."orgBId" IN (SELECT o.id FROM "Organization" o WHERE ${filterSql(filter)}))
    ORDER BY ${PARTNERSHIP_TIME} DESC, p.id DESC LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

const GRANT_TIME = Prisma.sql`g."createdAt"`;

/**
 * Grants awarded to matching organisations (decision 0043), narrowed by funder and award year when the search
 * names them, through the grant visibility rule (funder and recipient are its sides) as `viewer` may see them.
 * A grant is "new" when it was recorded: an award date in the past still announces a newly imported grant.
 */
export async function matchingGrantIds(
  viewer: Viewer,
  filter: OrganizationFilter,
  scope: GrantScope,
  w: MatchWindow,
  limit: number
): Promise<string[]> {
  const v = visibilityOf(viewer);
  const parts: Prisma.Sql[] = [
    visibleSql(v, 'g', 'funderId', 'recipientId'),
    windowSql(GRANT_TIME, w),
    Prisma.sql`g."recipientId" IN (SELECT o.id FROM "Organization" o WHERE ${filterSql(filter)})`
  ];
  if (scope.funderSlug) {
    parts.push(Prisma.sql`g."funderId" IN (SELECT f.id FROM "Organization" f WHERE f.slug = ${scope.funderSlug})`);
  }
  if (scope.fromYear !== null) parts.push(Prisma.sql`EXTRACT(YEAR FROM g."awardDate") >= ${scope.fromYear}`);
  if (scope.toYear !== null) parts.push(Prisma.sql`EXTRACT(YEAR FROM g."awardDate") <= ${scope.toYear}`);
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT g.id FROM "Grant" g WHERE ${Prisma.join(parts, ' AND ')}
    ORDER BY ${GRANT_TIME} DESC, g.id DESC LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
