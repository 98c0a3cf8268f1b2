import { describe, expect, it } from 'vitest';
import type { DatasetSize } from './dataset';
import { meetsTarget, mergeReport, NOTES_MARKER, renderReport } from './report';
import type { BenchmarkResult, QuestionResult } from './run';
import { summarize } from './stats';

function question(key: string, targetP95Ms: number, api: number[], raw: number[]): QuestionResult {
  const a = summarize(api);
  const r = summarize(raw);
  return {
    key,
    title: `Question ${key}`,
    targetP95Ms,
    inputs: 'varied',
    raw: 'one statement',
    api: a,
    rawLatency: r,
    ratioP50: a.p50 / r.p50,
    ratioP95: a.p95 / r.p95,
    distinctInputs: api.length
  };
}

const result: BenchmarkResult = {
  startedAt: new Date('2026-11-26T09:00:00Z'),
  finishedAt: new Date('2026-11-26T09:10:00Z'),
  runs: 3,
  warmup: 1,
  seed: 42,
  machine: {
    cpuModel: 'Test CPU',
    cores: 2,
    memoryGiB: 4,
    node: 'v20',
    postgres: '15',
    neo4j: 'Neo4j Kernel 5.26 community',
    loadBefore: [1, 2, 3],
    loadAfter: [4, 5, 6]
  },
  pools: { themes: 10, countries: 5, profiles: 3, profilePartners: 20, organizations: 100 },
  questions: [question('fast', 25, [10, 11, 12], [9, 9, 10]), question('slow', 25, [40, 50, 60], [10, 10, 10])],
  floor: summarize([2, 3, 4]),
  memory: { app: { pid: 1, peakMiB: 210.4, method: 'VmHWM' }, neo4j: null }
};
const dataset: DatasetSize = {
  organizations: 100,
  partnerships: 900,
  confirmedPartnerships: 800,
  networks: 2,
  grants: 30,
  graphOrganizations: 100,
  graphPartnerships: 900
};

describe('meetsTarget', () => {
  it('checks the p95 against the target and the API/raw ratio against 1.5×', () => {
    expect(meetsTarget(result.questions[0]!)).toEqual({ latency: true, ratio: true });
    expect(meetsTarget(result.questions[1]!)).toEqual({ latency: false, ratio: false });
  });
});

describe('renderReport', () => {
  const report = renderReport(result, dataset, 'npm run bench');
  it('has a summary row per question with its numbers and verdicts', () => {
    expect(report).toContain('| Question fast | 25 | 11.0 | 11.9 | 9.00 | 9.90 | 1.20× | yes | yes |');
    expect(report).toContain('| Question slow | 25 | 50.0 | 59.0 | 10.0 | 10.0 | 5.90× | **no** | **no** |');
  });
  it('describes the machine, the dataset and memory, saying what was not measured', () => {
    expect(report).toContain('| CPU | Test CPU, 2 cores |');
    expect(report).toContain('takes p50 3.00 ms / p95 3.90 ms');
    expect(report).toContain('1.00 / 2.00 / 3.00 before, 4.00 / 5.00 / 6.00 after');
    expect(report).toContain('100 organisations, 900 partnerships (800 confirmed)');
    expect(report).toMatch(/app server .* \| 210 \| VmHWM of pid 1 \|/);
    expect(report).toMatch(/Neo4j .* \| n\/a \| external Neo4j/);
  });
});

describe('mergeReport', () => {
  it('replaces the generated part and keeps everything after the marker', () => {
    const previous = `# old\n| stale | numbers |\n${NOTES_MARKER}\n## Analysis\n\nKeep me.\n`;
    const merged = mergeReport('# new\n', previous);
    expect(merged).toBe(`# new\n\n${NOTES_MARKER}\n## Analysis\n\nKeep me.\n`);
  });
  it('starts a notes section when there is no previous file or no marker', () => {
    for (const previous of [null, '# hand-made file without the marker\n']) {
      const merged = mergeReport('# new\n', previous);
      expect(merged.split(NOTES_MARKER)).toHaveLength(2);
      expect(merged).toContain('## Analysis');
      expect(merged).not.toContain('hand-made');
    }
  });
});
