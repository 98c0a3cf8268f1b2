/**
 * pg warned "Calling client.query() when the client is already executing a query is deprecated" in integration
 * runs (issue 14): Prisma loads an `include`'s relations with Promise.all, and inside an interactive transaction
 * they all go to the one connection. pg 9 makes that an error. The app's pg client (platform/db.ts) queues them.
 *
 * pg prints the warning once per process, so a test cannot wait for it: this one watches pg's own condition for it
 * (a query handed to a connection whose queue already holds one) on every call.
 */
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createDb } from '../../src/lib/server/platform/db';
import { createOrganization } from '../factories/organizations';

/** pg's internal queue of queries not yet sent; non-empty when another query is handed over is what pg warns about. */
type WithQueue = { _queryQueue: unknown[]; pipeline?: boolean };

const overlaps: string[] = [];
const realQuery = pg.Client.prototype.query;
// Before createDb: the app's client binds `query` from the prototype when it is constructed.
vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
  const queue = (this as unknown as WithQueue)._queryQueue;
  if (queue.length > 0 && !(this as unknown as WithQueue).pipeline) overlaps.push(String(args[0]).slice(0, 80));
  return (realQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof realQuery);

const handle = createDb(process.env.DATABASE_URL!);
afterAll(async () => {
  await handle.close();
  vi.restoreAllMocks();
});
afterEach(() => {
  overlaps.length = 0;
});

describe('one query at a time per PostgreSQL connection', () => {
  it('an include of several relations inside an interactive transaction never overlaps on the connection', async () => {
    const org = await createOrganization(handle.db, {
      themeSlugs: ['legal-aid', 'health'],
      countryCodes: ['DE', 'IT']
    });
    const read = await handle.db.$transaction(async (tx) =>
      tx.organization.findUniqueOrThrow({
        where: { id: org.id },
        include: { themes: true, countries: true, identifiers: true, memberships: true }
      })
    );
    // The read happened and returned the relations (so the concurrent path was exercised).
    expect(read.themes).toHaveLength(2);
    expect(read.countries).toHaveLength(2);
    expect(overlaps).toEqual([]);
  });

  it('queries handed to one connection at once run in turn, each with its own result or error', async () => {
    const client = await handle.pool.connect();
    try {
      const results = await Promise.allSettled([
        client.query<{ n: number }>('SELECT 1 AS n'),
        client.query('SELECT no_such_column FROM "Organization"'),
        client.query<{ n: number }>('SELECT 3 AS n')
      ]);
      expect(overlaps).toEqual([]);
      expect(results[0]).toMatchObject({ status: 'fulfilled', value: { rows: [{ n: 1 }] } });
      expect(results[1]).toMatchObject({
        status: 'rejected',
        reason: { message: expect.stringMatching(/no_such_column/) }
      });
      expect(results[2]).toMatchObject({ status: 'fulfilled', value: { rows: [{ n: 3 }] } });
      // The connection is still usable afterwards.
      expect((await client.query<{ n: number }>('SELECT 4 AS n')).rows).toEqual([{ n: 4 }]);
    } finally {
      client.release();
    }
  });
});
