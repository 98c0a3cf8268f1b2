import { getDb } from '../platform/db';
import { LogMailer } from './log-mailer';
import type { Mailer, MailMessage } from './mailer';

/**
 * The local default (no SMTP_URL): the message goes to the server log as before, and into the DevMail table so an
 * admin can read it at /admin/mailbox without the terminal. Nothing leaves the machine.
 */
export class DevMailboxMailer implements Mailer {
  private readonly log = new LogMailer();

  async send(message: MailMessage): Promise<void> {
    await this.log.send(message);
    await getDb().devMail.create({ data: { to: message.to, subject: message.subject, text: message.text } });
  }
}

/** Admins' view of the development mailbox, newest first. */
export async function devMailbox(take = 100) {
  return getDb().devMail.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take });
}
