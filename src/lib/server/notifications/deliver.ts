import { getDb } from '../platform/db';
import type { MailDelivery, NotificationKind } from '../db/generated/client';
import { viewerOf, viewerUserInclude } from '../auth/users';
import { getMailer } from '../mail/mailer';
import { sendMail } from '../mail/send';
import { DEFAULT_DELIVERY, mailLanguage } from './kinds';
import { digestMail, isEmptyAlert, noticeMail, noticeText } from './render';
import { noticeSubjects } from './subjects';

const recipientInclude = { ...viewerUserInclude, notificationPrefs: true } as const;

const organizationIdsOf = (user: { memberships: { organizationId: string }[] }) =>
  user.memberships.map((m) => m.organizationId);

function deliveryOf(prefs: { kind: NotificationKind; delivery: MailDelivery }[], kind: NotificationKind): MailDelivery {
  return prefs.find((p) => p.kind === kind)?.delivery ?? DEFAULT_DELIVERY;
}

/**
 * Mails one notification now, if its recipient wants it IMMEDIATELY and may still see what it is about (judged
 * here, when the job runs, not when it was queued). Runs inside a queue job: a failing mail server rejects, and the
 * job is retried; `mailedAt` is set only once the mailer took the message, so a retry never sends it twice after
 * success. Nothing happens for a notification already mailed, gone, or whose recipient was disabled.
 */
export async function mailNotificationNow(notificationId: string): Promise<void> {
  const db = getDb();
  const n = await db.notification.findUnique({
    where: { id: notificationId },
    include: { user: { include: recipientInclude } }
  });
  if (!n || n.mailedAt || n.user.disabledAt) return;
  if (deliveryOf(n.user.notificationPrefs, n.kind) !== 'IMMEDIATELY') return;
  const viewer = viewerOf(n.user);
  const [subject] = await noticeSubjects(viewer, [n]);
  if (!subject || isEmptyAlert(subject)) return;
  const locale = mailLanguage(n.user.language);
  const text = noticeText(subject, locale, organizationIdsOf(n.user));
  await getMailer().send(noticeMail(n.user.email, locale, text, n.kind, n.user.unsubscribeToken));
  await db.notification.update({ where: { id: notificationId }, data: { mailedAt: new Date() } });
}

/**
 * The daily digest: for each user, the notifications of kinds they chose DAILY_DIGEST for that were not mailed yet,
 * as they may see them now, in one queued mail. Notifications they may no longer see are marked as handled without
 * being mentioned. Returns how many digests were queued.
 */
export async function sendDailyDigests(): Promise<number> {
  const db = getDb();
  const users = await db.user.findMany({
    where: {
      disabledAt: null,
      notificationPrefs: { some: { delivery: 'DAILY_DIGEST' } }
    },
    include: recipientInclude,
    orderBy: { id: 'asc' }
  });
  let sent = 0;
  for (const user of users) {
    const kinds = user.notificationPrefs.filter((p) => p.delivery === 'DAILY_DIGEST').map((p) => p.kind);
    const pending = await db.notification.findMany({
      where: { userId: user.id, mailedAt: null, kind: { in: kinds } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
    });
    if (pending.length === 0) continue;
    const viewer = viewerOf(user);
    const locale = mailLanguage(user.language);
    const subjects = (await noticeSubjects(viewer, pending)).filter((s) => !isEmptyAlert(s));
    if (subjects.length > 0) {
      const texts = subjects.map((s) => noticeText(s, locale, organizationIdsOf(user)));
      await sendMail(digestMail(user.email, locale, texts, user.unsubscribeToken));
      sent++;
    }
    await db.notification.updateMany({
      where: { id: { in: pending.map((p) => p.id) } },
      data: { mailedAt: new Date() }
    });
  }
  return sent;
}
