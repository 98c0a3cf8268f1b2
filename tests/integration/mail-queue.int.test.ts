/**
 * Issue 15 part 1: mail really leaves, through a PostgreSQL job queue (pg-boss) and SMTP (nodemailer), received here
 * by a real SMTP server. A request only queues; the worker sends; a mail server that is down delays mail and loses
 * none; a mail that can never be delivered ends in the dead-letter queue after its retries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { getDb, getPool } from '../../src/lib/server/platform/db';
import { setMailer, type Mailer } from '../../src/lib/server/mail/mailer';
import { DEAD_MAIL_QUEUE, MAIL_QUEUE } from '../../src/lib/server/mail/queue';
import { sendMail } from '../../src/lib/server/mail/send';
import { SmtpMailer } from '../../src/lib/server/mail/smtp-mailer';
import { startMailWorker } from '../../src/lib/server/notifications/mail-worker';
import { proposePartnership } from '../../src/lib/server/partnerships/partnerships';
import type { ShutdownStep } from '../../src/lib/server/lifecycle/shutdown';
import { createViewer } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { startTestSmtpServer, type TestSmtpServer } from '../setup/smtp-server';

const db = getDb();
let smtp: TestSmtpServer;
let transport: SmtpMailer;
let previousMailer: Mailer;
let worker: ShutdownStep;

/** Generous for a loaded machine; every wait ends as soon as its condition holds. */
const ARRIVAL = { timeout: 60_000, interval: 100 };

const jobsOf = async (queue: string, to: string) =>
  (
    await getPool().query<{ state: string; retry_count: number }>(
      `SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND data->>'to' = $2`,
      [queue, to]
    )
  ).rows;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  transport = new SmtpMailer(smtp.url, 'Coalition Atlas <atlas@test.invalid>');
  previousMailer = setMailer(transport);
  // One retry after 1 s: enough to prove the retry and the dead letter without waiting minutes.
  worker = await startMailWorker({ retryLimit: 2, retryDelaySeconds: 1, pollSeconds: 0.5, log: () => {} });
});

afterAll(async () => {
  await worker.stop();
  setMailer(previousMailer);
  transport.close();
  await smtp.stop();
});

describe('mail through the queue', () => {
  it('queues instead of sending in the request, then the worker delivers it as plain text', async () => {
    const to = 'queued@example.org';
    await sendMail({ to, subject: 'Queued', text: 'Only plain text.\nSecond line.' });
    // Queued as a job row first (the caller did not talk to the SMTP server)…
    expect((await jobsOf(MAIL_QUEUE, to)).length).toBe(1);
    // …and then delivered by the worker.
    await expect.poll(() => smtp.to(to).length, ARRIVAL).toBe(1);
    const [mail] = smtp.to(to);
    expect(mail!.subject).toBe('Queued');
    expect(mail!.text).toContain('Second line.');
    expect(mail!.html).toBe(false);
    expect(mail!.from?.text).toContain('atlas@test.invalid');
  });

  it('keeps a mail while the SMTP server is down and delivers it once it is back', async () => {
    const to = 'outage@example.org';
    await smtp.stop();
    await sendMail({ to, subject: 'During the outage', text: 'Sent while the mail server was down.' });
    // The first attempt failed (connection refused): the job waits for its retry, nothing was dropped.
    await expect
      .poll(async () => (await jobsOf(MAIL_QUEUE, to)).some((j) => j.state === 'retry' || j.retry_count > 0), ARRIVAL)
      .toBe(true);
    expect(smtp.to(to)).toHaveLength(0);
    await smtp.start();
    await expect.poll(() => smtp.to(to).length, ARRIVAL).toBe(1);
    expect(smtp.to(to)[0]!.subject).toBe('During the outage');
    const [job] = await jobsOf(MAIL_QUEUE, to);
    expect(job!.retry_count).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await jobsOf(MAIL_QUEUE, to))[0]?.state, ARRIVAL).toBe('completed');
  });

  it('moves a mail the server always refuses to the dead-letter queue after its retries', async () => {
    const to = 'refused@example.org';
    smtp.refuse.add(to);
    await sendMail({ to, subject: 'Never delivered', text: 'The server refuses this address.' });
    await expect.poll(async () => (await jobsOf(MAIL_QUEUE, to))[0]?.state, ARRIVAL).toBe('failed');
    const [job] = await jobsOf(MAIL_QUEUE, to);
    expect(job!.retry_count).toBe(2);
    await expect.poll(async () => (await jobsOf(DEAD_MAIL_QUEUE, to)).length, ARRIVAL).toBe(1);
    expect(smtp.to(to)).toHaveLength(0);
  });
});

describe('a restart', () => {
  it('starts again on a database whose queues exist (with today’s retry settings) and keeps sending', async () => {
    await worker.stop();
    worker = await startMailWorker({ retryLimit: 2, retryDelaySeconds: 1, pollSeconds: 0.5, log: () => {} });
    const to = 'after-restart@example.org';
    await sendMail({ to, subject: 'After the restart', text: 'Still delivered.' });
    await expect.poll(() => smtp.to(to).length, ARRIVAL).toBe(1);
  });
});

describe('notification mail', () => {
  let proposer: Viewer;
  let orgB: string;
  let orgA: string;

  beforeAll(async () => {
    orgA = (await createOrganization(db, { name: 'Mail Proposer' })).id;
    orgB = (await createOrganization(db, { name: 'Mail Invited' })).id;
    proposer = await createViewer(db, { organizationIds: [orgA] });
  });

  it('reaches the invited side in its language, with an unsubscribe link and header', async () => {
    const member = await createViewer(db, { organizationIds: [orgB] });
    const { email } = await db.user.update({ where: { id: member.userId }, data: { language: 'de' } });
    const outcome = await proposePartnership(proposer, {
      orgAId: orgA,
      orgBId: orgB,
      kind: 'PROJECT',
      message: 'Gemeinsam den AMIF-Antrag schreiben?'
    });
    expect(outcome.ok).toBe(true);
    await settleBackgroundWork();
    // The job was committed with the notification, in the proposal's transaction.
    const notice = await db.notification.findFirstOrThrow({ where: { userId: member.userId } });
    expect(notice.kind).toBe('PARTNERSHIP_PROPOSED');

    await expect.poll(() => smtp.to(email).length, ARRIVAL).toBe(1);
    const [mail] = smtp.to(email);
    expect(mail!.subject).toBe('Mail Proposer schlägt Mail Invited eine Partnerschaft vor');
    expect(mail!.text).toContain('> Gemeinsam den AMIF-Antrag schreiben?');
    expect(mail!.html).toBe(false);
    expect(mail!.headers.get('content-language')).toBe('de');
    const header = mail!.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    const unsubscribe = header.match(/<([^>]+)>/)?.[1] ?? '';
    expect(unsubscribe).toMatch(/\/unsubscribe\/[0-9a-f-]{36}\?kind=PARTNERSHIP_PROPOSED$/);
    expect(mail!.text).toContain(unsubscribe);
    await expect
      .poll(async () => (await db.notification.findUniqueOrThrow({ where: { id: notice.id } })).mailedAt, ARRIVAL)
      .not.toBeNull();
  });

  it('mails nobody who chose NEVER for the kind (the inbox still has it)', async () => {
    const other = await createOrganization(db, { name: 'Quiet Invited' });
    const member = await createViewer(db, { organizationIds: [other.id] });
    const { email } = await db.user.findUniqueOrThrow({ where: { id: member.userId } });
    await db.notificationPreference.create({
      data: { userId: member.userId, kind: 'PARTNERSHIP_PROPOSED', delivery: 'NEVER' }
    });
    const canary = 'after-never@example.org';
    expect((await proposePartnership(proposer, { orgAId: orgA, orgBId: other.id, kind: 'PROJECT' })).ok).toBe(true);
    await settleBackgroundWork();
    // A mail queued after the notification's job: once it arrives, the notification's job has been worked too.
    const notice = await db.notification.findFirstOrThrow({ where: { userId: member.userId } });
    await sendMail({ to: canary, subject: 'canary', text: 'canary' });
    await expect.poll(() => smtp.to(canary).length, ARRIVAL).toBe(1);
    await expect
      .poll(
        async () =>
          (
            await getPool().query(
              `SELECT state FROM pgboss.job WHERE name = 'notification-mail' AND data->>'notificationId' = $1`,
              [notice.id]
            )
          ).rows[0]?.state,
        ARRIVAL
      )
      .toBe('completed');
    expect(smtp.to(email)).toHaveLength(0);
    expect((await db.notification.findUniqueOrThrow({ where: { id: notice.id } })).mailedAt).toBeNull();
  });
});
