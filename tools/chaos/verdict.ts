/**
 * What a chaos run must show, judged from its measurements alone (pure, so the rules have unit tests):
 *   - no write lost: every acknowledged write is in PostgreSQL;
 *   - the graph equals PostgreSQL (graph:verify's comparison) within 30 s of Neo4j being back;
 *   - reads during the Neo4j outage failed fast (under 2 s) with the typed GRAPH_UNAVAILABLE error, and the
 *     outage was actually observed by at least one read.
 */
import type { ReadSample } from './read-probe';

export const CONVERGENCE_LIMIT_MS = 30_000;
export const FAIL_FAST_LIMIT_MS = 2_000;

export interface ChaosMeasurements {
  acknowledgedWrites: number;
  writesMissingInPostgres: string[];
  failedWriteAttempts: number;
  slowestWriteAttemptMs: number;
  writeFailureExamples: string[];
  postgresPauseMs: number;
  neo4jDownMs: number;
  /** From Neo4j ready again to graph:verify equal with an empty outbox; null when it did not within twice the limit. */
  convergenceMs: number | null;
  /** Drift graph:verify still found when it gave up (empty when it converged). */
  lastDrift: string[];
  readsDuringOutage: ReadSample[];
}

export interface ChaosVerdict {
  ok: boolean;
  failures: string[];
}

export function judgeChaos(m: ChaosMeasurements): ChaosVerdict {
  const failures: string[] = [];
  if (m.acknowledgedWrites === 0) failures.push('no write was acknowledged: the write loop never ran');
  if (m.writesMissingInPostgres.length > 0) {
    failures.push(
      `${m.writesMissingInPostgres.length} acknowledged write(s) lost, e.g. ${m.writesMissingInPostgres.slice(0, 3).join(', ')}`
    );
  }
  if (m.convergenceMs === null) {
    failures.push(
      `graph did not equal PostgreSQL within ${(2 * CONVERGENCE_LIMIT_MS) / 1000} s of recovery` +
        (m.lastDrift.length ? ` (${m.lastDrift.slice(0, 3).join('; ')})` : '')
    );
  } else if (m.convergenceMs > CONVERGENCE_LIMIT_MS) {
    failures.push(`graph took ${(m.convergenceMs / 1000).toFixed(1)} s to equal PostgreSQL (limit 30 s)`);
  }
  const failed = m.readsDuringOutage.filter((r) => r.outcome !== 'ok');
  if (failed.length === 0) failures.push('no read failed during the Neo4j outage: the outage was not observed');
  const untyped = failed.filter((r) => r.outcome === 'other-error');
  if (untyped.length > 0) {
    failures.push(`${untyped.length} read(s) failed without GRAPH_UNAVAILABLE, e.g. "${untyped[0].message ?? ''}"`);
  }
  const slow = failed.filter((r) => r.ms >= FAIL_FAST_LIMIT_MS);
  if (slow.length > 0) {
    failures.push(
      `${slow.length} read(s) took ${FAIL_FAST_LIMIT_MS / 1000} s or more to fail (slowest ${Math.max(...slow.map((r) => r.ms))} ms)`
    );
  }
  return { ok: failures.length === 0, failures };
}

export function formatChaosReport(m: ChaosMeasurements, verdict: ChaosVerdict): string {
  const failedReads = m.readsDuringOutage.filter((r) => r.outcome !== 'ok');
  const slowestRead = failedReads.length ? Math.max(...failedReads.map((r) => r.ms)) : 0;
  const lines = [
    `writes acknowledged: ${m.acknowledgedWrites}, lost: ${m.writesMissingInPostgres.length}`,
    `write attempts failed and retried: ${m.failedWriteAttempts} (slowest attempt ${m.slowestWriteAttemptMs} ms)`,
    ...m.writeFailureExamples.map((e) => `  e.g. ${e}`),
    `PostgreSQL paused for ${(m.postgresPauseMs / 1000).toFixed(1)} s; Neo4j down for ${(m.neo4jDownMs / 1000).toFixed(1)} s`,
    `reads during the Neo4j outage: ${m.readsDuringOutage.length}, failed fast: ${failedReads.length} ` +
      `(slowest failure ${slowestRead} ms, limit ${FAIL_FAST_LIMIT_MS} ms)`,
    m.convergenceMs === null
      ? `graph not equal to PostgreSQL ${(2 * CONVERGENCE_LIMIT_MS) / 1000} s after Neo4j was back`
      : `graph equal to PostgreSQL ${(m.convergenceMs / 1000).toFixed(1)} s after Neo4j was back (limit 30 s)`,
    verdict.ok ? 'CHAOS PASSED' : `CHAOS FAILED:\n${verdict.failures.map((f) => `  - ${f}`).join('\n')}`
  ];
  return lines.join('\n');
}
