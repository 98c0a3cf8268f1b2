import { getDb } from '../platform/db';
import type { Notification, Partnership } from '../db/generated/client';
import { visibilityOf, type Viewer } from '../access/viewer';
import { visiblePartnershipWhere } from '../access/visibility-prisma';
import { introductionView, introductionViewInclude, type IntroductionView } from '../introductions/views';
import { alertSubjects, type AlertSubject } from '../saved-searches/alert-subjects';

/** What a notification is about, as the recipient may see it now. */
export interface NoticeSubject {
  notification: Notification;
  partnership?: Partnership & { orgA: { name: string; slug: string }; orgB: { name: string; slug: string } };
  organization?: { name: string; slug: string };
  /** As this recipient may see it (introductions/views.ts): the asker never learns of a decline beyond "not now". */
  introduction?: IntroductionView;
  /** SAVED_SEARCH_ALERT: what was new, as far as the viewer may see it now (possibly nothing any more). */
  alert?: AlertSubject;
}

/**
 * The partnership (through the one visibility rule, as `viewer` may see it at this moment) or organisation behind
 * each notification, in two queries for any number of them. A notification whose partnership the viewer may no
 * longer see is dropped: the inbox, the mail and the digest all read through here, so none can carry it.
 */
export async function noticeSubjects(viewer: Viewer, notifications: Notification[]): Promise<NoticeSubject[]> {
  const db = getDb();
  const partnershipIds = [...new Set(notifications.flatMap((n) => (n.partnershipId ? [n.partnershipId] : [])))];
  const organizationIds = [...new Set(notifications.flatMap((n) => (n.organizationId ? [n.organizationId] : [])))];
  const introductionIds = [...new Set(notifications.flatMap((n) => (n.introductionId ? [n.introductionId] : [])))];
  const org = { select: { name: true, slug: true } };
  const [partnerships, organizations, introductions, alerts] = await Promise.all([
    partnershipIds.length === 0
      ? []
      : db.partnership.findMany({
          where: { AND: [{ id: { in: partnershipIds } }, visiblePartnershipWhere(visibilityOf(viewer))] },
          include: { orgA: org, orgB: org }
        }),
    organizationIds.length === 0
      ? []
      : db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, ...org.select } }),
    introductionIds.length === 0
      ? []
      : db.introduction.findMany({ where: { id: { in: introductionIds } }, include: introductionViewInclude }),
    alertSubjects(viewer, notifications)
  ]);
  const introductionById = new Map(introductions.map((i) => [i.id, i]));
  const partnershipById = new Map(partnerships.map((p) => [p.id, p]));
  const organizationById = new Map(organizations.map((o) => [o.id, o]));
  return notifications.flatMap((notification): NoticeSubject[] => {
    if (notification.introductionId) {
      const row = introductionById.get(notification.introductionId);
      const introduction = row ? introductionView(viewer, row) : null;
      return introduction ? [{ notification, introduction }] : [];
    }
    if (notification.partnershipId) {
      const p = partnershipById.get(notification.partnershipId);
      if (!p) return [];
      // The proposer's note is for the two sides only (decision 0024), whatever the partnership's visibility.
      const sideMember =
        viewer.kind === 'user' &&
        (viewer.organizationIds.includes(p.orgAId) || viewer.organizationIds.includes(p.orgBId));
      return [{ notification, partnership: { ...p, message: sideMember ? p.message : null } }];
    }
    if (notification.savedSearchId) {
      const alert = alerts.get(notification.id);
      return alert ? [{ notification, alert }] : [];
    }
    const organization = notification.organizationId ? organizationById.get(notification.organizationId) : undefined;
    return [{ notification, ...(organization ? { organization } : {}) }];
  });
}
