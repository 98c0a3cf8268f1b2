import type { MailMessage } from './mailer';
import { getMailer } from './mailer';
import { runningMailQueue } from './queue';

/**
 * Every flow hands its mail here. In the app the message becomes a job in the mail queue (a row in PostgreSQL:
 * retried until the mail server takes it, never lost when it is down); in CLI tools and tests that run without the
 * queue it goes to the mailer directly.
 */
export async function sendMail(message: MailMessage): Promise<void> {
  const queue = runningMailQueue();
  if (queue) await queue.enqueue(message);
  else await getMailer().send(message);
}
