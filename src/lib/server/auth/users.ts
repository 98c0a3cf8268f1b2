import { z } from 'zod';
import type { Prisma, User } from '../db/generated/client';
import type { Viewer } from '../access/viewer';

/** Emails are stored trimmed and lower-cased, so that "Ana@Example.org " and "ana@example.org" are one account. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('is not a valid email address'));

export const nameSchema = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');

/** What a viewer is built from: the user and the organisations their approved memberships let them edit. */
export const viewerUserInclude = {
  memberships: { where: { status: 'APPROVED' }, select: { organizationId: true } }
} satisfies Prisma.UserInclude;

export type ViewerUser = User & { memberships: { organizationId: string }[] };

export function viewerOf(user: ViewerUser, token?: { id: string; scopes: ('READ' | 'WRITE')[] }): Viewer {
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    organizationIds: user.memberships.map((m) => m.organizationId).sort(),
    ...(token ? { tokenId: token.id, tokenScopes: token.scopes.map((s) => (s === 'WRITE' ? 'write' : 'read')) } : {})
  };
}
