import { getDb } from '../platform/db';
import type { AlertFrequency } from '../db/generated/client';
import { viewerOf, viewerUserInclude } from '../auth/users';
import { mailAfterCommit, recordNotices } from '../notifications/record';
import { directoryFilterOf } from './directory-filter';
import { matchingOrganizationIds, matchingPartnershipIds } from './matches';

/** An alert names at most this many new organisations and partnerships each (the link shows the rest). */
export const ALERT_ITEM_LIMIT = 20;

export interface AlertRun {
  /** Saved searches looked at. */
  searches: number;
  /** Notifications created (one per saved search with something new). */
  alerts: number;
}

/**
 * The daily or weekly alert (decision 0040): for each saved directory search with that frequency, what is new since
 * the window its last alert covered — organisations created and partnerships confirmed — judged as the search's
 * owner may see it now, at send time. Something new → one SAVED_SEARCH_ALERT notification (inbox, and mail per the
 * owner's preference); nothing new → nothing, and the window still moves on. The pg-boss cron jobs call this;
 * tests call it directly.
 */
export async function runSavedSearchAlerts(
  frequency: Exclude<AlertFrequency, 'NONE'>,
  now = new Date()
): Promise<AlertRun> {
  const db = getDb();
  const searches = await db.savedSearch.findMany({
    where: { alert: frequency, kind: 'DIRECTORY', alertedUntil: { lt: now }, user: { disabledAt: null } },
    include: { user: { include: viewerUserInclude } },
    orderBy: { id: 'asc' }
  });
  let alerts = 0;
  for (const search of searches) {
    const viewer = viewerOf(search.user);
    const filter = directoryFilterOf(search.params);
    const window = { since: search.alertedUntil, until: now };
    const [organizationIds, partnershipIds] = await Promise.all([
      matchingOrganizationIds(filter, window, ALERT_ITEM_LIMIT),
      matchingPartnershipIds(viewer, filter, window, ALERT_ITEM_LIMIT)
    ]);
    const noticeIds = await db.$transaction(async (tx) => {
      // Guarded by the window it read: a run racing this one (two instances, a retried job) alerts only once.
      const moved = await tx.savedSearch.updateMany({
        where: { id: search.id, alertedUntil: search.alertedUntil },
        data: { alertedUntil: now }
      });
      if (moved.count === 0 || (organizationIds.length === 0 && partnershipIds.length === 0)) return [];
      return recordNotices(tx, [
        {
          kind: 'SAVED_SEARCH_ALERT',
          userIds: [search.userId],
          savedSearchId: search.id,
          alertOrganizationIds: organizationIds,
          alertPartnershipIds: partnershipIds
        }
      ]);
    });
    alerts += noticeIds.length;
    mailAfterCommit(noticeIds);
  }
  return { searches: searches.length, alerts };
}
