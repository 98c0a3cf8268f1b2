import type { Prisma } from '../db/generated/client';

/** The aggregates the graph projects. Each has one projector file in this folder. */
export type Aggregate =
  'Organization' | 'Partnership' | 'Network' | 'NetworkMembership' | 'Grant' | 'Theme' | 'Country';

export interface Change {
  aggregate: Aggregate;
  aggregateId: string;
  op: 'upsert' | 'delete';
}

/**
 * Records that an aggregate changed, inside the caller's transaction, so the change and its outbox row commit or
 * roll back together. The projector re-reads the aggregate's current state from PostgreSQL when it projects,
 * so the payload is only a note for humans and debugging — replaying an old row can never write stale data.
 */
export async function enqueueChanges(tx: Prisma.TransactionClient, changes: Change[]): Promise<bigint[]> {
  if (changes.length === 0) return [];
  const rows = await tx.outbox.createManyAndReturn({
    data: changes.map((c) => ({
      aggregate: c.aggregate,
      aggregateId: c.aggregateId,
      op: c.op,
      payload: { aggregate: c.aggregate, id: c.aggregateId, op: c.op }
    })),
    select: { id: true }
  });
  return rows.map((r) => r.id);
}
