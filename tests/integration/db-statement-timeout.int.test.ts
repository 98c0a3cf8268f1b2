/**
 * Issue 14, finding 7 (PostgreSQL side): with PostgreSQL frozen a write hung as long as the freeze lasted. Every
 * pooled connection now carries `statement_timeout` (DATABASE_STATEMENT_TIMEOUT_MS, default 30 s), so a statement
 * that runs too long is cancelled by PostgreSQL and the caller gets an error saying so.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, getDb } from '../../src/lib/server/platform/db';
import { env } from '../../src/lib/server/env';

const short = createDb(process.env.DATABASE_URL!, { statementTimeoutMs: 300 });
afterAll(() => short.close());

describe('PostgreSQL statement timeout', () => {
  it('cancels a statement that runs longer than the configured timeout, with an error that says why', async () => {
    await expect(short.db.$queryRaw`SELECT pg_sleep(5)`).rejects.toThrow(/statement timeout/i);
    // The connection is still usable afterwards, and statements within the limit run.
    expect(await short.db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it('applies inside interactive transactions too', async () => {
    await expect(
      short.db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await tx.$queryRaw`SELECT pg_sleep(5)`;
      })
    ).rejects.toThrow(/statement timeout/i);
  });

  it('defaults to 30 s on the app client', async () => {
    expect(env().DATABASE_STATEMENT_TIMEOUT_MS).toBe(30_000);
    const [row] = await getDb().$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
    expect(row.statement_timeout).toBe('30s');
  });
});
