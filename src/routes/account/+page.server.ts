import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/i18n/generated/messages.js';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/auth/api-tokens';
import { ownAccount } from '$lib/server/auth/account';
import { listMyMemberships, membershipTargetBySlug, requestMembership } from '$lib/server/auth/memberships';
import { mailSettings, updateMailSettings } from '$lib/server/notifications/preferences';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
  // Keep the query (a claim invitation's ?claim=<slug>) across the sign-in.
  if (locals.viewer.kind !== 'user') redirect(303, `/login?next=${encodeURIComponent(`/account${url.search}`)}`);
  setHeaders({ 'cache-control': 'private, no-store' });
  const viewer = locals.viewer;
  const [user, memberships, tokens, mail] = await Promise.all([
    ownAccount(viewer.userId),
    listMyMemberships(viewer),
    listApiTokens(viewer),
    mailSettings(viewer.userId)
  ]);
  return {
    user,
    mailSettings: mail,
    welcome: url.searchParams.has('welcome'),
    passwordReset: url.searchParams.has('reset'),
    // From a claim invitation mail (issue 15 part 3): the organisation to ask to manage, prefilled.
    claim: url.searchParams.get('claim') ?? '',
    memberships: memberships.map((ms) => ({
      id: ms.id,
      status: ms.status,
      role: ms.role,
      organization: { name: ms.organization.name, slug: ms.organization.slug }
    })),
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      scopes: t.scopes,
      createdAt: t.createdAt,
      lastUsedAt: t.lastUsedAt,
      expiresAt: t.expiresAt,
      revokedAt: t.revokedAt
    }))
  };
};

export const actions: Actions = {
  // The inbox's mail preferences (issue 15): the language, and per kind "delivery:<KIND>" = IMMEDIATELY|DAILY_DIGEST|NEVER.
  mailSettings: async ({ request, locals }) => {
    if (locals.viewer.kind !== 'user') return fail(401, { action: 'mailSettings' as const });
    const form = await request.formData();
    const deliveries = [...form.entries()]
      .filter(([key]) => key.startsWith('delivery:'))
      .map(([key, value]) => ({ kind: key.slice('delivery:'.length), delivery: String(value) }));
    const outcome = await updateMailSettings(locals.viewer.userId, {
      language: form.get('language') ? String(form.get('language')) : undefined,
      deliveries
    });
    if (!outcome.ok) return fail(400, { action: 'mailSettings' as const, message: outcome.failure.message });
    return { action: 'mailSettings' as const, saved: true };
  },
  createToken: async ({ request, locals }) => {
    const form = await request.formData();
    const name = String(form.get('name') ?? '');
    const scopes = form.getAll('scopes').map(String) as ('READ' | 'WRITE')[];
    const days = String(form.get('expiresInDays') ?? '');
    const outcome = await createApiToken(locals.viewer, {
      name,
      scopes,
      expiresInDays: days ? Number(days) : undefined
    });
    if (!outcome.ok) {
      const errors: Record<string, string> = {};
      if (outcome.failure.kind === 'validation') {
        for (const e of outcome.failure.fieldErrors) {
          errors[e.field] = e.field === 'scopes' ? m.account_token_scopes_error() : m.account_token_name_error();
        }
      } else errors.name = outcome.failure.message;
      return fail(400, { action: 'createToken' as const, name, errors });
    }
    return {
      action: 'createToken' as const,
      created: { name: outcome.value.token.name, secret: outcome.value.secret }
    };
  },
  revokeToken: async ({ request, locals }) => {
    const id = String((await request.formData()).get('id') ?? '');
    const outcome = await revokeApiToken(locals.viewer, id);
    if (!outcome.ok) return fail(404, { action: 'revokeToken' as const, message: m.account_token_not_found() });
    return { action: 'revokeToken' as const, revoked: outcome.value.name };
  },
  requestMembership: async ({ request, locals }) => {
    const slug = String((await request.formData()).get('organization') ?? '')
      .trim()
      .toLowerCase();
    const organization = slug ? await membershipTargetBySlug(slug) : null;
    if (!organization) {
      return fail(400, {
        action: 'requestMembership' as const,
        organization: slug,
        errors: { organization: m.account_org_not_found() }
      });
    }
    const outcome = await requestMembership(locals.viewer, organization.id);
    if (!outcome.ok) {
      const message = outcome.failure.kind === 'validation' ? m.account_membership_exists() : m.account_org_not_found();
      return fail(400, { action: 'requestMembership' as const, organization: slug, errors: { organization: message } });
    }
    return { action: 'requestMembership' as const, requested: organization.name };
  }
};
