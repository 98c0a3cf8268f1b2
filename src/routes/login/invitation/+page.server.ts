import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/i18n/generated/messages.js';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { acceptInvitation, findInvitation, type InvitationState } from '$lib/server/auth/invitations';

function stateMessage(state: Exclude<InvitationState, 'valid'> | 'email-taken'): string {
  switch (state) {
    case 'unknown':
      return m.auth_invitation_unknown();
    case 'accepted':
      return m.auth_invitation_accepted();
    case 'revoked':
      return m.auth_invitation_revoked();
    case 'expired':
      return m.auth_invitation_expired();
    case 'email-taken':
      return m.auth_invitation_email_taken();
  }
}

export const load: PageServerLoad = async ({ url, setHeaders }) => {
  // The token is in the URL: keep the page out of caches.
  setHeaders({ 'cache-control': 'no-store' });
  const token = url.searchParams.get('token') ?? '';
  const { state, invitation } = token
    ? await findInvitation(token)
    : { state: 'unknown' as const, invitation: undefined };
  return {
    token,
    problem: state === 'valid' ? null : stateMessage(state),
    email: invitation?.email ?? null,
    organizationName: invitation?.organization?.name ?? null
  };
};

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const form = await request.formData();
    const name = String(form.get('name') ?? '');
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirm') ?? '')) {
      return fail(400, {
        values: { name },
        errors: { confirm: m.auth_error_password_mismatch() } as Record<string, string>
      });
    }
    const result = await acceptInvitation({ token: String(form.get('token') ?? ''), name, password });
    if (!result.ok) {
      if (result.reason === 'invalid-input') {
        const errors: Record<string, string> = {};
        for (const e of result.fieldErrors) {
          errors[e.field] = e.field === 'password' ? m.auth_error_password_rules() : m.auth_error_name_required();
        }
        return fail(400, { values: { name }, errors });
      }
      return fail(400, { values: { name }, message: stateMessage(result.reason) });
    }
    setSessionCookie(cookies, url, result.token, result.expiresAt);
    redirect(303, '/account?welcome=1');
  }
};
