import { describe, expect, it } from 'vitest';
import { judgeChaos, type ChaosMeasurements } from './verdict';

function passing(): ChaosMeasurements {
  return {
    acknowledgedWrites: 120,
    writesMissingInPostgres: [],
    failedWriteAttempts: 4,
    slowestWriteAttemptMs: 3_100,
    writeFailureExamples: [],
    postgresPauseMs: 10_000,
    neo4jDownMs: 25_000,
    convergenceMs: 4_000,
    lastDrift: [],
    readsDuringOutage: [
      { ms: 12, outcome: 'graph-unavailable' },
      { ms: 1_200, outcome: 'graph-unavailable' },
      { ms: 30, outcome: 'ok' }
    ]
  };
}

describe('judgeChaos', () => {
  it('passes a run that lost nothing, converged in time and failed reads fast', () => {
    expect(judgeChaos(passing())).toEqual({ ok: true, failures: [] });
  });

  it('fails on a lost write, naming it', () => {
    const verdict = judgeChaos({ ...passing(), writesMissingInPostgres: ['chaos-x-7'] });
    expect(verdict.ok).toBe(false);
    expect(verdict.failures.join()).toContain('chaos-x-7');
  });

  it('fails when the graph never converged or converged too late', () => {
    expect(judgeChaos({ ...passing(), convergenceMs: null, lastDrift: ['3 outbox row(s) pending'] }).failures).toEqual([
      'graph did not equal PostgreSQL within 60 s of recovery (3 outbox row(s) pending)'
    ]);
    expect(judgeChaos({ ...passing(), convergenceMs: 31_000 }).ok).toBe(false);
  });

  it('fails on a read that took 2 s or more to fail, or failed without the typed error', () => {
    const slow = judgeChaos({ ...passing(), readsDuringOutage: [{ ms: 2_000, outcome: 'graph-unavailable' }] });
    expect(slow.failures).toEqual(['1 read(s) took 2 s or more to fail (slowest 2000 ms)']);
    const untyped = judgeChaos({
      ...passing(),
      readsDuringOutage: [{ ms: 5, outcome: 'other-error', message: 'Unexpected error.' }]
    });
    expect(untyped.failures).toEqual(['1 read(s) failed without GRAPH_UNAVAILABLE, e.g. "Unexpected error."']);
  });

  it('fails when no read saw the outage or no write ran (a run that tested nothing)', () => {
    expect(judgeChaos({ ...passing(), readsDuringOutage: [{ ms: 3, outcome: 'ok' }] }).ok).toBe(false);
    expect(judgeChaos({ ...passing(), acknowledgedWrites: 0 }).ok).toBe(false);
  });
});
