import type { VisibilityParams } from '../access/viewer';
import type { PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { visibleGrantWhere } from '../access/visibility-prisma';
import { exportKey, themeSlugs } from '../exports/keys';
import { pageArgs, pagesById } from '../exports/paging';
import { formatDate } from '../imports/cells';
import type { GivingGrant, GivingOrganization, GivingPackage } from './package-types';
import { ATLAS_THEME_VOCABULARY } from './theme-mapping';

/**
 * The Atlas's grants as a 360Giving JSON package, for a viewer: only the grants `v` may see (the same
 * visibleGrantWhere as the API and the CSV export). Organisations are named by their first identifier
 * (org-id.guide), else their external id, else `atlas:<id>` — what the 360Giving importer matches on, so the
 * package re-imports onto the same organisations. Themes go out as classifications in the Atlas's own
 * vocabulary (code = theme slug), which the importer maps back without a table entry. Grants are sorted by id
 * (360Giving identifier), so the same data gives the same file.
 */
export const DEFAULT_LICENCE = 'https://creativecommons.org/licenses/by/4.0/';

async function organizationsById(db: PrismaClient): Promise<Map<string, GivingOrganization>> {
  const rows = await db.organization.findMany({
    select: {
      id: true,
      externalId: true,
      name: true,
      hqCountryCode: true,
      identifiers: { select: { identifier: true }, orderBy: { scheme: 'asc' } }
    }
  });
  return new Map(
    rows.map((o) => [
      o.id,
      {
        id: o.identifiers[0]?.identifier ?? exportKey(o),
        name: o.name,
        ...(o.hqCountryCode ? { addressCountry: o.hqCountryCode } : {})
      }
    ])
  );
}

export async function exportGiving360(
  v: VisibilityParams,
  options: { db?: PrismaClient; licence?: string } = {}
): Promise<GivingPackage> {
  const db = options.db ?? getDb();
  const [orgs, slugs] = await Promise.all([organizationsById(db), themeSlugs(db)]);
  const grants: GivingGrant[] = [];
  for await (const page of pagesById((after) =>
    db.grant.findMany({
      ...pageArgs(after, visibleGrantWhere(v)),
      include: { themes: { select: { themeId: true } }, countries: { select: { countryCode: true } } }
    })
  )) {
    for (const g of page) {
      const planned = {
        ...(g.plannedStartDate ? { startDate: formatDate(g.plannedStartDate) } : {}),
        ...(g.plannedEndDate ? { endDate: formatDate(g.plannedEndDate) } : {})
      };
      grants.push({
        id: exportKey(g),
        title: g.title,
        ...(g.description ? { description: g.description } : {}),
        currency: g.currency,
        amountAwarded: Number(g.amountAwarded.toFixed(2)),
        awardDate: formatDate(g.awardDate),
        ...(Object.keys(planned).length > 0 ? { plannedDates: [planned] } : {}),
        recipientOrganization: [orgs.get(g.recipientId)!],
        fundingOrganization: [orgs.get(g.funderId)!],
        ...(g.grantProgramme ? { grantProgramme: [{ title: g.grantProgramme }] } : {}),
        ...(g.countries.length > 0
          ? { beneficiaryLocation: g.countries.map((c) => ({ countryCode: c.countryCode })).sort(byCountry) }
          : {}),
        ...(g.themes.length > 0
          ? {
              classifications: g.themes
                .map((t) => slugs.get(t.themeId)!)
                .sort()
                .map((slug) => ({ vocabulary: ATLAS_THEME_VOCABULARY, code: slug }))
            }
          : {}),
        ...(g.source ? { dataSource: g.source } : {}),
        dateModified: g.updatedAt.toISOString()
      });
    }
  }
  grants.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { license: options.licence ?? DEFAULT_LICENCE, grants };
}

function byCountry(a: { countryCode: string }, b: { countryCode: string }) {
  return a.countryCode.localeCompare(b.countryCode);
}
