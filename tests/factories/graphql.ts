/**
 * Runs GraphQL operations the way a client does — an HTTP request through `yoga.fetch`, in process — as a given
 * viewer, plus a factory for the users behind signed-in viewers (mutations write audit rows that reference them).
 *
 *   const admin = await createViewer(db, { role: 'ADMIN' });
 *   const { data } = await execute(`{ organizations(first: 5) { totalCount } }`, {}, admin);
 *   const data = await executeOk(`…`, { id }, member); // throws on GraphQL errors
 */
import type { PrismaClient } from '../../src/lib/server/db/generated/client';
import { anonymous, type Role, type Viewer } from '../../src/lib/server/access/viewer';
import { yoga } from '../../src/lib/server/graphql/yoga';
import { uniqueSuffix } from './util';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function execute<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  viewer: Viewer = anonymous
): Promise<GraphQLResponse<T>> {
  const response = await yoga.fetch(
    'http://atlas.test/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables })
    },
    { viewer }
  );
  return (await response.json()) as GraphQLResponse<T>;
}

/** Like execute, but returns `data` and fails the test with the errors' messages if there are any. */
export async function executeOk<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  viewer: Viewer = anonymous
): Promise<T> {
  const result = await execute<T>(query, variables, viewer);
  if (result.errors?.length) {
    const describe = (e: NonNullable<GraphQLResponse<T>['errors']>[number]) => {
      // NODE_ENV=development makes yoga attach the masked error: show it when a test fails.
      const original = (e.extensions?.originalError as { message?: string } | undefined)?.message;
      return `${e.message}${original ? ` (${original})` : ''} @ ${e.path?.join('.')}`;
    };
    throw new Error(`GraphQL errors: ${result.errors.map(describe).join('; ')}`);
  }
  return result.data as T;
}

/**
 * A signed-in viewer backed by a real User row (and approved memberships of `organizationIds`), as a session
 * would produce it once accounts exist.
 */
export async function createViewer(
  db: PrismaClient,
  options: { role?: Role; organizationIds?: string[] } = {}
): Promise<Extract<Viewer, { kind: 'user' }>> {
  const suffix = uniqueSuffix();
  const user = await db.user.create({
    data: {
      email: `user-${suffix}@atlas.test`,
      passwordHash: 'not-a-real-hash',
      name: `User ${suffix}`,
      role: options.role ?? 'MEMBER',
      memberships: {
        create: (options.organizationIds ?? []).map((organizationId) => ({
          organizationId,
          role: 'EDITOR' as const,
          status: 'APPROVED' as const
        }))
      }
    }
  });
  return { kind: 'user', userId: user.id, role: user.role, organizationIds: options.organizationIds ?? [] };
}

/** The Relay global id of a row, as the API hands it out. */
export function globalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}
