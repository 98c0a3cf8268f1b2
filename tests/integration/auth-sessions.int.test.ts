/**
 * Passwords, sign-in, sessions and sign-in throttling, against a real PostgreSQL: argon2id hashing, a session per
 * sign-in stored under the SHA-256 of its cookie token, rotation, sign-out, expiry, the sliding 30 days, cookie
 * flags, and the pause after repeated failures per email and IP address.
 */
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE, SECURE_SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import { login } from '../../src/lib/server/auth/login';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/password';
import { resolveViewer } from '../../src/lib/server/auth/resolve-viewer';
import { sha256Hex } from '../../src/lib/server/auth/secrets';
import { createSession, SESSION_RENEW_AFTER_MS, SESSION_TTL_MS } from '../../src/lib/server/auth/sessions';
import { getDb } from '../../src/lib/server/platform/db';
import { env } from '../../src/lib/server/env';
import { actions as loginActions } from '../../src/routes/login/+page.server';
import { actions as logoutActions } from '../../src/routes/logout/+page.server';
import { createOrganization } from '../factories/organizations';
import { CookieJar, createUser, requestEvent } from '../factories/users';

const db = getDb();
const HOUR = 60 * 60 * 1000;

async function viewerFor(jar: CookieJar, origin = 'http://atlas.test') {
  return resolveViewer(new Request(`${origin}/`), jar);
}

/** Runs a form action the way SvelteKit does; returns its result, or the redirect it threw. */
async function runAction(
  action: (event: any) => unknown,
  url: string,
  form: Record<string, string>,
  jar: CookieJar,
  ip = '203.0.113.7'
) {
  const request = new Request(url, { method: 'POST', body: new URLSearchParams(form) });
  try {
    return { result: await action(requestEvent(request, { cookies: jar, clientAddress: ip })) };
  } catch (thrown) {
    if (isRedirect(thrown)) return { redirect: thrown.location };
    throw thrown;
  }
}

describe('passwords', () => {
  it('are hashed with argon2id and a fresh salt, and verify only the right password', async () => {
    const first = await hashPassword('a long enough passphrase');
    const second = await hashPassword('a long enough passphrase');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword(first, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(first, 'a long enough passphrasE')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});

describe('sign-in and sessions', () => {
  it('creates a session stored under the SHA-256 of the cookie token, and records the sign-in time', async () => {
    const { user, password } = await createUser(db, { email: 'ana@atlas.test' });
    const result = await login({ email: '  Ana@Atlas.TEST ', password, ip: '198.51.100.1' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.token.length).toBeGreaterThanOrEqual(43);
    const session = await db.session.findUnique({ where: { id: sha256Hex(result.token) } });
    expect(session?.userId).toBe(user.id);
    expect(await db.session.findUnique({ where: { id: result.token } })).toBeNull();
    expect(Math.abs(session!.expiresAt.getTime() - (Date.now() + SESSION_TTL_MS))).toBeLessThan(60_000);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
  });

  it('gives every sign-in a new session id and ends the session the browser had before', async () => {
    const { user, password } = await createUser(db);
    const first = await login({ email: user.email, password, ip: '198.51.100.2' });
    if (!first.ok) throw new Error(first.message);
    const second = await login({ email: user.email, password, ip: '198.51.100.2', previousToken: first.token });
    if (!second.ok) throw new Error(second.message);
    expect(second.token).not.toBe(first.token);
    expect(await db.session.findUnique({ where: { id: sha256Hex(first.token) } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: sha256Hex(second.token) } })).not.toBeNull();
  });

  it('refuses a wrong password, an unknown email and a disabled account with the same message', async () => {
    const { user, password } = await createUser(db);
    const disabled = await createUser(db, { disabledAt: new Date() });
    const wrong = await login({ email: user.email, password: 'not the password', ip: '198.51.100.3' });
    const unknown = await login({ email: 'nobody@atlas.test', password, ip: '198.51.100.3' });
    const off = await login({ email: disabled.user.email, password: disabled.password, ip: '198.51.100.3' });
    for (const result of [wrong, unknown, off]) {
      expect(result).toMatchObject({
        ok: false,
        reason: 'invalid-credentials',
        message: 'The email address or password is not correct.'
      });
    }
  });

  it('the sign-in page sets an httpOnly, SameSite=Lax session cookie and rotates it; Secure and __Host- on https', async () => {
    const { user, password } = await createUser(db);
    const jar = new CookieJar();
    const first = await runAction(
      loginActions.default!,
      'http://atlas.test/login',
      { email: user.email, password },
      jar
    );
    expect(first.redirect).toBe('/account');
    const write = jar.writes.find((w) => w.name === SESSION_COOKIE)!;
    expect(write.options).toMatchObject({ path: '/', httpOnly: true, sameSite: 'lax', secure: false });
    const firstToken = write.value;

    await runAction(
      loginActions.default!,
      'http://atlas.test/login',
      { email: user.email, password, next: '/admin' },
      jar
    );
    expect(jar.get(SESSION_COOKIE)).not.toBe(firstToken);
    expect(await db.session.count({ where: { id: sha256Hex(firstToken) } })).toBe(0);

    const secureJar = new CookieJar();
    await runAction(
      loginActions.default!,
      'https://atlas.example.org/login',
      { email: user.email, password },
      secureJar
    );
    const secure = secureJar.writes.find((w) => w.name === SECURE_SESSION_COOKIE)!;
    expect(secure.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
  });

  it('sends people back only to paths on this site after signing in', async () => {
    const { user, password } = await createUser(db);
    const jar = new CookieJar();
    const inside = await runAction(
      loginActions.default!,
      'http://atlas.test/login',
      { email: user.email, password, next: '/admin' },
      jar
    );
    expect(inside.redirect).toBe('/admin');
    const outside = await runAction(
      loginActions.default!,
      'http://atlas.test/login',
      { email: user.email, password, next: '//evil.example' },
      jar
    );
    expect(outside.redirect).toBe('/account');
  });

  it('turns the cookie into the viewer: role and the organisations of APPROVED memberships only', async () => {
    const managed = await createOrganization(db);
    const requested = await createOrganization(db);
    const { user } = await createUser(db, {
      role: 'FUNDER_ANALYST',
      organizationIds: [managed.id],
      requestedOrganizationIds: [requested.id]
    });
    const { token } = await createSession(user.id);
    const resolved = await viewerFor(new CookieJar({ [SESSION_COOKIE]: token }));
    expect(resolved).toMatchObject({
      ok: true,
      via: 'session',
      viewer: { kind: 'user', userId: user.id, role: 'FUNDER_ANALYST', organizationIds: [managed.id] }
    });
    if (resolved.ok && resolved.viewer.kind === 'user') expect(resolved.viewer.tokenScopes).toBeUndefined();
  });

  it('signing out (POST /logout) deletes the session and the cookie', async () => {
    const { user } = await createUser(db);
    const { token } = await createSession(user.id);
    const jar = new CookieJar({ [SESSION_COOKIE]: token });
    const outcome = await runAction(logoutActions.default!, 'http://atlas.test/logout', {}, jar);
    expect(outcome.redirect).toBe('/');
    expect(await db.session.count({ where: { id: sha256Hex(token) } })).toBe(0);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    expect(await viewerFor(new CookieJar({ [SESSION_COOKIE]: token }))).toMatchObject({ via: 'anonymous' });
  });

  it('treats an expired session as anonymous, deletes it and clears the cookie', async () => {
    const { user } = await createUser(db);
    const { token } = await createSession(user.id);
    await db.session.update({ where: { id: sha256Hex(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const jar = new CookieJar({ [SESSION_COOKIE]: token });
    const resolved = await viewerFor(jar);
    expect(resolved).toMatchObject({ ok: true, via: 'anonymous', viewer: { kind: 'anonymous' } });
    expect(await db.session.count({ where: { id: sha256Hex(token) } })).toBe(0);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    expect(jar.writes.at(-1)).toMatchObject({ name: SESSION_COOKIE, value: '' });
  });

  it('treats an unknown cookie and a disabled user as anonymous', async () => {
    expect(await viewerFor(new CookieJar({ [SESSION_COOKIE]: 'made-up' }))).toMatchObject({ via: 'anonymous' });
    const { user } = await createUser(db);
    const { token } = await createSession(user.id);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await viewerFor(new CookieJar({ [SESSION_COOKIE]: token }))).toMatchObject({ via: 'anonymous' });
  });

  it('slides: a session used after more than an hour gets 30 more days, and the cookie is re-sent', async () => {
    const { user } = await createUser(db);
    const { token } = await createSession(user.id);
    const id = sha256Hex(token);
    const soon = new Date(Date.now() + 2 * HOUR);
    await db.session.update({
      where: { id },
      data: { lastSeenAt: new Date(Date.now() - SESSION_RENEW_AFTER_MS - 1000), expiresAt: soon }
    });
    const jar = new CookieJar({ [SESSION_COOKIE]: token });
    expect(await viewerFor(jar)).toMatchObject({ via: 'session' });
    const renewed = await db.session.findUniqueOrThrow({ where: { id } });
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_TTL_MS - 60_000);
    const cookie = jar.writes.find((w) => w.name === SESSION_COOKIE)!;
    expect(cookie.options.expires!.getTime()).toBe(renewed.expiresAt.getTime());

    // Used again within the hour: no write, no new cookie.
    const again = new CookieJar({ [SESSION_COOKIE]: token });
    await viewerFor(again);
    expect(again.writes).toEqual([]);
    expect((await db.session.findUniqueOrThrow({ where: { id } })).expiresAt.getTime()).toBe(
      renewed.expiresAt.getTime()
    );
  });
});

describe('sign-in throttling', () => {
  const max = () => env().LOGIN_MAX_FAILURES;

  it(`pauses sign-in for an email and address after repeated failures, even with the right password`, async () => {
    const { user, password } = await createUser(db);
    const ip = '192.0.2.10';
    for (let i = 1; i <= max(); i++) {
      const result = await login({ email: user.email, password: `wrong ${i}`, ip });
      expect(result).toMatchObject({ ok: false, reason: 'invalid-credentials', remainingAttempts: max() - i });
    }
    const blocked = await login({ email: user.email, password, ip });
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
    if (blocked.ok || blocked.reason !== 'throttled') return;
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(env().LOGIN_LOCKOUT_MINUTES * 60);
    expect(blocked.message).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ minutes?/);

    // Another address is not affected (an attacker cannot lock the user out everywhere).
    expect((await login({ email: user.email, password, ip: '192.0.2.11' })).ok).toBe(true);
  });

  it('answers 429 with the wait on the sign-in page', async () => {
    const { user } = await createUser(db);
    const jar = new CookieJar();
    let last: Awaited<ReturnType<typeof runAction>> | undefined;
    for (let i = 0; i <= max(); i++) {
      last = await runAction(
        loginActions.default!,
        'http://atlas.test/login',
        { email: user.email, password: 'wrong password' },
        jar,
        '192.0.2.20'
      );
    }
    const failure = last!.result;
    expect(isActionFailure(failure)).toBe(true);
    if (!isActionFailure(failure)) return;
    expect(failure.status).toBe(429);
    expect((failure.data as unknown as { message: string }).message).toMatch(/Try again in \d+ minutes/);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const { user, password } = await createUser(db);
    const ip = '192.0.2.30';
    for (let i = 1; i < max(); i++) await login({ email: user.email, password: 'wrong password', ip });
    expect((await login({ email: user.email, password, ip })).ok).toBe(true);
    const next = await login({ email: user.email, password: 'wrong again', ip });
    expect(next).toMatchObject({ reason: 'invalid-credentials', remainingAttempts: max() - 1 });
  });
});
