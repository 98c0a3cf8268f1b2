import { describe, expect, it } from 'vitest';
import { compareRuns, parseRecord, type RecordedRun } from './history';

const run = (p95: number, orgs = 20_000, extra: RecordedRun['questions'] = []): RecordedRun => ({
  measuredAt: '2026-12-06T21:00:00.000Z',
  command: 'npm run bench',
  runs: 200,
  warmup: 20,
  seed: 42,
  dataset: { organizations: orgs } as RecordedRun['dataset'],
  loadAverage: null,
  questions: [
    {
      key: 'directory',
      title: 'Directory search',
      targetP95Ms: 20,
      api: { p50: p95 / 2, p95 },
      raw: { p50: p95 / 4, p95: p95 / 2 },
      ratioP95: 2
    },
    ...extra
  ]
});

describe('bench history', () => {
  it('reports the relative change of API and raw p95 per question', () => {
    const lines = compareRuns(run(100), run(40));
    expect(lines[0]).toContain('2026-12-06T21:00:00.000Z');
    expect(lines[1]).toBe('  Directory search: API p95 100.0 → 40.0 ms (−60 %); raw p95 50.0 → 20.0 ms (−60 %)');
  });

  it('says when there is nothing to compare, a question is new, or the datasets differ', () => {
    expect(compareRuns(null, run(40))).toEqual(['no previous run recorded: nothing to compare with']);
    const extra = [{ ...run(1).questions[0]!, key: 'profile', title: 'Profile' }];
    const lines = compareRuns(run(40, 300), run(50, 20_000, extra));
    expect(lines).toContain('  Profile: new question');
    expect(lines.at(-1)).toContain('datasets differ: 300 organisations then, 20000 now');
    expect(lines[1]).toContain('(+25 %)');
  });

  it('reads back what it wrote and refuses anything else', () => {
    expect(parseRecord(JSON.stringify(run(40)))).toEqual(run(40));
    expect(parseRecord(null)).toBeNull();
    expect(parseRecord('not json')).toBeNull();
    expect(parseRecord('{"questions": 3}')).toBeNull();
  });
});
