import { getDb } from '../platform/db';
import type { Notification, Prisma } from '../db/generated/client';
import { visibilityOf, type Viewer } from '../access/viewer';
import { visiblePartnershipWhere } from '../access/visibility-prisma';
import { FailureSignal } from '../validation/outcome';
import { noticeSubjects, type NoticeSubject } from './subjects';

type Member = Extract<Viewer, { kind: 'user' }>;

/**
 * A member's notifications, as far as they may see what each is about: the same rule filters the list, the unread
 * count and the mark-as-read, so a count never includes an entry the list would hide. An introduction's entry
 * stays only while its recipient is still one of its sides.
 */
function inboxWhere(viewer: Member): Prisma.NotificationWhereInput {
  return {
    userId: viewer.userId,
    AND: [
      { OR: [{ partnershipId: null }, { partnership: visiblePartnershipWhere(visibilityOf(viewer)) }] },
      // The same sides as introductions/views.ts: the asker, or a current member of the asked organisation.
      {
        OR: [
          { introductionId: null },
          {
            introduction: {
              OR: [{ requesterId: viewer.userId }, { toOrganizationId: { in: viewer.organizationIds } }]
            }
          }
        ]
      }
    ]
  };
}

export async function unreadCount(viewer: Member): Promise<number> {
  return getDb().notification.count({ where: { AND: [inboxWhere(viewer), { readAt: null }] } });
}

/**
 * The unread count, given an upper bound already known (the user's unread notifications of any subject, read with
 * the session): 0 without a query when there is nothing unread at all — most page views — and the exact count,
 * under the inbox's rule, otherwise. Without a bound it always asks.
 */
export async function unreadCountAtMost(viewer: Member, atMost: number | undefined): Promise<number> {
  return atMost === 0 ? 0 : unreadCount(viewer);
}

export interface InboxPage {
  entries: NoticeSubject[];
  hasNextPage: boolean;
}

/** Newest first; `afterId` continues after that notification (an id from an earlier page of the same inbox). */
export async function listInbox(viewer: Member, first: number, afterId?: string): Promise<InboxPage> {
  const db = getDb();
  let after: Notification | null = null;
  if (afterId) {
    after = await db.notification.findFirst({ where: { AND: [inboxWhere(viewer), { id: afterId }] } });
    if (!after) {
      throw new FailureSignal({
        kind: 'validation',
        message: 'Invalid input: after',
        fieldErrors: [{ field: 'after', message: 'is not a cursor from this inbox' }]
      });
    }
  }
  const rows = await db.notification.findMany({
    where: {
      AND: [
        inboxWhere(viewer),
        ...(after
          ? [{ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }]
          : [])
      ]
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: first + 1
  });
  const page = rows.slice(0, first);
  return { entries: await noticeSubjects(viewer, page), hasNextPage: rows.length > first };
}

/** Marks the given notifications (or all, when `ids` is null) read; returns the unread count after. */
export async function markRead(viewer: Member, ids: string[] | null): Promise<number> {
  await getDb().notification.updateMany({
    where: { AND: [inboxWhere(viewer), { readAt: null }, ...(ids ? [{ id: { in: ids } }] : [])] },
    data: { readAt: new Date() }
  });
  return unreadCount(viewer);
}
