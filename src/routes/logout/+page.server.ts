import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { clearSessionCookie, readSessionCookie } from '$lib/server/auth/cookies';
import { deleteSession } from '$lib/server/auth/sessions';

// Signing out is a POST (a link or an image could otherwise sign people out); GET shows the button.
export const actions: Actions = {
  default: async ({ cookies, url }) => {
    const token = readSessionCookie(cookies, url);
    if (token) await deleteSession(token);
    clearSessionCookie(cookies, url);
    redirect(303, '/');
  }
};
