/**
 * Issue #14, finding 9: the retry backoff of an outbox row that fails for a reason of its own lives in PostgreSQL
 * (`nextAttemptAt`), so another instance — or this one after a restart — honours it instead of retrying at once.
 */
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();

/** A fresh copy of the projector module: what a second instance, or a restarted one, starts with. */
async function freshInstance() {
  vi.resetModules();
  return import('../../src/lib/server/projection/projector');
}

describe('outbox backoff', () => {
  it('a row that failed on its own is held back by its nextAttemptAt on every instance, then retried', async () => {
    await drainOutbox();
    const a = await createOrganization(db);
    const b = await createOrganization(db);
    const bad = await createPartnership(db, a, b);
    // A year PostgreSQL accepts but a Cypher date cannot parse: fails on its own, Neo4j itself is fine.
    await db.$executeRaw`UPDATE "Partnership" SET "startDate" = '20230-01-01' WHERE id = ${bad.id}`;
    // As if it had failed 8 times already: the next backoff is the 5 min maximum, far beyond any slowness here.
    await db.$executeRaw`UPDATE "Outbox" SET attempts = 8 WHERE id = ${bad.outboxIds[0]}`;
    await drainOutbox({ log: () => {} });

    const row = await db.outbox.findFirstOrThrow({ where: { id: bad.outboxIds[0] } });
    expect(row.processedAt).toBeNull();
    expect(row.attempts).toBe(9);
    expect(row.nextAttemptAt).not.toBeNull();
    const [{ waitsSeconds }] = await db.$queryRaw<{ waitsSeconds: number }[]>`
      SELECT EXTRACT(EPOCH FROM ("nextAttemptAt" - now()::timestamp))::float8 AS "waitsSeconds"
      FROM "Outbox" WHERE id = ${bad.outboxIds[0]}`;
    expect(waitsSeconds).toBeGreaterThan(200);
    expect(waitsSeconds).toBeLessThanOrEqual(300);

    // Another instance (no in-memory state) does not claim it within the backoff.
    const other = await freshInstance();
    expect(await other.drainOutbox({ log: () => {} })).toBe(0);
    expect((await db.outbox.findFirstOrThrow({ where: { id: bad.outboxIds[0] } })).attempts).toBe(9);

    // Once the data is fixed and the time has come (moved here rather than waited for), any instance projects it.
    await db.$executeRaw`UPDATE "Partnership" SET "startDate" = '2023-01-01' WHERE id = ${bad.id}`;
    await db.$executeRaw`UPDATE "Outbox" SET "nextAttemptAt" = now() - interval '1 second' WHERE id = ${bad.outboxIds[0]}`;
    expect(await other.drainOutbox({ log: () => {} })).toBe(1);
    expect((await db.outbox.findFirstOrThrow({ where: { id: bad.outboxIds[0] } })).processedAt).not.toBeNull();
  });
});
