import type { PrismaClient } from '../db/generated/client';
import { getDb, outsideQueryCounter } from '../platform/db';
import type { Decision, LimitSpec } from './rate-limits';
import { WriteBehindCounter } from './write-behind-counter';

/**
 * The request limits' counters (write-behind-counter.ts), one per database client and limit, and the one timer
 * that writes them every second. Sign-in throttling and reset mails stay on rate-limits.ts, counted in PostgreSQL
 * before each answer: they are rare, and a lockout must not depend on which instance a guess reached.
 */
export const FLUSH_INTERVAL_MS = 1_000;

const counters = new Map<string, { db: PrismaClient; counter: WriteBehindCounter }>();
const clientIds = new WeakMap<PrismaClient, number>();
let nextClientId = 0;
let timer: ReturnType<typeof setInterval> | null = null;

function counterFor(spec: LimitSpec): WriteBehindCounter {
  const db = getDb();
  let id = clientIds.get(db);
  if (id === undefined) clientIds.set(db, (id = nextClientId++));
  const key = `${id}:${spec.table}:${spec.points}:${spec.durationSeconds}`;
  let entry = counters.get(key);
  if (!entry) {
    entry = { db, counter: new WriteBehindCounter(db, spec) };
    counters.set(key, entry);
  }
  // Created outside any request's query counter, so the writes it makes are never counted as that request's.
  timer ??= outsideQueryCounter(() => setInterval(() => void flushRequestCounters(), FLUSH_INTERVAL_MS).unref());
  return entry.counter;
}

/** Counts one request of `key` against `spec` (no SQL while the key is far from its limit). */
export function consumeRequest(spec: LimitSpec, key: string): Promise<Decision> {
  return counterFor(spec).consume(key);
}

/** Writes every counter's unsent hits now (the timer does it every second; tests and shutdown call it). */
export async function flushRequestCounters(): Promise<void> {
  await Promise.all([...counters.values()].map(({ counter }) => counter.flush()));
}

/** On shutdown, before the pool closes: stop the timer and write what is left. */
export async function stopRequestCounters(): Promise<void> {
  if (timer) clearInterval(timer);
  timer = null;
  await flushRequestCounters();
}
