import { exportKey, organizationKeys } from './keys';
import type { ExportContext, ExportRow } from './kind';

/** Every network (a public directory entry, archived ones included), its secretariat by organisation key. */
export async function networkRows({ db }: ExportContext): Promise<ExportRow[]> {
  const orgs = await organizationKeys(db);
  const networks = await db.network.findMany({ orderBy: { id: 'asc' } });
  return networks.map((n) => {
    const key = exportKey(n);
    return {
      key,
      cells: {
        external_id: key,
        slug: n.slug,
        name: n.name,
        description: n.description,
        website: n.website,
        secretariat: n.organizationId ? orgs.get(n.organizationId)?.key : null,
        archived_at: n.archivedAt?.toISOString()
      }
    };
  });
}
