import { getDb } from '../platform/db';
import { issueInvitation } from './invitations';
import { emailSchema } from './users';

/**
 * The first admin: sign-up is by invitation from an admin, so a fresh installation needs one invitation that no
 * one sent. This issues it (by mail — locally, the link appears in the server log) — but only while the database
 * has no admin, so calling it on every start is safe.
 */
export async function inviteFirstAdmin(
  email: string,
  origin: string
): Promise<{ invited: true } | { invited: false; reason: string }> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return { invited: false, reason: `"${email}" is not a valid email address` };
  const db = getDb();
  if (await db.user.findFirst({ where: { role: 'ADMIN', disabledAt: null }, select: { id: true } })) {
    return { invited: false, reason: 'an admin account already exists' };
  }
  if (await db.user.findUnique({ where: { email: parsed.data }, select: { id: true } })) {
    return { invited: false, reason: `${parsed.data} already has an account (ask an admin to change its role)` };
  }
  const outcome = await issueInvitation({ email: parsed.data, role: 'ADMIN' }, null, origin);
  return outcome.ok ? { invited: true } : { invited: false, reason: outcome.failure.message };
}
