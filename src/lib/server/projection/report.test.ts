import { describe, expect, it } from 'vitest';
import { formatVerifyReport } from './report';
import type { VerifyReport } from './verify';

const base: VerifyReport = {
  ok: true,
  counts: { Organization: { postgres: 20000, neo4j: 20000 }, Partnership: { postgres: 7, neo4j: 7 } },
  drift: [],
  driftCount: 0,
  driftByEntity: { Organization: 0, Partnership: 0 },
  pendingOutbox: 0,
  durationMs: 1234
};

describe('formatVerifyReport', () => {
  it('prints an aligned table and OK when nothing drifted', () => {
    const text = formatVerifyReport(base);
    expect(text).toContain('Organization     20000  20000      0');
    expect(text).toMatch(/OK: both stores agree \(1\.2 s\)$/);
    expect(text).not.toContain('drift (');
  });

  it('shows at most the requested number of drift examples and says how many there are', () => {
    const drift = Array.from({ length: 30 }, (_, i) => ({
      entity: 'Partnership',
      id: `p${i}`,
      problem: 'missing-in-graph' as const
    }));
    const text = formatVerifyReport(
      {
        ...base,
        ok: false,
        drift,
        driftCount: 31,
        driftByEntity: { Organization: 0, Partnership: 31 },
        pendingOutbox: 2
      },
      20
    );
    expect(text).toContain('drift (20 of 31):');
    expect(text).toContain('  Partnership p19: missing-in-graph');
    expect(text).not.toContain('p20:');
    expect(text).toContain('Pending outbox rows may explain');
    expect(text).toMatch(/DRIFT: the stores disagree$/);
  });
});
