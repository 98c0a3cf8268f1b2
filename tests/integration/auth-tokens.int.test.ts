/**
 * Personal access tokens end to end, through the real request path (hooks.server.ts `handle` → /graphql route →
 * yoga) in process: creation from a session (secret shown once, stored as SHA-256), listing, revocation, scopes
 * (READ cannot mutate), 401 for revoked/expired/unknown tokens, and lastUsedAt written at most once a minute.
 */
import { describe, expect, it } from 'vitest';
import { handle } from '../../src/hooks.server';
import { LAST_USED_RESOLUTION_MS, TOKEN_PREFIX } from '../../src/lib/server/auth/api-tokens';
import { SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import { sha256Hex } from '../../src/lib/server/auth/secrets';
import { createSession } from '../../src/lib/server/auth/sessions';
import { getDb } from '../../src/lib/server/platform/db';
import { GET, OPTIONS, POST } from '../../src/routes/graphql/+server';
import { globalId } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { CookieJar, createApiTokenFor, createUser, requestEvent } from '../factories/users';

const db = getDb();
const routes = { GET, POST, OPTIONS } as Record<string, (event: never) => Response | Promise<Response>>;

/** One HTTP request through `handle` and the /graphql route, as the server would run it. */
async function http(request: Request, options: { cookies?: CookieJar; clientAddress?: string } = {}) {
  const event = requestEvent(request, options);
  return handle({ event, resolve: (e) => routes[e.request.method](e as never) });
}

function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return new Request('http://atlas.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables })
  });
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function sessionJar(userId: string) {
  return new CookieJar({ [SESSION_COOKIE]: (await createSession(userId)).token });
}

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) {
  __typename
  ... on CreateApiTokenSuccess { secret apiToken { id name scopes active lastUsedAt expiresAt } }
  ... on MutationError { message }
  ... on ValidationError { fieldErrors { field message } } } }`;

describe('creating, listing and revoking tokens', () => {
  it('shows the secret once and stores only its SHA-256', async () => {
    const { user } = await createUser(db);
    const jar = await sessionJar(user.id);
    const response = await http(
      graphql(CREATE, { input: { name: 'export script', scopes: ['READ'], expiresInDays: 30 } }),
      { cookies: jar }
    );
    expect(response.status).toBe(200);
    const { data } = await response.json();
    const created = data.createApiToken;
    expect(created.__typename).toBe('CreateApiTokenSuccess');
    expect(created.secret).toMatch(new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`));
    expect(created.apiToken).toMatchObject({ name: 'export script', scopes: ['READ'], active: true, lastUsedAt: null });
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(sha256Hex(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret);

    const list = await (
      await http(
        graphql(`
          {
            apiTokens {
              id
              name
              scopes
            }
          }
        `),
        { cookies: jar }
      )
    ).json();
    expect(list.data.apiTokens).toEqual([{ id: created.apiToken.id, name: 'export script', scopes: ['READ'] }]);
    expect(JSON.stringify(list)).not.toContain(TOKEN_PREFIX);

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'ApiToken', entityId: row.id } });
    expect(audit).toMatchObject({ action: 'api_token.create', actorId: user.id });
    expect(JSON.stringify(audit.after)).not.toContain(row.tokenHash);
  });

  it('names invalid fields, and refuses to let a token create tokens', async () => {
    const { user } = await createUser(db);
    const jar = await sessionJar(user.id);
    const invalid = await (await http(graphql(CREATE, { input: { name: ' ', scopes: [] } }), { cookies: jar })).json();
    expect(invalid.data.createApiToken.fieldErrors).toEqual([
      { field: 'name', message: 'must not be empty' },
      { field: 'scopes', message: 'must contain READ, WRITE or both' }
    ]);
    const { secret } = await createApiTokenFor(db, user.id, { scopes: ['READ', 'WRITE'] });
    const byToken = await (
      await http(graphql(CREATE, { input: { name: 'more', scopes: ['WRITE'] } }, bearer(secret)))
    ).json();
    expect(byToken.data.createApiToken).toEqual({
      __typename: 'ForbiddenError',
      message: 'API tokens cannot create API tokens: sign in to the website to create one.'
    });
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(1);
  });

  it('revokes a token (then 401 "revoked"), and only the owner may', async () => {
    const { user } = await createUser(db);
    const other = await createUser(db);
    const { token, secret } = await createApiTokenFor(db, user.id);
    const revoke = `mutation($id: ID!) { revokeApiToken(id: $id) { __typename ... on RevokeApiTokenSuccess { apiToken { active revokedAt } } ... on MutationError { message } } }`;
    const id = globalId('ApiToken', token.id);

    const stranger = await (await http(graphql(revoke, { id }), { cookies: await sessionJar(other.user.id) })).json();
    expect(stranger.data.revokeApiToken).toEqual({
      __typename: 'NotFoundError',
      message: 'No API token of yours has this id.'
    });
    expect(
      (
        await http(
          graphql(
            `
              {
                apiVersion
              }
            `,
            {},
            bearer(secret)
          )
        )
      ).status
    ).toBe(200);

    const mine = await (await http(graphql(revoke, { id }), { cookies: await sessionJar(user.id) })).json();
    expect(mine.data.revokeApiToken.apiToken.active).toBe(false);

    const refused = await http(
      graphql(
        `
          {
            apiVersion
          }
        `,
        {},
        bearer(secret)
      )
    );
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer realm="atlas", error="invalid_token"/);
    const body = await refused.json();
    expect(body.errors[0].message).toMatch(/^This API token was revoked on \d{4}-\d\d-\d\dT.*: create a new one\.$/);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('authenticating with a token', () => {
  it('answers 401 with a clear message for expired, unknown and malformed tokens', async () => {
    const { user } = await createUser(db);
    const { secret } = await createApiTokenFor(db, user.id, { expiresAt: new Date(Date.now() - 1000) });
    const cases: [Record<string, string>, RegExp][] = [
      [bearer(secret), /^This API token expired on .*: create a new one\.$/],
      [bearer(`${TOKEN_PREFIX}nope`), /^Unknown API token: check that it was copied completely\.$/],
      [bearer('ghp_something'), /^This is not a Coalition Atlas API token/],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, /^The Authorization header must be "Bearer <token>"\.$/]
    ];
    for (const [headers, message] of cases) {
      const response = await http(
        graphql(
          `
            {
              apiVersion
            }
          `,
          {},
          headers
        )
      );
      expect(response.status).toBe(401);
      expect((await response.json()).errors[0].message).toMatch(message);
    }
  });

  it('acts as the owner with the token scopes, preferring the token over a session cookie', async () => {
    const org = await createOrganization(db);
    const { user } = await createUser(db, { role: 'FUNDER_ANALYST', organizationIds: [org.id] });
    const admin = await createUser(db, { role: 'ADMIN' });
    const { secret } = await createApiTokenFor(db, user.id, { scopes: ['READ'] });
    const response = await http(
      graphql(
        `
          {
            me {
              user {
                id
                role
              }
              tokenScopes
            }
          }
        `,
        {},
        bearer(secret)
      ),
      {
        cookies: await sessionJar(admin.user.id)
      }
    );
    const { data } = await response.json();
    expect(data.me).toEqual({ user: { id: globalId('User', user.id), role: 'FUNDER_ANALYST' }, tokenScopes: ['READ'] });
  });

  it('refuses mutations with a READ token and allows them with a WRITE token', async () => {
    const org = await createOrganization(db);
    const { user } = await createUser(db);
    const read = await createApiTokenFor(db, user.id, { scopes: ['READ'] });
    const write = await createApiTokenFor(db, user.id, { scopes: ['READ', 'WRITE'] });
    const mutation = `mutation($id: ID!) { requestMembership(organizationId: $id) { __typename } }`;
    const variables = { id: globalId('Organization', org.id) };

    const refused = await http(graphql(mutation, variables, bearer(read.secret)));
    const body = await refused.json();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'This API token has the READ scope only: mutations need a token with the WRITE scope.',
        extensions: expect.objectContaining({ code: 'FORBIDDEN' })
      })
    ]);
    expect(body.data ?? null).toBeNull();
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);

    // Queries still work with the READ token.
    expect(
      (
        await (
          await http(
            graphql(
              `
                {
                  apiVersion
                }
              `,
              {},
              bearer(read.secret)
            )
          )
        ).json()
      ).data
    ).toEqual({ apiVersion: '1' });

    const allowed = await (await http(graphql(mutation, variables, bearer(write.secret)))).json();
    expect(allowed.data.requestMembership.__typename).toBe('RequestMembershipSuccess');
    expect(await db.membership.count({ where: { userId: user.id, status: 'REQUESTED' } })).toBe(1);
  });

  it('updates lastUsedAt on use, at most once a minute', async () => {
    const { user } = await createUser(db);
    const { token, secret } = await createApiTokenFor(db, user.id);
    await http(
      graphql(
        `
          {
            apiVersion
          }
        `,
        {},
        bearer(secret)
      )
    );
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    expect(Date.now() - first!.getTime()).toBeLessThan(60_000);

    await http(
      graphql(
        `
          {
            apiVersion
          }
        `,
        {},
        bearer(secret)
      )
    );
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(first);

    const earlier = new Date(Date.now() - LAST_USED_RESOLUTION_MS - 1000);
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: earlier } });
    await http(
      graphql(
        `
          {
            apiVersion
          }
        `,
        {},
        bearer(secret)
      )
    );
    const third = (await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt!;
    expect(third.getTime()).toBeGreaterThan(earlier.getTime() + 1000);
  });
});
