/**
 * Issue 14, findings 3–5: what a password reset ends (sessions and API tokens), login throttling per account and
 * per IP address, and reset/login forms that do the same work whether or not the address has an account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiToken } from '../../src/lib/server/auth/api-tokens';
import { requestPasswordReset, resetPassword } from '../../src/lib/server/auth/password-reset';
import { getDb } from '../../src/lib/server/db';
import { setMailer, type Mailer } from '../../src/lib/server/mail/mailer';
import { linkIn, MemoryMailer } from '../../src/lib/server/mail/memory-mailer';
import { createApiTokenFor, createUser } from '../factories/users';

const db = getDb();
const ORIGIN = 'https://atlas.example.org';
const mailer = new MemoryMailer();
let previousMailer: Mailer;
beforeAll(() => {
  previousMailer = setMailer(mailer);
});
afterAll(() => {
  setMailer(previousMailer);
});

async function resetLinkFor(email: string): Promise<string> {
  await expect.poll(() => mailer.sent.filter((m) => m.to === email).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const token = linkIn(mailer.lastTo(email))?.searchParams.get('token');
  if (!token) throw new Error('no token in the reset mail');
  return token;
}

describe('password reset', () => {
  it('revokes every API token of the account, and records how many in the audit log', async () => {
    const { user } = await createUser(db);
    const one = await createApiTokenFor(db, user.id);
    const two = await createApiTokenFor(db, user.id, { scopes: ['READ', 'WRITE'] });
    expect((await authenticateApiToken(one.secret)).ok).toBe(true);

    await requestPasswordReset({ email: user.email, origin: ORIGIN });
    const result = await resetPassword({ token: await resetLinkFor(user.email), password: 'a brand new passphrase' });
    expect(result.ok).toBe(true);

    for (const { secret } of [one, two]) {
      const auth = await authenticateApiToken(secret);
      expect(auth.ok).toBe(false);
      if (!auth.ok) expect(auth.message).toMatch(/^This API token was revoked on /);
    }
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: 'user.password_reset' } });
    expect(audit.after).toMatchObject({ apiTokensRevoked: 2 });
  });
});
