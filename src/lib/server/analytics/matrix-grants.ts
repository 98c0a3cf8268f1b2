/**
 * Grant money per theme × country cell, from PostgreSQL (the graph's FUNDED edges carry no per-country split).
 *
 * A grant counts in every cell (theme or one of its ancestors) × (country where the money is spent) it names, with
 * its full amount: 360Giving records do not split an award between themes or countries, so cells do not add up
 * to a total. Only EUR amounts are summed (`eur`); grants in other currencies are counted (`otherCurrencyGrants`)
 * but not converted — no exchange-rate source is part of the system. Visibility is the grant's own rule (PUBLIC,
 * MEMBERS for signed-in users, everything for admins), in the WHERE clause.
 */
import { Prisma } from '../db/generated/client';
import { getDb } from '../platform/db';
import { visibleSql } from '../access/visibility-sql';
import type { VisibilityParams } from '../access/viewer';

export interface GrantCell {
  themeId: string;
  countryCode: string;
  grants: number;
  eur: number;
  otherCurrencyGrants: number;
}

export async function grantsPerCell(
  visibility: VisibilityParams,
  fromYear: number,
  toYear: number
): Promise<GrantCell[]> {
  const from = new Date(Date.UTC(fromYear, 0, 1));
  const until = new Date(Date.UTC(toYear + 1, 0, 1));
  const rows = await getDb().$queryRaw<
    { themeId: string; countryCode: string; grants: bigint; eur: string | null; otherCurrencyGrants: bigint }[]
  >(Prisma.sql`
    WITH RECURSIVE ancestry("themeId", "ancestorId") AS (
      SELECT id, id FROM "Theme"
      UNION ALL
      SELECT a."themeId", t."parentId" FROM ancestry a JOIN "Theme" t ON t.id = a."ancestorId" WHERE t."parentId" IS NOT NULL
    ),
    cells AS (
      SELECT DISTINCT g.id, a."ancestorId" AS "themeId", gc."countryCode"::text AS "countryCode", g.currency, g."amountAwarded"
      FROM "Grant" g
      JOIN "GrantTheme" gt ON gt."grantId" = g.id
      JOIN ancestry a ON a."themeId" = gt."themeId"
      JOIN "GrantCountry" gc ON gc."grantId" = g.id
      WHERE g."awardDate" >= ${from} AND g."awardDate" < ${until} AND ${visibleSql(visibility, 'g', 'funderId', 'recipientId')}
    )
    SELECT "themeId", "countryCode", count(*) AS grants,
           sum("amountAwarded") FILTER (WHERE currency = 'EUR')::text AS eur,
           count(*) FILTER (WHERE currency <> 'EUR') AS "otherCurrencyGrants"
    FROM cells
    GROUP BY "themeId", "countryCode"`);
  return rows.map((r) => ({
    themeId: r.themeId,
    countryCode: r.countryCode,
    grants: Number(r.grants),
    eur: r.eur === null ? 0 : Number(r.eur),
    otherCurrencyGrants: Number(r.otherCurrencyGrants)
  }));
}
