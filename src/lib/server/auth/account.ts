import { getDb } from '../platform/db';
import type { PrismaClient } from '../db/generated/client';
import type { Viewer } from '../access/viewer';
import { viewerOf, viewerUserInclude } from './users';

/**
 * Account rows read outside a signed-in request's own session (decision 0011: routes call services, never the
 * store). Both read only the user the caller already holds a credential for.
 */

/** The signed-in user's own name, email and role for /account; null if the row vanished meanwhile. */
export async function ownAccount(userId: string, db: PrismaClient = getDb()) {
  return db.user.findUnique({ where: { id: userId }, select: { name: true, email: true, role: true } });
}

/** The viewer a token-only request acts as (a private feed's owner); null when the user is disabled or gone. */
export async function activeViewerById(userId: string, db: PrismaClient = getDb()): Promise<Viewer | null> {
  const user = await db.user.findFirst({ where: { id: userId, disabledAt: null }, include: viewerUserInclude });
  return user ? viewerOf(user) : null;
}
