import type { Introduction, Prisma } from '../db/generated/client';
import { membersOf } from './recipients';
import { recordNotices } from './record';

/**
 * A request reaches every member of the asked organisation (except the asker, should they belong to both).
 * Only an acceptance is announced, to the asker and to the member who accepted (the mail carries the other side's
 * contact details, so both people who agreed have them on record). A decline announces nothing: the asker reads
 * "not now" in their list of requests, exactly as after an expiry.
 */
export async function noticeIntroductionRequested(
  tx: Prisma.TransactionClient,
  introduction: Pick<Introduction, 'id' | 'toOrganizationId' | 'requesterId'>
): Promise<string[]> {
  const userIds = await membersOf(tx, [introduction.toOrganizationId], introduction.requesterId);
  return recordNotices(tx, [{ kind: 'INTRODUCTION_REQUESTED', userIds, introductionId: introduction.id }]);
}

export async function noticeIntroductionAccepted(
  tx: Prisma.TransactionClient,
  introduction: Pick<Introduction, 'id' | 'requesterId'>,
  acceptedById: string
): Promise<string[]> {
  return recordNotices(tx, [
    {
      kind: 'INTRODUCTION_ANSWERED',
      userIds: [introduction.requesterId, acceptedById],
      introductionId: introduction.id
    }
  ]);
}
