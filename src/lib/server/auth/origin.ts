import { env } from '../env';

/**
 * The site's public URL, for links in emails. ORIGIN when set (production must set it: otherwise the Host
 * header, which a client controls, would decide where a password-reset link points); else the request's own
 * origin, or localhost outside a request.
 */
export function publicOrigin(requestUrl?: URL): string {
  return env().ORIGIN ?? requestUrl?.origin ?? `http://localhost:${env().PORT}`;
}

/** A post-login destination from a `next` parameter: same-site paths only, so the link cannot send people away. */
export function safeRedirectPath(next: string | null | undefined, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
