import { visibleGrantWhere } from '../access/visibility-prisma';
import { formatDate } from '../imports/cells';
import { joinList } from './csv-writer';
import { exportKey, organizationKeys, sortedSlugs, themeSlugs } from './keys';
import type { ExportContext, ExportRow } from './kind';
import { pageArgs, pagesById } from './paging';

/** Grants the viewer may see (visibleGrantWhere in the WHERE), in 360Giving's column titles. */
export async function grantRows({ db, v }: ExportContext): Promise<ExportRow[]> {
  const [orgs, slugs] = await Promise.all([organizationKeys(db), themeSlugs(db)]);
  const rows: ExportRow[] = [];
  for await (const page of pagesById((after) =>
    db.grant.findMany({
      ...pageArgs(after, visibleGrantWhere(v)),
      include: { themes: { select: { themeId: true } }, countries: { select: { countryCode: true } } }
    })
  )) {
    for (const g of page) {
      const key = exportKey(g);
      const funder = orgs.get(g.funderId)!;
      const recipient = orgs.get(g.recipientId)!;
      rows.push({
        key,
        cells: {
          Identifier: key,
          Title: g.title,
          Description: g.description,
          Currency: g.currency,
          'Amount Awarded': g.amountAwarded.toFixed(2),
          'Award Date': formatDate(g.awardDate),
          'Planned Dates:Start Date': formatDate(g.plannedStartDate),
          'Planned Dates:End Date': formatDate(g.plannedEndDate),
          'Recipient Org:Identifier': recipient.key,
          'Recipient Org:Name': recipient.name,
          'Funding Org:Identifier': funder.key,
          'Funding Org:Name': funder.name,
          'Grant Programme:Title': g.grantProgramme,
          'Beneficiary Location:Country Code': joinList(g.countries.map((c) => c.countryCode).sort()),
          Themes: joinList(sortedSlugs(g.themes, slugs)),
          Visibility: g.visibility,
          'Data Source': g.source
        }
      });
    }
  }
  return rows;
}
