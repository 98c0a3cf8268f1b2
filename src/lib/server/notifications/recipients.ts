import type { Prisma } from '../db/generated/client';

/** Active accounts with an approved membership of any of these organisations, except the one who acted. */
export async function membersOf(
  tx: Prisma.TransactionClient,
  organizationIds: string[],
  exceptUserId: string | null
): Promise<string[]> {
  const users = await tx.user.findMany({
    where: {
      disabledAt: null,
      memberships: { some: { organizationId: { in: organizationIds }, status: 'APPROVED' } },
      ...(exceptUserId ? { id: { not: exceptUserId } } : {})
    },
    select: { id: true },
    orderBy: { id: 'asc' }
  });
  return users.map((u) => u.id);
}
