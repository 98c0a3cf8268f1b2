import { getDb } from './db';
import { Prisma } from '../db/generated/client';
import { enqueueChanges, type Change } from '../projection/outbox';
import { projectNow } from '../projection/projector';
import { FailureSignal, success, type Outcome } from '../validation/outcome';

export interface AuditEntry {
  actorId: string | null;
  /** e.g. "organization.update", "partnership.confirm" */
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface WriteResult<T> {
  value: T;
  changes: Change[];
  audit: AuditEntry[];
}

/**
 * The one shape of every write: rows, outbox rows and audit rows in ONE interactive transaction (all or nothing),
 * then — after commit — the outbox rows projected to Neo4j, so the caller's next graph read already sees the
 * change. projectNow never throws: if Neo4j is down the projector loop catches up later.
 * Throw a FailureSignal inside `work` to roll back and return a typed failure.
 */
export async function runWrite<T>(
  work: (tx: Prisma.TransactionClient) => Promise<WriteResult<T>>
): Promise<Outcome<T>> {
  let outboxIds: bigint[] = [];
  let value: T;
  try {
    value = await getDb().$transaction(async (tx) => {
      const result = await work(tx);
      outboxIds = await enqueueChanges(tx, result.changes);
      if (result.audit.length > 0) {
        await tx.auditLog.createMany({
          data: result.audit.map((entry) => ({
            actorId: entry.actorId,
            action: entry.action,
            entityType: entry.entityType,
            entityId: entry.entityId,
            before: toAuditJson(entry.before),
            after: toAuditJson(entry.after)
          }))
        });
      }
      return result.value;
    });
  } catch (error) {
    if (error instanceof FailureSignal) return { ok: false, failure: error.failure };
    throw error;
  }
  if (outboxIds.length > 0) await projectNow(outboxIds);
  return success(value);
}

/** Rows as plain JSON for AuditLog.before/after: dates as ISO strings, Decimals and BigInts as strings. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === null || value === undefined) return Prisma.DbNull;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
  ) as Prisma.InputJsonValue;
}
