import { getDb } from '../platform/db';
import type { AlertFrequency } from '../db/generated/client';
import { viewerOf, viewerUserInclude } from '../auth/users';
import { mailAfterCommit, recordNotices } from '../notifications/record';
import { matchingGrantIds, matchingOrganizationIds, matchingPartnershipIds } from './matches';
import { scopeOf } from './search-scope';

/** An alert names at most this many new organisations, partnerships and grants each (the link shows the rest). */
export const ALERT_ITEM_LIMIT = 20;

export interface AlertRun {
  /** Saved searches looked at. */
  searches: number;
  /** Notifications created (one per saved search with something new). */
  alerts: number;
}

/**
 * The daily or weekly alert (decisions 0040, 0043): for each saved search with that frequency, what is new since
 * the window its last alert covered — organisations created, partnerships confirmed and grants recorded, as far as
 * the search's kind announces them — judged as the search's owner may see it now, at send time. Something new →
 * one SAVED_SEARCH_ALERT notification (inbox, and mail per the owner's preference); nothing new → nothing, and the
 * window still moves on. The pg-boss cron jobs call this; tests call it directly.
 */
export async function runSavedSearchAlerts(
  frequency: Exclude<AlertFrequency, 'NONE'>,
  now = new Date()
): Promise<AlertRun> {
  const db = getDb();
  const searches = await db.savedSearch.findMany({
    where: { alert: frequency, alertedUntil: { lt: now }, user: { disabledAt: null } },
    include: { user: { include: viewerUserInclude } },
    orderBy: { id: 'asc' }
  });
  let alerts = 0;
  for (const search of searches) {
    const viewer = viewerOf(search.user);
    const scope = scopeOf(search);
    const filter = scope.organizations;
    const window = { since: search.alertedUntil, until: now };
    const [organizationIds, partnershipIds, grantIds] = await Promise.all([
      matchingOrganizationIds(filter, window, ALERT_ITEM_LIMIT),
      scope.partnerships ? matchingPartnershipIds(viewer, filter, window, ALERT_ITEM_LIMIT) : [],
      scope.grants ? matchingGrantIds(viewer, filter, scope.grants, window, ALERT_ITEM_LIMIT) : []
    ]);
    const noticeIds = await db.$transaction(async (tx) => {
      // Guarded by the window it read: a run racing this one (two instances, a retried job) alerts only once.
      const moved = await tx.savedSearch.updateMany({
        where: { id: search.id, alertedUntil: search.alertedUntil },
        data: { alertedUntil: now }
      });
      const nothingNew = organizationIds.length + partnershipIds.length + grantIds.length === 0;
      if (moved.count === 0 || nothingNew) return [];
      return recordNotices(tx, [
        {
          kind: 'SAVED_SEARCH_ALERT',
          userIds: [search.userId],
          savedSearchId: search.id,
          alertOrganizationIds: organizationIds,
          alertPartnershipIds: partnershipIds,
          alertGrantIds: grantIds
        }
      ]);
    });
    alerts += noticeIds.length;
    mailAfterCommit(noticeIds);
  }
  return { searches: searches.length, alerts };
}
