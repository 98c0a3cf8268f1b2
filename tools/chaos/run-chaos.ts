/**
 * One chaos run against a PostgreSQL database the caller owns (migrated, reference data loaded) and a Neo4j this
 * run starts for itself: a write loop runs throughout; PostgreSQL is frozen for a while; then Neo4j is killed
 * (SIGKILL) and started again. Measures what judgeChaos() rules on. The app code runs in this process exactly as
 * in the server: getDb(), the one driver, runWrite → projectNow, the projector loop, readTx with its breaker.
 */
import { randomBytes } from 'node:crypto';
import { getDb } from '../../src/lib/server/platform/db';
import { closeDriver } from '../../src/lib/server/platform/neo4j';
import { applyGraphMigrations } from '../../src/lib/server/platform/graph-migrations';
import { startProjectorLoop } from '../../src/lib/server/projection/projector';
import { verifyGraph } from '../../src/lib/server/projection/verify';
import { startKillableNeo4j } from './neo4j-fault';
import { pausePostgres } from './postgres-pause';
import { startReadProbe } from './read-probe';
import { CONVERGENCE_LIMIT_MS, judgeChaos, type ChaosMeasurements, type ChaosVerdict } from './verdict';
import { startWriteLoop } from './write-loop';

export interface ChaosOptions {
  /** The run's own database (the caller created it); DATABASE_URL must already point at it. */
  databaseUrl: string;
  neo4jPassword: string;
  /** Writes before the first fault, and after each fault before the next step. */
  settleMs?: number;
  postgresPauseMs?: number;
  /** How long Neo4j stays dead before it is started again (its start time comes on top). */
  neo4jDownMs?: number;
  writeIntervalMs?: number;
  log?: (line: string) => void;
}

export interface ChaosResult {
  measurements: ChaosMeasurements;
  verdict: ChaosVerdict;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runChaos(opts: ChaosOptions): Promise<ChaosResult> {
  const log = opts.log ?? ((line: string) => console.error(`[chaos] ${line}`));
  const settleMs = opts.settleMs ?? 3_000;
  const postgresPauseMs = opts.postgresPauseMs ?? 10_000;
  const neo4jDownMs = opts.neo4jDownMs ?? 5_000;
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

  const neo4j = await startKillableNeo4j({ password: opts.neo4jPassword, log });
  const previousUri = process.env.NEO4J_URI;
  // The one driver of this process is created from process.env on first use: point it at the killable Neo4j.
  await closeDriver();
  process.env.NEO4J_URI = neo4j.uri;
  const startedAt = Date.now();
  const projector = startProjectorLoop({
    intervalMs: 500,
    log: (line) =>
      log(`projector (${((Date.now() - startedAt) / 1000).toFixed(1)} s): ${line.split('\n')[0].slice(0, 120)}`)
  });
  try {
    await applyGraphMigrations();
    const admin = await getDb().user.create({
      data: {
        email: `chaos-${runId}@chaos.invalid`,
        name: 'Chaos run',
        role: 'ADMIN',
        // Not a hash of anything: this account exists only to sign the run's audit rows and cannot log in.
        passwordHash: 'chaos-run-no-login'
      }
    });
    const writes = startWriteLoop({
      runId,
      viewer: { kind: 'user', userId: admin.id, role: 'ADMIN', organizationIds: [] },
      intervalMs: opts.writeIntervalMs ?? 50
    });

    log(`write loop running; PostgreSQL freezes in ${settleMs / 1000} s for ${postgresPauseMs / 1000} s`);
    await sleep(settleMs);
    await pausePostgres(opts.databaseUrl, postgresPauseMs);
    log(`PostgreSQL released after ${postgresPauseMs / 1000} s; killing Neo4j in ${settleMs / 1000} s`);
    await sleep(settleMs);

    const reads = startReadProbe(100);
    const downAt = Date.now();
    await neo4j.kill();
    log(`Neo4j killed (SIGKILL); starting it again in ${neo4jDownMs / 1000} s`);
    await sleep(neo4jDownMs);
    await neo4j.restart();
    const backAt = Date.now();
    const readsDuringOutage = await reads.stop();
    log(
      `Neo4j back (${((backAt - startedAt) / 1000).toFixed(1)} s) after ${((backAt - downAt) / 1000).toFixed(1)} s ` +
        `down; writes go on for ${settleMs / 1000} s`
    );
    await sleep(settleMs);
    const stats = await writes.stop();

    let convergenceMs: number | null = null;
    let lastDrift: string[] = [];
    // Polled past the limit (twice as long, and at least once): a failed run then says how late the graph was,
    // which is what one needs to find the cause; the verdict still fails it beyond the limit.
    const pollUntil = backAt + 2 * CONVERGENCE_LIMIT_MS;
    do {
      const verifyStartedAt = Date.now();
      const report = await verifyGraph({ maxDrift: 5 }).catch((error: Error) => ({ error }));
      // Where the time goes on a slow machine: the projector's next try, its drain, or verify itself.
      const at = `${((Date.now() - backAt) / 1000).toFixed(1)} s after Neo4j was back`;
      const took = `verify took ${((Date.now() - verifyStartedAt) / 1000).toFixed(1)} s`;
      if ('error' in report) lastDrift = [`verify failed: ${report.error.message.split('\n')[0]}`];
      else if (report.ok && report.pendingOutbox === 0) {
        convergenceMs = Date.now() - backAt;
        log(`graph equal to PostgreSQL ${at} (${took})`);
        break;
      } else {
        lastDrift = [
          `${report.pendingOutbox} outbox row(s) pending`,
          ...report.drift.map((d) => `${d.entity} ${d.id} ${d.problem}`)
        ];
      }
      log(`${at}: ${lastDrift[0]} (${took})`);
      await sleep(500);
    } while (Date.now() < pollUntil);

    const present = await getDb().organization.findMany({
      where: { slug: { in: stats.acknowledged } },
      select: { slug: true }
    });
    const presentSlugs = new Set(present.map((o) => o.slug));
    const measurements: ChaosMeasurements = {
      acknowledgedWrites: stats.acknowledged.length,
      writesMissingInPostgres: stats.acknowledged.filter((slug) => !presentSlugs.has(slug)),
      failedWriteAttempts: stats.failedAttempts,
      slowestWriteAttemptMs: stats.slowestAttemptMs,
      writeFailureExamples: stats.failureExamples,
      postgresPauseMs,
      neo4jDownMs: backAt - downAt,
      convergenceMs,
      lastDrift,
      readsDuringOutage
    };
    return { measurements, verdict: judgeChaos(measurements) };
  } finally {
    await projector.stop();
    await closeDriver();
    await neo4j.dispose();
    if (previousUri === undefined) delete process.env.NEO4J_URI;
    else process.env.NEO4J_URI = previousUri;
  }
}
