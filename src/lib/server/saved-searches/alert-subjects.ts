import { getDb } from '../platform/db';
import type { Notification, SavedSearchKind } from '../db/generated/client';
import { visibilityOf, type Viewer } from '../access/viewer';
import { visibleGrantWhere, visiblePartnershipWhere } from '../access/visibility-prisma';

/** A saved-search alert as its reader may see it now. */
export interface AlertSubject {
  savedSearch: { id: string; name: string; kind: SavedSearchKind; params: string };
  organizations: { name: string; slug: string }[];
  partnerships: { id: string; orgA: { name: string; slug: string }; orgB: { name: string; slug: string } }[];
  grants: AlertGrant[];
}

export interface AlertGrant {
  id: string;
  title: string;
  amountAwarded: { toFixed(digits: number): string };
  currency: string;
  funder: { name: string; slug: string };
  recipient: { name: string; slug: string };
}

const org = { select: { name: true, slug: true } } as const;

/**
 * The saved searches, organisations, partnerships and grants behind SAVED_SEARCH_ALERT notifications, in four
 * queries for any number of them. Partnerships and grants go through the one visibility rule as `viewer` may see
 * them at this moment (an alert stores ids only), so an alert never shows one narrowed since it was sent; archived
 * organisations are left out.
 */
export async function alertSubjects(viewer: Viewer, notifications: Notification[]): Promise<Map<string, AlertSubject>> {
  const alerts = notifications.filter((n) => n.savedSearchId);
  if (alerts.length === 0) return new Map();
  const db = getDb();
  const orgIds = [...new Set(alerts.flatMap((n) => n.alertOrganizationIds))];
  const partnershipIds = [...new Set(alerts.flatMap((n) => n.alertPartnershipIds))];
  const grantIds = [...new Set(alerts.flatMap((n) => n.alertGrantIds))];
  const v = visibilityOf(viewer);
  const [searches, organizations, partnerships, grants] = await Promise.all([
    db.savedSearch.findMany({
      where: { id: { in: alerts.map((n) => n.savedSearchId!) } },
      select: { id: true, name: true, kind: true, params: true }
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
          where: { AND: [{ id: { in: partnershipIds } }, visiblePartnershipWhere(v)] },
          select: { id: true, orgA: org, orgB: org }
        }),
    grantIds.length === 0
      ? []
      : db.grant.findMany({
          where: { AND: [{ id: { in: grantIds } }, visibleGrantWhere(v)] },
          select: { id: true, title: true, amountAwarded: true, currency: true, funder: org, recipient: org }
        })
  ]);
  const searchById = new Map(searches.map((s) => [s.id, s]));
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const partnershipById = new Map(partnerships.map((p) => [p.id, p]));
  const grantById = new Map(grants.map((g) => [g.id, g]));
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
      }),
      grants: n.alertGrantIds.flatMap((id) => {
        const g = grantById.get(id);
        return g ? [g] : [];
      })
    });
  }
  return out;
}
