/**
 * The outbox projector: PostgreSQL → Neo4j, at least once, idempotent.
 *
 * - `drainOutbox()` claims unprocessed outbox rows in id order (`FOR UPDATE SKIP LOCKED`, inside one Prisma
 *   interactive transaction, so several app servers drain side by side without projecting a row twice at the same
 *   time), reloads the changed aggregates from PostgreSQL (one query per aggregate type), writes them to Neo4j in
 *   one transaction (`UNWIND … MERGE` by stable id) and marks the rows processed. If Neo4j fails, the rows get
 *   `attempts + 1` and `lastError`, and stay for later.
 * - `projectNow(ids)` is what mutations call right after their transaction commits, so the caller reads its own
 *   change from the graph when the mutation returns. It never throws: with Neo4j down it logs and leaves the rows
 *   to the loop.
 * - `startProjectorLoop()` polls, backing off while Neo4j is unreachable.
 */
import { hostname } from 'node:os';
import type { Driver } from 'neo4j-driver';
import { Prisma, type PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { getDriver } from '../platform/neo4j';
import { addChange, loadPlan, unknownAggregates, writePlan, type ChangeSet } from './apply';
import { backoffMs, CircuitBreaker } from './backoff';
import { isGraphUnavailable } from '../platform/graph-transaction';

export interface DrainOptions {
  /** Outbox rows per PostgreSQL + Neo4j transaction (default 500). */
  batchSize?: number;
  /** Only these outbox rows (what a mutation just wrote). */
  ids?: bigint[];
  /** Defaults: the process's Prisma client and Neo4j driver. */
  db?: PrismaClient;
  driver?: Driver;
  log?: (line: string) => void;
}

const DEFAULT_BATCH_SIZE = 500;
/** Who marked an outbox row processed (`projectedBy`): one app process among several. */
const INSTANCE = `${hostname()}:${process.pid}`;
const defaultLog = (line: string) => console.warn(`[projection] ${line}`);

// One breaker per Neo4j driver: "Neo4j is down" is a fact about a server, shared by the loop and every mutation.
const breakers = new WeakMap<Driver, CircuitBreaker>();
export function breakerFor(driver: Driver): CircuitBreaker {
  let breaker = breakers.get(driver);
  if (!breaker) breakers.set(driver, (breaker = new CircuitBreaker()));
  return breaker;
}

/** Drains until no claimable row is left or Neo4j fails; returns the number of outbox rows marked processed. */
export function drainOutbox(opts: DrainOptions = {}): Promise<number> {
  return drain(opts, false);
}

/**
 * Projects the outbox rows a mutation just committed. Waits for rows another drainer holds (instead of skipping
 * them), so that when this returns the change is in the graph — unless Neo4j is down, in which case it returns
 * at once (breaker open) or after one failed attempt, logs, and leaves the rows to the loop. Never throws: the
 * mutation itself has already succeeded.
 */
export async function projectNow(ids: bigint[], opts: Omit<DrainOptions, 'ids'> = {}): Promise<number> {
  if (ids.length === 0) return 0;
  const log = opts.log ?? defaultLog;
  try {
    const driver = opts.driver ?? getDriver();
    if (!breakerFor(driver).canTry()) {
      log(`Neo4j unavailable: ${ids.length} change(s) left for the projector loop`);
      return 0;
    }
    return await drain({ ...opts, driver, ids }, true);
  } catch (error) {
    log(`could not project ${ids.length} change(s) now, left for the projector loop: ${describe(error)}`);
    return 0;
  }
}

export interface ProjectorLoop {
  stop(): Promise<void>;
}

/**
 * Polls the outbox every `intervalMs` (default 1 s). While Neo4j is unreachable it waits for the breaker
 * (2 s, 4 s, then every 5 s) instead of the interval. `stop()` waits for the drain in progress.
 */
export function startProjectorLoop(opts: { intervalMs?: number } & Omit<DrainOptions, 'ids'> = {}): ProjectorLoop {
  const intervalMs = opts.intervalMs ?? 1000;
  const log = opts.log ?? defaultLog;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    if (stopped) return;
    let wait = intervalMs;
    try {
      const driver = opts.driver ?? getDriver();
      const breaker = breakerFor(driver);
      if (breaker.canTry()) {
        const processed = await drain({ ...opts, driver }, false);
        if (processed > 0 && breaker.consecutiveFailures === 0) log(`projected ${processed} change(s)`);
      }
      wait = Math.max(intervalMs, breaker.msUntilRetry());
    } catch (error) {
      // PostgreSQL trouble (or no NEO4J_URI): keep polling, the next tick may succeed.
      log(`projector loop: ${describe(error)}`);
    }
    if (!stopped) {
      timer = setTimeout(() => (running = tick()), wait);
      timer.unref?.();
    }
  };
  running = tick();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    }
  };
}

// ─── Internals ───────────────────────────────────────────────────────────────────────────────────────────

interface ClaimedRow {
  id: string;
  aggregate: string;
  aggregateId: string;
  attempts: number;
}

interface BatchResult {
  claimed: number;
  processed: number;
  /** Neo4j could not be used: stop draining, the breaker decides when to try again. */
  unavailable: boolean;
}

async function drain(opts: DrainOptions, waitForLocked: boolean): Promise<number> {
  const db = opts.db ?? getDb();
  const driver = opts.driver ?? getDriver();
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const log = opts.log ?? defaultLog;
  if (opts.ids && opts.ids.length === 0) return 0;
  let total = 0;
  for (;;) {
    const result = await drainBatch(db, driver, { batchSize, ids: opts.ids, waitForLocked }, log);
    total += result.processed;
    if (result.unavailable || result.claimed < batchSize) return total;
  }
}

function drainBatch(
  db: PrismaClient,
  driver: Driver,
  opts: { batchSize: number; ids?: bigint[]; waitForLocked: boolean },
  log: (line: string) => void
): Promise<BatchResult> {
  const breaker = breakerFor(driver);
  return db.$transaction(
    async (tx) => {
      const rows = await claim(tx, opts);
      if (rows.length === 0) return { claimed: 0, processed: 0, unavailable: false };

      const changes = toChangeSet(rows);
      for (const aggregate of unknownAggregates(changes)) {
        log(`outbox rows for unknown aggregate "${aggregate}" marked processed without projecting`);
      }
      await lockAggregates(tx, rows);
      const plan = await loadPlan(tx, changes);
      try {
        await writePlan(driver, plan);
      } catch (error) {
        if (isGraphUnavailable(error)) {
          breaker.failed();
          await recordFailure(tx, rows, error);
          log(`Neo4j unavailable (${describe(error)}); ${rows.length} change(s) left pending`);
          return { claimed: rows.length, processed: 0, unavailable: true };
        }
        return isolateFailures(tx, driver, rows, error, log);
      }
      breaker.succeeded();
      await markProcessed(tx, rows);
      return { claimed: rows.length, processed: rows.length, unavailable: false };
    },
    // The Neo4j write happens inside the PostgreSQL transaction (that is what keeps the rows claimed).
    { maxWait: 10_000, timeout: 120_000 }
  );
}

type Tx = Prisma.TransactionClient;

function claim(tx: Tx, opts: { batchSize: number; ids?: bigint[]; waitForLocked: boolean }): Promise<ClaimedRow[]> {
  const only = opts.ids ? Prisma.sql`AND id = ANY(${opts.ids.map(String)}::bigint[])` : Prisma.empty;
  const lock = opts.waitForLocked ? Prisma.sql`FOR UPDATE` : Prisma.sql`FOR UPDATE SKIP LOCKED`;
  return tx.$queryRaw<ClaimedRow[]>`
    SELECT id::text AS id, aggregate, "aggregateId", attempts
    FROM "Outbox"
    WHERE "processedAt" IS NULL ${only}
      -- A row that failed on its own waits out its backoff, whichever instance claims it (recordFailure).
      AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= now())
    ORDER BY id
    LIMIT ${opts.batchSize}
    ${lock}`;
}

function toChangeSet(rows: ClaimedRow[]): ChangeSet {
  const changes: ChangeSet = new Map();
  for (const row of rows) addChange(changes, row.aggregate, row.aggregateId);
  return changes;
}

/**
 * Serialises projection per aggregate across drainers: without it, drainer 1 could read an organisation, drainer 2
 * read a newer version and write it, and drainer 1 then overwrite the graph with the older one. Locks are taken in
 * one sorted statement (no lock-order deadlocks) and released at commit, after the Neo4j write.
 */
async function lockAggregates(tx: Tx, rows: ClaimedRow[]): Promise<void> {
  const keys = [...new Set(rows.map((r) => `${r.aggregate}:${r.aggregateId}`))];
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(k)
    FROM (SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest(${keys}::text[]) AS key ORDER BY 1) AS sorted`;
}

/**
 * `projections + 1` rather than a flag: the mark runs in the transaction that holds the claim, so with exclusive
 * claims every row ends at 1, and a count above 1 shows a row that two drainers projected (the two-instance test
 * and an operator can see it; a boolean would hide it). `projectedBy` names the instance that did it.
 */
async function markProcessed(tx: Tx, rows: ClaimedRow[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Outbox" SET "processedAt" = now(), projections = projections + 1, "projectedBy" = ${INSTANCE}
    WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])`;
}

/**
 * Counts a failed attempt. With `backOff` (a failure of the rows' own, not an outage) the rows also get
 * `nextAttemptAt` = now + min(2^attempts s, 5 min), stored in the row so that every instance — and this one after a
 * restart — leaves them alone until then. An outage sets none: the circuit breaker paces those retries.
 */
async function recordFailure(tx: Tx, rows: ClaimedRow[], error: unknown, backOff = false): Promise<void> {
  const ids = rows.map((r) => r.id);
  const message = describe(error).slice(0, 2000);
  if (!backOff) {
    await tx.$executeRaw`
      UPDATE "Outbox" SET attempts = attempts + 1, "lastError" = ${message} WHERE id = ANY(${ids}::bigint[])`;
    return;
  }
  // Seconds per attempt count, computed here so the SQL stays a plain interval multiplication.
  const delays = rows.map((r) => backoffMs(r.attempts + 1) / 1000);
  await tx.$executeRaw`
    UPDATE "Outbox" o SET attempts = o.attempts + 1, "lastError" = ${message},
      "nextAttemptAt" = now() + make_interval(secs => d.seconds)
    FROM unnest(${ids}::bigint[], ${delays}::float8[]) AS d(id, seconds)
    WHERE o.id = d.id`;
}

/**
 * A batch failed for a reason other than Neo4j being unavailable (a constraint, a bad value): project it again one
 * aggregate at a time, so the good rows go through and only the culprit's rows wait (with their own backoff).
 */
async function isolateFailures(
  tx: Tx,
  driver: Driver,
  rows: ClaimedRow[],
  batchError: unknown,
  log: (line: string) => void
): Promise<BatchResult> {
  const groups = new Map<string, ClaimedRow[]>();
  for (const row of rows) {
    const key = `${row.aggregate}:${row.aggregateId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const breaker = breakerFor(driver);
  const pending = [...groups.values()];
  let processed = 0;
  while (pending.length > 0) {
    const group = pending.shift()!;
    let error: unknown = batchError;
    if (groups.size > 1) {
      try {
        await writePlan(driver, await loadPlan(tx, toChangeSet(group)));
        await markProcessed(tx, group);
        processed += group.length;
        continue;
      } catch (groupError) {
        error = groupError;
      }
    }
    if (isGraphUnavailable(error)) {
      // Neo4j went away halfway: everything not yet projected waits for the breaker, like any outage.
      breaker.failed();
      await recordFailure(tx, [group, ...pending].flat(), error);
      return { claimed: rows.length, processed, unavailable: true };
    }
    await recordFailure(tx, group, error, true);
    log(`could not project ${group[0].aggregate} ${group[0].aggregateId}: ${describe(error)}`);
  }
  breaker.succeeded();
  return { claimed: rows.length, processed, unavailable: false };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
