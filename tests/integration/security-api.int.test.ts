/**
 * The protections of /graphql, through the real request path (hooks.server.ts `handle` → /graphql route → yoga)
 * in process: rate limits per IP and per token (429 + Retry-After), depth, cost and alias limits with clear
 * errors (also when page sizes come as variables), CSRF refusal of cookie-authenticated "simple" POSTs, CORS
 * without credentials, and masking of unexpected errors.
 */
import { describe, expect, it } from 'vitest';
import { handle } from '../../src/hooks.server';
import { SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import { createSession } from '../../src/lib/server/auth/sessions';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { env } from '../../src/lib/server/env';
import { yoga } from '../../src/lib/server/graphql/yoga';
import { GET, OPTIONS, POST } from '../../src/routes/graphql/+server';
import { CookieJar, createApiTokenFor, createUser, requestEvent } from '../factories/users';

const db = getDb();
const routes = { GET, POST, OPTIONS } as Record<string, (event: never) => Response | Promise<Response>>;

async function http(
  request: Request,
  options: { cookies?: CookieJar; clientAddress?: string; isSubRequest?: boolean } = {}
) {
  const event = requestEvent(request, options);
  return handle({ event, resolve: (e) => routes[e.request.method](e as never) });
}

function post(body: string, headers: Record<string, string>) {
  return new Request('http://atlas.test/graphql', { method: 'POST', headers, body });
}

function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return post(JSON.stringify({ query, variables }), {
    'content-type': 'application/json',
    accept: 'application/json',
    ...headers
  });
}

async function errorsOf(response: Response) {
  return ((await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] }).errors ?? [];
}

describe('rate limits', () => {
  it('answers 429 with Retry-After once an IP address without credentials used its requests for the minute', async () => {
    const limit = env().API_RATE_LIMIT_ANONYMOUS_PER_MINUTE;
    const ip = '203.0.113.101';
    let last: Response | undefined;
    for (let i = 0; i < limit; i++) {
      last = await http(graphql('{ apiVersion }'), { clientAddress: ip });
      expect(last.status).toBe(200);
    }
    expect(last!.headers.get('ratelimit-limit')).toBe(String(limit));
    expect(last!.headers.get('ratelimit-remaining')).toBe('0');

    const refused = await http(graphql('{ apiVersion }'), { clientAddress: ip });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const [error] = await errorsOf(refused);
    expect(error.message).toBe(
      `Too many requests: at most ${limit} per minute per IP address (send an API token for a higher limit). Retry in ${retryAfter} s.`
    );
    expect(error.extensions?.code).toBe('RATE_LIMITED');

    // Counted per address.
    expect((await http(graphql('{ apiVersion }'), { clientAddress: '203.0.113.102' })).status).toBe(200);

    // A page's server-side load calling /graphql (SvelteKit's fetch: a sub-request of the page view) is not an
    // API request of the visitor's: it still runs when the visitor's own API requests are used up.
    const subRequest = await http(graphql('{ apiVersion }'), { clientAddress: ip, isSubRequest: true });
    expect(subRequest.status).toBe(200);
    expect(subRequest.headers.get('ratelimit-limit')).toBeNull();
  });

  it('counts per API token, with the higher limit', async () => {
    const limit = env().API_RATE_LIMIT_PER_MINUTE;
    expect(limit).toBeGreaterThan(env().API_RATE_LIMIT_ANONYMOUS_PER_MINUTE);
    const { user } = await createUser(db);
    const one = await createApiTokenFor(db, user.id);
    const two = await createApiTokenFor(db, user.id);
    const ip = '203.0.113.110';
    for (let i = 0; i < limit; i++) {
      const ok = await http(graphql('{ apiVersion }', {}, { authorization: `Bearer ${one.secret}` }), {
        clientAddress: ip
      });
      if (ok.status !== 200) throw new Error(`request ${i + 1} of ${limit} was refused with ${ok.status}`);
    }
    const refused = await http(graphql('{ apiVersion }', {}, { authorization: `Bearer ${one.secret}` }), {
      clientAddress: ip
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await errorsOf(refused))[0].message).toMatch(
      new RegExp(`^Too many requests: at most ${limit} per minute per API token\\.`)
    );
    // Another token from the same address has its own budget.
    expect(
      (await http(graphql('{ apiVersion }', {}, { authorization: `Bearer ${two.secret}` }), { clientAddress: ip }))
        .status
    ).toBe(200);
  });
});

/** `{ __type { ofType { ofType … name } } }` nested to exactly `depth` levels. */
function deepQuery(depth: number): string {
  let inner = 'name';
  for (let level = depth - 2; level > 0; level--) inner = `ofType { ${inner} }`;
  return `{ __type(name: "Query") { ${inner} } }`;
}

describe('query limits', () => {
  it('rejects a query deeper than the limit with a clear error, and runs one at the limit', async () => {
    const max = env().GRAPHQL_MAX_DEPTH;
    const atLimit = await http(graphql(deepQuery(max)), { clientAddress: '203.0.113.120' });
    expect(await errorsOf(atLimit)).toEqual([]);
    const tooDeep = await http(graphql(deepQuery(max + 2)), { clientAddress: '203.0.113.120' });
    expect(await errorsOf(tooDeep)).toEqual([
      expect.objectContaining({
        message: `Query depth limit of ${max} exceeded, found ${max + 2}. Ask for fewer nested levels, or split the query.`,
        extensions: expect.objectContaining({ code: 'QUERY_TOO_DEEP' })
      })
    ]);
  });

  const NESTED = `query($outer: Int, $inner: Int) {
    organizations(first: $outer) { edges { node { partnerships(first: $inner) { edges { node { id } } } } } } }`;
  const LITERAL = `{ organizations(first: 100) { edges { node { partnerships(first: 100) { edges { node { id } } } } } } }`;

  it('rejects an over-costly query with a clear error, whether page sizes are literals or variables', async () => {
    const literal = await errorsOf(await http(graphql(LITERAL), { clientAddress: '203.0.113.121' }));
    expect(literal).toHaveLength(1);
    expect(literal[0].message).toMatch(
      new RegExp(
        `^Query Cost limit of ${env().GRAPHQL_MAX_COST} exceeded, found [\\d.]+\\. Ask for smaller pages \\(first/last\\) or fewer nested lists\\.$`
      )
    );
    expect(literal[0].extensions?.code).toBe('QUERY_TOO_COSTLY');

    const viaVariables = await errorsOf(
      await http(graphql(NESTED, { outer: 100, inner: 100 }), { clientAddress: '203.0.113.121' })
    );
    expect(viaVariables.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COSTLY']);
    expect(viaVariables[0].message).toBe(literal[0].message);

    const modest = await http(graphql(NESTED, { outer: 5, inner: 5 }), { clientAddress: '203.0.113.121' });
    const body = await modest.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.organizations.edges).toEqual([]);
  });

  it('rejects more aliases than the limit', async () => {
    const max = env().GRAPHQL_MAX_ALIASES;
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: apiVersion`).join(' ')} }`;
    expect(await errorsOf(await http(graphql(aliases(max)), { clientAddress: '203.0.113.122' }))).toEqual([]);
    const tooMany = await errorsOf(await http(graphql(aliases(max + 1)), { clientAddress: '203.0.113.122' }));
    expect(tooMany).toEqual([
      expect.objectContaining({
        message: `Aliases limit of ${max} exceeded, found ${max + 1}. Use fewer aliases, or send several requests.`,
        extensions: expect.objectContaining({ code: 'TOO_MANY_ALIASES' })
      })
    ]);
  });
});

describe('CSRF', () => {
  async function signedIn() {
    const { user } = await createUser(db);
    return new CookieJar({ [SESSION_COOKIE]: (await createSession(user.id)).token });
  }
  const form = new URLSearchParams({ query: '{ me { user { email } } }' }).toString();

  it('refuses a cookie-authenticated POST with a "simple" content type and no x-atlas-csrf header', async () => {
    for (const contentType of [
      'application/x-www-form-urlencoded',
      'text/plain;charset=UTF-8',
      'multipart/form-data; boundary=x'
    ]) {
      const response = await http(post(form, { 'content-type': contentType }), { cookies: await signedIn() });
      expect(response.status).toBe(403);
      const [error] = await errorsOf(response);
      expect(error.extensions?.code).toBe('CSRF_REJECTED');
      expect(error.message).toContain('x-atlas-csrf');
    }
  });

  it('accepts the same request with the header, as JSON, or without a session cookie', async () => {
    const withHeader = await http(
      post(form, { 'content-type': 'application/x-www-form-urlencoded', 'x-atlas-csrf': '1' }),
      {
        cookies: await signedIn()
      }
    );
    expect(withHeader.status).toBe(200);
    expect((await withHeader.json()).data.me.user.email).toMatch(/@atlas\.test$/);

    const json = await http(graphql('{ me { user { email } } }'), { cookies: await signedIn() });
    expect((await json.json()).data.me).not.toBeNull();

    const anonymousForm = await http(post(form, { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(anonymousForm.status).toBe(200);
    expect((await anonymousForm.json()).data.me).toBeNull();
  });

  it('never lets another origin send credentials (no Access-Control-Allow-Credentials)', async () => {
    const preflight = await http(
      new Request('http://atlas.test/graphql', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type'
        }
      })
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const simple = await http(graphql('{ apiVersion }', {}, { origin: 'https://evil.example' }), {
      cookies: await signedIn()
    });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(simple.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('errors', () => {
  it('masks unexpected errors: the client sees "Unexpected error." and nothing of the cause', async () => {
    // A viewer that no session could produce (a numeric user id) makes Prisma throw inside the resolver.
    const broken = { kind: 'user', userId: 42, role: 'MEMBER', organizationIds: [] } as unknown as Viewer;
    const response = await yoga.fetch(
      'http://atlas.test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ apiTokens { id } }' })
      },
      { viewer: broken }
    );
    const text = await response.text();
    expect(JSON.parse(text).errors).toEqual([expect.objectContaining({ message: 'Unexpected error.' })]);
    expect(text.toLowerCase()).not.toContain('prisma');
    expect(text).not.toContain('userId');
  });
});
