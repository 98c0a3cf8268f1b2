/**
 * Issue 14, findings 3–5: what a password reset ends (sessions and API tokens), login throttling per account and
 * per IP address, and reset/login forms that do the same work whether or not the address has an account.
 */
import { describe, expect, it } from 'vitest';
import { authenticateApiToken } from '../../src/lib/server/auth/api-tokens';
import { login } from '../../src/lib/server/auth/login';
import { accountDelaySeconds } from '../../src/lib/server/auth/login-throttle';
import { requestPasswordReset, resetPassword } from '../../src/lib/server/auth/password-reset';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { getDb, withQueryCounter } from '../../src/lib/server/platform/db';
import { env } from '../../src/lib/server/env';
import { RATE_LIMIT_SCHEMA } from '../../src/lib/server/security/rate-limit-store';
import { linkIn } from '../../src/lib/server/mail/memory-mailer';
import { createApiTokenFor, createUser } from '../factories/users';
import { useMemoryMailer } from '../factories/mailer';

const db = getDb();
const ORIGIN = 'https://atlas.example.org';
const mailer = useMemoryMailer();

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

describe('the same work for known and unknown addresses (finding 4)', () => {
  it('reset form: the same statements before answering; the mail only for the account, after the answer', async () => {
    const { user } = await createUser(db);
    // Warm up: the rate-limit tables are created on first use.
    await requestPasswordReset({ email: 'warm-up@atlas.test', origin: ORIGIN });
    const before = mailer.sent.length;
    const known = await withQueryCounter(() => requestPasswordReset({ email: user.email, origin: ORIGIN }));
    const unknown = await withQueryCounter(() =>
      requestPasswordReset({ email: 'nobody-here@atlas.test', origin: ORIGIN })
    );
    expect(known.sqlQueries).toBeGreaterThan(0);
    expect(unknown.sqlQueries).toBe(known.sqlQueries);
    await settleBackgroundWork();
    expect(mailer.sent.slice(before).map((m) => m.to)).toEqual([user.email]);
  });

  it('login form: a wrong password and an unknown address cost the same statements and get the same answer', async () => {
    const { user } = await createUser(db);
    await login({ email: 'warm-up@atlas.test', password: 'whatever it is', ip: '192.0.2.90' });
    const known = await withQueryCounter(() => login({ email: user.email, password: 'wrong one', ip: '192.0.2.91' }));
    const unknown = await withQueryCounter(() =>
      login({ email: 'nobody-here@atlas.test', password: 'wrong one', ip: '192.0.2.92' })
    );
    expect(unknown.sqlQueries).toBe(known.sqlQueries);
    expect(unknown.result).toEqual(known.result);
  });
});

describe('login throttling per account and per address (finding 3)', () => {
  it('slows an account guessed at from many addresses, tells its owner once, and never locks it for good', async () => {
    const free = env().LOGIN_ACCOUNT_FREE_FAILURES;
    const { user, password } = await createUser(db);
    const before = mailer.sent.length;
    for (let i = 1; i < free; i++) {
      const result = await login({ email: user.email, password: `guess ${i}`, ip: `10.1.0.${i}` });
      expect(result).toMatchObject({ ok: false, reason: 'invalid-credentials' });
    }
    const slowed = await login({ email: user.email, password: 'guess last', ip: '10.1.1.1' });
    expect(slowed).toMatchObject({ ok: false, reason: 'throttled', scope: 'account', retryAfterSeconds: 1 });
    // While the delay runs, even the right password from a fresh address is not checked.
    const refused = await login({ email: user.email, password, ip: '10.1.1.2' });
    expect(refused).toMatchObject({ ok: false, reason: 'throttled', scope: 'account' });
    if (refused.ok || refused.reason !== 'throttled') return;
    expect(refused.message).toMatch(/^Too many failed sign-in attempts for this account\. Try again in \d+ seconds?/);

    await settleBackgroundWork();
    const alerts = mailer.sent.slice(before).filter((m) => m.to === user.email);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].subject).toBe('Failed sign-ins on your Coalition Atlas account');
    expect(linkIn(alerts[0])?.pathname).toBe('/reset-password');

    // The delay doubles with each failure but is capped: nobody can hold the account for longer.
    expect([free, free + 1, free + 2, free + 5].map(accountDelaySeconds)).toEqual([1, 2, 4, 32]);
    expect(accountDelaySeconds(free + 1000)).toBe(env().LOGIN_MAX_DELAY_SECONDS);

    // Once the delay is over (its expiry moved to the past here instead of waiting), the owner signs in,
    // and that clears the account's count.
    await db.$executeRawUnsafe(`UPDATE ${RATE_LIMIT_SCHEMA}.login_account_delay SET expire = 1`);
    expect((await login({ email: user.email, password, ip: '10.1.1.3' })).ok).toBe(true);
    expect(await login({ email: user.email, password: 'one more typo', ip: '10.1.1.3' })).toMatchObject({
      reason: 'invalid-credentials'
    });
  });

  it('pauses an address that sprays guesses over many accounts, even for a right password', async () => {
    const max = env().LOGIN_MAX_FAILURES_PER_IP;
    const ip = '10.2.0.1';
    const { user, password } = await createUser(db);
    for (let i = 0; i < max; i++) {
      const result = await login({ email: `sprayed-${i}@atlas.test`, password: 'Winter2025!', ip });
      expect(result.ok).toBe(false);
    }
    const refused = await login({ email: user.email, password, ip });
    expect(refused).toMatchObject({ ok: false, reason: 'throttled', scope: 'ip' });
    // Another address is not affected.
    expect((await login({ email: user.email, password, ip: '10.2.0.2' })).ok).toBe(true);
  });
});
