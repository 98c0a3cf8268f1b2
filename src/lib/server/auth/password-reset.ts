import { runInBackground } from '../background-work';
import { getDb } from '../platform/db';
import { toAuditJson } from '../platform/write-with-outbox';
import { sendMail } from '../mail/send';
import { passwordResetMessage } from '../mail/messages';
import { mailLanguage } from '../notifications/kinds';
import { consume, limits, privateKey } from '../security/rate-limits';
import { fieldErrorsOf, type FieldError } from '../validation/field-errors';
import { hashPassword, passwordSchema } from './password';
import { randomSecret, sha256Hex } from './secrets';
import { createSession, deleteUserSessions, type NewSession } from './sessions';
import { emailSchema } from './users';

/** One-time reset links: valid for an hour, usable once; only the token's SHA-256 is stored. */
export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * Sends a reset link when the address has an (enabled) account; at most 3 messages per address and hour.
 * Always resolves the same way after the same work — one lookup and one rate-limit count, for known and unknown
 * addresses alike — and the token and mail are made after the answer (background-work.ts), so neither the
 * answer nor its timing reveals which addresses have accounts.
 */
export async function requestPasswordReset(input: { email: string; origin: string }): Promise<void> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) return;
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: email.data } });
  const { allowed } = await consume(limits.passwordResetRequests(), privateKey(email.data));
  if (!user || user.disabledAt || !allowed) return;
  runInBackground('password reset mail', async () => {
    const token = randomSecret();
    const expiresAt = new Date(Date.now() + RESET_TTL_MS);
    await db.passwordResetToken.create({ data: { tokenHash: sha256Hex(token), userId: user.id, expiresAt } });
    const link = new URL('/reset-password', input.origin);
    link.searchParams.set('token', token);
    await sendMail(passwordResetMessage(user.email, link.toString(), expiresAt, mailLanguage(user.language)));
  });
}

export type ResetTokenState = 'valid' | 'unknown' | 'used' | 'expired';

export async function resetTokenState(token: string): Promise<ResetTokenState> {
  const row = await getDb().passwordResetToken.findUnique({ where: { tokenHash: sha256Hex(token) } });
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'valid';
}

export type ResetResult =
  | ({ ok: true; userId: string } & NewSession)
  | { ok: false; reason: 'invalid-password'; fieldErrors: FieldError[] }
  | { ok: false; reason: Exclude<ResetTokenState, 'valid'>; message: string };

const tokenMessages: Record<Exclude<ResetTokenState, 'valid'>, string> = {
  unknown: 'This reset link is not valid: ask for a new one.',
  used: 'This reset link was already used: ask for a new one.',
  expired: 'This reset link has expired (links work for one hour): ask for a new one.'
};

/**
 * Sets a new password with a reset token, in one transaction: the token is spent (a second use fails even
 * when both race), the user's other reset tokens are spent too, every session is ended and every API token revoked
 * (a reset means the old password may be known to someone else), and a fresh session is
 * returned for the browser that reset the password.
 */
export async function resetPassword(input: { token: string; password: string }): Promise<ResetResult> {
  const password = passwordSchema.safeParse(input.password);
  if (!password.success) {
    return {
      ok: false,
      reason: 'invalid-password',
      fieldErrors: fieldErrorsOf(password.error).map((e) => ({ ...e, field: 'password' }))
    };
  }
  const state = await resetTokenState(input.token);
  if (state !== 'valid') return { ok: false, reason: state, message: tokenMessages[state] };
  const passwordHash = await hashPassword(password.data);
  const tokenHash = sha256Hex(input.token);
  const now = new Date();
  const result = await getDb().$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({ where: { tokenHash } });
    if (!row) return null;
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now }
    });
    if (spent.count !== 1) return null;
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    const count = await deleteUserSessions(row.userId, { tx });
    // Whoever knew the old password may have minted API tokens with it: they end with the sessions.
    const tokens = await tx.apiToken.updateMany({
      where: { userId: row.userId, revokedAt: null },
      data: { revokedAt: now }
    });
    await tx.auditLog.create({
      data: {
        actorId: row.userId,
        action: 'user.password_reset',
        entityType: 'User',
        entityId: row.userId,
        before: toAuditJson(null),
        after: toAuditJson({ sessionsEnded: count, apiTokensRevoked: tokens.count })
      }
    });
    return { userId: row.userId, session: await createSession(row.userId, tx) };
  });
  if (!result) return { ok: false, reason: 'used', message: tokenMessages.used };
  return { ok: true, userId: result.userId, ...result.session };
}
