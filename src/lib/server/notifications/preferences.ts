import { z } from 'zod';
import { getDb } from '../platform/db';
import type { MailDelivery, NotificationKind } from '../db/generated/client';
import { fieldErrorsOf } from '../validation/field-errors';
import { invalid, notFound, type Outcome } from '../validation/outcome';
import { DEFAULT_DELIVERY, MAIL_DELIVERIES, MAIL_LANGUAGES, NOTIFICATION_KINDS, mailLanguage } from './kinds';

export interface MailSettings {
  language: string;
  deliveries: { kind: NotificationKind; delivery: MailDelivery }[];
}

/** Every kind with the user's choice (or the default), and the language their mail is written in. */
export async function mailSettings(userId: string): Promise<MailSettings> {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { language: true, notificationPrefs: true }
  });
  return {
    language: mailLanguage(user.language),
    deliveries: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      delivery: user.notificationPrefs.find((p) => p.kind === kind)?.delivery ?? DEFAULT_DELIVERY
    }))
  };
}

export const mailSettingsSchema = z.object({
  language: z.enum(MAIL_LANGUAGES, { error: 'must be one of en, de' }).optional(),
  deliveries: z
    .array(
      z.object({
        kind: z.enum(NOTIFICATION_KINDS as [NotificationKind, ...NotificationKind[]], {
          error: 'is not a notification kind'
        }),
        delivery: z.enum(MAIL_DELIVERIES as [MailDelivery, ...MailDelivery[]], {
          error: 'must be IMMEDIATELY, DAILY_DIGEST or NEVER'
        })
      })
    )
    .max(NOTIFICATION_KINDS.length * 2)
    .optional()
});
/** As clients send it: strings, checked by the schema above. */
export interface MailSettingsInput {
  language?: string;
  deliveries?: { kind: string; delivery: string }[];
}

/** Stores the choices given (others stay as they were), all or nothing. */
export async function updateMailSettings(userId: string, input: MailSettingsInput): Promise<Outcome<MailSettings>> {
  const parsed = mailSettingsSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { language, deliveries = [] } = parsed.data;
  await getDb().$transaction([
    ...(language ? [getDb().user.update({ where: { id: userId }, data: { language } })] : []),
    ...deliveries.map(({ kind, delivery }) =>
      getDb().notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, delivery },
        update: { delivery }
      })
    )
  ]);
  return { ok: true, value: await mailSettings(userId) };
}

/** Whether an unsubscribe link's token belongs to a user (the page asks before the button changes anything). */
export async function unsubscribeTokenKnown(token: string): Promise<boolean> {
  return (await getDb().user.count({ where: { unsubscribeToken: token } })) > 0;
}

/** The unsubscribe link (no sign-in): NEVER for one kind, or for every kind. False when the token is unknown. */
export async function unsubscribe(
  token: string,
  kind: NotificationKind | 'ALL'
): Promise<Outcome<{ kinds: NotificationKind[] }>> {
  const user = await getDb().user.findUnique({ where: { unsubscribeToken: token }, select: { id: true } });
  if (!user) return notFound('token', 'This unsubscribe link is not valid (any more).');
  const kinds = kind === 'ALL' ? NOTIFICATION_KINDS : [kind];
  const outcome = await updateMailSettings(user.id, { deliveries: kinds.map((k) => ({ kind: k, delivery: 'NEVER' })) });
  return outcome.ok ? { ok: true, value: { kinds } } : outcome;
}
