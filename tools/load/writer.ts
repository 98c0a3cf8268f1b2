/**
 * The write in the load mix: every few seconds a signed-in member edits their organisation's profile through
 * the API (`updateOrganization`), which commits a row, an outbox row and an audit entry and invalidates what
 * depends on it — the work a real edit causes while others read. The member is a user made for the run, with an
 * approved membership and an API token; it is removed afterwards (its audit entries stay, as for any user).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { PrismaClient } from '../../src/lib/server/db/generated/client';
import { randomSecret, sha256Hex } from '../../src/lib/server/auth/secrets';
import { TOKEN_PREFIX } from '../../src/lib/server/auth/api-tokens';
import { hasGraphQLErrors } from './scenarios';

const WRITER_EMAIL = 'load-writer@atlas.invalid';

const UPDATE = `
mutation LoadWrite($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { __typename }
}`;

export interface WriterAccount {
  organizationId: string;
  originalCity: string | null;
  secret: string;
  remove(): Promise<void>;
}

export async function createWriterAccount(db: PrismaClient): Promise<WriterAccount> {
  const organization = await db.organization.findFirst({
    where: { archivedAt: null },
    orderBy: { id: 'asc' },
    select: { id: true, hqCity: true }
  });
  if (!organization) throw new Error('load: the database has no organisation to edit');
  await db.user.deleteMany({ where: { email: WRITER_EMAIL } }); // left by an interrupted run
  const secret = randomSecret(TOKEN_PREFIX);
  const user = await db.user.create({
    data: {
      email: WRITER_EMAIL,
      name: 'Load test writer',
      // Never signs in with a password: an unusable hash, not the hash of any password.
      passwordHash: '!load-writer',
      emailVerifiedAt: new Date(),
      memberships: {
        create: { organizationId: organization.id, role: 'EDITOR', status: 'APPROVED', approvedAt: new Date() }
      },
      apiTokens: { create: { name: 'npm run load', scopes: ['READ', 'WRITE'], tokenHash: sha256Hex(secret) } }
    }
  });
  return {
    organizationId: organization.id,
    originalCity: organization.hqCity,
    secret,
    remove: async () => {
      await db.user.delete({ where: { id: user.id } });
    }
  };
}

export interface WriteOutcome {
  ms: number;
  ok: boolean;
}

/** One edit through the API; never throws (a failure is a counted error of the run). */
export async function writeOnce(baseUrl: string, account: WriterAccount, hqCity: string | null): Promise<WriteOutcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${account.secret}`
      },
      body: JSON.stringify({
        query: UPDATE,
        variables: { input: { id: encodeGlobalID('Organization', account.organizationId), hqCity } }
      })
    });
    const body = await response.text();
    const ok = response.ok && !hasGraphQLErrors(body) && body.includes('UpdateOrganizationSuccess');
    return { ms: performance.now() - started, ok };
  } catch {
    return { ms: performance.now() - started, ok: false };
  }
}

/**
 * Writes every `everyMs` until `signal` aborts, one at a time (the next waits for the previous to finish).
 * Returns every outcome.
 */
export async function writeEvery(
  baseUrl: string,
  account: WriterAccount,
  everyMs: number,
  signal: AbortSignal
): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  while (!signal.aborted) {
    outcomes.push(await writeOnce(baseUrl, account, `Load test ${outcomes.length + 1}`));
    if (signal.aborted) break;
    // Node's own timer removes its abort listener when it fires (one added per wait and never removed piled up:
    // MaxListenersExceededWarning after 11 writes in a 240 s run).
    await delay(everyMs, undefined, { signal }).catch((error: unknown) => {
      if (!signal.aborted) throw error;
    });
  }
  return outcomes;
}
