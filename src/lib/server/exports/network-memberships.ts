import { visibleMembershipWhere } from '../access/visibility-prisma';
import { formatDate } from '../imports/cells';
import { networkKeys, organizationKeys } from './keys';
import type { ExportContext, ExportRow } from './kind';
import { pageArgs, pagesById } from './paging';

/** Memberships the viewer may see (visibility in the WHERE), keyed by (network, organisation). */
export async function networkMembershipRows({ db, v }: ExportContext): Promise<ExportRow[]> {
  const [orgs, networks] = await Promise.all([organizationKeys(db), networkKeys(db)]);
  const rows: ExportRow[] = [];
  for await (const page of pagesById((after) =>
    db.networkMembership.findMany(pageArgs(after, visibleMembershipWhere(v)))
  )) {
    for (const m of page) {
      const network = networks.get(m.networkId)!;
      const organization = orgs.get(m.organizationId)!.key;
      rows.push({
        key: `${network}\u0000${organization}`,
        cells: {
          network,
          organization,
          role: m.role,
          since: formatDate(m.since),
          until: formatDate(m.until),
          visibility: m.visibility
        }
      });
    }
  }
  return rows;
}
