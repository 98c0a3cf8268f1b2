import { runInBackground } from '../background-work';
import { getDb } from '../platform/db';
import { env } from '../env';
import { sendMail } from '../mail/send';
import { failedSignInsMessage } from '../mail/messages';
import { mailLanguage } from '../notifications/kinds';
import { checkThrottle, recordFailure, recordSuccess, throttleKeys, type Refusal } from './login-throttle';
import { verifyAgainstDummy, verifyPassword } from './password';
import { createSession, deleteSession, type NewSession } from './sessions';
import { emailSchema } from './users';

export type LoginResult =
  | ({ ok: true; userId: string } & NewSession)
  | { ok: false; reason: 'invalid-input'; message: string; field: 'email' | 'password' }
  | { ok: false; reason: 'invalid-credentials'; message: string; remainingAttempts: number }
  | { ok: false; reason: 'throttled'; message: string; retryAfterSeconds: number; scope: Refusal['scope'] };

export interface LoginInput {
  email: string;
  password: string;
  /** The client's IP address: failures are counted per email + address, per address and per account. */
  ip: string;
  /** The session cookie the browser already had: it is ended, so that every sign-in starts a new session id. */
  previousToken?: string;
  /** Public origin for the reset link in the "failed sign-ins" mail (ORIGIN, else this). */
  origin?: string;
}

function wait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function throttled({ scope, retryAfterSeconds }: Refusal): LoginResult {
  const what =
    scope === 'ip'
      ? 'Too many failed sign-in attempts from your network.'
      : scope === 'account'
        ? 'Too many failed sign-in attempts for this account.'
        : 'Too many failed sign-in attempts.';
  return {
    ok: false,
    reason: 'throttled',
    scope,
    retryAfterSeconds,
    message: `${what} Try again in ${wait(retryAfterSeconds)}, or reset your password.`
  };
}

/**
 * Email + password sign-in, throttled per email + address, per address and per account (login-throttle.ts):
 * throttled attempts are refused without checking the password. The answer to a wrong password and to an
 * unknown email is the same and costs the same work (one lookup, one argon2 verification, the same counters);
 * the mail to the owner of a targeted account goes out after the answer.
 */
export async function login(input: LoginInput): Promise<LoginResult> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success)
    return { ok: false, reason: 'invalid-input', field: 'email', message: 'email: is not a valid email address' };
  if (!input.password)
    return { ok: false, reason: 'invalid-input', field: 'password', message: 'password: must not be empty' };

  const keys = throttleKeys(email.data, input.ip);
  const refusal = await checkThrottle(keys);
  if (refusal) return throttled(refusal);

  const db = getDb();
  const user = await db.user.findUnique({ where: { email: email.data } });
  const valid = user
    ? (await verifyPassword(user.passwordHash, input.password)) && !user.disabledAt
    : await verifyAgainstDummy(input.password);

  if (!user || !valid) {
    const after = await recordFailure(keys);
    if (after.delayStarted && user && !user.disabledAt) {
      const origin = env().ORIGIN ?? input.origin ?? `http://localhost:${env().PORT}`;
      const message = failedSignInsMessage(
        user.email,
        env().LOGIN_ACCOUNT_FREE_FAILURES,
        Math.ceil(env().LOGIN_MAX_DELAY_SECONDS / 60),
        new URL('/reset-password', origin).toString(),
        mailLanguage(user.language)
      );
      runInBackground('failed sign-ins mail', () => sendMail(message));
    }
    if (after.refusal) return throttled(after.refusal);
    return {
      ok: false,
      reason: 'invalid-credentials',
      remainingAttempts: after.remainingAttempts,
      message: 'The email address or password is not correct.'
    };
  }

  await recordSuccess(keys);
  if (input.previousToken) await deleteSession(input.previousToken);
  const session = await createSession(user.id);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, userId: user.id, ...session };
}
