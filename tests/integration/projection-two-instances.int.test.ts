/**
 * Issue 14, hardening: two app servers on one PostgreSQL database and one Neo4j project every outbox row exactly
 * once. Two built apps (`node build`) take a few hundred GraphQL mutations at once — organisations created, then
 * partnerships proposed on one server and confirmed on the other — so each server's mutations project their own
 * rows (`projectNow`) while both servers' projector loops claim whatever is pending. Once the outbox is drained,
 * every new row must carry `projections = 1` (the drainer that marks a row counts it, in the transaction that holds
 * the claim: projector.ts markProcessed), no row may have failed, both servers must have projected rows, and
 * graph:verify must find the graph equal to PostgreSQL.
 *
 * If a claim is not exclusive — the loop's `FOR UPDATE SKIP LOCKED` removed, say — a loop reads rows another
 * server's drainer holds, waits on the aggregate locks, projects them again and marks them a second time: rows
 * with `projections = 2`, and this test fails naming them.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { rebuildGraph } from '../../src/lib/server/projection/rebuild';
import { verifyGraph } from '../../src/lib/server/projection/verify';
import type { AppServer } from '../../tools/process/app-server';
import { privateAppBuild } from '../../tools/process/build';
import { startBuiltApp, UNLIMITED_RATE_LIMITS } from '../factories/built-app';
import { decidePartnership } from '../factories/partnership-mutations';
import { createApiTokenFor, createUser } from '../factories/users';

const root = resolve(import.meta.dirname, '../..');
const ORGANIZATIONS = 120;
const PARTNERSHIPS = 90; // proposed and confirmed: 120 + 2 × 90 = 300 mutations
/** Requests in flight at once over both servers: enough to keep both projectors busy on a 2-core machine. */
const CONCURRENCY = 8;

const db = getDb();
const servers: AppServer[] = [];
let build: ReturnType<typeof privateAppBuild> | undefined;
let token: string;
/** Outbox rows up to this id existed before the servers started (the template's, marked by the rebuild below). */
let baseline: bigint;

afterAll(async () => {
  for (const server of servers) await server.stop();
  build?.remove();
});

beforeAll(async () => {
  const log = (line: string) => console.log(`[two-instances] ${line}`);
  // The wiped graph gets the template's reference data, so graph:verify compares like with like at the end.
  await rebuildGraph();
  const [{ max }] = await db.$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM "Outbox"`;
  baseline = max ?? 0n;
  const { user } = await createUser(db, { role: 'ADMIN' });
  token = (await createApiTokenFor(db, user.id, { scopes: ['READ', 'WRITE'] })).secret;

  build = privateAppBuild(root, log);
  for (let i = 0; i < 2; i++) {
    // This file's own database and the run's Neo4j, shared by both servers.
    servers.push(await startBuiltApp(build.buildDir, UNLIMITED_RATE_LIMITS));
  }
}, 900_000);

async function graphql<T>(server: AppServer, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables })
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!res.ok || body.errors || !body.data) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
  return body.data;
}

/** Runs `work(0 … count-1)` with at most `limit` calls in flight. */
async function inParallel<T>(count: number, limit: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) results[i] = await work(i);
  };
  await Promise.all(Array.from({ length: limit }, lane));
  return results;
}

const CREATE = `
  mutation($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      __typename
      ... on CreateOrganizationSuccess { organization { id } }
    }
  }`;
const PROPOSE = `
  mutation($input: ProposePartnershipInput!) {
    proposePartnership(input: $input) {
      __typename
      ... on ProposePartnershipSuccess { partnership { id } }
      ... on MutationError { message }
    }
  }`;

interface OutboxRow {
  id: bigint;
  aggregate: string;
  processed: boolean;
  projections: number;
  projectedBy: string | null;
  attempts: number;
  lastError: string | null;
}

describe('two app instances, one PostgreSQL and one Neo4j', () => {
  it('project every outbox row of concurrent writes exactly once, and the graph equals PostgreSQL', async () => {
    const on = (i: number) => servers[i % 2]!;
    const orgIds = await inParallel(ORGANIZATIONS, CONCURRENCY, async (i) => {
      const data = await graphql<{ createOrganization: { __typename: string; organization?: { id: string } } }>(
        on(i),
        CREATE,
        {
          input: {
            name: `Two instances ${i}`,
            type: 'NGO',
            themes: [i % 2 ? 'housing' : 'legal-aid'],
            countries: [i % 3 ? 'DE' : 'IT']
          }
        }
      );
      expect(data.createOrganization.__typename).toBe('CreateOrganizationSuccess');
      return data.createOrganization.organization!.id;
    });

    // Distinct pairs (i, i + 1 + i % 7) over a ring; proposed on one server, confirmed on the other.
    const confirmed = await inParallel(PARTNERSHIPS, CONCURRENCY, async (i) => {
      const orgAId = orgIds[i % ORGANIZATIONS]!;
      const orgBId = orgIds[(i + 1 + (i % 7)) % ORGANIZATIONS]!;
      const proposed = await graphql<{
        proposePartnership: { __typename: string; message?: string; partnership?: { id: string } };
      }>(on(i), PROPOSE, { input: { orgAId, orgBId, kind: 'PROJECT', visibility: 'PUBLIC', themes: ['housing'] } });
      expect(proposed.proposePartnership, JSON.stringify(proposed)).toMatchObject({
        __typename: 'ProposePartnershipSuccess'
      });
      const decided = await graphql<{ confirmPartnership: { __typename: string } }>(
        on(i + 1),
        decidePartnership('confirmPartnership'),
        { id: proposed.proposePartnership.partnership!.id }
      );
      return decided.confirmPartnership.__typename;
    });
    expect(confirmed.filter((t) => t !== 'ConfirmPartnershipSuccess')).toEqual([]);

    // Drained: nothing new left unprocessed (both loops poll every 2 s; no fixed sleep here).
    const rows = () => db.$queryRaw<OutboxRow[]>`
      SELECT id, aggregate, "processedAt" IS NOT NULL AS processed, projections, "projectedBy", attempts, "lastError"
      FROM "Outbox" WHERE id > ${baseline} ORDER BY id`;
    await expect
      .poll(async () => (await rows()).filter((r) => !r.processed).length, { timeout: 120_000, interval: 250 })
      .toBe(0);

    const written = await rows();
    // At least one row per organisation and two per partnership (proposed, confirmed).
    expect(written.length).toBeGreaterThanOrEqual(ORGANIZATIONS + 2 * PARTNERSHIPS);
    const notOnce = written.filter((r) => r.projections !== 1).map((r) => `${r.id}×${r.projections}`);
    const failed = written.filter((r) => r.attempts > 0 || r.lastError !== null).map((r) => `${r.id}: ${r.lastError}`);
    console.log(
      `[two-instances] ${written.length} outbox rows; projected by ` +
        JSON.stringify(
          Object.fromEntries(
            servers.map((s) => [s.pid, written.filter((r) => r.projectedBy?.endsWith(`:${s.pid}`)).length])
          )
        )
    );
    expect(notOnce, 'outbox rows not projected exactly once (id×times)').toEqual([]);
    expect(failed, 'outbox rows that failed').toEqual([]);
    // Both servers did projection work: the claims really competed.
    expect(new Set(written.map((r) => r.projectedBy))).toEqual(new Set(servers.map((s) => `${hostname()}:${s.pid}`)));

    const report = await verifyGraph();
    expect(report.drift).toEqual([]);
    expect(report.pendingOutbox).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.counts.Organization!.neo4j).toBe(report.counts.Organization!.postgres);
    expect(report.counts.Partnership!.postgres).toBeGreaterThanOrEqual(PARTNERSHIPS);
  }, 900_000);
});
