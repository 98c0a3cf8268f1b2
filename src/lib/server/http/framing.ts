/**
 * Who may show our pages in a frame. Embeddable views (/embed/…) are made for other sites' iframes, so they allow
 * any ancestor (`frame-ancestors *`) and drop X-Frame-Options; every other answer keeps the site-wide refusal set
 * by security/headers.ts (X-Frame-Options: DENY) and kit.csp (frame-ancestors 'none'), which protects the signed-in
 * pages against clickjacking. Applied last in hooks.server.ts, after the security headers.
 */
export const EMBED_PATH_PREFIX = '/embed/';

export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith(EMBED_PATH_PREFIX);
}

/** The policy with its frame-ancestors directive (if any) replaced by `frame-ancestors *`. */
export function allowAnyFrameAncestor(csp: string | null): string {
  const directives = (csp ?? '')
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !/^frame-ancestors(\s|$)/i.test(d));
  return [...directives, 'frame-ancestors *'].join('; ');
}

function allowFraming(headers: Headers): void {
  headers.delete('x-frame-options');
  headers.set('content-security-policy', allowAnyFrameAncestor(headers.get('content-security-policy')));
}

export function withFramingPolicy(response: Response, url: URL): Response {
  if (!isEmbedPath(url.pathname)) return response;
  try {
    allowFraming(response.headers);
    return response;
  } catch {
    // Some responses (e.g. Response.redirect) have immutable headers: copy, then set.
    const copy = new Response(response.body, response);
    allowFraming(copy.headers);
    return copy;
  }
}
