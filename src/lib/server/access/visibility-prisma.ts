import { Prisma } from '../db/generated/client';
import type { VisibilityParams } from './viewer';

/**
 * The rule of visibility-cypher.ts (visibleRel), as Prisma `where` input: a row with a visibility and two "sides"
 * (partnership orgA/orgB, grant funder/recipient, membership organisation twice) is visible when it is PUBLIC,
 * or MEMBERS and the viewer is signed in, or the viewer is an admin, or the viewer belongs to one of its sides.
 * Applied in the WHERE of every query, never after fetching.
 */
export function visibleWhere<W extends Record<string, unknown>>(
  v: VisibilityParams,
  sideA: string,
  sideB: string = sideA
): W | undefined {
  if (v.seeAll) return undefined;
  const or: Record<string, unknown>[] = [{ visibility: 'PUBLIC' }];
  if (v.seeMembers) or.push({ visibility: 'MEMBERS' });
  if (v.orgIds.length > 0) {
    or.push({ [sideA]: { in: v.orgIds } });
    if (sideB !== sideA) or.push({ [sideB]: { in: v.orgIds } });
  }
  return { OR: or } as unknown as W;
}

export const visiblePartnershipWhere = (v: VisibilityParams): Prisma.PartnershipWhereInput => ({
  AND: [
    visibleWhere<Prisma.PartnershipWhereInput>(v, 'orgAId', 'orgBId') ?? {},
    // A proposal (or a declined one) is a claim the other side has not accepted: only the two sides (and admins)
    // see it, whatever visibility the proposer chose.
    v.seeAll
      ? {}
      : {
          OR: [{ status: { in: ['CONFIRMED', 'ENDED'] } }, { orgAId: { in: v.orgIds } }, { orgBId: { in: v.orgIds } }]
        }
  ]
});

export const visibleGrantWhere = (v: VisibilityParams): Prisma.GrantWhereInput =>
  visibleWhere<Prisma.GrantWhereInput>(v, 'funderId', 'recipientId') ?? {};

export const visibleMembershipWhere = (v: VisibilityParams): Prisma.NetworkMembershipWhereInput =>
  visibleWhere<Prisma.NetworkMembershipWhereInput>(v, 'organizationId') ?? {};
