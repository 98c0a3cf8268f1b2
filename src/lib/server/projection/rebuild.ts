/**
 * `graph:rebuild`: re-projects everything from PostgreSQL into Neo4j, in keyset pages of ~2,000 rows per
 * aggregate (reference data first, then organisations, networks, memberships, partnerships, grants), then removes
 * what the graph holds that PostgreSQL no longer has, recomputes every organisation's partner counts once (the
 * partnership pages are written without them: partner-counts.ts), and settles the outbox:
 *   - rows up to the last id read at the start are marked processed (the rebuild covered them);
 *   - aggregates changed by rows written while the rebuild ran are projected again at the end, because the
 *     rebuild may have written an older version of them after the projector loop wrote the newer one.
 * Safe to run on a live system and to run twice; it never clears the graph first, so readers keep a graph.
 */
import type { Driver } from 'neo4j-driver';
import type { PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { getDriver } from '../platform/neo4j';
import { addChange, loadPlan, writePlan, type ChangeSet } from './apply';
import { readTxOn, writeTxOn, isGraphUnavailable } from '../platform/graph-transaction';
import { PROJECTORS, type AnyProjector } from './projectors';
import { drainOutbox } from './projector';
import { recountAllPartners } from './partner-counts';

export interface RebuildProgress {
  phase: 'project' | 'prune' | 'counts' | 'outbox';
  /** The aggregate being worked on (Organization, Partnership …); absent in the outbox phase. */
  entity?: string;
  /** Rows projected (or graph ids checked, when pruning) so far in this phase, across all entities. */
  done: number;
  total: number;
}

export interface RebuildSummary {
  projected: Record<string, number>;
  /** Rows Neo4j rejected (bad data), skipped so the rest could be rebuilt; `graph:verify` shows them as missing. */
  failed: { entity: string; id: string; error: string }[];
  removed: Record<string, number>;
  /** Organisations whose partner counts were recomputed (all of the graph's). */
  recounted: number;
  outboxMarkedProcessed: number;
  outboxReplayed: number;
  durationMs: number;
}

export interface RebuildOptions {
  onProgress?: (progress: RebuildProgress) => void;
  batchSize?: number;
  db?: PrismaClient;
  driver?: Driver;
}

export async function rebuildGraph(opts: RebuildOptions = {}): Promise<RebuildSummary> {
  const started = Date.now();
  const db = opts.db ?? getDb();
  const driver = opts.driver ?? getDriver();
  const batchSize = opts.batchSize ?? 2000;
  const report = opts.onProgress ?? (() => {});

  const [{ maxId }] = await db.$queryRaw<{ maxId: string }[]>`
    SELECT COALESCE(max(id), 0)::text AS "maxId" FROM "Outbox"`;
  const counts = await Promise.all(PROJECTORS.map((p) => p.countPostgres(db)));
  const total = counts.reduce((a, b) => a + b, 0);

  const projected: Record<string, number> = {};
  const failed: RebuildSummary['failed'] = [];
  let done = 0;
  report({ phase: 'project', done, total });
  for (const projector of PROJECTORS) {
    projected[projector.aggregate] = await projectAll(db, driver, projector, batchSize, failed, (n) => {
      done += n;
      report({ phase: 'project', entity: projector.aggregate, done, total });
    });
  }

  const graphTotal = (
    await readTxOn(driver, async (tx) => Promise.all(PROJECTORS.map((p) => p.countGraph(tx))))
  ).reduce((a, b) => a + b, 0);
  const removed: Record<string, number> = {};
  let checked = 0;
  report({ phase: 'prune', done: checked, total: graphTotal });
  // Relationships first, so each stale relationship is counted as such rather than vanishing with its node.
  for (const projector of [...PROJECTORS].reverse()) {
    removed[projector.aggregate] = await pruneAll(db, driver, projector, batchSize, (n) => {
      checked += n;
      report({ phase: 'prune', entity: projector.aggregate, done: checked, total: Math.max(graphTotal, checked) });
    });
  }

  // Partnerships were written without recounting their ends page by page; every organisation once, now that the
  // graph holds every relationship (and none PostgreSQL no longer has).
  report({ phase: 'counts', done: 0, total: 1 });
  const recounted = await recountAllPartners(driver, batchSize);
  report({ phase: 'counts', done: 1, total: 1 });

  report({ phase: 'outbox', done: 0, total: 1 });
  const outboxMarkedProcessed = await db.$executeRaw`
    UPDATE "Outbox" SET "processedAt" = now() WHERE "processedAt" IS NULL AND id <= ${maxId}::bigint`;
  const outboxReplayed = await replayRowsAfter(db, driver, maxId, batchSize);
  report({ phase: 'outbox', done: 1, total: 1 });

  return {
    projected,
    failed,
    removed,
    recounted,
    outboxMarkedProcessed,
    outboxReplayed,
    durationMs: Date.now() - started
  };
}

/**
 * Pages through PostgreSQL, loading the next page while Neo4j writes the current one. A page Neo4j rejects for its
 * data is written again row by row, so one bad row (say, a year 20230 date) cannot stop the whole rebuild.
 */
async function projectAll(
  db: PrismaClient,
  driver: Driver,
  projector: AnyProjector,
  batchSize: number,
  failed: RebuildSummary['failed'],
  onBatch: (rows: number) => void
): Promise<number> {
  let count = 0;
  let next = projector.loadPage(db, '', batchSize);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) break;
    next = rows.length < batchSize ? Promise.resolve([]) : projector.loadPage(db, rows[rows.length - 1].id, batchSize);
    next.catch(() => {}); // awaited on the next turn; don't let a failure surface as "unhandled" meanwhile
    try {
      await writeTxOn(driver, (tx) => projector.write(tx, rows, { deferDerived: true }));
      count += rows.length;
    } catch (error) {
      if (isGraphUnavailable(error)) throw error;
      for (const row of rows) {
        try {
          await writeTxOn(driver, (tx) => projector.write(tx, [row], { deferDerived: true }));
          count += 1;
        } catch (rowError) {
          if (isGraphUnavailable(rowError)) throw rowError;
          failed.push({ entity: projector.aggregate, id: row.id, error: (rowError as Error).message.split('\n')[0] });
        }
      }
    }
    onBatch(rows.length);
  }
  return count;
}

/** Removes graph ids PostgreSQL no longer has (and stub nodes that never had a row). */
async function pruneAll(
  db: PrismaClient,
  driver: Driver,
  projector: AnyProjector,
  batchSize: number,
  onBatch: (checked: number) => void
): Promise<number> {
  let removed = 0;
  let after = '';
  for (;;) {
    const ids = await readTxOn(driver, (tx) => projector.graphIdsPage(tx, after, batchSize));
    if (ids.length === 0) break;
    const existing = new Set(await projector.existingIds(db, ids));
    const stale = ids.filter((id) => !existing.has(id));
    if (stale.length > 0) {
      await writeTxOn(driver, (tx) => projector.remove(tx, stale));
      removed += stale.length;
    }
    onBatch(ids.length);
    after = ids[ids.length - 1];
    if (ids.length < batchSize) break;
  }
  return removed;
}

/**
 * Re-projects the aggregates of outbox rows written after the rebuild started (processed or not: the loop may
 * have projected them before the rebuild overwrote them), then drains whatever is still pending. Pages through
 * those rows by id, so an import that committed millions of rows meanwhile is not read into memory at once.
 */
async function replayRowsAfter(db: PrismaClient, driver: Driver, maxId: string, pageSize: number): Promise<number> {
  let replayed = 0;
  for (let after = maxId; ;) {
    const rows = await db.$queryRaw<{ id: string; aggregate: string; aggregateId: string }[]>`
      SELECT id::text AS id, aggregate, "aggregateId" FROM "Outbox"
       WHERE id > ${after}::bigint ORDER BY id LIMIT ${pageSize}`;
    if (rows.length === 0) break;
    const changes: ChangeSet = new Map();
    for (const row of rows) addChange(changes, row.aggregate, row.aggregateId);
    await writePlan(driver, await loadPlan(db, changes));
    replayed += rows.length;
    after = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) break;
  }
  await drainOutbox({ db, driver });
  return replayed;
}
