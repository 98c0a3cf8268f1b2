import neo4j, { type Driver, type Transaction } from 'neo4j-driver';
import { countingRuns } from './graph-query-counter';
import { graphDatabase } from './neo4j';

/**
 * Neo4j units of work for the projection, on an explicit driver (so tests and tools can point the projection at
 * another Neo4j). Unlike `executeWrite`, connection failures are NOT retried here: the outbox is the retry
 * mechanism, and a mutation calling `projectNow` must not hang for the driver's 30 s retry window while Neo4j
 * is down. Transient errors inside a reachable Neo4j (deadlocks between concurrent MERGEs) are retried a few
 * times, because they go away by themselves.
 */
export async function writeTxOn<T>(driver: Driver, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return withTransaction(driver, neo4j.session.WRITE, fn);
}

export async function readTxOn<T>(driver: Driver, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return withTransaction(driver, neo4j.session.READ, fn);
}

const TRANSIENT_RETRIES = 3;

async function withTransaction<T>(
  driver: Driver,
  mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE,
  fn: (tx: Transaction) => Promise<T>
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const session = driver.session({ database: graphDatabase(), defaultAccessMode: mode });
    try {
      const tx = countingRuns(session.beginTransaction());
      try {
        const result = await fn(tx);
        await tx.commit();
        return result;
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        throw error;
      }
    } catch (error) {
      if (attempt >= TRANSIENT_RETRIES || !isTransientInGraph(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    } finally {
      await session.close().catch(() => {});
    }
  }
}

function isTransientInGraph(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('Neo.TransientError.') && !isGraphUnavailable(error) && !isOverMemoryLimit(error);
}

/**
 * True when one query needed more memory than Neo4j allows a transaction (`db.memory.transaction.max`) or than
 * its pool had left. Neo4j files this under Neo.TransientError.General, but it is about the query, not the
 * server: running it again fails again, and other reads are fine — so it neither retries nor opens the breaker.
 */
export function isOverMemoryLimit(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  if (/MemoryPoolOutOfMemoryError$|TransactionOutOfMemoryError$|TransactionMemoryLimit$/.test(code)) return true;
  const message = (error as { message?: string }).message ?? '';
  return /db\.memory\.transaction\.(max|total\.max) threshold reached/.test(message);
}

/**
 * True when the error says Neo4j cannot be used right now (down, unreachable, restarting, refusing our
 * credentials), as opposed to an error about the data or the query. The first kind trips the circuit breaker;
 * the second is isolated to the outbox rows that cause it.
 */
export function isGraphUnavailable(error: unknown): boolean {
  if (isOverMemoryLimit(error)) return false;
  const code = (error as { code?: string }).code ?? '';
  if (code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED) return true;
  if (code.startsWith('Neo.ClientError.Security.')) return true;
  if (code.startsWith('Neo.TransientError.General.') || code === 'Neo.TransientError.Database.DatabaseUnavailable') {
    return true;
  }
  const message = (error as { message?: string }).message ?? '';
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Failed to connect|Connection was closed/i.test(message);
}
