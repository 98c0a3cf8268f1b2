/**
 * For a test file whose mail should really leave over SMTP: starts a test SMTP server before its tests, installs an
 * SmtpMailer pointed at it, and restores the previous mailer and stops the server afterwards.
 *
 *   const smtp = mailOverTestSmtp();
 *   … await expect.poll(() => smtp().to(email).length).toBe(1);
 */
import { afterAll, beforeAll } from 'vitest';
import { setMailer, type Mailer } from '../../src/lib/server/mail/mailer';
import { SmtpMailer } from '../../src/lib/server/mail/smtp-mailer';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-server';

export function mailOverTestSmtp(): () => TestSmtpServer {
  let smtp: TestSmtpServer | undefined;
  let transport: SmtpMailer | undefined;
  let previous: Mailer | undefined;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    transport = new SmtpMailer(smtp.url, 'Coalition Atlas <atlas@test.invalid>');
    previous = setMailer(transport);
  });
  afterAll(async () => {
    if (previous) setMailer(previous);
    transport?.close();
    await smtp?.stop();
  });
  return () => {
    if (!smtp) throw new Error('the test SMTP server starts in beforeAll');
    return smtp;
  };
}
