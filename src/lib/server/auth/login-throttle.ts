import { env } from '../env';
import { block, consume, limits, peek, privateKey, reset } from '../security/rate-limits';

/**
 * Sign-in throttling on three keys (issue 14, finding 3), all counted in PostgreSQL so every app server shares them:
 *
 * - **email + IP address**: LOGIN_MAX_FAILURES failures pause that pair for LOGIN_LOCKOUT_MINUTES;
 * - **IP address**: LOGIN_MAX_FAILURES_PER_IP failures over all emails pause the address (password spraying);
 * - **account**, from any address: after LOGIN_ACCOUNT_FREE_FAILURES failures each further failure makes the next
 *   attempt wait 1 s, 2 s, 4 s … at most LOGIN_MAX_DELAY_SECONDS — slow enough to stop guessing from many
 *   addresses, never a lockout an attacker could hold for longer than that, and the owner is told by mail when it
 *   starts. A success clears the account's count.
 *
 * Unknown emails are counted exactly like real accounts: the answers (and the work behind them) do not tell
 * which addresses have accounts.
 */
export interface ThrottleKeys {
  pair: string;
  ip: string;
  account: string;
}

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { pair: privateKey(email, ip), ip: privateKey('ip', ip), account: privateKey('account', email) };
}

export type Refusal = { scope: 'pair' | 'ip' | 'account'; retryAfterSeconds: number };

/** The delay after the n-th failure of an account (n counted over the last day). */
export function accountDelaySeconds(failures: number): number {
  const { LOGIN_ACCOUNT_FREE_FAILURES: free, LOGIN_MAX_DELAY_SECONDS: max } = env();
  if (failures < free) return 0;
  return Math.min(2 ** Math.min(failures - free, 30), max);
}

/** Whether an attempt may check its password now; refused attempts are not counted again. */
export async function checkThrottle(keys: ThrottleKeys): Promise<Refusal | null> {
  const [ip, pair, account] = await Promise.all([
    peek(limits.loginFailuresPerIp(), keys.ip),
    peek(limits.loginFailures(), keys.pair),
    peek(limits.loginAccountDelay(), keys.account)
  ]);
  if (!ip.allowed) return { scope: 'ip', retryAfterSeconds: ip.retryAfterSeconds };
  if (!pair.allowed) return { scope: 'pair', retryAfterSeconds: pair.retryAfterSeconds };
  if (!account.allowed) return { scope: 'account', retryAfterSeconds: account.retryAfterSeconds };
  return null;
}

export interface FailureOutcome {
  refusal: Refusal | null;
  /** Failures of this email from this address left before the pair is paused. */
  remainingAttempts: number;
  /** True on the failure that starts the account's delay: the moment to tell the owner. */
  delayStarted: boolean;
}

export async function recordFailure(keys: ThrottleKeys): Promise<FailureOutcome> {
  const [pair, ip, account] = await Promise.all([
    consume(limits.loginFailures(), keys.pair),
    consume(limits.loginFailuresPerIp(), keys.ip),
    consume(limits.loginAccountFailures(), keys.account)
  ]);
  const failures = account.limit - account.remaining;
  const delay = accountDelaySeconds(failures);
  if (delay > 0) await block(limits.loginAccountDelay(), keys.account, delay);
  const refusal: Refusal | null = !ip.allowed
    ? { scope: 'ip', retryAfterSeconds: ip.retryAfterSeconds }
    : !pair.allowed
      ? { scope: 'pair', retryAfterSeconds: pair.retryAfterSeconds }
      : delay > 0
        ? { scope: 'account', retryAfterSeconds: delay }
        : null;
  return {
    refusal,
    remainingAttempts: pair.remaining,
    delayStarted: failures === env().LOGIN_ACCOUNT_FREE_FAILURES
  };
}

export async function recordSuccess(keys: ThrottleKeys): Promise<void> {
  await Promise.all([
    reset(limits.loginFailures(), keys.pair),
    reset(limits.loginAccountFailures(), keys.account),
    reset(limits.loginAccountDelay(), keys.account)
  ]);
}
