/**
 * Security headers on every response of the app (hooks.server.ts). Pages get their Content-Security-Policy
 * from SvelteKit (kit.csp in svelte.config.js, with per-response nonces); GraphiQL sets its own; any other
 * non-HTML answer (JSON, files) gets a policy that allows nothing, since nothing in it should ever run.
 */
const ALWAYS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy':
    'accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()'
};

export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
/** Two years, sub-domains included: only sent over https, where the browser then refuses plain http for the site. */
export const HSTS = 'max-age=63072000; includeSubDomains';

function apply(headers: Headers, url: URL): void {
  for (const [name, value] of Object.entries(ALWAYS)) headers.set(name, value);
  if (url.protocol === 'https:') headers.set('strict-transport-security', HSTS);
  const isHtml = (headers.get('content-type') ?? '').startsWith('text/html');
  if (!isHtml && !headers.has('content-security-policy')) headers.set('content-security-policy', NON_HTML_CSP);
}

export function withSecurityHeaders(response: Response, url: URL): Response {
  try {
    apply(response.headers, url);
    return response;
  } catch {
    // Some responses (e.g. from fetch or Response.redirect) have immutable headers: copy, then set.
    const copy = new Response(response.body, response);
    apply(copy.headers, url);
    return copy;
  }
}
