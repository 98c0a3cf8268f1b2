import { env } from '../env';
import { DevMailboxMailer } from './dev-mailbox';
import { SmtpMailer } from './smtp-mailer';

/**
 * Outgoing email, behind one small interface so that deployments plug in their provider (SMTP, an HTTP API)
 * without touching the flows that send mail. With SMTP_URL, nodemailer sends over SMTP; without it the log mailer
 * prints messages — and their links — to the server log and keeps them for the admins' development mailbox.
 * Flows do not call a mailer directly: they hand messages to `sendMail` (send.ts), which queues them.
 */
export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text: every message must be readable without HTML. */
  text: string;
  /**
   * Set on mail that is not transactional (notifications, digests): the link that stops this kind of mail, also
   * sent as the List-Unsubscribe header. Transactional mail (invitations, resets, proposals addressed to the
   * recipient's organisation) has none.
   */
  unsubscribeUrl?: string;
  /** The language the text is written in ("en", "de"): the Content-Language header. */
  language?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

// On globalThis, like the database client: Vite's dev server re-evaluates modules, the configured mailer stays.
// (globalThis's type has no such slot; casting through unknown is the usual way to declare one.)
const globalForMail = globalThis as unknown as { __atlasMailer?: Mailer };

export function getMailer(): Mailer {
  const smtpUrl = env().SMTP_URL;
  globalForMail.__atlasMailer ??= smtpUrl ? new SmtpMailer(smtpUrl, env().MAIL_FROM) : new DevMailboxMailer();
  return globalForMail.__atlasMailer;
}

/** Installs another mailer (a provider's, an SmtpMailer or a MemoryMailer in tests); returns the previous one. */
export function setMailer(mailer: Mailer): Mailer {
  const previous = getMailer();
  globalForMail.__atlasMailer = mailer;
  return previous;
}
