import { settleBackgroundWork } from '../background-work';
import type { ShutdownStep } from '../lifecycle/shutdown';
import { startMailQueue, type MailQueueOptions } from '../mail/queue';
import { mailNotificationNow, sendDailyDigests } from './deliver';
import { runSavedSearchAlerts } from '../saved-searches/alerts';

/**
 * Starts the mail queue with its workers (single mails, notification mails, the daily digest) and returns the
 * graceful-shutdown step that stops it: first the mail that requests queued after their answer is handed to the
 * queue (background work), then the workers finish the job in hand (bounded, so shutdown stays within 10 s).
 * Jobs not yet sent stay queued in PostgreSQL for the next start.
 */
export async function startMailWorker(options: MailQueueOptions = {}): Promise<ShutdownStep> {
  const log = options.log ?? ((line: string) => console.warn(`[mail] ${line}`));
  let queue: Awaited<ReturnType<typeof startMailQueue>>;
  try {
    queue = await startMailQueue(
      {
        notificationMail: mailNotificationNow,
        digest: async () => void (await sendDailyDigests()),
        savedSearchAlerts: async (frequency) => void (await runSavedSearchAlerts(frequency))
      },
      { ...options, log }
    );
  } catch (error) {
    // The site still serves without the queue; mail is then sent directly (sendMail), and the log says why.
    log(`mail queue not started, sending mail directly: ${(error as Error)?.message ?? error}`);
    return { name: 'mail queue', stop: async () => {} };
  }
  return {
    name: 'mail queue',
    stop: async () => {
      await settleBackgroundWork();
      await queue.stop(3_000);
    }
  };
}
