import type pg from 'pg';
import type { PrismaClient } from '../db/generated/client';
import { poolOf } from '../platform/db';

/**
 * The two calls the import code makes, shaped like Prisma's raw-query methods so that a PrismaClient serves
 * for reads outside an import. An import's transaction runs them on a pg connection of the same pool instead
 * of a Prisma transaction: Prisma kept every raw query's parameters reachable, so an import of a 150 MB file
 * (its rows travel as one JSON parameter per bulk statement) ran out of a 128 MB heap (decision 0031).
 */
export interface SqlSession {
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
}

function sessionOf(client: pg.PoolClient): SqlSession {
  return {
    $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) => (await client.query(sql, values)).rows as T,
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) => (await client.query(sql, values)).rowCount ?? 0
  };
}

/** Runs `work` in one transaction on a connection of `db`'s pool: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(db: PrismaClient, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  try {
    await client.query('BEGIN');
    const value = await work(sessionOf(client));
    await client.query('COMMIT');
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined); // the connection may be gone: the error below says why
    throw error;
  } finally {
    client.release();
  }
}
