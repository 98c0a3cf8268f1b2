import { describe, expect, it } from 'vitest';
import {
  loadRecordIn,
  LOAD_END,
  LOAD_START,
  mergeLoadRecord,
  mergeLoadSection,
  renderLoadSection,
  type LoadRecord
} from './report';
import { memoryChange, scenarioFigures, splitConnections, totals, type CannonFigures } from './summary';

const cannon = (over: Partial<CannonFigures> = {}): CannonFigures => ({
  requests: { total: 600 },
  latency: { p50: 12, p99: 80, max: 140 },
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  duration: 60.5,
  ...over
});

describe('scenarioFigures', () => {
  it('divides requests by the measured duration, not the asked one', () => {
    const s = scenarioFigures({ key: 'directory', title: 'Directory', connections: 5 }, cannon(), 0);
    expect(s.requestsPerSecond).toBeCloseTo(600 / 60.5, 10);
    expect(s.latency).toEqual({ p50: 12, p99: 80, max: 140 });
  });

  it('counts transport errors once (a timeout is also an error), non-2xx and GraphQL errors in a 200', () => {
    const s = scenarioFigures(
      { key: 'profile', title: 'Profile', connections: 4 },
      cannon({ errors: 3, timeouts: 2, non2xx: 5 }),
      7
    );
    expect(s.errors).toBe(3 + 5 + 7);
  });

  it('refuses a run without duration instead of dividing by zero', () => {
    expect(() => scenarioFigures({ key: 'x', title: 'X', connections: 1 }, cannon({ duration: 0 }), 0)).toThrow(
      /lasted 0 s/
    );
  });
});

describe('totals', () => {
  it('adds clients, requests, requests/s and errors over the scenarios', () => {
    const a = scenarioFigures({ key: 'a', title: 'A', connections: 3 }, cannon({ non2xx: 1 }), 0);
    const b = scenarioFigures({ key: 'b', title: 'B', connections: 2 }, cannon({ requests: { total: 121 } }), 2);
    expect(totals([a, b])).toEqual({
      connections: 5,
      requests: 721,
      requestsPerSecond: a.requestsPerSecond + b.requestsPerSecond,
      errors: 3
    });
  });
});

describe('memoryChange', () => {
  it('gives MiB and the growth in per cent', () => {
    expect(memoryChange(204_800, 225_280)).toEqual({ beforeMiB: 200, afterMiB: 220, growthPct: 10 });
    expect(memoryChange(102_400, 51_200)!.growthPct).toBe(-50);
  });

  it('is null when a reading is missing', () => {
    expect(memoryChange(null, 1)).toBeNull();
    expect(memoryChange(1, null)).toBeNull();
  });
});

describe('splitConnections', () => {
  it('gives every scenario one client and the rest by weight, adding up to the whole', () => {
    const parts = splitConnections(19, [5, 4, 3, 2, 2]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(19);
    expect(parts.every((p) => p >= 1)).toBe(true);
    expect(parts).toEqual([5, 4, 4, 3, 3]);
  });

  it('refuses fewer clients than scenarios', () => {
    expect(() => splitConnections(2, [1, 1, 1])).toThrow(/one per scenario/);
  });
});

describe('the load section of docs/benchmarks.md', () => {
  const record: LoadRecord = {
    measuredAt: '2026-12-07T01:00:00.000Z',
    command: 'npm run load -- --demo',
    dataset: 'demo data: 294 organisations',
    durationS: 60,
    connections: 20,
    loadAverage: { before: [1, 2, 3], after: [4, 5, 6] },
    scenarios: [scenarioFigures({ key: 'directory', title: 'Directory search', connections: 19 }, cannon(), 0)],
    total: { connections: 19, requests: 600, requestsPerSecond: 9.9, errors: 0 },
    memory: { app: memoryChange(204_800, 225_280), neo4j: null }
  };

  it('is appended once, then replaced in place, keeping what surrounds it', () => {
    const section = renderLoadSection(record);
    expect(section).toContain('| Directory search | 19 | 600 | 9.9 | 12 | 80 | 140 | 0 |');
    expect(section).toContain('| app (node build) | 200 | 220 | +10.0 % |');
    const first = mergeLoadSection('# Benchmarks\n\nnotes\n', section);
    expect(first.startsWith('# Benchmarks\n\nnotes\n\n' + LOAD_START)).toBe(true);
    const second = mergeLoadSection(first + 'after\n', renderLoadSection({ ...record, durationS: 5 }));
    expect(second.split(LOAD_START)).toHaveLength(2);
    expect(second.split(LOAD_END)).toHaveLength(2);
    expect(second).toContain('for 5 s');
    expect(second).not.toContain('for 60 s');
    expect(second.endsWith('after\n')).toBe(true);
  });

  it('sets the load entry of docs/benchmarks.json and keeps the bench record', () => {
    const merged = JSON.parse(mergeLoadRecord(JSON.stringify({ measuredAt: 'x', questions: [] }), record));
    expect(merged.questions).toEqual([]);
    expect(merged.load.total.requests).toBe(600);
  });
});

describe('the bench rewriting docs/benchmarks.json', () => {
  it('keeps the load entry it finds', () => {
    const before = JSON.stringify({ measuredAt: 'old', questions: [], load: { command: 'npm run load' } });
    const after = JSON.parse(
      mergeLoadRecord(JSON.stringify({ measuredAt: 'new', questions: [1] }), loadRecordIn(before))
    );
    expect(after).toEqual({ measuredAt: 'new', questions: [1], load: { command: 'npm run load' } });
    expect(JSON.parse(mergeLoadRecord('{"a":1}', null))).toEqual({ a: 1 });
  });
});
