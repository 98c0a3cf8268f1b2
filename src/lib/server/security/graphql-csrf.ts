import type { Plugin } from 'graphql-yoga';
import { hasSessionCookie } from '../auth/cookies';
import { jsonErrorResponse } from './json-error';

/**
 * CSRF protection for /graphql requests that ride on the session cookie. A foreign page can make the browser
 * POST with the cookie only as a "simple" request (form-encoded, multipart or text/plain body, no custom
 * headers); anything else needs a CORS preflight, which our CORS policy refuses for credentialed requests. So a
 * cookie-authenticated POST must either be JSON or carry the `x-atlas-csrf` header (any value) — both of which
 * only our own pages (or a client the user runs) can send. Token-authenticated requests carry no ambient
 * credential and are not affected. SvelteKit's origin check (kit.csrf) is a second, independent layer.
 */
export const CSRF_HEADER = 'x-atlas-csrf';

const SIMPLE_CONTENT_TYPES = new Set(['', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

export function useCookieCsrfGuard(): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST') return; // GET cannot run mutations (yoga refuses), and its answer stays unreadable cross-site
      if (request.headers.has('authorization') || !hasSessionCookie(request)) return;
      const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (!SIMPLE_CONTENT_TYPES.has(type) || request.headers.get(CSRF_HEADER)) return;
      endResponse(
        jsonErrorResponse(
          403,
          `Refused as a possible cross-site request: a POST authenticated by the session cookie must use ` +
            `Content-Type: application/json or send the ${CSRF_HEADER} header.`,
          { code: 'CSRF_REJECTED' }
        )
      );
    }
  };
}
