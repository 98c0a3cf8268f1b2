import { getDb } from '../platform/db';
import type { Prisma } from '../db/generated/client';
import { randomSecret, sha256Hex } from './secrets';
import { viewerOf, viewerUserInclude } from './users';
import type { Viewer } from '../access/viewer';

/**
 * Browser sessions. The cookie holds a random token; the database holds only its SHA-256 as the session id, so
 * a leaked table does not let anyone in. Sessions slide: each use pushes the expiry 30 days out, written at most
 * once an hour so that a page view is not a database write.
 */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_RENEW_AFTER_MS = 60 * 60 * 1000;

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(userId: string, tx: Prisma.TransactionClient = getDb()): Promise<NewSession> {
  const token = randomSecret();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await tx.session.create({ data: { id: sha256Hex(token), userId, expiresAt } });
  return { token, expiresAt };
}

export interface ValidSession {
  viewer: Viewer;
  sessionId: string;
  /** Set when this use extended the session: the cookie must be re-sent with the new expiry. */
  renewedUntil?: Date;
  /**
   * The user's unread notifications, whatever they are about: an upper bound of the inbox's unread count (which
   * leaves out entries the user may no longer see). Read with the session in the same statement, so the header's
   * badge costs nothing more when it is 0 (decision 0046).
   */
  unreadAtMost: number;
}

/** The session's user as a viewer, with the user's unread notifications of any subject counted in the same read. */
export const sessionUserInclude = {
  user: { include: { ...viewerUserInclude, _count: { select: { notifications: { where: { readAt: null } } } } } }
} satisfies Prisma.SessionInclude;

/** The session behind a cookie token, or null when it is unknown, expired (then deleted) or its user disabled. */
export async function validateSession(token: string): Promise<ValidSession | null> {
  const db = getDb();
  const id = sha256Hex(token);
  const session = await db.session.findUnique({ where: { id }, include: sessionUserInclude });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (session.user.disabledAt) return null;
  let renewedUntil: Date | undefined;
  if (now - session.lastSeenAt.getTime() >= SESSION_RENEW_AFTER_MS) {
    renewedUntil = new Date(now + SESSION_TTL_MS);
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: new Date(now), expiresAt: renewedUntil } });
  }
  return {
    viewer: viewerOf(session.user),
    sessionId: id,
    renewedUntil,
    unreadAtMost: session.user._count.notifications
  };
}

export async function deleteSession(token: string): Promise<void> {
  await getDb().session.deleteMany({ where: { id: sha256Hex(token) } });
}

/** Signs a user out everywhere (password reset, account disabled), optionally keeping one session. */
export async function deleteUserSessions(
  userId: string,
  options: { exceptSessionId?: string; tx?: Prisma.TransactionClient } = {}
): Promise<number> {
  const { count } = await (options.tx ?? getDb()).session.deleteMany({
    where: { userId, ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}) }
  });
  return count;
}
