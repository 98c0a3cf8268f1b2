import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/i18n/generated/messages.js';
import { isAdmin } from '$lib/server/access/viewer';
import { listMembershipRequests } from '$lib/server/auth/memberships';
import { listAbuseReports } from '$lib/server/introductions/queries';
import { unverifiedOrganizations, verifyOrganization } from '$lib/server/moderation/verification';

/**
 * The admins' moderation queue (issue 15 part 7): organisations members created that wait for verification,
 * claims (membership requests, decided on /admin) and abuse reports (in full on /admin/reports).
 */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  if (locals.viewer.kind !== 'user') redirect(303, '/login?next=/admin/moderation');
  if (!isAdmin(locals.viewer)) error(403, m.admin_forbidden());
  setHeaders({ 'cache-control': 'private, no-store' });
  const [organizations, claims, reports] = await Promise.all([
    unverifiedOrganizations(locals.viewer),
    listMembershipRequests(locals.viewer),
    listAbuseReports(locals.viewer, 20)
  ]);
  return {
    organizations: organizations ?? [],
    claims: claims.map((c) => ({
      id: c.id,
      createdAt: c.createdAt,
      person: `${c.user.name} <${c.user.email}>`,
      organization: { name: c.organization.name, slug: c.organization.slug }
    })),
    reports: (reports ?? []).map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      from: r.introduction.from.name,
      to: r.introduction.to.name,
      requester: `${r.introduction.requester.name} <${r.introduction.requester.email}>`
    }))
  };
};

export const actions: Actions = {
  verify: async ({ request, locals }) => {
    const id = String((await request.formData()).get('id') ?? '');
    const outcome = await verifyOrganization(locals.viewer, id);
    if (!outcome.ok)
      return fail(outcome.failure.kind === 'forbidden' ? 403 : 400, { message: outcome.failure.message });
    return { verified: id };
  }
};
