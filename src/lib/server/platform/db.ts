/**
 * The one Prisma client per process, plus the database checks the start command and health endpoints need.
 * Relative imports only: the CLIs run this file with tsx, outside Vite.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../db/generated/client';
import { env } from '../env';
import { assertMayOpenStoreClient } from './store-clients-closed';

export type Db = PrismaClient;

// ─── Counting SQL round trips ────────────────────────────────────────────────────────────────────────────

interface QueryCounter {
  sqlQueries: number;
  parent?: QueryCounter;
}

const queryCounters = new AsyncLocalStorage<QueryCounter>();

function countSqlQuery(): void {
  for (let counter = queryCounters.getStore(); counter; counter = counter.parent) counter.sqlQueries++;
}

/**
 * Runs `fn` and counts the SQL statements it sends (each one a round trip, including BEGIN/COMMIT of
 * transactions). Nested counters count into their parents too. Used by tests to catch N+1 queries.
 */
export async function withQueryCounter<T>(fn: () => Promise<T>): Promise<{ result: T; sqlQueries: number }> {
  const counter: QueryCounter = { sqlQueries: 0, parent: queryCounters.getStore() };
  // Prisma queries are lazy: they run when awaited, so the await must happen inside the counter's context.
  const result = await queryCounters.run(counter, async () => await fn());
  return { result, sqlQueries: counter.sqlQueries };
}

/**
 * Runs `fn` outside any query counter: work it starts in the background (a mail sent after the answer) is not
 * part of the operation that started it, and must not make that operation's count depend on timing.
 */
export function outsideQueryCounter<T>(fn: () => T): T {
  return queryCounters.exit(fn);
}

/**
 * adapter-pg sends plain statements through `pool.query` and transaction statements through a checked-out
 * client's `query`. Both calls happen in the caller's async context, so the counter is found there.
 * `pool.query` itself runs `client.query(text, values, callback)` on a pooled client, possibly from another
 * request's context when the pool was busy: calls with a callback are that internal path and not counted again.
 */
type AnyQuery = (...args: unknown[]) => unknown;

/**
 * Promise-style queries on one connection run one after another, queued here rather than in pg. Prisma's query
 * interpreter loads the relations of an `include` with Promise.all; inside an interactive transaction they all go
 * to the transaction's one connection, and pg's own queue for that is deprecated (the warning "Calling
 * client.query() when the client is already executing a query", an error from pg 9). Known upstream
 * (prisma/orm#29979, open). Callback-style calls are pool.query's internal path on an idle client: left alone.
 */
class CountingClient extends pg.Client {
  /** Settles when the last queued promise-style query has settled (never rejects). */
  private queueTail: Promise<unknown> = Promise.resolve();
  private queued = 0;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as AnyQuery;
    this.query = ((...args: unknown[]) => {
      if (typeof args[args.length - 1] === 'function') return query(...args);
      countSqlQuery();
      // A Submittable (a cursor, a stream) is returned to the caller itself, not as a promise: not queued.
      if (typeof (args[0] as { submit?: unknown } | undefined)?.submit === 'function') return query(...args);
      return this.afterQueued(() => query(...args));
    }) as pg.Client['query'];
  }

  private afterQueued(run: () => unknown): Promise<unknown> {
    // Alone on the connection, a query starts at once, as before; otherwise after the one before it settled.
    const result = this.queued === 0 ? Promise.resolve(run()) : this.queueTail.then(run);
    this.queued += 1;
    this.queueTail = result.then(
      () => (this.queued -= 1),
      () => (this.queued -= 1)
    );
    return result;
  }
}

class CountingPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super({ ...config, Client: CountingClient });
    const query = this.query.bind(this) as AnyQuery;
    this.query = ((...args: unknown[]) => {
      countSqlQuery();
      return query(...args);
    }) as pg.Pool['query'];
  }
}

// ─── Clients ─────────────────────────────────────────────────────────────────────────────────────────────

export interface DbHandle {
  db: PrismaClient;
  /** The pool under `db` (every query through it is counted by withQueryCounter). */
  pool: pg.Pool;
  /** Disconnects Prisma and closes the pool. */
  close(): Promise<void>;
}

/**
 * A Prisma client over its own pool. `connection_limit` in the URL (Prisma's name for it) sets the pool size:
 * the embedded PGlite URL carries `connection_limit=1`. Apps use getDb(); tests use this for their own databases.
 */
const poolsOfClients = new WeakMap<PrismaClient, pg.Pool>();

/** The pool under a client made by createDb (for work that must bypass Prisma, such as a large import). */
export function poolOf(db: PrismaClient): pg.Pool {
  const pool = poolsOfClients.get(db);
  if (!pool) throw new Error('poolOf: this Prisma client was not made by createDb');
  return pool;
}

export function createDb(databaseUrl: string, options: { statementTimeoutMs?: number } = {}): DbHandle {
  const statementTimeoutMs = options.statementTimeoutMs ?? env().DATABASE_STATEMENT_TIMEOUT_MS;
  const url = new URL(databaseUrl);
  const limit = url.searchParams.get('connection_limit');
  url.searchParams.delete('connection_limit');
  // With a single connection every query and transaction queues behind all others: waiting is normal there,
  // so the waits allowed (for a pooled connection, for a transaction to start) are longer.
  const queueWaitMs = limit === '1' ? 60_000 : 10_000;
  const pool = new CountingPool({
    connectionString: url.toString(),
    ...(limit ? { max: Number(limit) } : {}),
    connectionTimeoutMillis: queueWaitMs,
    // PostgreSQL's JIT compiles any plan its estimates call expensive; the directory's "works in or is based in"
    // filter crosses that threshold and JIT compilation then doubled its time (docs/benchmarks.md). Our queries
    // are short OLTP reads; the embedded PGlite (connection_limit=1) has no JIT and no startup options.
    // random_page_cost 1.1 instead of 4 (a spinning disk's seek): the Atlas's tables sit in memory or on SSD, where
    // a random read costs about a sequential one; at 4 the planner prefers reading all of "Organization" to a
    // few hundred index lookups for a filtered directory search (decision 0022).
    ...(limit === '1' ? {} : { options: '-c jit=off -c random_page_cost=1.1' }),
    // Sent with every connection's startup, so it holds for each statement, in and out of transactions: a
    // frozen or overloaded PostgreSQL then fails a request after this long instead of hanging it (issue 14,
    // finding 7). PGlite's socket server takes no startup parameters; its single connection queues anyway.
    ...(limit === '1' || statementTimeoutMs === 0 ? {} : { statement_timeout: statementTimeoutMs })
  });
  const db = new PrismaClient({
    adapter: new PrismaPg(pool),
    ...(limit === '1' ? { transactionOptions: { maxWait: queueWaitMs } } : {})
  });
  poolsOfClients.set(db, pool);
  let closing: Promise<void> | undefined;
  return {
    db,
    pool,
    close: () => (closing ??= db.$disconnect().then(() => pool.end()))
  };
}

// Vite's dev server re-evaluates modules on change: keep the one client on globalThis, not in module state.
// (globalThis's type has no such slot; casting through unknown is the usual way to declare one.)
const globalForDb = globalThis as unknown as { __atlasDb?: DbHandle };

export function getDb(): PrismaClient {
  if (!globalForDb.__atlasDb) {
    assertMayOpenStoreClient('PostgreSQL');
    const url = env().DATABASE_URL;
    if (!url) {
      throw new Error('DATABASE_URL is not set: start the app with `npm start` (embedded PGlite) or set it.');
    }
    globalForDb.__atlasDb = createDb(url);
  }
  return globalForDb.__atlasDb.db;
}

/** The pool under getDb(): for a library that runs its own SQL (the mail queue) on the app's one connection pool. */
export function getPool(): pg.Pool {
  getDb();
  return globalForDb.__atlasDb!.pool;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.__atlasDb;
  globalForDb.__atlasDb = undefined;
  await handle?.close();
}

// ─── Checks ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * One statement for a check. Without a URL and once getDb() has its pool, through that pool: a second
 * connection to the embedded PGlite would interleave with the app's statements (see tools/local-stores/embedded-postgres.ts).
 * Otherwise on a short-lived connection of its own, so checks work before the app's client exists.
 */
async function checkQuery<R extends pg.QueryResultRow>(
  databaseUrl: string | undefined,
  timeoutMs: number,
  sql: string
): Promise<pg.QueryResult<R>> {
  const appPool = databaseUrl === undefined ? globalForDb.__atlasDb?.pool : undefined;
  if (appPool) return withTimeout(appPool.query<R>(sql), timeoutMs);

  const target = databaseUrl ?? env().DATABASE_URL;
  if (!target) throw new Error('DATABASE_URL is not set');
  const url = new URL(target);
  url.searchParams.delete('connection_limit');
  const client = new pg.Client({
    connectionString: url.toString(),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs
  });
  client.on('error', () => {}); // a dropped connection surfaces as the query's rejection
  try {
    await client.connect();
    return await client.query<R>(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** SELECT 1 within `timeoutMs`. Defaults to the app's database (and its pool once getDb() was called). */
export async function isDbReachable(
  databaseUrl?: string,
  timeoutMs = 2_000
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await checkQuery(databaseUrl, timeoutMs, 'SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message || error.name : String(error) };
  }
}

export const MIGRATIONS_DIR = resolve('prisma/migrations');

/** Migration folders (prisma/migrations/<name>/) not yet applied successfully, oldest first. */
export async function pendingMigrations(databaseUrl?: string, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const local = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  let applied: Set<string>;
  try {
    const { rows } = await checkQuery<{ migration_name: string }>(
      databaseUrl,
      5_000,
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL'
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (error) {
    if ((error as { code?: string }).code !== '42P01') throw error;
    applied = new Set(); // no _prisma_migrations table: nothing applied yet
  }
  return local.filter((name) => !applied.has(name));
}
