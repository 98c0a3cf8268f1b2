/**
 * Row counts of the named tables, one COUNT each in parallel: what a write that failed (or ran twice) must leave
 * unchanged. Keyed by the Prisma model name, so two calls compare with toEqual.
 */
import type { PrismaClient } from '../../src/lib/server/db/generated/client';

type CountedModel = {
  [K in keyof PrismaClient]: PrismaClient[K] extends { count: () => Promise<number> } ? K : never;
}[keyof PrismaClient];

export async function rowCounts<M extends CountedModel>(db: PrismaClient, models: M[]): Promise<Record<M, number>> {
  const counts = await Promise.all(models.map((model) => (db[model] as { count: () => Promise<number> }).count()));
  return Object.fromEntries(models.map((model, i) => [model, counts[i]])) as Record<M, number>;
}
