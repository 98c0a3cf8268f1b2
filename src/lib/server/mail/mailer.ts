import { LogMailer } from './log-mailer';

/**
 * Outgoing email, behind one small interface so that deployments plug in their provider (SMTP, an HTTP API)
 * without touching the flows that send mail. Locally, the log mailer prints messages — and their links — to
 * the server log.
 */
export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text: every message must be readable without HTML. */
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

// On globalThis, like the database client: Vite's dev server re-evaluates modules, the configured mailer stays.
const globalForMail = globalThis as unknown as { __atlasMailer?: Mailer };

export function getMailer(): Mailer {
  globalForMail.__atlasMailer ??= new LogMailer();
  return globalForMail.__atlasMailer;
}

/** Installs another mailer (a provider's, or a MemoryMailer in tests); returns the previous one. */
export function setMailer(mailer: Mailer): Mailer {
  const previous = getMailer();
  globalForMail.__atlasMailer = mailer;
  return previous;
}
