/**
 * Every mail in the recipient's language (issue 15 part 1, decision 0043): account mail too — password reset,
 * failed sign-ins, an invitation (the inviting admin's language: the invitee has no account yet) — and a claim
 * decision's notification, each received by a real SMTP server as plain text with its Content-Language.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { inviteUser } from '../../src/lib/server/auth/invitations';
import { login } from '../../src/lib/server/auth/login';
import { approveMembership } from '../../src/lib/server/auth/memberships';
import { requestPasswordReset } from '../../src/lib/server/auth/password-reset';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { env } from '../../src/lib/server/env';
import { getDb } from '../../src/lib/server/platform/db';
import { createViewer } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { createUser } from '../factories/users';
import { mailOverTestSmtp } from '../setup/mail-over-smtp';

const db = getDb();
const smtp = mailOverTestSmtp();
const ARRIVAL = { timeout: 60_000, interval: 100 };
const ORIGIN = 'http://atlas.test';

async function arrived(email: string, count = 1): Promise<ParsedMail[]> {
  await settleBackgroundWork();
  await expect.poll(() => smtp().to(email).length, ARRIVAL).toBe(count);
  return smtp().to(email);
}

/** Plain text only (no HTML part), marked with its language. */
function expectPlain(mail: ParsedMail, language: string) {
  expect(mail.html).toBe(false);
  expect(mail.text ?? '').not.toBe('');
  expect(mail.headers.get('content-language')).toBe(language);
}

describe('account mail in the recipient’s language', () => {
  it('a password reset: German for a German user, English for an English one', async () => {
    const { user: german } = await createUser(db, { language: 'de' });
    const { user: english } = await createUser(db, { language: 'en' });
    await requestPasswordReset({ email: german.email, origin: ORIGIN });
    await requestPasswordReset({ email: english.email, origin: ORIGIN });

    const [de] = await arrived(german.email);
    expect(de!.subject).toBe('Ihr Passwort für Coalition Atlas zurücksetzen');
    expect(de!.text).toContain('Wählen Sie hier ein neues Passwort');
    expect(de!.text).toMatch(/Der Link läuft am \d+\. \p{L}+ \d{4}/u);
    expect(de!.text).toContain(`${ORIGIN}/reset-password?token=`);
    expectPlain(de!, 'de');

    const [en] = await arrived(english.email);
    expect(en!.subject).toBe('Reset your Coalition Atlas password');
    expect(en!.text).not.toContain('Passwort');
    expectPlain(en!, 'en');
  });

  it('the failed sign-ins warning in German', async () => {
    const { user } = await createUser(db, { language: 'de' });
    for (let i = 0; i < env().LOGIN_ACCOUNT_FREE_FAILURES; i++) {
      await login({ email: user.email, password: `guess ${i}`, ip: `10.9.${i}.1` });
    }
    const [mail] = await arrived(user.email);
    expect(mail!.subject).toBe('Fehlgeschlagene Anmeldungen bei Ihrem Coalition-Atlas-Konto');
    expect(mail!.text).toContain(`Es gab ${env().LOGIN_ACCOUNT_FREE_FAILURES} fehlgeschlagene Versuche`);
    expectPlain(mail!, 'de');
  });

  it('an invitation in the language of the admin who sent it', async () => {
    const admin = await createViewer(db, { role: 'ADMIN' });
    await db.user.update({ where: { id: admin.userId }, data: { language: 'de' } });
    const org = await createOrganization(db, { name: `Verein ${Date.now()}` });
    const email = `eingeladen-${Date.now()}@atlas.test`;
    const outcome = await inviteUser(admin, { email, organizationId: org.id }, ORIGIN);
    expect(outcome.ok).toBe(true);
    const [mail] = await arrived(email);
    expect(mail!.subject).toBe('Ihre Einladung zu Coalition Atlas');
    expect(mail!.text).toContain(`um das Profil von ${org.name} zu pflegen`);
    expect(mail!.text).toContain(`${ORIGIN}/login/invitation?token=`);
    expectPlain(mail!, 'de');
  });

  it('a claim decision in German, with its unsubscribe link', async () => {
    const org = await createOrganization(db, { name: `Anspruch ${Date.now()}` });
    const { user } = await createUser(db, { language: 'de', requestedOrganizationIds: [org.id] });
    const admin = await createViewer(db, { role: 'ADMIN' });
    const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id, organizationId: org.id } });
    expect((await approveMembership(admin, membership.id)).ok).toBe(true);
    const [mail] = await arrived(user.email);
    expect(mail!.subject).toBe(`Sie verwalten jetzt ${org.name} auf Coalition Atlas`);
    expect(mail!.text).toContain('/unsubscribe/');
    expectPlain(mail!, 'de');
  });
});
