import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/i18n/generated/messages.js';
import { setSessionCookie, readSessionCookie } from '$lib/server/auth/cookies';
import { login } from '$lib/server/auth/login';
import { publicOrigin, safeRedirectPath } from '$lib/server/auth/origin';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.viewer.kind === 'user') redirect(303, safeRedirectPath(url.searchParams.get('next')));
  return { next: url.searchParams.get('next') ?? '' };
};

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const result = await login({
      email,
      password,
      ip: getClientAddress(),
      previousToken: readSessionCookie(cookies, url),
      origin: publicOrigin(url)
    });
    if (!result.ok) {
      switch (result.reason) {
        case 'invalid-input':
          return fail(400, {
            values: { email },
            errors: {
              email: result.field === 'email' ? m.auth_error_email_invalid() : null,
              password: result.field === 'password' ? m.auth_error_password_required() : null
            }
          });
        case 'invalid-credentials':
          return fail(400, { values: { email }, message: m.auth_error_credentials() });
        case 'throttled':
          return fail(429, {
            values: { email },
            message: m.auth_error_throttled({ minutes: Math.ceil(result.retryAfterSeconds / 60) })
          });
      }
    }
    setSessionCookie(cookies, url, result.token, result.expiresAt);
    redirect(303, safeRedirectPath(String(form.get('next') ?? '')));
  }
};
