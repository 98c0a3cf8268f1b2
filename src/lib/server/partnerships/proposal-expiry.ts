import { getDb } from '../platform/db';
import type { Partnership, Prisma } from '../db/generated/client';
import { env } from '../env';
import { runWrite } from '../platform/write-with-outbox';

/**
 * A proposal that nobody answers should not wait for ever, nor keep the pair from proposing again: it expires
 * PARTNERSHIP_PROPOSAL_TTL_DAYS after it was made. `expiresAt` is fixed when the proposal is made (a later change
 * of the setting does not move existing deadlines); imported proposals have none and never expire here.
 *
 * Expiry holds wherever it matters, whether or not the sweep has run: confirm/decline/withdraw refuse an expired
 * proposal (partnerships.ts), the API reports its status as EXPIRED, and a new proposal for the pair first expires
 * the old one. The sweep then writes the state down (with its outbox row and audit entry) — it runs as background
 * work after every proposal and whenever an organisation's partnerships are listed, and hourly in the app process
 * (proposal-expiry-schedule.ts).
 */
export function proposalExpiresAt(now: Date = new Date()): Date {
  return new Date(now.getTime() + env().PARTNERSHIP_PROPOSAL_TTL_DAYS * 24 * 60 * 60 * 1000);
}

export function isExpired(p: Pick<Partnership, 'status' | 'expiresAt'>, now: Date = new Date()): boolean {
  return p.status === 'PROPOSED' && p.expiresAt !== null && p.expiresAt.getTime() <= now.getTime();
}

/** The status as it is now: a PROPOSED row past its deadline is EXPIRED even before the sweep wrote it. */
export function effectiveStatus(p: Pick<Partnership, 'status' | 'expiresAt'>, now: Date = new Date()) {
  return isExpired(p, now) ? ('EXPIRED' as const) : p.status;
}

/**
 * Marks pending proposals past their deadline EXPIRED (optionally only those in `where`), in one transaction with
 * their outbox rows (Neo4j holds every status) and audit entries. Returns the ids it expired. Safe to run
 * concurrently: the UPDATE only takes rows still PROPOSED.
 */
export async function expireProposals(
  opts: { now?: Date; where?: Prisma.PartnershipWhereInput } = {}
): Promise<string[]> {
  const now = opts.now ?? new Date();
  const due = { status: 'PROPOSED' as const, expiresAt: { lte: now }, ...(opts.where ?? {}) };
  if ((await getDb().partnership.count({ where: due })) === 0) return [];
  const outcome = await runWrite(async (tx) => {
    const candidates = (await tx.partnership.findMany({ where: due, select: { id: true } })).map((r) => r.id);
    // Re-checked under the row lock: a proposal confirmed meanwhile (READ COMMITTED re-evaluates the WHERE) stays.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Partnership" SET status = 'EXPIRED', "updatedAt" = ${now}
      WHERE id = ANY(${candidates}::text[]) AND status = 'PROPOSED'
      RETURNING id`;
    const ids = rows.map((r) => r.id);
    return {
      value: ids,
      changes: ids.map((id) => ({ aggregate: 'Partnership' as const, aggregateId: id, op: 'upsert' as const })),
      audit: ids.map((id) => ({
        actorId: null,
        action: 'partnership.expire',
        entityType: 'Partnership',
        entityId: id,
        before: { status: 'PROPOSED' },
        after: { status: 'EXPIRED' }
      }))
    };
  });
  return outcome.ok ? outcome.value : [];
}
