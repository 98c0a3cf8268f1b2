import type { Handle } from '@sveltejs/kit';
import { env } from '$lib/server/env';
import { anonymous } from '$lib/server/auth/viewer';
import { chooseLocale, LANG_COOKIE, LANG_COOKIE_MAX_AGE, LANG_PARAM } from '$lib/i18n/locale';
import { withLocale } from '$lib/i18n/request-locale.server';

// Validate the environment before the first request: a bad value stops the server with a message naming it.
env();

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.viewer = anonymous;
  const param = event.url.searchParams.get(LANG_PARAM);
  event.locals.lang = chooseLocale(param, event.cookies.get(LANG_COOKIE));
  // Following a language link remembers the choice, so the switch works without JavaScript.
  if (param === event.locals.lang && event.cookies.get(LANG_COOKIE) !== param) {
    event.cookies.set(LANG_COOKIE, param, { path: '/', maxAge: LANG_COOKIE_MAX_AGE, sameSite: 'lax', httpOnly: false });
  }
  return withLocale(event.locals.lang, event.url.origin, () =>
    resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang) })
  );
};
