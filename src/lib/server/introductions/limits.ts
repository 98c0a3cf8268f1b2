import type { Prisma } from '../db/generated/client';
import { env } from '../env';
import type { FieldError } from '../validation/field-errors';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function introductionExpiresAt(now: Date = new Date()): Date {
  return new Date(now.getTime() + env().INTRODUCTION_TTL_DAYS * DAY_MS);
}

const when = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/**
 * The spam limits, checked inside the transaction that writes the request. Two advisory locks (always in this
 * order: the asker, then the asked organisation) make concurrent requests queue, so the counts cannot both pass
 * at the limit. Windows are rolling (the last 24 hours, the last 7 days), so the error can say when a new request
 * becomes possible. Returns the refusals, naming the input they are about; an empty list lets the request through.
 */
export async function introductionLimitErrors(
  tx: Prisma.TransactionClient,
  request: { requesterId: string; fromOrganizationId: string; toOrganizationId: string; fromName: string },
  now: Date = new Date()
): Promise<FieldError[]> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'introduction-asker:' + request.requesterId}))`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'introduction-asked:' + request.toOrganizationId}))`;
  const { INTRODUCTION_LIMIT_PER_MEMBER_PER_DAY: perDay, INTRODUCTION_LIMIT_PER_RECIPIENT_PER_WEEK: perWeek } = env();
  const errors: FieldError[] = [];

  const mine = await tx.introduction.findMany({
    where: { requesterId: request.requesterId, createdAt: { gt: new Date(now.getTime() - DAY_MS) } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true }
  });
  if (mine.length >= perDay) {
    const again = new Date(mine[mine.length - perDay].createdAt.getTime() + DAY_MS);
    errors.push({
      field: 'requester',
      message: `you have sent ${perDay} introduction requests in the last 24 hours, the most allowed; you can send another after ${when(again)}`
    });
  }

  const received = await tx.introduction.findMany({
    where: { toOrganizationId: request.toOrganizationId, createdAt: { gt: new Date(now.getTime() - 7 * DAY_MS) } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true }
  });
  if (received.length >= perWeek) {
    const again = new Date(received[received.length - perWeek].createdAt.getTime() + 7 * DAY_MS);
    errors.push({
      field: 'toOrganizationId',
      message: `has received ${perWeek} introduction requests in the last 7 days, the most it accepts; try again after ${when(again)}`
    });
  }

  // One request per pair per answer period, whatever became of it: the message is the same for a pending, an
  // accepted, a declined and an expired request, so it cannot tell the asker about a decline.
  const ttlMs = env().INTRODUCTION_TTL_DAYS * DAY_MS;
  const earlier = await tx.introduction.findFirst({
    where: {
      fromOrganizationId: request.fromOrganizationId,
      toOrganizationId: request.toOrganizationId,
      createdAt: { gt: new Date(now.getTime() - ttlMs) }
    },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true }
  });
  if (earlier) {
    errors.push({
      field: 'toOrganizationId',
      message: `was already asked to meet ${request.fromName} on ${when(earlier.createdAt)}; a new request is possible after ${when(new Date(earlier.createdAt.getTime() + ttlMs))}`
    });
  }
  return errors;
}
