import { GraphQLError } from 'graphql';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenView } from '../src/lib/server/auth/api-tokens';
import { listAuditLog, type AuditEntryView } from '../src/lib/server/auth/audit-log';
import { inviteUser, revokeInvitation, type InvitationView } from '../src/lib/server/auth/invitations';
import {
  approveMembership,
  listMembershipRequests,
  listMyMemberships,
  rejectMembership,
  requestMembership,
  type MembershipView
} from '../src/lib/server/auth/memberships';
import { isAdmin, type Viewer } from '../src/lib/server/access/viewer';
import { ApiTokenScope, MembershipRole, MembershipStatus, UserRole } from '../src/lib/server/db/generated/enums';
import { getDb } from '../src/lib/server/platform/db';
import type { User } from '../src/lib/server/db/generated/client';
import { publicOrigin } from '../src/lib/server/auth/origin';
import { builder } from './builder';
import { badArgument } from './input-errors';
import {
  ForbiddenErrorRef,
  mutationResult,
  mutationResults,
  NotFoundErrorRef,
  toError,
  ValidationErrorRef,
  type ErrorShape
} from './errors';
import { MAX_PAGE_SIZE } from './pagination';
import { OrganizationRef } from './refs';

/**
 * Accounts in the API: who am I, my API tokens, claiming an organisation (membership requests), invitations
 * and the audit log. Signing in and out are form actions on the website (/login, /logout), because they set
 * cookies; API clients authenticate with a personal access token (`Authorization: Bearer atlas_pat_…`).
 */

// ─── Enums and types ─────────────────────────────────────────────────────────────────────────────────────

const UserRoleEnum = builder.enumType(UserRole, {
  name: 'UserRole',
  description:
    'MEMBER edits the organisations they manage; FUNDER_ANALYST also sees members-level data; ADMIN everything.'
});
const MembershipRoleEnum = builder.enumType(MembershipRole, { name: 'MembershipRole' });
const MembershipStatusEnum = builder.enumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: 'REQUESTED by the user, APPROVED by an admin (the user may then edit the organisation).'
});
const ApiTokenScopeEnum = builder.enumType(ApiTokenScope, {
  name: 'ApiTokenScope',
  description: 'READ runs queries; WRITE also runs mutations.'
});

type UserShape = Pick<User, 'id' | 'name' | 'email' | 'role'>;

/** Users are only ever shown to themselves and to admins (memberships, audit entries). */
const UserRef = builder.objectRef<UserShape>('User').implement({
  description: 'A person with an account.',
  fields: (t) => ({
    id: t.globalID({ resolve: (u) => ({ type: 'User', id: u.id }) }),
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    role: t.expose('role', { type: UserRoleEnum })
  })
});

const MembershipRef = builder.objectRef<MembershipView>('Membership').implement({
  description: "A user's right to edit an organisation's profile and act for it, once an admin approved it.",
  fields: (t) => ({
    id: t.globalID({ resolve: (m) => ({ type: 'Membership', id: m.id }) }),
    user: t.field({ type: UserRef, resolve: (m) => m.user }),
    organization: t.field({ type: OrganizationRef, resolve: (m) => m.organization }),
    role: t.expose('role', { type: MembershipRoleEnum }),
    status: t.expose('status', { type: MembershipStatusEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    approvedAt: t.expose('approvedAt', { type: 'DateTime', nullable: true })
  })
});

const ApiTokenRef = builder.objectRef<ApiTokenView>('ApiToken').implement({
  description: 'A personal access token. Its secret is shown only once, when it is created.',
  fields: (t) => ({
    id: t.globalID({ resolve: (a) => ({ type: 'ApiToken', id: a.id }) }),
    name: t.exposeString('name'),
    scopes: t.field({ type: [ApiTokenScopeEnum], resolve: (a) => a.scopes }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Updated at most once a minute.'
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    active: t.boolean({
      description: 'Neither revoked nor expired.',
      resolve: (a) => !a.revokedAt && (!a.expiresAt || a.expiresAt.getTime() > Date.now())
    })
  })
});

const InvitationRef = builder.objectRef<InvitationView>('Invitation').implement({
  description: 'An invitation to create an account, sent by email (the link is valid for 7 days, once).',
  fields: (t) => ({
    id: t.globalID({ resolve: (i) => ({ type: 'Invitation', id: i.id }) }),
    email: t.exposeString('email'),
    role: t.expose('role', { type: UserRoleEnum }),
    organization: t.field({ type: OrganizationRef, nullable: true, resolve: (i) => i.organization }),
    membershipRole: t.expose('membershipRole', { type: MembershipRoleEnum, nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true })
  })
});

const AuditLogEntryRef = builder.objectRef<AuditEntryView>('AuditLogEntry').implement({
  description: 'One recorded change: who did what to which record, with the record before and after.',
  fields: (t) => ({
    id: t.id({ resolve: (e) => e.id.toString() }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null for system changes (imports).',
      resolve: (e) => e.actor
    }),
    action: t.exposeString('action', { description: 'e.g. "membership.approve", "organization.update".' }),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    before: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.before }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.after }),
    at: t.expose('at', { type: 'DateTime' })
  })
});

export const MeRef = builder.objectRef<{ viewer: Extract<Viewer, { kind: 'user' }>; user: UserShape }>('Me').implement({
  description: 'The signed-in user (or the owner of the API token in use).',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (me) => me.user }),
    memberships: t.field({
      type: [MembershipRef],
      description: 'Requested and approved memberships.',
      resolve: (me) => listMyMemberships(me.viewer)
    }),
    tokenScopes: t.field({
      type: [ApiTokenScopeEnum],
      nullable: true,
      description: 'The scopes of the API token in use; null when signed in through the website.',
      resolve: (me) => me.viewer.tokenScopes?.map((s) => (s === 'write' ? 'WRITE' : 'READ')) ?? null
    })
  })
});

// ─── Queries ─────────────────────────────────────────────────────────────────────────────────────────────

function requireSignedIn(viewer: Viewer): asserts viewer is Extract<Viewer, { kind: 'user' }> {
  if (viewer.kind !== 'user') {
    throw new GraphQLError('Sign in, or send an API token (Authorization: Bearer atlas_pat_…).', {
      extensions: { code: 'UNAUTHENTICATED' }
    });
  }
}

function requireAdmin(viewer: Viewer, what: string): void {
  requireSignedIn(viewer);
  if (!isAdmin(viewer)) throw new GraphQLError(`Only admins may read ${what}.`, { extensions: { code: 'FORBIDDEN' } });
}

const AUDIT_CURSOR = 'audit:';
const auditCursor = (id: bigint) => Buffer.from(`${AUDIT_CURSOR}${id}`).toString('base64url');
function auditCursorId(cursor: string): bigint {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(AUDIT_CURSOR) || !/^\d+$/.test(text.slice(AUDIT_CURSOR.length))) {
    throw badArgument('after', 'is not a cursor from this connection');
  }
  return BigInt(text.slice(AUDIT_CURSOR.length));
}

builder.queryFields((t) => ({
  me: t.field({
    type: MeRef,
    nullable: true,
    description: 'The viewer: null when not signed in.',
    resolve: async (_root, _args, ctx) => {
      if (ctx.viewer.kind !== 'user') return null;
      const user = await getDb().user.findUnique({
        where: { id: ctx.viewer.userId },
        select: { id: true, name: true, email: true, role: true }
      });
      return user ? { viewer: ctx.viewer, user } : null;
    }
  }),
  apiTokens: t.field({
    type: [ApiTokenRef],
    description: "The viewer's personal access tokens, newest first (revoked ones included).",
    resolve: (_root, _args, ctx) => {
      requireSignedIn(ctx.viewer);
      return listApiTokens(ctx.viewer);
    }
  }),
  membershipRequests: t.field({
    type: [MembershipRef],
    description: 'Admins: membership requests waiting for a decision, oldest first.',
    resolve: (_root, _args, ctx) => {
      requireAdmin(ctx.viewer, 'membership requests');
      return listMembershipRequests(ctx.viewer);
    }
  }),
  auditLog: t.connection(
    {
      type: AuditLogEntryRef,
      description: 'Admins: recorded changes, newest first, optionally for one entity type or one entity.',
      args: {
        entityType: t.arg.string({ required: false, description: 'e.g. "Organization", "Membership", "ApiToken".' }),
        entityId: t.arg.string({ required: false, description: 'The database id of one record.' })
      },
      resolve: async (_root, args, ctx) => {
        requireAdmin(ctx.viewer, 'the audit log');
        if (args.last != null || args.before != null)
          throw badArgument('last', 'is not supported: page forward with first/after');
        const first = args.first ?? 20;
        if (first < 0) throw badArgument('first', 'must not be negative');
        if (first > MAX_PAGE_SIZE) throw badArgument('first', `must be at most ${MAX_PAGE_SIZE} (got ${first})`);
        const page = await listAuditLog(ctx.viewer, {
          first,
          afterId: args.after ? auditCursorId(args.after) : undefined,
          entityType: args.entityType ?? undefined,
          entityId: args.entityId ?? undefined
        });
        const entries = page?.entries ?? [];
        const edges = entries.map((node) => ({ cursor: auditCursor(node.id), node }));
        return {
          edges,
          pageInfo: {
            hasNextPage: page?.hasNextPage ?? false,
            hasPreviousPage: args.after != null,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null
          }
        };
      }
    },
    { name: 'AuditLogConnection' }
  )
}));

// ─── Mutations ───────────────────────────────────────────────────────────────────────────────────────────

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'What the token is for, e.g. "weekly export script".' }),
    scopes: t.field({ type: [ApiTokenScopeEnum], required: true }),
    expiresInDays: t.int({ required: false, description: '1–366; never expires when left out.' })
  })
});

type CreatedToken = { __typename: 'Success'; apiToken: ApiTokenView; secret: string };

const CreateApiTokenSuccess = builder.objectRef<CreatedToken>('CreateApiTokenSuccess').implement({
  description: 'The token was created. `secret` is shown this once: store it now.',
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'Success',
  fields: (t) => ({
    apiToken: t.field({ type: ApiTokenRef, resolve: (v) => v.apiToken }),
    secret: t.exposeString('secret', { description: 'Send as `Authorization: Bearer <secret>`.' })
  })
});

const CreateApiTokenResult = builder.unionType('CreateApiTokenResult', {
  types: [CreateApiTokenSuccess, ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef],
  resolveType: (value) => {
    const tag = (value as { __typename: string }).__typename;
    return tag === 'Success' ? 'CreateApiTokenSuccess' : tag;
  }
});

const InviteUserInput = builder.inputType('InviteUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    role: t.field({ type: UserRoleEnum, required: false, description: 'Default MEMBER.' }),
    organizationId: t.id({ required: false, description: 'Sign the new user up straight into this organisation.' }),
    membershipRole: t.field({ type: MembershipRoleEnum, required: false, description: 'Default EDITOR.' })
  })
});

const revoke = mutationResult(
  'RevokeApiToken',
  'apiToken',
  ApiTokenRef,
  'The token is revoked: requests with it get 401.'
);
const [request, approve, reject] = mutationResults('membership', MembershipRef, [
  ['RequestMembership', 'The request awaits an admin.'],
  ['ApproveMembership', 'The user may now edit the organisation.'],
  ['RejectMembership', 'The request was deleted.']
]);
const [invite, withdraw] = mutationResults('invitation', InvitationRef, [
  ['InviteUser', 'The invitation was sent by email.'],
  ['RevokeInvitation', 'The invitation link no longer works.']
]);

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreateApiTokenResult,
    description: 'Creates a personal access token. Only from a website session (tokens cannot create tokens).',
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<CreatedToken | ErrorShape> => {
      const outcome = await createApiToken(ctx.viewer, {
        name: input.name,
        scopes: input.scopes,
        expiresInDays: input.expiresInDays ?? undefined
      });
      if (!outcome.ok) return toError(outcome.failure);
      return { __typename: 'Success', apiToken: outcome.value.token, secret: outcome.value.secret };
    }
  }),
  revokeApiToken: t.field({
    type: revoke.union,
    description: 'Revokes one of your tokens (admins: anyone’s).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      return revoke.withIds({ id }, { id: 'ApiToken' }, (ids) => revokeApiToken(ctx.viewer, ids.id));
    }
  }),
  requestMembership: t.field({
    type: request.union,
    description: 'Asks to manage an organisation’s profile; an admin approves or rejects the request.',
    args: { organizationId: t.arg.id({ required: true }) },
    resolve: async (_root, { organizationId }, ctx) => {
      return request.withIds({ organizationId }, { organizationId: 'Organization' }, (ids) =>
        requestMembership(ctx.viewer, ids.organizationId)
      );
    }
  }),
  approveMembership: t.field({
    type: approve.union,
    description: 'Admins: approves a membership request.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      return approve.withIds({ id }, { id: 'Membership' }, (ids) => approveMembership(ctx.viewer, ids.id));
    }
  }),
  rejectMembership: t.field({
    type: reject.union,
    description: 'Admins: rejects (deletes) a membership request.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      return reject.withIds({ id }, { id: 'Membership' }, (ids) => rejectMembership(ctx.viewer, ids.id));
    }
  }),
  inviteUser: t.field({
    type: invite.union,
    description: 'Admins: invites someone to create an account; the link is sent to the email address.',
    args: { input: t.arg({ type: InviteUserInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return invite.withIds({ organizationId: input.organizationId }, { organizationId: 'Organization' }, (ids) =>
        inviteUser(
          ctx.viewer,
          {
            email: input.email,
            role: input.role ?? undefined,
            organizationId: ids.organizationId,
            membershipRole: input.membershipRole ?? undefined
          },
          publicOrigin()
        )
      );
    }
  }),
  revokeInvitation: t.field({
    type: withdraw.union,
    description: 'Admins: withdraws an open invitation.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      return withdraw.withIds({ id }, { id: 'Invitation' }, (ids) => revokeInvitation(ctx.viewer, ids.id));
    }
  })
}));
