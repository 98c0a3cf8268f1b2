import { getDb } from '../db';
import { consume, limits, peek, privateKey, reset } from '../security/rate-limits';
import { verifyAgainstDummy, verifyPassword } from './password';
import { createSession, deleteSession, type NewSession } from './sessions';
import { emailSchema } from './users';

export type LoginResult =
  | ({ ok: true; userId: string } & NewSession)
  | { ok: false; reason: 'invalid-input'; message: string; field: 'email' | 'password' }
  | { ok: false; reason: 'invalid-credentials'; message: string; remainingAttempts: number }
  | { ok: false; reason: 'throttled'; message: string; retryAfterSeconds: number };

export interface LoginInput {
  email: string;
  password: string;
  /** The client's IP address: failures are counted per email AND address, so one attacker cannot lock out a user. */
  ip: string;
  /** The session cookie the browser already had: it is ended, so that every sign-in starts a new session id. */
  previousToken?: string;
}

function throttled(retryAfterSeconds: number): LoginResult {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return {
    ok: false,
    reason: 'throttled',
    retryAfterSeconds,
    message: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`
  };
}

/**
 * Email + password sign-in. After LOGIN_MAX_FAILURES failures for one email from one address, further attempts
 * are refused without checking the password until the window ends; a success clears the count. The answer to a
 * wrong password and to an unknown email is the same, and takes the same time.
 */
export async function login(input: LoginInput): Promise<LoginResult> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success)
    return { ok: false, reason: 'invalid-input', field: 'email', message: 'email: is not a valid email address' };
  if (!input.password)
    return { ok: false, reason: 'invalid-input', field: 'password', message: 'password: must not be empty' };

  const spec = limits.loginFailures();
  const key = privateKey(email.data, input.ip);
  const state = await peek(spec, key);
  if (!state.allowed) return throttled(state.retryAfterSeconds);

  const db = getDb();
  const user = await db.user.findUnique({ where: { email: email.data } });
  const valid = user
    ? (await verifyPassword(user.passwordHash, input.password)) && !user.disabledAt
    : await verifyAgainstDummy(input.password);

  if (!user || !valid) {
    const after = await consume(spec, key);
    if (!after.allowed) return throttled(after.retryAfterSeconds);
    return {
      ok: false,
      reason: 'invalid-credentials',
      remainingAttempts: after.remaining,
      message: 'The email address or password is not correct.'
    };
  }

  await reset(spec, key);
  if (input.previousToken) await deleteSession(input.previousToken);
  const session = await createSession(user.id);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, userId: user.id, ...session };
}
