import type { MailDelivery, NotificationKind } from '../db/generated/client';

export type { NotificationKind };

/** Every kind, in the order the account page lists them. */
export const NOTIFICATION_KINDS: NotificationKind[] = [
  'PARTNERSHIP_PROPOSED',
  'PARTNERSHIP_CONFIRMED',
  'PARTNERSHIP_DECLINED',
  'PARTNERSHIP_ENDED',
  'PARTNERSHIP_NARROWED',
  'CLAIM_DECIDED',
  'INTRODUCTION_REQUESTED',
  'INTRODUCTION_ANSWERED',
  'SAVED_SEARCH_ALERT',
  'ORGANIZATION_VERIFIED'
];

export const MAIL_DELIVERIES: MailDelivery[] = ['IMMEDIATELY', 'DAILY_DIGEST', 'NEVER'];

/** Without a stored preference a notification is mailed right away: it is about the member's own organisation. */
export const DEFAULT_DELIVERY: MailDelivery = 'IMMEDIATELY';

/** The languages mail is written in (the site's locales). */
export const MAIL_LANGUAGES = ['en', 'de'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export function mailLanguage(stored: string): MailLanguage {
  return (MAIL_LANGUAGES as readonly string[]).includes(stored) ? (stored as MailLanguage) : 'en';
}
