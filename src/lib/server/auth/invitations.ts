import { z } from 'zod';
import { getDb } from '../platform/db';
import type { Invitation, Organization } from '../db/generated/client';
import { runWrite, type AuditEntry } from '../platform/write-with-outbox';
import { isUniqueViolation } from '../platform/unique-violation';
import { sendMail } from '../mail/send';
import { invitationMessage } from '../mail/messages';
import { mailLanguage } from '../notifications/kinds';
import { fieldErrorsOf, type FieldError } from '../validation/field-errors';
import { FailureSignal, forbidden, invalid, type Outcome } from '../validation/outcome';
import { hashPassword, passwordSchema } from './password';
import { randomSecret, sha256Hex } from './secrets';
import { createSession, type NewSession } from './sessions';
import { emailSchema, nameSchema } from './users';
import { isAdmin, type Viewer } from '../access/viewer';

/**
 * Sign-up is by invitation only: an admin invites an email address (optionally straight into an organisation),
 * the link goes out by mail, and whoever opens it chooses a name and password. Opening the link proves the
 * address, so the account starts verified.
 */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationView = Omit<Invitation, 'tokenHash'> & { organization: Organization | null };

const inviteSchema = z
  .object({
    email: emailSchema,
    role: z.enum(['MEMBER', 'FUNDER_ANALYST', 'ADMIN']).default('MEMBER'),
    organizationId: z.string().min(1).optional(),
    membershipRole: z.enum(['EDITOR', 'OWNER']).optional()
  })
  .refine((v) => !v.membershipRole || v.organizationId, {
    path: ['membershipRole'],
    message: 'needs an organizationId'
  });

export type InviteInput = z.input<typeof inviteSchema>;

const withoutHash = ({ tokenHash: _hash, ...invitation }: Invitation & { organization: Organization | null }) =>
  invitation as InvitationView;

function auditable(i: InvitationView) {
  const { id, email, role, organizationId, membershipRole, expiresAt, acceptedAt, acceptedById, revokedAt } = i;
  return { id, email, role, organizationId, membershipRole, expiresAt, acceptedAt, acceptedById, revokedAt };
}

/** Admins only. `origin` is the site's public URL, for the link in the email. */
export async function inviteUser(viewer: Viewer, input: InviteInput, origin: string): Promise<Outcome<InvitationView>> {
  if (!isAdmin(viewer) || viewer.kind !== 'user') return forbidden('Only admins may invite people.');
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const values = parsed.data;
  const db = getDb();
  const errors: FieldError[] = [];
  if (await db.user.findUnique({ where: { email: values.email }, select: { id: true } })) {
    errors.push({ field: 'email', message: 'already has an account' });
  }
  if (
    values.organizationId &&
    !(await db.organization.findUnique({ where: { id: values.organizationId }, select: { id: true } }))
  ) {
    return {
      ok: false,
      failure: { kind: 'not-found', field: 'organizationId', message: 'No organisation has this id.' }
    };
  }
  if (errors.length > 0) return invalid(errors);

  return issueInvitation(values, viewer.userId, origin);
}

/**
 * Writes an invitation (with its audit row) and mails the link. `invitedById` is null for the bootstrap
 * invitation of the first admin (see bootstrap.ts), which no one sent.
 */
export async function issueInvitation(
  values: {
    email: string;
    role: 'MEMBER' | 'FUNDER_ANALYST' | 'ADMIN';
    organizationId?: string;
    membershipRole?: 'EDITOR' | 'OWNER';
  },
  invitedById: string | null,
  origin: string
): Promise<Outcome<InvitationView>> {
  const token = randomSecret();
  const outcome = await runWrite(async (tx) => {
    const row = await tx.invitation.create({
      data: {
        email: values.email,
        role: values.role,
        organizationId: values.organizationId ?? null,
        membershipRole: values.organizationId ? (values.membershipRole ?? 'EDITOR') : null,
        invitedById,
        tokenHash: sha256Hex(token),
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS)
      },
      include: { organization: true }
    });
    const invitation = withoutHash(row);
    return {
      value: invitation,
      changes: [],
      audit: [
        {
          actorId: invitedById,
          action: 'invitation.create',
          entityType: 'Invitation',
          entityId: row.id,
          before: null,
          after: auditable(invitation)
        }
      ]
    };
  });
  if (outcome.ok) {
    const link = new URL('/login/invitation', origin);
    link.searchParams.set('token', token);
    const i = outcome.value;
    // The invitee has no account (and no stored language) yet: the inviting admin's language, English for the
    // bootstrap invitation no one sent.
    const inviter = invitedById
      ? await getDb().user.findUnique({ where: { id: invitedById }, select: { language: true } })
      : null;
    const locale = mailLanguage(inviter?.language ?? 'en');
    await sendMail(invitationMessage(i.email, link.toString(), i.expiresAt, locale, i.organization?.name));
  }
  return outcome;
}

export type InvitationState = 'valid' | 'unknown' | 'accepted' | 'revoked' | 'expired';

export async function findInvitation(token: string): Promise<{ state: InvitationState; invitation?: InvitationView }> {
  const row = await getDb().invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { organization: true }
  });
  if (!row) return { state: 'unknown' };
  const invitation = withoutHash(row);
  if (row.acceptedAt) return { state: 'accepted', invitation };
  if (row.revokedAt) return { state: 'revoked', invitation };
  if (row.expiresAt.getTime() <= Date.now()) return { state: 'expired', invitation };
  return { state: 'valid', invitation };
}

const invitationMessages: Record<Exclude<InvitationState, 'valid'>, string> = {
  unknown: 'This invitation link is not valid.',
  accepted: 'This invitation was already used: sign in instead.',
  revoked: 'This invitation was withdrawn.',
  expired: 'This invitation has expired: ask for a new one.'
};

export type AcceptResult =
  | ({ ok: true; userId: string } & NewSession)
  | { ok: false; reason: 'invalid-input'; fieldErrors: FieldError[] }
  | { ok: false; reason: Exclude<InvitationState, 'valid'> | 'email-taken'; message: string };

const acceptSchema = z.object({ name: nameSchema, password: passwordSchema });

/** Creates the account (and the membership the invitation names) and signs the new user in. */
export async function acceptInvitation(input: {
  token: string;
  name: string;
  password: string;
}): Promise<AcceptResult> {
  const parsed = acceptSchema.safeParse({ name: input.name, password: input.password });
  if (!parsed.success) return { ok: false, reason: 'invalid-input', fieldErrors: fieldErrorsOf(parsed.error) };
  const found = await findInvitation(input.token);
  if (found.state !== 'valid' || !found.invitation) {
    return {
      ok: false,
      reason: found.state as Exclude<InvitationState, 'valid'>,
      message: invitationMessages[found.state as Exclude<InvitationState, 'valid'>]
    };
  }
  const invitation = found.invitation;
  const passwordHash = await hashPassword(parsed.data.password);
  const now = new Date();
  const outcome = await runWrite(async (tx) => {
    const spent = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now }
    });
    if (spent.count !== 1) {
      throw new FailureSignal({
        kind: 'validation',
        message: invitationMessages.accepted,
        fieldErrors: [{ field: 'token', message: 'was already used' }]
      });
    }
    const emailTaken = new FailureSignal({
      kind: 'forbidden',
      message: 'An account with this email address already exists: sign in instead.'
    });
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) throw emailTaken;
    const user = await tx.user
      .create({
        data: {
          email: invitation.email,
          name: parsed.data.name,
          passwordHash,
          role: invitation.role,
          emailVerifiedAt: now,
          lastLoginAt: now
        }
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? emailTaken : error;
      });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: user.id } });
    const { passwordHash: _hash, ...userAfter } = user;
    const audit: AuditEntry[] = [
      {
        actorId: user.id,
        action: 'user.create',
        entityType: 'User',
        entityId: user.id,
        before: null,
        after: userAfter
      },
      {
        actorId: user.id,
        action: 'invitation.accept',
        entityType: 'Invitation',
        entityId: invitation.id,
        before: auditable(invitation),
        after: auditable({ ...invitation, acceptedAt: now, acceptedById: user.id })
      }
    ];
    if (invitation.organizationId) {
      const membership = await tx.membership.create({
        data: {
          userId: user.id,
          organizationId: invitation.organizationId,
          role: invitation.membershipRole ?? 'EDITOR',
          status: 'APPROVED',
          approvedById: invitation.invitedById,
          approvedAt: now
        }
      });
      audit.push({
        actorId: user.id,
        action: 'membership.create',
        entityType: 'Membership',
        entityId: membership.id,
        before: null,
        after: membership
      });
    }
    return { value: { userId: user.id, session: await createSession(user.id, tx) }, changes: [], audit };
  });
  if (!outcome.ok) {
    const failure = outcome.failure;
    return failure.kind === 'forbidden'
      ? { ok: false, reason: 'email-taken', message: failure.message }
      : { ok: false, reason: 'accepted', message: invitationMessages.accepted };
  }
  return { ok: true, userId: outcome.value.userId, ...outcome.value.session };
}

/** Admins: open invitations (not accepted, not withdrawn), newest first. */
export async function listOpenInvitations(viewer: Viewer): Promise<InvitationView[]> {
  if (!isAdmin(viewer)) return [];
  const rows = await getDb().invitation.findMany({
    where: { acceptedAt: null, revokedAt: null },
    include: { organization: true },
    orderBy: { createdAt: 'desc' },
    take: 100
  });
  return rows.map(withoutHash);
}

/** Admins: withdraws an open invitation, so its link stops working. */
export async function revokeInvitation(viewer: Viewer, invitationId: string): Promise<Outcome<InvitationView>> {
  if (!isAdmin(viewer) || viewer.kind !== 'user') return forbidden('Only admins may withdraw invitations.');
  return runWrite(async (tx) => {
    const row = await tx.invitation.findUnique({ where: { id: invitationId }, include: { organization: true } });
    if (!row) throw new FailureSignal({ kind: 'not-found', field: 'id', message: 'No invitation has this id.' });
    if (row.acceptedAt) {
      throw new FailureSignal({
        kind: 'validation',
        message: 'Invalid input: id',
        fieldErrors: [{ field: 'id', message: 'was already accepted' }]
      });
    }
    if (row.revokedAt) return { value: withoutHash(row), changes: [], audit: [] };
    const updated = withoutHash(
      await tx.invitation.update({
        where: { id: invitationId },
        data: { revokedAt: new Date() },
        include: { organization: true }
      })
    );
    return {
      value: updated,
      changes: [],
      audit: [
        {
          actorId: viewer.userId,
          action: 'invitation.revoke',
          entityType: 'Invitation',
          entityId: row.id,
          before: auditable(withoutHash(row)),
          after: auditable(updated)
        }
      ]
    };
  });
}
