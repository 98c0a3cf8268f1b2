import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/i18n/generated/messages.js';
import { listAuditLog } from '$lib/server/auth/audit-log';
import { inviteUser, listOpenInvitations, revokeInvitation } from '$lib/server/auth/invitations';
import { approveMembership, listMembershipRequests, rejectMembership } from '$lib/server/auth/memberships';
import { publicOrigin } from '$lib/server/auth/origin';
import { isAdmin } from '$lib/server/access/viewer';
import { findOrganizationByNameOrSlug, organizationNameSuggestions } from '$lib/server/auth/organization-lookup';

const AUDIT_PAGE = 50;

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
  if (locals.viewer.kind !== 'user') redirect(303, '/login?next=/admin');
  if (!isAdmin(locals.viewer)) error(403, m.admin_forbidden());
  setHeaders({ 'cache-control': 'private, no-store' });
  const after = url.searchParams.get('after');
  const afterId = after && /^\d+$/.test(after) ? BigInt(after) : undefined;
  const [requests, invitations, audit, organizationNames] = await Promise.all([
    listMembershipRequests(locals.viewer),
    listOpenInvitations(locals.viewer),
    listAuditLog(locals.viewer, { first: AUDIT_PAGE, afterId }),
    organizationNameSuggestions()
  ]);
  const entries = audit?.entries ?? [];
  return {
    organizationNames,
    requests: requests.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      user: { name: r.user.name, email: r.user.email },
      organization: { name: r.organization.name, slug: r.organization.slug }
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      organization: i.organization?.name ?? null,
      expiresAt: i.expiresAt
    })),
    audit: entries.map((e) => ({
      id: e.id.toString(),
      at: e.at,
      actor: e.actor ? `${e.actor.name} <${e.actor.email}>` : null,
      action: e.action,
      entity: `${e.entityType} ${e.entityId}`,
      before: e.before === null ? null : JSON.stringify(e.before, null, 2),
      after: e.after === null ? null : JSON.stringify(e.after, null, 2)
    })),
    nextAuditPage: audit?.hasNextPage ? entries.at(-1)?.id.toString() : null
  };
};

function membershipAction(decide: typeof approveMembership, action: 'approve' | 'reject') {
  return async ({ request, locals }: Parameters<Actions[string]>[0]) => {
    const id = String((await request.formData()).get('id') ?? '');
    const outcome = await decide(locals.viewer, id);
    if (!outcome.ok)
      return fail(400, {
        action,
        message: outcome.failure.kind === 'forbidden' ? m.admin_forbidden() : m.admin_request_gone()
      });
    return { action, done: `${outcome.value.user.name} → ${outcome.value.organization.name}` };
  };
}

export const actions: Actions = {
  approve: membershipAction(approveMembership, 'approve'),
  reject: membershipAction(rejectMembership, 'reject'),
  invite: async ({ request, locals, url }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '');
    const role = String(form.get('role') ?? 'MEMBER') as 'MEMBER' | 'FUNDER_ANALYST' | 'ADMIN';
    const organization = String(form.get('organization') ?? '').trim();
    const values = { email, role, organization };
    let organizationId: string | undefined;
    if (organization) {
      const lookup = await findOrganizationByNameOrSlug(organization);
      if (!('found' in lookup)) {
        const message =
          lookup.missing === 'ambiguous'
            ? m.connect_invite_org_ambiguous({ slugs: lookup.slugs.join(', ') })
            : m.connect_invite_org_not_found();
        return fail(400, {
          action: 'invite' as const,
          values,
          errors: { organization: message } as Record<string, string>
        });
      }
      organizationId = lookup.found.id;
    }
    const outcome = await inviteUser(locals.viewer, { email, role, organizationId }, publicOrigin(url));
    if (!outcome.ok) {
      const errors: Record<string, string> = {};
      if (outcome.failure.kind === 'validation') {
        for (const e of outcome.failure.fieldErrors) {
          errors[e.field] =
            e.message === 'already has an account' ? m.admin_invite_email_taken() : m.auth_error_email_invalid();
        }
      } else errors.email = outcome.failure.message;
      return fail(400, { action: 'invite' as const, values, errors });
    }
    return { action: 'invite' as const, invited: outcome.value.email };
  },
  revokeInvitation: async ({ request, locals }) => {
    const id = String((await request.formData()).get('id') ?? '');
    const outcome = await revokeInvitation(locals.viewer, id);
    if (!outcome.ok) return fail(400, { action: 'revokeInvitation' as const, message: m.admin_request_gone() });
    return { action: 'revokeInvitation' as const, done: outcome.value.email };
  }
};
