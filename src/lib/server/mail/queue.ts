import PgBoss from 'pg-boss';
import type { Prisma } from '../db/generated/client';
import { getPool } from '../platform/db';
import { env } from '../env';
import { getMailer, type MailMessage } from './mailer';

/**
 * The mail job queue (decision 0028): pg-boss over the app's own PostgreSQL pool, so a request only inserts a job
 * row and never waits on a mail server, and a mail server that is down only delays mail — a failed job is retried
 * with backoff (MAIL_RETRY_LIMIT, MAIL_RETRY_DELAY_SECONDS) and, when retries run out, moved to the dead-letter queue
 * `mail-dead`, where it stays for an operator to read. The app's pool (not a second one) because the embedded
 * PGlite serves one connection, and a second client would interleave its statements with the app's.
 */
export const MAIL_QUEUE = 'mail';
export const NOTIFICATION_MAIL_QUEUE = 'notification-mail';
export const DIGEST_QUEUE = 'notification-digest';
export const DEAD_MAIL_QUEUE = 'mail-dead';
/** Saved-search alerts (decision 0040): one queue per frequency, since pg-boss 10 keeps one schedule per queue. */
export const DAILY_ALERT_QUEUE = 'saved-search-alerts-daily';
export const WEEKLY_ALERT_QUEUE = 'saved-search-alerts-weekly';

export type JobHandlers = {
  /** Mails one notification, if the recipient still wants it and may still see what it is about. */
  notificationMail: (notificationId: string) => Promise<void>;
  /** Sends every due daily digest. */
  digest: () => Promise<void>;
  /** Sends the saved-search alerts of one frequency. */
  savedSearchAlerts: (frequency: 'DAILY' | 'WEEKLY') => Promise<void>;
};

export interface MailQueue {
  enqueue(message: MailMessage): Promise<void>;
  /** In the caller's transaction: the mail jobs commit (or roll back) with the notifications they announce. */
  enqueueNotificationMails(tx: Prisma.TransactionClient, notificationIds: string[]): Promise<void>;
  /** Waits for jobs being worked on (up to `timeoutMs`), then stops polling. Queued jobs stay for the next start. */
  stop(timeoutMs?: number): Promise<void>;
  readonly boss: PgBoss;
}

type Job<T> = PgBoss.Job<T>;
type QueueSettings = Omit<PgBoss.Queue, 'name'>;

/** pg-boss statements run inside a Prisma transaction (so jobs commit or roll back with the rows they announce). */
function inPrismaTransaction(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values)
    })
  };
}

// On globalThis like the mailer: Vite's dev server re-evaluates modules, the running queue stays the one.
// (globalThis's type has no such slot; casting through unknown is the usual way to declare one.)
const globalForQueue = globalThis as unknown as { __atlasMailQueue?: MailQueue };

/** The running queue, or undefined (CLI tools and most tests run without one: sendMail then sends directly). */
export function runningMailQueue(): MailQueue | undefined {
  return globalForQueue.__atlasMailQueue;
}

/** Daily digests go out at 07:00 UTC. */
const DIGEST_CRON = '0 7 * * *';
/** Alerts go out before the digest: daily at 06:30 UTC, weekly on Mondays. */
const DAILY_ALERT_CRON = '30 6 * * *';
const WEEKLY_ALERT_CRON = '30 6 * * 1';

export interface MailQueueOptions {
  log?: (line: string) => void;
  /** Defaults from the environment (MAIL_RETRY_LIMIT, MAIL_RETRY_DELAY_SECONDS, MAIL_POLL_SECONDS). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  pollSeconds?: number;
}

export async function startMailQueue(handlers: JobHandlers, options: MailQueueOptions = {}): Promise<MailQueue> {
  const log = options.log ?? ((line: string) => console.warn(`[mail] ${line}`));
  if (globalForQueue.__atlasMailQueue) return globalForQueue.__atlasMailQueue;
  const pool = getPool();
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[] = []) => pool.query(text, values) },
    schema: 'pgboss'
  });
  boss.on('error', (error: Error) => log(`queue error: ${error.message}`));
  await boss.start();
  try {
    return await configure(boss, handlers, options, log);
  } catch (error) {
    // A started instance keeps timers running: stop it, or the process could not end (graceful shutdown).
    await boss.stop({ graceful: false, close: false }).catch(() => {});
    throw error;
  }
}

async function configure(
  boss: PgBoss,
  handlers: JobHandlers,
  options: MailQueueOptions,
  log: (line: string) => void
): Promise<MailQueue> {
  const retries = {
    retryLimit: options.retryLimit ?? env().MAIL_RETRY_LIMIT,
    retryDelay: options.retryDelaySeconds ?? env().MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true
  };
  const pollSeconds = options.pollSeconds ?? env().MAIL_POLL_SECONDS;
  await ensureQueue(boss, DEAD_MAIL_QUEUE, {});
  for (const name of [MAIL_QUEUE, NOTIFICATION_MAIL_QUEUE, DIGEST_QUEUE, DAILY_ALERT_QUEUE, WEEKLY_ALERT_QUEUE]) {
    await ensureQueue(boss, name, { ...retries, deadLetter: DEAD_MAIL_QUEUE });
  }
  await boss.schedule(DIGEST_QUEUE, DIGEST_CRON, {}, { tz: 'UTC' });
  await boss.schedule(DAILY_ALERT_QUEUE, DAILY_ALERT_CRON, {}, { tz: 'UTC' });
  await boss.schedule(WEEKLY_ALERT_QUEUE, WEEKLY_ALERT_CRON, {}, { tz: 'UTC' });

  const polling = { pollingIntervalSeconds: pollSeconds, batchSize: 1 };
  const failing = (name: string, job: Job<unknown>, error: unknown) => {
    log(`${name} job ${job.id} failed (will be retried or dead-lettered): ${(error as Error)?.message ?? error}`);
    throw error;
  };
  await boss.work<MailMessage>(MAIL_QUEUE, polling, async ([job]) => {
    await getMailer()
      .send(job.data)
      .catch((error: unknown) => failing(MAIL_QUEUE, job, error));
  });
  await boss.work<{ notificationId: string }>(NOTIFICATION_MAIL_QUEUE, polling, async ([job]) => {
    await handlers
      .notificationMail(job.data.notificationId)
      .catch((error: unknown) => failing(NOTIFICATION_MAIL_QUEUE, job, error));
  });
  await boss.work(DIGEST_QUEUE, polling, async ([job]) => {
    await handlers.digest().catch((error: unknown) => failing(DIGEST_QUEUE, job, error));
  });
  for (const [name, frequency] of [
    [DAILY_ALERT_QUEUE, 'DAILY'],
    [WEEKLY_ALERT_QUEUE, 'WEEKLY']
  ] as const) {
    await boss.work(name, polling, async ([job]) => {
      await handlers.savedSearchAlerts(frequency).catch((error: unknown) => failing(name, job, error));
    });
  }

  const queue: MailQueue = {
    boss,
    async enqueue(message) {
      await boss.send(MAIL_QUEUE, message);
    },
    async enqueueNotificationMails(tx, notificationIds) {
      if (notificationIds.length === 0) return;
      const jobs = notificationIds.map((notificationId) => ({
        name: NOTIFICATION_MAIL_QUEUE,
        data: { notificationId }
      }));
      await boss.insert(jobs, { db: inPrismaTransaction(tx) });
    },
    async stop(timeoutMs = 4_000) {
      if (globalForQueue.__atlasMailQueue === queue) globalForQueue.__atlasMailQueue = undefined;
      await boss.stop({ graceful: true, timeout: timeoutMs, close: false });
    }
  };
  globalForQueue.__atlasMailQueue = queue;
  return queue;
}

/** Creates the queue, or applies today's retry settings to the one an earlier start created. */
async function ensureQueue(boss: PgBoss, name: string, options: QueueSettings): Promise<void> {
  if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...options });
  else if (Object.keys(options).length > 0) await boss.updateQueue(name, { name, ...options });
}
