import type { Cookies } from '@sveltejs/kit';
import { authenticateApiToken } from './api-tokens';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './cookies';
import { validateSession } from './sessions';
import { anonymous, type Viewer } from '../access/viewer';

export type ViewerResolution =
  | {
      ok: true;
      viewer: Viewer;
      via: 'anonymous' | 'session' | 'token';
      sessionId?: string;
      /** From the session read: an upper bound of the inbox's unread count (sessions.ts). */
      unreadAtMost?: number;
    }
  /** A bearer token was sent but is not usable: the request is answered 401 instead of running anonymously. */
  | { ok: false; status: 401; message: string };

/**
 * Who is asking: an `Authorization: Bearer atlas_pat_…` header wins over the session cookie (an explicit
 * credential beats an ambient one). A bad token is an error, never a silent downgrade to anonymous — a script
 * would otherwise get public data and never learn its token was revoked. A bad or expired session cookie is
 * simply removed: the browser continues as an anonymous visitor.
 */
export async function resolveViewer(
  request: Request,
  cookies: Pick<Cookies, 'get' | 'set' | 'delete'>
): Promise<ViewerResolution> {
  const url = new URL(request.url);
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) {
      return { ok: false, status: 401, message: 'The Authorization header must be "Bearer <token>".' };
    }
    const result = await authenticateApiToken(match[1]);
    return result.ok
      ? { ok: true, viewer: result.viewer, via: 'token' }
      : { ok: false, status: 401, message: result.message };
  }

  const token = readSessionCookie(cookies, url);
  if (!token) return { ok: true, viewer: anonymous, via: 'anonymous' };
  const session = await validateSession(token);
  if (!session) {
    clearSessionCookie(cookies, url);
    return { ok: true, viewer: anonymous, via: 'anonymous' };
  }
  if (session.renewedUntil) setSessionCookie(cookies, url, token, session.renewedUntil);
  return {
    ok: true,
    viewer: session.viewer,
    via: 'session',
    sessionId: session.sessionId,
    unreadAtMost: session.unreadAtMost
  };
}

/** The 401 answer for an unusable bearer token, in the GraphQL-over-HTTP error shape API clients parse. */
export function unauthorizedResponse(message: string): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }), {
    status: 401,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'www-authenticate': `Bearer realm="atlas", error="invalid_token", error_description="${message.replace(/["\\]/g, '')}"`
    }
  });
}
