import type { Partnership, Prisma } from '../db/generated/client';

/**
 * Reads the partnership row under `SELECT … FOR UPDATE` inside the caller's transaction. Every state or visibility
 * transition judges the row it is about to replace through this: a second transition on the same row waits for the
 * first to commit and then sees its result, so two concurrent decisions (confirm vs decline) cannot both win.
 */
export async function lockedPartnership(tx: Prisma.TransactionClient, partnershipId: string): Promise<Partnership> {
  await tx.$queryRaw`SELECT id FROM "Partnership" WHERE id = ${partnershipId} FOR UPDATE`;
  return tx.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
}
