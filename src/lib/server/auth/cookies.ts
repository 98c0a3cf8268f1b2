import type { Cookies } from '@sveltejs/kit';

/**
 * The session cookie: httpOnly (no script can read it), SameSite=Lax (not sent on cross-site POSTs or
 * sub-requests), Secure and `__Host-`-prefixed on https (the browser then refuses it over http and from
 * sub-domains). Plain http only happens locally, where browsers drop Secure cookies.
 */
export const SESSION_COOKIE = 'atlas_session';
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export function sessionCookieName(url: URL): string {
  return url.protocol === 'https:' ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

function options(url: URL) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' };
}

export function readSessionCookie(cookies: Pick<Cookies, 'get'>, url: URL): string | undefined {
  return cookies.get(sessionCookieName(url)) || undefined;
}

export function setSessionCookie(cookies: Pick<Cookies, 'set'>, url: URL, token: string, expiresAt: Date): void {
  cookies.set(sessionCookieName(url), token, { ...options(url), expires: expiresAt });
}

export function clearSessionCookie(cookies: Pick<Cookies, 'delete'>, url: URL): void {
  cookies.delete(sessionCookieName(url), options(url));
}

/** Whether a raw request carries a session cookie (either name), judged from its Cookie header alone. */
export function hasSessionCookie(request: Request): boolean {
  const header = request.headers.get('cookie');
  if (!header) return false;
  return header
    .split(';')
    .map((part) => part.trim().split('=')[0])
    .some((name) => name === SESSION_COOKIE || name === SECURE_SESSION_COOKIE);
}
