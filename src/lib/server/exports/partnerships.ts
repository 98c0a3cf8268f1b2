import { visiblePartnershipWhere } from '../access/visibility-prisma';
import { formatDate } from '../imports/cells';
import { joinList } from './csv-writer';
import { exportKey, organizationKeys, sortedSlugs, themeSlugs } from './keys';
import type { ExportContext, ExportRow } from './kind';
import { pageArgs, pagesById } from './paging';

/**
 * Partnerships the viewer may see: the API's rule (visiblePartnershipWhere) in the WHERE — PRIVATE and MEMBERS
 * ones only for viewers allowed to see them, proposals and declined ones only for their two sides and admins.
 */
export async function partnershipRows({ db, v }: ExportContext): Promise<ExportRow[]> {
  const [orgs, slugs] = await Promise.all([organizationKeys(db), themeSlugs(db)]);
  const rows: ExportRow[] = [];
  for await (const page of pagesById((after) =>
    db.partnership.findMany({
      ...pageArgs(after, visiblePartnershipWhere(v)),
      include: { themes: { select: { themeId: true } } }
    })
  )) {
    for (const p of page) {
      const key = exportKey(p);
      rows.push({
        key,
        cells: {
          external_id: key,
          org_a: orgs.get(p.orgAId)!.key,
          org_b: orgs.get(p.orgBId)!.key,
          kind: p.kind,
          status: p.status,
          visibility: p.visibility,
          start_date: formatDate(p.startDate),
          end_date: formatDate(p.endDate),
          title: p.title,
          description: p.description,
          themes: joinList(sortedSlugs(p.themes, slugs)),
          source: p.source
        }
      });
    }
  }
  return rows;
}
