import { Prisma, type Country, type PrismaClient, type Theme } from '../db/generated/client';
import type { VisibilityParams } from '../access/viewer';
import { visiblePartnershipWhere } from '../access/visibility-prisma';
import { grantFilterSql } from '../grants/queries';

/**
 * A funder's page (issue #16 part 6): the grants it awarded that the viewer may see, grouped by theme, by the
 * country where the money is spent and by award year, and how many of its grantees partner with each other.
 * Amounts are summed per currency and never converted or added across currencies. Every figure comes from rows
 * the viewer may see: grants through the grants' visibility rule, partnerships through the access layer, so a
 * private grant or partnership never shows up in a total.
 */

export interface CurrencyAmount {
  currency: string;
  /** Decimal string, e.g. "25000.00". */
  amount: string;
  count: number;
}

export interface FundingGroup<K> {
  key: K;
  grantCount: number;
  totals: CurrencyAmount[];
}

export interface GranteePartnerShare {
  /** Distinct recipients of the visible grants (the funder itself left out). */
  granteeCount: number;
  /** Grantees with at least one confirmed, visible partnership with another grantee of this funder. */
  partneringGranteeCount: number;
  /** Distinct grantee pairs joined by such a partnership. */
  partneredPairCount: number;
  /** partneringGranteeCount / granteeCount; null with fewer than two grantees (nobody to partner with). */
  share: number | null;
}

export interface FundingSummary {
  grantCount: number;
  totals: CurrencyAmount[];
  byTheme: FundingGroup<Theme>[];
  byCountry: FundingGroup<Country>[];
  byYear: FundingGroup<number>[];
  granteePartnerShare: GranteePartnerShare;
}

interface GroupRow {
  key: string;
  currency: string;
  amount: string;
  count: number;
}

/** Rows (key, currency) → one group per key with its per-currency totals, in the rows' order of first appearance. */
function groupRows(rows: GroupRow[]): Map<string, { grantCount: number; totals: CurrencyAmount[] }> {
  const groups = new Map<string, { grantCount: number; totals: CurrencyAmount[] }>();
  for (const row of rows) {
    const group = groups.get(row.key) ?? { grantCount: 0, totals: [] };
    group.grantCount += row.count;
    group.totals.push({ currency: row.currency, amount: row.amount, count: row.count });
    groups.set(row.key, group);
  }
  return groups;
}

export async function fundingSummary(db: PrismaClient, v: VisibilityParams, funderId: string): Promise<FundingSummary> {
  const where = grantFilterSql({ funderIds: [funderId] }, v);
  const sums = Prisma.sql`g.currency::text AS currency, sum(g."amountAwarded")::text AS amount, count(*)::int AS count`;
  const [totals, themeRows, countryRows, yearRows, share] = await Promise.all([
    db.$queryRaw<CurrencyAmount[]>`
      SELECT ${sums} FROM "Grant" g WHERE ${where}
      GROUP BY g.currency ORDER BY sum(g."amountAwarded") DESC, g.currency`,
    // A grant with two themes counts under both: the groups overlap and do not add up to the total.
    db.$queryRaw<GroupRow[]>`
      SELECT gt."themeId" AS key, ${sums} FROM "Grant" g JOIN "GrantTheme" gt ON gt."grantId" = g.id
      WHERE ${where} GROUP BY gt."themeId", g.currency ORDER BY gt."themeId", count(*) DESC, g.currency`,
    db.$queryRaw<GroupRow[]>`
      SELECT gc."countryCode"::text AS key, ${sums} FROM "Grant" g JOIN "GrantCountry" gc ON gc."grantId" = g.id
      WHERE ${where} GROUP BY gc."countryCode", g.currency ORDER BY gc."countryCode", count(*) DESC, g.currency`,
    db.$queryRaw<GroupRow[]>`
      SELECT extract(year FROM g."awardDate")::int::text AS key, ${sums} FROM "Grant" g
      WHERE ${where} GROUP BY 1, g.currency ORDER BY 1, count(*) DESC, g.currency`,
    granteePartnerShare(db, v, funderId)
  ]);

  const themeGroups = groupRows(themeRows);
  const countryGroups = groupRows(countryRows);
  const [themes, countries] = await Promise.all([
    db.theme.findMany({ where: { id: { in: [...themeGroups.keys()] } } }),
    db.country.findMany({ where: { code: { in: [...countryGroups.keys()] } } })
  ]);
  const byGrantCount = <K>(a: FundingGroup<K>, b: FundingGroup<K>) => b.grantCount - a.grantCount;

  return {
    grantCount: totals.reduce((n, t) => n + t.count, 0),
    totals,
    byTheme: themes
      .map((theme) => ({ key: theme, ...themeGroups.get(theme.id)! }))
      .sort((a, b) => byGrantCount(a, b) || a.key.sortOrder - b.key.sortOrder || a.key.slug.localeCompare(b.key.slug)),
    byCountry: countries
      .map((country) => ({ key: country, ...countryGroups.get(country.code)! }))
      .sort((a, b) => byGrantCount(a, b) || a.key.code.localeCompare(b.key.code)),
    byYear: [...groupRows(yearRows)].map(([year, group]) => ({ key: Number(year), ...group })),
    granteePartnerShare: share
  };
}

/**
 * Grantees = distinct recipients of the funder's visible grants. A grantee "partners" when a CONFIRMED partnership
 * the viewer may see (visiblePartnershipWhere) joins it to another grantee; ended and proposed ties do not count.
 */
export async function granteePartnerShare(
  db: PrismaClient,
  v: VisibilityParams,
  funderId: string
): Promise<GranteePartnerShare> {
  const grantees = (
    await db.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT g."recipientId" AS id FROM "Grant" g
      WHERE ${grantFilterSql({ funderIds: [funderId] }, v)} AND g."recipientId" <> ${funderId}`
  ).map((r) => r.id);
  const ties =
    grantees.length < 2
      ? []
      : await db.partnership.findMany({
          where: {
            AND: [
              { status: 'CONFIRMED', orgAId: { in: grantees }, orgBId: { in: grantees } },
              visiblePartnershipWhere(v)
            ]
          },
          select: { orgAId: true, orgBId: true }
        });
  const partnering = new Set(ties.flatMap((t) => [t.orgAId, t.orgBId]));
  const pairs = new Set(ties.map((t) => [t.orgAId, t.orgBId].sort().join(' ')));
  return {
    granteeCount: grantees.length,
    partneringGranteeCount: partnering.size,
    partneredPairCount: pairs.size,
    share: grantees.length < 2 ? null : partnering.size / grantees.length
  };
}
