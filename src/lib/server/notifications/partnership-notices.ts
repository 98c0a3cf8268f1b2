import type { NotificationKind, Partnership, Prisma } from '../db/generated/client';
import { membersOf } from './recipients';
import { recordNotices } from './record';

/** What happened to a partnership, as far as the inbox tells it. Withdrawn and expired proposals notify nobody. */
export type PartnershipEvent = 'propose' | 'confirm' | 'decline' | 'end' | 'narrow';

const KIND: Record<PartnershipEvent, NotificationKind> = {
  propose: 'PARTNERSHIP_PROPOSED',
  confirm: 'PARTNERSHIP_CONFIRMED',
  decline: 'PARTNERSHIP_DECLINED',
  end: 'PARTNERSHIP_ENDED',
  narrow: 'PARTNERSHIP_NARROWED'
};

/**
 * Who hears of it: a proposal reaches the invited side (orgB); its answer reaches the proposing side (orgA); an end
 * or a narrowing — which either side may do alone — reaches both sides. Never the person who acted. Recipients are
 * members of one of the two organisations, who see the partnership at any visibility and status; the inbox and
 * the mail still check visibility when they show it (membership can end in between).
 */
export async function noticePartnershipEvent(
  tx: Prisma.TransactionClient,
  event: PartnershipEvent,
  partnership: Pick<Partnership, 'id' | 'orgAId' | 'orgBId'>,
  actorUserId: string | null
): Promise<string[]> {
  const sides =
    event === 'propose'
      ? [partnership.orgBId]
      : event === 'confirm' || event === 'decline'
        ? [partnership.orgAId]
        : [partnership.orgAId, partnership.orgBId];
  const userIds = await membersOf(tx, sides, actorUserId);
  return recordNotices(tx, [{ kind: KIND[event], userIds, partnershipId: partnership.id }]);
}
