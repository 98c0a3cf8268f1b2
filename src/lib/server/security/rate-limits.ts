import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { getDb } from '../platform/db';
import type { PrismaClient } from '../db/generated/client';
import { env } from '../env';
import { sha256Hex } from '../auth/secrets';
import { ensureRateLimitTable, prismaStoreClient, RATE_LIMIT_SCHEMA } from './rate-limit-store';

/**
 * The rate limits, counted in PostgreSQL so that every app server behind a load balancer shares them (app servers
 * are stateless). If the database cannot be reached, each server falls back to counting in memory rather than
 * letting everything through or refusing everything. The request limits (`api`, `apiAnonymous`) are counted in
 * process and written behind (request-counters.ts, decision 0046); sign-in and reset limits here, hit by hit.
 */
export interface LimitSpec {
  /** Counter table in the atlas_rate_limits schema. */
  table: string;
  points: number;
  durationSeconds: number;
}

export interface Decision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (at least 1 when refused). */
  retryAfterSeconds: number;
}

export const limits = {
  /** /graphql, per API token or signed-in user. */
  api: (): LimitSpec => ({ table: 'api', points: env().API_RATE_LIMIT_PER_MINUTE, durationSeconds: 60 }),
  /** /graphql without credentials, per IP address. */
  apiAnonymous: (): LimitSpec => ({
    table: 'api_anonymous',
    points: env().API_RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    durationSeconds: 60
  }),
  /** Failed sign-ins per email + IP: the window starts at the first failure and a success clears it. */
  loginFailures: (): LimitSpec => ({
    table: 'login_failures',
    points: env().LOGIN_MAX_FAILURES,
    durationSeconds: env().LOGIN_LOCKOUT_MINUTES * 60
  }),
  /** Failed sign-ins per IP address over all emails: stops one address from spraying guesses over many accounts. */
  loginFailuresPerIp: (): LimitSpec => ({
    table: 'login_failures_ip',
    points: env().LOGIN_MAX_FAILURES_PER_IP,
    durationSeconds: env().LOGIN_LOCKOUT_MINUTES * 60
  }),
  /** Failed sign-ins per account from anywhere, counted for a day (the exponent of the account's delay). */
  loginAccountFailures: (): LimitSpec => ({
    table: 'login_account_failures',
    points: 1_000_000,
    durationSeconds: 86_400
  }),
  /** The account's current delay: a one-point limiter that login.ts blocks for the delay's length. */
  loginAccountDelay: (): LimitSpec => ({ table: 'login_account_delay', points: 1, durationSeconds: 1 }),
  /** Reset emails per address: stops the form from being used to flood someone's inbox. */
  passwordResetRequests: (): LimitSpec => ({ table: 'password_reset_requests', points: 3, durationSeconds: 3600 })
} as const;

const limiters = new WeakMap<PrismaClient, Map<string, Promise<RateLimiterPostgres>>>();

function limiterFor(spec: LimitSpec): Promise<RateLimiterPostgres> {
  const db = getDb();
  let byTable = limiters.get(db);
  if (!byTable) limiters.set(db, (byTable = new Map()));
  const cacheKey = `${spec.table}:${spec.points}:${spec.durationSeconds}`;
  let limiter = byTable.get(cacheKey);
  if (!limiter) {
    limiter = ensureRateLimitTable(db, spec.table).then(
      () =>
        new RateLimiterPostgres({
          storeClient: prismaStoreClient(db),
          storeType: 'client',
          schemaName: RATE_LIMIT_SCHEMA,
          tableName: spec.table,
          tableCreated: true,
          points: spec.points,
          duration: spec.durationSeconds,
          insuranceLimiter: new RateLimiterMemory({ points: spec.points, duration: spec.durationSeconds })
        })
    );
    limiter.catch(() => byTable.delete(cacheKey));
    byTable.set(cacheKey, limiter);
  }
  return limiter;
}

function decision(spec: LimitSpec, res: RateLimiterRes | null, allowed: boolean): Decision {
  const consumed = res?.consumedPoints ?? 0;
  return {
    allowed,
    limit: spec.points,
    remaining: Math.max(spec.points - consumed, 0),
    retryAfterSeconds: res ? Math.max(Math.ceil(res.msBeforeNext / 1000), allowed ? 0 : 1) : 0
  };
}

/** Counts one hit; refused once the key has used up its points in the current window. */
export async function consume(spec: LimitSpec, key: string): Promise<Decision> {
  const limiter = await limiterFor(spec);
  try {
    return decision(spec, await limiter.consume(key), true);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return decision(spec, rejection, false);
    throw rejection;
  }
}

/** The state of a key without counting: refused when its points are used up. */
export async function peek(spec: LimitSpec, key: string): Promise<Decision> {
  const res = await (await limiterFor(spec)).get(key);
  return decision(spec, res, !res || res.consumedPoints < spec.points);
}

/** Refuses the key for `seconds` from now, whatever it consumed (an exponential delay sets its own lengths). */
export async function block(spec: LimitSpec, key: string, seconds: number): Promise<void> {
  await (await limiterFor(spec)).block(key, seconds);
}

export async function reset(spec: LimitSpec, key: string): Promise<void> {
  await (await limiterFor(spec)).delete(key);
}

/** Keys holding personal data (email addresses) are stored hashed, and always fit the 255-character key column. */
export function privateKey(...parts: string[]): string {
  return sha256Hex(parts.join('\u0000'));
}
