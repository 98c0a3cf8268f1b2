/**
 * A MemoryMailer in place of the app's mailer while one test file runs, the previous mailer restored after it:
 * tests read what was "sent" (links, recipients) without an SMTP server.
 */
import { afterAll, beforeAll } from 'vitest';
import { setMailer, type Mailer } from '../../src/lib/server/mail/mailer';
import { MemoryMailer } from '../../src/lib/server/mail/memory-mailer';

export function useMemoryMailer(): MemoryMailer {
  const mailer = new MemoryMailer();
  let previous: Mailer | undefined;
  beforeAll(() => {
    previous = setMailer(mailer);
  });
  afterAll(() => {
    if (previous) setMailer(previous);
  });
  return mailer;
}
