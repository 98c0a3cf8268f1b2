/**
 * Issue 14, finding 2: every route that reads data shares one rate limit with /graphql — a page whose load runs
 * its GraphQL server-side, a CSV download or __data.json is one request of the visitor's budget, counted in
 * hooks.server.ts before the route runs. Health probes and sub-requests are not counted.
 */
import { describe, expect, it } from 'vitest';
import { handle } from '../../src/hooks.server';
import { getDb } from '../../src/lib/server/platform/db';
import { env } from '../../src/lib/server/env';
import { POST as graphqlPost } from '../../src/routes/graphql/+server';
import { createApiTokenFor, createUser, requestEvent } from '../factories/users';

const db = getDb();

/** What a route answers once the hook lets the request through; counts how often a route actually ran. */
let routeRuns = 0;
function pageRoute() {
  routeRuns += 1;
  return new Response('<!doctype html><p>page</p>', { headers: { 'content-type': 'text/html' } });
}

async function get(path: string, clientAddress: string, headers: Record<string, string> = {}) {
  const event = requestEvent(new Request(`http://atlas.test${path}`, { headers }), { clientAddress });
  return handle({ event, resolve: () => pageRoute() });
}

describe('one rate limit for pages, CSV and /graphql', () => {
  it('refuses the anonymous visitor of an IP address once pages and API together used the minute', async () => {
    const limit = env().API_RATE_LIMIT_ANONYMOUS_PER_MINUTE;
    const ip = '203.0.113.201';
    // Half of the budget on /graphql through the real route, the rest on pages and a CSV download.
    const apiRequests = Math.floor(limit / 2);
    for (let i = 0; i < apiRequests; i++) {
      const request = new Request('http://atlas.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: '{ apiVersion }' })
      });
      const event = requestEvent(request, { clientAddress: ip });
      const response = await handle({ event, resolve: (e) => graphqlPost(e as never) });
      expect(response.status).toBe(200);
    }
    const runsBefore = routeRuns;
    for (let i = apiRequests; i < limit; i++) {
      const path = i % 2 ? '/directory?themes=legal-aid' : '/dashboard/export/gaps.csv';
      const response = await get(path, ip);
      expect(response.status).toBe(200);
      if (i === limit - 1) expect(response.headers.get('ratelimit-remaining')).toBe('0');
    }
    expect(routeRuns - runsBefore).toBe(limit - apiRequests);

    const refused = await get('/directory?themes=legal-aid', ip, { accept: 'text/html' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.text()).toMatch(
      new RegExp(`^Too many requests: at most ${limit} per minute per IP address \\(send an API token`)
    );
    // The route did not run for the refused request.
    expect(routeRuns - runsBefore).toBe(limit - apiRequests);

    // SvelteKit's client-side navigation data gets the JSON error shape.
    const data = await get('/directory/__data.json', ip);
    expect(data.status).toBe(429);
    expect(((await data.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'RATE_LIMITED'
    );

    // Probes stay open, and another address has its own budget.
    expect((await get('/healthz', ip)).status).toBe(200);
    expect((await get('/directory', '203.0.113.202')).status).toBe(200);
  });

  it('counts a signed-in API token by the token, whatever the address', async () => {
    const limit = env().API_RATE_LIMIT_PER_MINUTE;
    const { user } = await createUser(db);
    const { secret } = await createApiTokenFor(db, user.id);
    const auth = { authorization: `Bearer ${secret}` };
    for (let i = 0; i < limit; i++) {
      const response = await get('/coalitions/export.csv', `198.51.100.${i % 200}`, auth);
      if (response.status !== 200) throw new Error(`request ${i + 1} of ${limit} got ${response.status}`);
    }
    const refused = await get('/organizations/x', '198.51.100.250', auth);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(new RegExp(`per minute per API token\\.`));
  });
});
