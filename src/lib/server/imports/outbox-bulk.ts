import type { Prisma } from '../db/generated/client';
import { enqueueChanges, type Change } from '../projection/outbox';
import { bulkInsert } from './bulk-sql';

/**
 * Outbox rows for an import, in the import's transaction. Small imports go through `enqueueChanges` like every
 * other write. Large ones write the very same rows (aggregate, id, op, and the same payload) with one set-based
 * statement per 5,000 changes: Prisma's createMany needs ~1 s per 1,000 outbox rows here, which made the outbox
 * the slowest part of a 200k-row import. Change the payload shape together with outbox.ts.
 */
const VIA_PRISMA_MAX = 1_000;

export async function enqueueImportChanges(tx: Prisma.TransactionClient, changes: Change[]): Promise<void> {
  if (changes.length <= VIA_PRISMA_MAX) {
    await enqueueChanges(tx, changes);
    return;
  }
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
