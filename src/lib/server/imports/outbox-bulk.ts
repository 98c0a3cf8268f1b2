import type { SqlSession } from './sql-session';
import type { Change } from '../projection/outbox';
import { bulkInsert } from './bulk-sql';

/**
 * Outbox rows for an import, in the import's transaction: the very same rows `enqueueChanges` writes for every
 * other write (aggregate, id, op, and the same payload), with one set-based statement per 5,000 changes — the
 * import's transaction is a plain pg session, not Prisma's (see sql-session.ts), and Prisma's createMany needed
 * ~1 s per 1,000 outbox rows here anyway. Change the payload shape together with outbox.ts.
 */
export async function enqueueImportChanges(tx: SqlSession, changes: Change[]): Promise<void> {
  await bulkInsert(
    tx,
    'Outbox',
    [
      { name: 'aggregate', type: 'text' },
      { name: 'aggregateId', type: 'text' },
      { name: 'op', type: 'text', cast: '"OutboxOp"' },
      { name: 'payload', type: 'jsonb' }
    ],
    changes.map((c) => ({
      aggregate: c.aggregate,
      aggregateId: c.aggregateId,
      op: c.op,
      payload: { aggregate: c.aggregate, id: c.aggregateId, op: c.op }
    })),
    { extra: { createdAt: `(now() AT TIME ZONE 'UTC')` } }
  );
}
