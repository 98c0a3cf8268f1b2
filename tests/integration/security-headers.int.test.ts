/**
 * Security headers on every answer of `handle` (hooks.server.ts), HSTS on https only, the page CSP configured in
 * svelte.config.js, and GraphiQL served from local assets under its own nonce-based CSP.
 */
import { describe, expect, it } from 'vitest';
import config from '../../svelte.config.js';
import { handle } from '../../src/hooks.server';
import { NON_HTML_CSP } from '../../src/lib/server/security/headers';
import { GET, OPTIONS, POST } from '../../src/routes/graphql/+server';
import { requestEvent } from '../factories/users';

const routes = { GET, POST, OPTIONS } as Record<string, (event: never) => Response | Promise<Response>>;

async function http(request: Request, resolve?: () => Response | Promise<Response>) {
  const event = requestEvent(request, { clientAddress: '203.0.113.200' });
  return handle({ event, resolve: resolve ?? ((e) => routes[e.request.method](e as never)) });
}

const apiVersion = (origin = 'http://atlas.test') =>
  new Request(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ apiVersion }' })
  });

function expectBaseline(headers: Headers) {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('permissions-policy')).toContain('camera=()');
  expect(headers.get('permissions-policy')).toContain('geolocation=()');
}

describe('security headers', () => {
  it('are on API answers, with a CSP that allows nothing, and no HSTS over http', async () => {
    const response = await http(apiVersion());
    expect(response.status).toBe(200);
    expectBaseline(response.headers);
    expect(response.headers.get('content-security-policy')).toBe(NON_HTML_CSP);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('add HSTS over https', async () => {
    const response = await http(apiVersion('https://atlas.example.org'));
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });

  it('are on answers built before the route runs (a 401 for a bad token) and on immutable responses', async () => {
    const unauthorized = await http(
      new Request('http://atlas.test/graphql', { method: 'POST', headers: { authorization: 'Bearer nope' } })
    );
    expect(unauthorized.status).toBe(401);
    expectBaseline(unauthorized.headers);

    const redirect = await http(new Request('http://atlas.test/somewhere'), () =>
      Response.redirect('http://atlas.test/', 303)
    );
    expect(redirect.status).toBe(303);
    expectBaseline(redirect.headers);
  });

  it('leave the CSP of HTML pages to SvelteKit (kit.csp), which has no unsafe script sources', async () => {
    const page = await http(
      new Request('http://atlas.test/'),
      () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } })
    );
    expectBaseline(page.headers);
    expect(page.headers.get('content-security-policy')).toBeNull();

    const csp = config.kit?.csp;
    expect(csp?.mode).toBe('auto');
    const directives = csp?.directives ?? {};
    expect(directives['script-src']).toEqual(['self']);
    expect(directives['default-src']).toEqual(['self']);
    expect(directives['frame-ancestors']).toEqual(['none']);
    expect(directives['object-src']).toEqual(['none']);
    expect(directives['base-uri']).toEqual(['self']);
  });
});

describe('GraphiQL', () => {
  it('is served from local assets under a nonce-based CSP, with no resource from another origin', async () => {
    const response = await http(new Request('http://atlas.test/graphql', { headers: { accept: 'text/html' } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expectBaseline(response.headers);
    const csp = response.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");

    const html = await response.text();
    // The page's one script element carries the nonce (GraphiQL's code itself holds the text "<script>" in a string).
    expect(html.match(/<script\s[^>]*>/g)).toEqual([`<script nonce="${nonce}">`]);
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:\/\//);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdn\./);

    const again = await http(new Request('http://atlas.test/graphql', { headers: { accept: 'text/html' } }));
    expect(again.headers.get('content-security-policy')).not.toBe(csp);
  });
});
