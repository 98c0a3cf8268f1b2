import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/i18n/generated/messages.js';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { publicOrigin } from '$lib/server/auth/origin';
import {
  requestPasswordReset,
  resetPassword,
  resetTokenState,
  type ResetTokenState
} from '$lib/server/auth/password-reset';

function tokenProblem(state: Exclude<ResetTokenState, 'valid'>): string {
  switch (state) {
    case 'unknown':
      return m.auth_reset_link_unknown();
    case 'used':
      return m.auth_reset_link_used();
    case 'expired':
      return m.auth_reset_link_expired();
  }
}

/** Without a token: ask for a link. With one (from the email): choose the new password. */
export const load: PageServerLoad = async ({ url, setHeaders }) => {
  setHeaders({ 'cache-control': 'no-store' });
  const token = url.searchParams.get('token');
  if (!token) return { token: null, problem: null };
  const state = await resetTokenState(token);
  return { token, problem: state === 'valid' ? null : tokenProblem(state) };
};

export const actions: Actions = {
  request: async ({ request, url }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    if (!email.includes('@')) return fail(400, { values: { email }, errors: { email: m.auth_error_email_invalid() } });
    // The same answer whether or not the address has an account.
    await requestPasswordReset({ email, origin: publicOrigin(url) });
    return { requested: true, email };
  },
  reset: async ({ request, cookies, url }) => {
    const form = await request.formData();
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirm') ?? '')) {
      return fail(400, { errors: { confirm: m.auth_error_password_mismatch() } as Record<string, string> });
    }
    const result = await resetPassword({ token: String(form.get('token') ?? ''), password });
    if (!result.ok) {
      if (result.reason === 'invalid-password')
        return fail(400, { errors: { password: m.auth_error_password_rules() } });
      return fail(400, { message: tokenProblem(result.reason) });
    }
    setSessionCookie(cookies, url, result.token, result.expiresAt);
    redirect(303, '/account?reset=1');
  }
};
