/**
 * `graph:verify`: compares PostgreSQL with the Neo4j projection, per aggregate:
 *   - counts on both sides;
 *   - every PostgreSQL row: present in the graph, once, with the same checksum — the SHA-1 of the canonical JSON
 *     of its fingerprint, computed by the same code from the PostgreSQL row mapping and from what Neo4j holds
 *     (properties and owned relationships: an organisation's themes and countries, a partnership's endpoints …);
 *   - every graph id: still present in PostgreSQL;
 *   - every organisation's stored partner counts: equal to a recount of its relationships (partner-counts.ts), which
 *     the checksums above hold to PostgreSQL's partnerships.
 * Both passes stream in keyset pages, so memory stays flat at 200k+ rows.
 */
import type { Driver } from 'neo4j-driver';
import type { PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { getDriver } from '../platform/neo4j';
import { checksum } from './checksum';
import { readTxOn } from '../platform/graph-transaction';
import { PROJECTORS, type AnyProjector } from './projectors';
import { stalePartnerCounts } from './partner-counts';
import type { Plain } from './types';

export type DriftProblem = 'missing-in-graph' | 'extra-in-graph' | 'checksum-mismatch' | 'stale-partner-counts';

export interface Drift {
  entity: string;
  id: string;
  problem: DriftProblem;
}

export interface VerifyReport {
  ok: boolean;
  counts: Record<string, { postgres: number; neo4j: number }>;
  /** Up to `maxDrift` examples, in entity order. */
  drift: Drift[];
  /** All drift found, including what did not fit in `drift`. */
  driftCount: number;
  driftByEntity: Record<string, number>;
  /** Outbox rows not yet projected: drift they explain will disappear once the projector catches up. */
  pendingOutbox: number;
  durationMs: number;
}

export interface VerifyOptions {
  batchSize?: number;
  maxDrift?: number;
  db?: PrismaClient;
  driver?: Driver;
}

export async function verifyGraph(opts: VerifyOptions = {}): Promise<VerifyReport> {
  const started = Date.now();
  const db = opts.db ?? getDb();
  const driver = opts.driver ?? getDriver();
  const batchSize = opts.batchSize ?? 2000;
  const maxDrift = opts.maxDrift ?? 1000;

  const drift: Drift[] = [];
  let driftCount = 0;
  const driftByEntity: Record<string, number> = {};
  const found = (d: Drift) => {
    driftCount += 1;
    driftByEntity[d.entity] += 1;
    if (drift.length < maxDrift) drift.push(d);
  };

  const counts: VerifyReport['counts'] = {};
  for (const projector of PROJECTORS) {
    driftByEntity[projector.aggregate] = 0;
    counts[projector.aggregate] = {
      postgres: await projector.countPostgres(db),
      neo4j: await readTxOn(driver, (tx) => projector.countGraph(tx))
    };
    await comparePostgresRows(db, driver, projector, batchSize, found);
    await findExtraGraphIds(db, driver, projector, batchSize, found);
  }
  await findStalePartnerCounts(driver, batchSize, found);

  const [{ n: pendingOutbox }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Outbox" WHERE "processedAt" IS NULL`;
  const countsAgree = Object.values(counts).every((c) => c.postgres === c.neo4j);
  return {
    ok: driftCount === 0 && countsAgree,
    counts,
    drift,
    driftCount,
    driftByEntity,
    pendingOutbox,
    durationMs: Date.now() - started
  };
}

/** PostgreSQL → graph: missing ids, duplicates and checksum mismatches. */
async function comparePostgresRows(
  db: PrismaClient,
  driver: Driver,
  projector: AnyProjector,
  batchSize: number,
  found: (d: Drift) => void
): Promise<void> {
  const entity = projector.aggregate;
  let next = projector.loadPage(db, '', batchSize);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return;
    next = rows.length < batchSize ? Promise.resolve([]) : projector.loadPage(db, rows[rows.length - 1].id, batchSize);
    next.catch(() => {}); // awaited on the next turn

    const ids = rows.map((r) => r.id);
    const inGraph = new Map<string, Record<string, Plain>[]>();
    for (const fp of await readTxOn(driver, (tx) => projector.readGraph(tx, ids))) {
      const id = String(fp.id);
      inGraph.set(id, [...(inGraph.get(id) ?? []), fp]);
    }
    for (const row of rows) {
      const graphSide = inGraph.get(row.id) ?? [];
      if (graphSide.length === 0) found({ entity, id: row.id, problem: 'missing-in-graph' });
      else if (graphSide.length > 1) found({ entity, id: row.id, problem: 'extra-in-graph' });
      else if (checksum(projector.fingerprint(row)) !== checksum(graphSide[0])) {
        found({ entity, id: row.id, problem: 'checksum-mismatch' });
      }
    }
  }
}

/** Organisations whose stored partner counts no longer match their relationships. */
async function findStalePartnerCounts(driver: Driver, batchSize: number, found: (d: Drift) => void): Promise<void> {
  const organizations = PROJECTORS.find((p) => p.aggregate === 'Organization')!;
  let after = '';
  for (;;) {
    const ids = await readTxOn(driver, (tx) => organizations.graphIdsPage(tx, after, batchSize));
    if (ids.length === 0) return;
    for (const id of await readTxOn(driver, (tx) => stalePartnerCounts(tx, ids))) {
      found({ entity: 'Organization', id, problem: 'stale-partner-counts' });
    }
    after = ids[ids.length - 1];
    if (ids.length < batchSize) return;
  }
}

/** Graph → PostgreSQL: ids the graph holds that PostgreSQL does not (deleted rows not projected, stubs). */
async function findExtraGraphIds(
  db: PrismaClient,
  driver: Driver,
  projector: AnyProjector,
  batchSize: number,
  found: (d: Drift) => void
): Promise<void> {
  let after = '';
  for (;;) {
    const ids = await readTxOn(driver, (tx) => projector.graphIdsPage(tx, after, batchSize));
    if (ids.length === 0) return;
    const existing = new Set(await projector.existingIds(db, ids));
    for (const id of ids) {
      if (!existing.has(id)) found({ entity: projector.aggregate, id, problem: 'extra-in-graph' });
    }
    after = ids[ids.length - 1];
    if (ids.length < batchSize) return;
  }
}
