/**
 * Issue 13 / decision 0046: the request rate limit is counted in process and written behind to PostgreSQL.
 * - a request far from its limit makes no SQL round trip for rate limiting (counted through the real pool);
 * - one instance still refuses exactly at the limit, with 429 and Retry-After (rate-limit-routes and security-api
 *   cover the routes; here the counter itself);
 * - two counters over one database (two app instances) converge: after a flush both know the shared total, both
 *   refuse, and together they never admit more than the documented tolerance, limit + ⌊limit / 2⌋.
 */
import { describe, expect, it } from 'vitest';
import { handle } from '../../src/hooks.server';
import { getDb, withQueryCounter } from '../../src/lib/server/platform/db';
import { flushRequestCounters } from '../../src/lib/server/security/request-counters';
import { RATE_LIMIT_SCHEMA } from '../../src/lib/server/security/rate-limit-store';
import { WriteBehindCounter } from '../../src/lib/server/security/write-behind-counter';
import type { LimitSpec } from '../../src/lib/server/security/rate-limits';
import { requestEvent } from '../factories/users';

const db = getDb();
const spec = (table: string, points: number): LimitSpec => ({ table, points, durationSeconds: 60 });

async function rowPoints(table: string, key: string): Promise<number | null> {
  const rows = await db.$queryRawUnsafe<{ points: number }[]>(
    `SELECT points FROM ${RATE_LIMIT_SCHEMA}."${table}" WHERE key = $1`,
    key
  );
  return rows[0]?.points ?? null;
}

describe('request rate limit off the request path', () => {
  it('makes no SQL round trip for a request that hits no limit, and writes it within the flush', async () => {
    const ip = '192.0.2.77';
    const page = () => new Response('<!doctype html><p>page</p>', { headers: { 'content-type': 'text/html' } });
    const get = async () =>
      handle({
        event: requestEvent(new Request('http://atlas.test/directory'), { clientAddress: ip }),
        resolve: page
      });
    // The first request of a process creates nothing either: the table is made by the first write.
    for (let i = 0; i < 3; i++) {
      const { result, sqlQueries } = await withQueryCounter(get);
      expect(result.status).toBe(200);
      expect(result.headers.get('ratelimit-remaining')).not.toBeNull();
      expect(sqlQueries).toBe(0);
    }
    await flushRequestCounters();
    expect(await rowPoints('api_anonymous', `ip:${ip}`)).toBe(3);
  });

  it('refuses at the limit on one instance, with a Retry-After, counting the last half in PostgreSQL', async () => {
    const counter = new WriteBehindCounter(db, spec('wb_single', 10));
    const decisions = [];
    for (let i = 0; i < 11; i++) decisions.push(await counter.consume('k'));
    expect(decisions.map((d) => d.allowed)).toEqual([...Array(10).fill(true), false]);
    expect(decisions.map((d) => d.remaining)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0]);
    expect(decisions[10]!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Hits 6–10 were written before their answers (the first five wait for the flush).
    expect(await rowPoints('wb_single', 'k')).toBe(10);
  });

  it('two instances over one database converge within limit + ⌊limit / 2⌋', async () => {
    const limit = 20;
    const a = new WriteBehindCounter(db, spec('wb_shared', limit));
    const b = new WriteBehindCounter(db, spec('wb_shared', limit));
    let admitted = 0;
    // The worst case: a burst fills each instance's in-memory half before either has flushed.
    for (let i = 0; i < 40; i++) if ((await (i % 2 ? b : a).consume('k')).allowed) admitted++;
    expect(admitted).toBeGreaterThanOrEqual(limit);
    expect(admitted).toBeLessThanOrEqual(limit + Math.floor(limit / 2));
    await Promise.all([a.flush(), b.flush()]);
    // The row holds every admitted hit (and the refused ones counted in PostgreSQL, as rate-limiter-flexible does).
    expect(await rowPoints('wb_shared', 'k')).toBeGreaterThanOrEqual(admitted);
    expect((await a.consume('k')).allowed).toBe(false);
    expect((await b.consume('k')).allowed).toBe(false);
  });

  it('with steady traffic and a flush in between, two instances admit exactly the limit', async () => {
    const limit = 20;
    const a = new WriteBehindCounter(db, spec('wb_steady', limit));
    const b = new WriteBehindCounter(db, spec('wb_steady', limit));
    let admitted = 0;
    for (let i = 0; i < 40; i++) {
      if ((await (i % 2 ? b : a).consume('k')).allowed) admitted++;
      // A flush every four requests: each instance learns the other's hits before reaching its half.
      if (i % 4 === 3) await Promise.all([a.flush(), b.flush()]);
    }
    expect(admitted).toBe(limit);
  });

  it('keeps deciding from memory when PostgreSQL fails, and writes the hits once it is back', async () => {
    const counter = new WriteBehindCounter(db, spec('wb-invalid name', 4));
    // The table name is refused before any SQL, like a database that cannot be reached: decisions go on locally.
    const allowed = [];
    for (let i = 0; i < 5; i++) allowed.push((await counter.consume('k')).allowed);
    expect(allowed).toEqual([true, true, true, true, false]);
    await expect(counter.flush()).resolves.toBeUndefined();
  });

  it('starts a new window when the old one has ended', async () => {
    let now = 1_000_000;
    const counter = new WriteBehindCounter(db, spec('wb_window', 4), () => now);
    for (let i = 0; i < 4; i++) expect((await counter.consume('k')).allowed).toBe(true);
    const refused = await counter.consume('k');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(60);
    now += 60_000;
    expect((await counter.consume('k')).allowed).toBe(true);
    await counter.flush();
    expect(await rowPoints('wb_window', 'k')).toBe(1);
  });
});
