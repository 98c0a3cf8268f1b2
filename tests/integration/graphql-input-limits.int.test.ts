/**
 * Issue #14, finding 6: hostile input to /graphql gets a typed error naming what is wrong, never a 500 or a stack
 * trace — through the real request path (hooks → route → yoga).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handle } from '../../src/hooks.server';
import { getDb } from '../../src/lib/server/platform/db';
import { GET, POST } from '../../src/routes/graphql/+server';
import { createViewer } from '../factories/graphql';
import { requestEvent } from '../factories/users';

const routes = { GET, POST } as Record<string, (event: never) => Response | Promise<Response>>;

function graphql(query: string, variables: Record<string, unknown> = {}) {
  return graphqlBody(JSON.stringify({ query, variables }));
}

function graphqlBody(body: string) {
  const request = new Request('http://atlas.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body
  });
  return handle({ event: requestEvent(request, {}), resolve: (e) => routes[e.request.method](e as never) });
}

interface Errors {
  errors?: { message: string; extensions?: { code?: string; fieldErrors?: { field: string; message: string }[] } }[];
}

let logged: unknown[][] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
});
afterEach(() => vi.restoreAllMocks());

describe('/graphql input limits', () => {
  it('a list literal 50,000 levels deep is refused as too deep, nothing logged', async () => {
    const deep = `${'['.repeat(50_000)}"x"${']'.repeat(50_000)}`;
    const response = await graphql(`{ isolatedOrganizations(themes: ${deep}) { totalCount } }`);
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as Errors;
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(logged).toEqual([]);
  });

  it('variables nested 50,000 levels deep are refused, naming `variables`', async () => {
    // Written out by hand: JSON.stringify itself would overflow the stack on it.
    const query = JSON.stringify('query($t: [String!]) { isolatedOrganizations(themes: $t) { totalCount } }');
    const deep = `${'['.repeat(50_000)}"x"${']'.repeat(50_000)}`;
    const response = await graphqlBody(`{"query":${query},"variables":{"t":${deep}}}`);
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as Errors;
    expect(body.errors?.[0]?.extensions?.fieldErrors?.[0]?.field).toBe('variables');
  });

  it('isolatedOrganizations(offset: 2147483647) is a validation error naming offset', async () => {
    const response = await graphql('{ isolatedOrganizations(offset: 2147483647) { totalCount } }');
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as Errors;
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'offset', message: expect.stringContaining('2147483647') }]
    });
    expect(logged).toEqual([]);
  });

  it('a lone UTF-16 surrogate in a mutation input is refused naming the field, and nothing is written', async () => {
    const before = await getDb().organization.count();
    await createViewer(getDb()); // a user exists; the check runs before authentication matters
    const response = await graphql(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { __typename } }',
      { input: { name: 'Bad \uD800 name', type: 'NGO' } }
    );
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as Errors;
    expect(body.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { field: 'input.name', message: 'contains a lone UTF-16 surrogate (not valid Unicode text)' }
    ]);
    expect(await getDb().organization.count()).toBe(before);
    expect(logged).toEqual([]);
  });
});
