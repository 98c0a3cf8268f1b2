/**
 * The AnalyticsCache table: heavy results precomputed per (metric, visibility level, parameters) and returned with
 * the time they were computed. A missing entry is computed on first use and stored; `refreshAnalytics` recomputes
 * the default entries for every level.
 */
import type { Prisma } from '../db/generated/client';
import { getDb } from '../db';
import type { VisibilityLevel } from './levels';

export interface Cached<T> {
  value: T;
  computedAt: Date;
  level: VisibilityLevel;
}

/** `brokers:members:{"top":50}` — parameters in sorted key order, so equal parameters give one key. */
export function cacheKey(metric: string, level: VisibilityLevel, params: Record<string, unknown>): string {
  return `${metric}:${level}:${stableJson(params)}`;
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

export async function writeCache(key: string, value: unknown): Promise<Date> {
  const computedAt = new Date();
  const json = value as Prisma.InputJsonValue;
  await getDb().analyticsCache.upsert({
    where: { key },
    create: { key, value: json, computedAt },
    update: { value: json, computedAt }
  });
  return computedAt;
}

/** The cached value for this key, computing and storing it when missing (or when `refresh` is set). */
export async function cached<T>(
  metric: string,
  level: VisibilityLevel,
  params: Record<string, unknown>,
  compute: () => Promise<T>,
  opts: { refresh?: boolean } = {}
): Promise<Cached<T>> {
  const key = cacheKey(metric, level, params);
  if (!opts.refresh) {
    const hit = await readCache<T>(key);
    if (hit) return { ...hit, level };
  }
  const value = await compute();
  const computedAt = await writeCache(key, value);
  return { value, computedAt, level };
}
