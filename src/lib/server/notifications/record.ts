import type { NotificationKind, Prisma } from '../db/generated/client';
import { runInBackground } from '../background-work';
import { mailNotificationNow } from './deliver';
import { runningMailQueue } from '../mail/queue';

export interface NoticeDraft {
  kind: NotificationKind;
  userIds: string[];
  partnershipId?: string;
  organizationId?: string;
  introductionId?: string;
  approved?: boolean;
  savedSearchId?: string;
  alertOrganizationIds?: string[];
  alertPartnershipIds?: string[];
  alertGrantIds?: string[];
}

/**
 * Writes the inbox entries in the caller's transaction, so a change and the notices about it commit together.
 * Returns their ids for `mailAfterCommit`.
 */
export async function recordNotices(tx: Prisma.TransactionClient, drafts: NoticeDraft[]): Promise<string[]> {
  const rows = drafts.flatMap((d) =>
    [...new Set(d.userIds)].map((userId) => ({
      userId,
      kind: d.kind,
      partnershipId: d.partnershipId ?? null,
      organizationId: d.organizationId ?? null,
      introductionId: d.introductionId ?? null,
      approved: d.approved ?? null,
      savedSearchId: d.savedSearchId ?? null,
      alertOrganizationIds: d.alertOrganizationIds ?? [],
      alertPartnershipIds: d.alertPartnershipIds ?? [],
      alertGrantIds: d.alertGrantIds ?? []
    }))
  );
  if (rows.length === 0) return [];
  const created = await tx.notification.createManyAndReturn({ data: rows, select: { id: true } });
  const ids = created.map((r) => r.id);
  // With the queue running, the mail jobs are rows of this same transaction: nothing announced is lost.
  await runningMailQueue()?.enqueueNotificationMails(tx, ids);
  return ids;
}

/**
 * After the commit, without a running queue (CLI tools, tests): mail each notice directly, as background work so
 * the answer never waits for it. With the queue, the jobs were committed with the notices and this does nothing.
 */
export function mailAfterCommit(notificationIds: string[]): void {
  if (notificationIds.length === 0 || runningMailQueue()) return;
  runInBackground('notification mail', async () => {
    for (const id of notificationIds) await mailNotificationNow(id);
  });
}
