import type { PrismaClient } from '../db/generated/client';

/**
 * rate-limiter-flexible's PostgreSQL store, fed through the app's one Prisma client instead of a second `pg` pool:
 * the embedded PGlite server must be used through a single connection (see tools/local-stores/embedded-postgres.ts), and on a
 * managed PostgreSQL one pool per process is all we want to size. The limiter only ever sends `{ text, values }`
 * and reads `rows` / `rowCount`; that is all this adapter speaks.
 *
 * The counters live in their own schema, `atlas_rate_limits`, created on first use. They are disposable
 * (losing them resets the limits) and out of Prisma's sight, so `prisma migrate` never reports them as drift.
 */
export const RATE_LIMIT_SCHEMA = 'atlas_rate_limits';

interface PgLikeResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

export interface PgLikeClient {
  query(q: { text: string; values?: unknown[]; name?: string }): Promise<PgLikeResult>;
}

/** bigint columns come back from Prisma as BigInt; the limiter does arithmetic with numbers. */
function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = typeof value === 'bigint' ? Number(value) : value;
  return out;
}

export function prismaStoreClient(db: PrismaClient): PgLikeClient {
  return {
    async query({ text, values = [] }) {
      // Statements without RETURNING report only a row count (the limiter's DELETE uses it).
      if (!/\bRETURNING\b|^\s*SELECT\b/i.test(text)) {
        const rowCount = await db.$executeRawUnsafe(text, ...values);
        return { rows: [], rowCount };
      }
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      return { rows: rows.map(plainRow), rowCount: rows.length };
    }
  };
}

const ensured = new WeakMap<PrismaClient, Map<string, Promise<void>>>();

/** Creates the schema and one counter table (the limiter's own layout), once per client and table. */
export function ensureRateLimitTable(db: PrismaClient, table: string): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`rate limit table name "${table}" must be lower-case letters and _`);
  let tables = ensured.get(db);
  if (!tables) ensured.set(db, (tables = new Map()));
  let ready = tables.get(table);
  if (!ready) {
    ready = (async () => {
      await ignoreConcurrentCreate(db.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS ${RATE_LIMIT_SCHEMA}`));
      await ignoreConcurrentCreate(
        db.$executeRawUnsafe(
          `CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_SCHEMA}."${table}" (
             key varchar(255) PRIMARY KEY,
             points integer NOT NULL DEFAULT 0,
             expire bigint
           )`
        )
      );
    })();
    // A failed attempt (database down) is retried by the next request instead of being cached.
    ready.catch(() => tables.delete(table));
    tables.set(table, ready);
  }
  return ready;
}

/** Two app servers creating the same schema/table at once: PostgreSQL reports a unique violation; the other won. */
async function ignoreConcurrentCreate(statement: Promise<unknown>): Promise<void> {
  try {
    await statement;
  } catch (error) {
    const text = String((error as { message?: string }).message ?? error);
    if (!/23505|duplicate key|already exists/i.test(text)) throw error;
  }
}
