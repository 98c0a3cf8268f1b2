/**
 * Freezes PostgreSQL for the app without touching the server other people use: one extra connection to the run's
 * own database takes ACCESS EXCLUSIVE locks on the tables every write and every projection reads, and holds them
 * for the pause. Writes queue behind the lock until the statement timeout (or the transaction timeout) gives up
 * on them, exactly as they would behind a frozen server; releasing the lock is the recovery.
 */
import pg from 'pg';

const FROZEN_TABLES = ['"Organization"', '"Outbox"', '"AuditLog"'];

export async function pausePostgres(databaseUrl: string, pauseMs: number): Promise<void> {
  const url = new URL(databaseUrl);
  url.searchParams.delete('connection_limit');
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 10_000 });
  client.on('error', () => {}); // a dropped connection ends the pause early; the query below reports it
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`LOCK TABLE ${FROZEN_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    await client.query('ROLLBACK');
  } finally {
    await client.end();
  }
}
