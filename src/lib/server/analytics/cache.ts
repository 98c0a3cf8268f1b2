/**
 * The AnalyticsCache table: heavy results precomputed per (metric, visibility level, parameters) and returned with
 * the time they were computed. A missing entry is computed on first use and stored; `refreshAnalytics` recomputes
 * the default entries for every level.
 *
 * Invalidation is by GENERATION, one counter per visibility level kept in this same table (key
 * `analytics-generation:<level>`, value a JSON number; no schema change). `invalidateLevels` bumps the counter and
 * then deletes the level's entries; a computation remembers the generation it started under and stores its result
 * only if that is still the current one. Deleting alone was not enough: a reader that read the graph before a
 * partnership was hidden and saved after the deletion would have cached the old counts until the next refresh.
 */
import type { Prisma, PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { VISIBILITY_LEVELS, type VisibilityLevel } from './levels';
import { readParsedEntry, rememberEntry } from './parsed-entries';

export interface Cached<T> {
  value: T;
  computedAt: Date;
  level: VisibilityLevel;
}

/** `brokers:members:{"top":50}` — parameters in sorted key order, so equal parameters give one key. */
export function cacheKey(metric: string, level: VisibilityLevel, params: Record<string, unknown>): string {
  return `${metric}:${level}:${stableJson(params)}`;
}

/** Never of the `metric:level:{params}` shape, so refresh (which re-runs every entry of that shape) skips it. */
export function generationKey(level: VisibilityLevel): string {
  return `analytics-generation:${level}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function readCache<T>(key: string): Promise<{ value: T; computedAt: Date } | null> {
  const row = await getDb().analyticsCache.findUnique({ where: { key } });
  return row ? { value: row.value as T, computedAt: row.computedAt } : null;
}

/**
 * The level's current generation: 0 until it is first invalidated. Creates the level's generation row when missing,
 * so that a later write has a row to lock (see writeCacheIfCurrent).
 */
export async function currentGeneration(level: VisibilityLevel): Promise<number> {
  const db = getDb();
  const where = { key: generationKey(level) };
  const row = await db.analyticsCache.findUnique({ where, select: { value: true } });
  if (row) return Number(row.value);
  await db.$executeRaw`
    INSERT INTO "AnalyticsCache" (key, value, "computedAt")
    VALUES (${where.key}, '0'::jsonb, now() AT TIME ZONE 'UTC')
    ON CONFLICT (key) DO NOTHING`;
  const created = await db.analyticsCache.findUnique({ where, select: { value: true } });
  return created ? Number(created.value) : 0;
}

/**
 * Stores `value` under `key` if the level is still at `generation`; returns when it was stored, or null when an
 * invalidation came in between (the value may count what the level may no longer see, so it is not kept) or the
 * generation row is gone.
 *
 * One statement, so no transaction is held open while a large value is sent. It reads the generation row FOR SHARE
 * until it commits. An invalidation updates that row before it deletes, so either it committed first (this sees
 * the new generation — a locking read returns the latest version — and stores nothing) or it waits for this
 * statement and then deletes what it stored.
 */
export async function writeCacheIfCurrent(
  key: string,
  level: VisibilityLevel,
  generation: number,
  value: unknown
): Promise<Date | null> {
  const computedAt = new Date();
  // "computedAt" is a timestamp without time zone holding UTC, as Prisma writes it (hence `now() AT TIME ZONE 'UTC'`
  // elsewhere here); casting the ISO string drops its Z.
  const json = JSON.stringify(value);
  const stored = await getDb().$queryRaw<{ key: string; xmin: string }[]>`
    WITH current AS (
      SELECT value FROM "AnalyticsCache" WHERE key = ${generationKey(level)} FOR SHARE
    )
    INSERT INTO "AnalyticsCache" (key, value, "computedAt")
    SELECT ${key}, ${json}::jsonb, ${computedAt.toISOString()}::timestamp
    FROM current WHERE (current.value)::int = ${generation}
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "computedAt" = EXCLUDED."computedAt"
    RETURNING key, xmin::text AS xmin`;
  if (stored.length === 0) return null;
  // The next read of this entry in this process parses nothing; parsed from the JSON sent, it equals a read.
  rememberEntry(key, { computedAt, xmin: stored[0]!.xmin }, json);
  return computedAt;
}

/**
 * Makes the given levels' cached entries unusable: bumps each level's generation (so computations already running
 * will not store), then deletes the entries whose keys start with one of `prefixes` (`metric:level:`). Bumped in
 * VISIBILITY_LEVELS order, so two invalidations in concurrent transactions lock the rows in the same order.
 * In a transaction the bump holds the generation rows until commit; writers of those levels wait that long.
 */
export async function invalidateLevels(
  db: PrismaClient | Prisma.TransactionClient,
  levels: readonly VisibilityLevel[],
  prefixes: readonly string[]
): Promise<number> {
  for (const level of VISIBILITY_LEVELS.filter((l) => levels.includes(l))) {
    await db.$executeRaw`
      INSERT INTO "AnalyticsCache" (key, value, "computedAt")
      VALUES (${generationKey(level)}, '1'::jsonb, now() AT TIME ZONE 'UTC')
      ON CONFLICT (key) DO UPDATE
        SET value = to_jsonb(("AnalyticsCache".value)::bigint + 1), "computedAt" = now() AT TIME ZONE 'UTC'`;
  }
  if (prefixes.length === 0) return 0;
  const { count } = await db.analyticsCache.deleteMany({
    where: { OR: prefixes.map((prefix) => ({ key: { startsWith: prefix } })) }
  });
  return count;
}

/** How often a computation is redone when invalidations keep superseding it before it can be stored. */
const MAX_ATTEMPTS = 3;

/**
 * Computations running in this process, by cache key: a reader that misses the cache while one is running awaits
 * it instead of starting a second (single-flight). The dashboard's first requests after start would otherwise
 * each compute the same matrix at once, which took a minute under load (issue 13, item 4).
 */
const inFlight = new Map<string, Promise<Stored<unknown>>>();

/** A computation's result with the generation it was stored under (null: not stored, see MAX_ATTEMPTS). */
interface Stored<T> {
  cached: Cached<T>;
  generation: number | null;
}

/** Computations this process has run (attempts included): tests prove a read computed nothing by its change. */
let computations = 0;

/** Whether this process is computing the entry now (for tests and diagnostics). */
export function isComputing(key: string): boolean {
  return inFlight.has(key);
}

export function computationsRun(): number {
  return computations;
}

/**
 * The cached value for this key, computing and storing it when missing (or when `refresh` is set).
 *
 * A miss joins a computation of the same key already running in this process (see inFlight). A refresh never
 * joins one (it must see the graph as it is now, not as it was when the other started), but readers that miss
 * while it runs join it. A joiner keeps the joined result only if its level's generation is still the one it
 * was stored under; otherwise (an invalidation committed while the reader waited) it computes anew.
 *
 * A computation overtaken by an invalidation of its level is redone, so the caller gets (and the cache keeps) a
 * value computed after the change. After MAX_ATTEMPTS the last value is returned without being stored: it was
 * computed while invalidations kept coming, which that one caller may see (its request overlapped them) but no
 * later caller must.
 */
export async function cached<T>(
  metric: string,
  level: VisibilityLevel,
  params: Record<string, unknown>,
  compute: () => Promise<T>,
  opts: { refresh?: boolean } = {}
): Promise<Cached<T>> {
  const key = cacheKey(metric, level, params);
  if (!opts.refresh) {
    // Parsed once per computation: an unchanged entry costs a look at its version (parsed-entries.ts).
    const hit = await readParsedEntry<T>(key);
    if (hit) return { ...hit, level };
    let running = inFlight.get(key) as Promise<Stored<T>> | undefined;
    if (!running) {
      // The computation we would join may have stored its value and left while our read was on its way: the
      // cache has it now (it is written before the computation leaves inFlight). Read once more before computing.
      const late = await readParsedEntry<T>(key);
      if (late) return { ...late, level };
      running = inFlight.get(key) as Promise<Stored<T>> | undefined;
    }
    if (running) {
      const joined = await running;
      if (joined.generation !== null && joined.generation === (await currentGeneration(level))) return joined.cached;
    }
  }
  const computation = computeAndStore(key, level, compute);
  inFlight.set(key, computation);
  try {
    return (await computation).cached;
  } finally {
    // A refresh may have replaced this entry meanwhile; only the computation that is registered removes itself.
    if (inFlight.get(key) === computation) inFlight.delete(key);
  }
}

async function computeAndStore<T>(key: string, level: VisibilityLevel, compute: () => Promise<T>): Promise<Stored<T>> {
  for (let attempt = 1; ; attempt++) {
    // Counted as soon as the attempt is registered in inFlight, so "computing" and the count never disagree.
    computations++;
    // Read before the computation reads the graph: the generation must be no newer than the graph it sees.
    const generation = await currentGeneration(level);
    const value = await compute();
    const computedAt = await writeCacheIfCurrent(key, level, generation, value);
    if (computedAt) return { cached: { value, computedAt, level }, generation };
    if (attempt >= MAX_ATTEMPTS) return { cached: { value, computedAt: new Date(), level }, generation: null };
  }
}
