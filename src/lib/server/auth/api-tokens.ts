import { z } from 'zod';
import { getDb } from '../platform/db';
import type { ApiToken } from '../db/generated/client';
import { actorId } from '../access/policy';
import { runWrite } from '../platform/write-with-outbox';
import { fieldErrorsOf } from '../validation/field-errors';
import { FailureSignal, forbidden, invalid, type Outcome } from '../validation/outcome';
import { randomSecret, sha256Hex } from './secrets';
import { viewerOf, viewerUserInclude } from './users';
import type { Viewer } from '../access/viewer';

/**
 * Personal access tokens for the API. The secret (`atlas_pat_…`, 256 random bits) is shown once at creation;
 * only its SHA-256 is stored. READ tokens query, WRITE tokens may also run mutations.
 */
export const TOKEN_PREFIX = 'atlas_pat_';
/** `lastUsedAt` is written at most this often per token, so that API traffic is not a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiTokenView = Omit<ApiToken, 'tokenHash'>;

const createSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  scopes: z
    .array(z.enum(['READ', 'WRITE']))
    .min(1, 'must contain READ, WRITE or both')
    .transform((scopes) => [...new Set(scopes)].sort() as ('READ' | 'WRITE')[]),
  expiresInDays: z.number().int().min(1, 'must be at least 1').max(366, 'must be at most 366').optional()
});

export type CreateApiTokenInput = z.input<typeof createSchema>;

const withoutHash = ({ tokenHash: _hash, ...token }: ApiToken): ApiTokenView => token;

function auditable(token: ApiTokenView) {
  const { id, name, scopes, userId, expiresAt, revokedAt } = token;
  return { id, name, scopes, userId, expiresAt, revokedAt };
}

export async function createApiToken(
  viewer: Viewer,
  input: CreateApiTokenInput
): Promise<Outcome<{ token: ApiTokenView; secret: string }>> {
  if (viewer.kind !== 'user') return forbidden('Sign in to create API tokens.');
  // A leaked token must not be able to mint more tokens that outlive its own revocation.
  if (viewer.tokenId) return forbidden('API tokens cannot create API tokens: sign in to the website to create one.');
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { name, scopes, expiresInDays } = parsed.data;
  const secret = randomSecret(TOKEN_PREFIX);
  return runWrite(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name,
        scopes,
        userId: viewer.userId,
        tokenHash: sha256Hex(secret),
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null
      }
    });
    const token = withoutHash(row);
    return {
      value: { token, secret },
      changes: [],
      audit: [
        {
          actorId: viewer.userId,
          action: 'api_token.create',
          entityType: 'ApiToken',
          entityId: token.id,
          before: null,
          after: auditable(token)
        }
      ]
    };
  });
}

/** The viewer's own tokens, newest first, revoked ones included (they show when they were revoked). */
export async function listApiTokens(viewer: Viewer): Promise<ApiTokenView[]> {
  if (viewer.kind !== 'user') return [];
  const rows = await getDb().apiToken.findMany({ where: { userId: viewer.userId }, orderBy: { createdAt: 'desc' } });
  return rows.map(withoutHash);
}

/** Revokes one of the viewer's tokens (admins: anyone's). Revoking a revoked token changes nothing. */
export async function revokeApiToken(viewer: Viewer, tokenId: string): Promise<Outcome<ApiTokenView>> {
  if (viewer.kind !== 'user') return forbidden('Sign in to revoke API tokens.');
  return runWrite(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!row || (row.userId !== viewer.userId && viewer.role !== 'ADMIN')) {
      throw new FailureSignal({ kind: 'not-found', field: 'id', message: 'No API token of yours has this id.' });
    }
    if (row.revokedAt) return { value: withoutHash(row), changes: [], audit: [] };
    const updated = withoutHash(await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } }));
    return {
      value: updated,
      changes: [],
      audit: [
        {
          actorId: actorId(viewer),
          action: 'api_token.revoke',
          entityType: 'ApiToken',
          entityId: tokenId,
          before: auditable(withoutHash(row)),
          after: auditable(updated)
        }
      ]
    };
  });
}

export type TokenAuthentication = { ok: true; viewer: Viewer } | { ok: false; message: string };

/**
 * The viewer behind a bearer token. Every failure has its own message, because the caller is a developer
 * debugging a script: "revoked" and "expired" tell them what to do next, "unknown" that they mistyped it.
 */
export async function authenticateApiToken(secret: string): Promise<TokenAuthentication> {
  if (!secret.startsWith(TOKEN_PREFIX)) {
    return { ok: false, message: `This is not a Coalition Atlas API token (they start with "${TOKEN_PREFIX}").` };
  }
  const db = getDb();
  const token = await db.apiToken.findUnique({
    where: { tokenHash: sha256Hex(secret) },
    include: { user: { include: viewerUserInclude } }
  });
  if (!token) return { ok: false, message: 'Unknown API token: check that it was copied completely.' };
  if (token.revokedAt) {
    return { ok: false, message: `This API token was revoked on ${token.revokedAt.toISOString()}: create a new one.` };
  }
  const now = Date.now();
  if (token.expiresAt && token.expiresAt.getTime() <= now) {
    return { ok: false, message: `This API token expired on ${token.expiresAt.toISOString()}: create a new one.` };
  }
  if (token.user.disabledAt) return { ok: false, message: 'The account this API token belongs to is disabled.' };
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so that concurrent requests with the same token write once between them.
    const cutoff = new Date(now - LAST_USED_RESOLUTION_MS);
    await db.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] },
      data: { lastUsedAt: new Date(now) }
    });
  }
  return { ok: true, viewer: viewerOf(token.user, { id: token.id, scopes: token.scopes }) };
}
