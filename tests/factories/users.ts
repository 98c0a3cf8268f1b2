/**
 * Accounts for tests (and seeds): users with real argon2id password hashes, approved or requested memberships,
 * browser sessions and API tokens — created through the same functions the app uses, so a test signs in with
 * exactly what the app would have written.
 *
 *   const { user, password } = await createUser(db, { role: 'ADMIN' });
 *   const session = await createSession(user.id);             // cookie token
 *   const { secret } = await createApiTokenFor(db, user.id, { scopes: ['READ'] });
 *
 * Also here: a cookie jar and a SvelteKit request event, for tests that drive `handle` from hooks.server.ts or a
 * route handler directly, in process.
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { TOKEN_PREFIX } from '../../src/lib/server/auth/api-tokens';
import { hashPassword } from '../../src/lib/server/auth/password';
import { randomSecret, sha256Hex } from '../../src/lib/server/auth/secrets';
import { anonymous } from '../../src/lib/server/access/viewer';
import type { ApiToken, Prisma, PrismaClient, User } from '../../src/lib/server/db/generated/client';
import { uniqueSuffix } from './util';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

// argon2id takes tens of milliseconds on purpose: hash the common password once per process.
let defaultHash: Promise<string> | undefined;
const hashOf = (password: string) =>
  password === DEFAULT_PASSWORD ? (defaultHash ??= hashPassword(DEFAULT_PASSWORD)) : hashPassword(password);

export type UserOverrides = Partial<Omit<Prisma.UserUncheckedCreateInput, 'passwordHash'>> & {
  password?: string;
  /** Organisations the user manages (APPROVED memberships). */
  organizationIds?: string[];
  /** Organisations the user asked to manage (REQUESTED memberships). */
  requestedOrganizationIds?: string[];
};

export async function createUser(
  db: PrismaClient,
  overrides: UserOverrides = {}
): Promise<{ user: User; password: string }> {
  const { password = DEFAULT_PASSWORD, organizationIds = [], requestedOrganizationIds = [], ...fields } = overrides;
  const suffix = uniqueSuffix();
  const user = await db.user.create({
    data: {
      email: `user-${suffix}@atlas.test`,
      name: `User ${suffix}`,
      role: 'MEMBER',
      ...fields,
      passwordHash: await hashOf(password),
      memberships: {
        create: [
          ...organizationIds.map((organizationId) => ({ organizationId, status: 'APPROVED' as const })),
          ...requestedOrganizationIds.map((organizationId) => ({ organizationId, status: 'REQUESTED' as const }))
        ]
      }
    }
  });
  return { user, password };
}

export async function createApiTokenFor(
  db: PrismaClient,
  userId: string,
  overrides: Partial<Pick<ApiToken, 'name' | 'scopes' | 'expiresAt' | 'revokedAt' | 'lastUsedAt'>> = {}
): Promise<{ token: ApiToken; secret: string }> {
  const secret = randomSecret(TOKEN_PREFIX);
  const token = await db.apiToken.create({
    data: { name: `token ${uniqueSuffix()}`, scopes: ['READ'], ...overrides, userId, tokenHash: sha256Hex(secret) }
  });
  return { token, secret };
}

// ─── Requests ────────────────────────────────────────────────────────────────────────────────────────────

type CookieOptions = Parameters<Cookies['set']>[2];

export interface CookieWrite {
  name: string;
  value: string;
  options: Partial<CookieOptions>;
}

/** SvelteKit's `cookies` for an in-process request: reads the request's cookies, records what is set and deleted. */
export class CookieJar {
  private readonly values = new Map<string, string>();
  readonly writes: CookieWrite[] = [];

  constructor(initial: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(initial)) this.values.set(name, value);
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  getAll(): { name: string; value: string }[] {
    return [...this.values].map(([name, value]) => ({ name, value }));
  }

  set(name: string, value: string, options: CookieOptions): void {
    this.values.set(name, value);
    this.writes.push({ name, value, options });
  }

  delete(name: string, options: CookieOptions): void {
    this.values.delete(name);
    this.writes.push({ name, value: '', options: { ...options, maxAge: 0 } });
  }

  serialize(name: string, value: string): string {
    return `${name}=${value}`;
  }

  /** The Cookie request header a browser holding these cookies would send. */
  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * A request event for `handle` (hooks.server.ts) or a route handler. The Cookie header of `request` is taken
 * from the jar when the request has none, so a test only fills the jar.
 */
export function requestEvent(
  request: Request,
  options: { cookies?: CookieJar; clientAddress?: string; isSubRequest?: boolean } = {}
): RequestEvent {
  const cookies = options.cookies ?? new CookieJar();
  let req = request;
  if (!request.headers.has('cookie') && cookies.header()) {
    const headers = new Headers(request.headers);
    headers.set('cookie', cookies.header());
    req = new Request(request, { headers, duplex: 'half' } as RequestInit);
  }
  const url = new URL(req.url);
  const event = {
    request: req,
    url,
    cookies,
    locals: { viewer: anonymous, lang: 'en' },
    params: {},
    platform: undefined,
    route: { id: url.pathname },
    isDataRequest: false,
    isSubRequest: options.isSubRequest ?? false,
    isRemoteRequest: false,
    fetch,
    setHeaders: () => {},
    getClientAddress: () => options.clientAddress ?? '127.0.0.1'
  };
  return event as unknown as RequestEvent;
}
