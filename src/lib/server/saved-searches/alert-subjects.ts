import { getDb } from '../platform/db';
import type { Notification } from '../db/generated/client';
import { visibilityOf, type Viewer } from '../access/viewer';
import { visiblePartnershipWhere } from '../access/visibility-prisma';

/** A saved-search alert as its reader may see it now. */
export interface AlertSubject {
  savedSearch: { id: string; name: string; params: string };
  organizations: { name: string; slug: string }[];
  partnerships: { id: string; orgA: { name: string; slug: string }; orgB: { name: string; slug: string } }[];
}

const org = { select: { name: true, slug: true } } as const;

/**
 * The saved searches, organisations and partnerships behind SAVED_SEARCH_ALERT notifications, in three queries for
 * any number of them. Partnerships go through the one visibility rule as `viewer` may see them at this moment (an
 * alert stores ids only), so an alert never shows a partnership narrowed since it was sent; archived organisations
 * are left out.
 */
export async function alertSubjects(viewer: Viewer, notifications: Notification[]): Promise<Map<string, AlertSubject>> {
  const alerts = notifications.filter((n) => n.savedSearchId);
  if (alerts.length === 0) return new Map();
  const db = getDb();
  const orgIds = [...new Set(alerts.flatMap((n) => n.alertOrganizationIds))];
  const partnershipIds = [...new Set(alerts.flatMap((n) => n.alertPartnershipIds))];
  const [searches, organizations, partnerships] = await Promise.all([
    db.savedSearch.findMany({
      where: { id: { in: alerts.map((n) => n.savedSearchId!) } },
      select: { id: true, name: true, params: true }
    }),
    orgIds.length === 0
      ? []
      : db.organization.findMany({
          where: { id: { in: orgIds }, archivedAt: null },
          select: { id: true, ...org.select }
        }),
    partnershipIds.length === 0
      ? []
      : db.partnership.findMany({
          where: { AND: [{ id: { in: partnershipIds } }, visiblePartnershipWhere(visibilityOf(viewer))] },
          select: { id: true, orgA: org, orgB: org }
        })
  ]);
  const searchById = new Map(searches.map((s) => [s.id, s]));
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const partnershipById = new Map(partnerships.map((p) => [p.id, p]));
  const out = new Map<string, AlertSubject>();
  for (const n of alerts) {
    const savedSearch = searchById.get(n.savedSearchId!);
    if (!savedSearch) continue;
    out.set(n.id, {
      savedSearch,
      organizations: n.alertOrganizationIds.flatMap((id) => {
        const o = orgById.get(id);
        return o ? [{ name: o.name, slug: o.slug }] : [];
      }),
      partnerships: n.alertPartnershipIds.flatMap((id) => {
        const p = partnershipById.get(id);
        return p ? [p] : [];
      })
    });
  }
  return out;
}
