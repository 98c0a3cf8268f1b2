/**
 * The cached-analytics race: a reader that reads the graph BEFORE a partnership is made private and stores its
 * result AFTER the mutation dropped the cache must not leave the old counts in the cache (they would be served to
 * every visitor of that level until the next refresh). Cache generations (analytics/cache.ts) close it: the
 * mutation bumps the level's generation, a computation stores only under the generation it started with.
 *
 * Each race is made deterministic by holding one side at a controllable promise: the computation after it read the
 * graph, or the invalidating transaction after it bumped the generation.
 */
import { describe, expect, it } from 'vitest';
import { anonymous, type Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import {
  cacheKey,
  cached,
  currentGeneration,
  invalidateLevels,
  readCache,
  writeCacheIfCurrent
} from '../../src/lib/server/analytics/cache';
import { computeNetworkStructure, type NetworkStructure } from '../../src/lib/server/analytics/network-structure';
import { getBrokers, NetworkStructureComputation } from '../../src/lib/server/analytics/service';
import { createViewer, executeOk, globalId } from '../factories/graphql';
import { createBrokerChain } from '../factories/broker-chain';

const db = getDb();

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const MAKE_PRIVATE = `
  mutation($input: SetPartnershipVisibilityInput!) {
    setPartnershipVisibility(input: $input) { __typename }
  }`;

const brokerNames = (structure: NetworkStructure) => structure.brokers.map((b) => b.organization.name);

describe('a computation overtaken by a visibility change', () => {
  it('does not cache what the level can no longer see, and its own caller gets the recomputed result', async () => {
    // Xeno ── Yarrow ── Zinnia, all PUBLIC: Yarrow brokers between the two only through Xeno ── Yarrow.
    const { x, xy } = await createBrokerChain(db);
    const sideX: Viewer = await createViewer(db, { organizationIds: [x.id] });

    // The public level's network structure, computed by a reader that is held after reading the graph.
    const readTheGraph = gate();
    const mayStore = gate();
    let computations = 0;
    let firstSeen: string[] = [];
    const racing = cached(NetworkStructureComputation, 'public', {}, async () => {
      const structure = await computeNetworkStructure('public');
      if (++computations === 1) firstSeen = brokerNames(structure);
      readTheGraph.open();
      await mayStore.opened;
      return structure;
    });
    await readTheGraph.opened;
    expect(firstSeen).toContain('Yarrow');

    const input = { id: globalId('Partnership', xy.id), visibility: 'PRIVATE' };
    const made = await executeOk(MAKE_PRIVATE, { input }, sideX);
    expect(made.setPartnershipVisibility.__typename).toBe('SetPartnershipVisibilitySuccess');

    mayStore.open();
    const raced = await racing;

    // What every later anonymous visitor is served: never the pre-change structure.
    const entry = await readCache<NetworkStructure>(cacheKey(NetworkStructureComputation, 'public', {}));
    expect(entry && brokerNames(entry.value)).not.toContain('Yarrow');
    expect((await getBrokers(anonymous)).brokers.map((b) => b.organization.name)).not.toContain('Yarrow');
    // And the racing reader itself: its stale result was not stored but recomputed.
    expect(computations).toBe(2);
    expect(brokerNames(raced.value)).not.toContain('Yarrow');
  });
});

describe('cache generations', () => {
  const key = cacheKey('density', 'members', { fromYear: 2001, toYear: 2002 });

  it('refuse a write that started under an older generation, and accept one under the current', async () => {
    const before = await currentGeneration('members');
    await invalidateLevels(db, ['members'], []);
    expect(await currentGeneration('members')).toBe(before + 1);
    expect(await writeCacheIfCurrent(key, 'members', before, { stale: true })).toBeNull();
    expect(await readCache(key)).toBeNull();
    expect(await writeCacheIfCurrent(key, 'members', before + 1, { fresh: true })).toBeInstanceOf(Date);
    expect((await readCache(key))?.value).toEqual({ fresh: true });
  });

  it('make a write wait for an invalidation still in its transaction, then refuse it', async () => {
    const started = await currentGeneration('admin');
    const bumped = gate();
    const mayCommit = gate();
    const invalidation = db.$transaction(async (tx) => {
      await invalidateLevels(tx, ['admin'], []);
      bumped.open();
      await mayCommit.opened;
    });
    await bumped.opened;

    // The bump is not committed: a plain read still sees the old generation, and the write must wait for it.
    const write = writeCacheIfCurrent(cacheKey('density', 'admin', {}), 'admin', started, { stale: true });
    await waitUntilSessionsWaitOnLocks(1);
    mayCommit.open();
    await invalidation;
    expect(await write).toBeNull();
    expect(await readCache(cacheKey('density', 'admin', {}))).toBeNull();
  });
  it('make an invalidation wait for a write that passed the generation check, then delete what it wrote', async () => {
    const level = 'public';
    const entryKey = cacheKey('density', level, { fromYear: 1990, toYear: 1991 });
    const generation = await currentGeneration(level);

    // Hold the writer between its check and its store: an uncommitted row with the same key makes its upsert wait.
    const blockerInserted = gate();
    const mayRollBack = gate();
    const blocker = db
      .$transaction(async (tx) => {
        await tx.analyticsCache.create({ data: { key: entryKey, value: { blocker: true } } });
        blockerInserted.open();
        await mayRollBack.opened;
        throw new RollBack();
      })
      .catch((error) => {
        if (!(error instanceof RollBack)) throw error;
      });
    await blockerInserted.opened;
    const write = writeCacheIfCurrent(entryKey, level, generation, { stale: true });
    await waitUntilSessionsWaitOnLocks(1);

    // The invalidation must now wait for the writer (which holds the generation row FOR SHARE).
    let invalidated = false;
    const invalidation = invalidateLevels(db, [level], [`density:${level}:`]).then(() => (invalidated = true));
    await waitUntilSessionsWaitOnLocks(2, () => invalidated);

    mayRollBack.open();
    await blocker;
    expect(await write).toBeInstanceOf(Date);
    await invalidation;
    expect(await readCache(entryKey)).toBeNull();
  });
});

class RollBack extends Error {}

/**
 * Polls PostgreSQL until `count` sessions of this database are blocked on a lock — or `done()` says the awaited
 * step finished without blocking (then the test's final expectations decide).
 */
async function waitUntilSessionsWaitOnLocks(count: number, done: () => boolean = () => false, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done()) return;
    const [{ waiting }] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} sessions waited on a lock within ${timeoutMs} ms`);
}
