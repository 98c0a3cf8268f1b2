/**
 * Where a load run is written down: a section of docs/benchmarks.md between two markers (replaced by the next
 * load run; `npm run bench` keeps it, as it keeps everything below its notes marker) and a `load` entry in
 * docs/benchmarks.json next to the bench's record.
 */
import type { DatasetSize } from '../bench/dataset';
import type { LoadResult } from './run';
import type { MemoryChange } from './summary';

export const LOAD_START = '<!-- npm run load: start (rewritten by every load run) -->';
export const LOAD_END = '<!-- npm run load: end -->';

export interface LoadRecord {
  measuredAt: string;
  command: string;
  dataset: string;
  durationS: number;
  /** Seconds of unmeasured warm-up before the "before" memory reading (absent in records from before it existed). */
  warmupS?: number;
  connections: number;
  loadAverage: LoadResult['loadAverage'];
  scenarios: LoadResult['scenarios'];
  total: LoadResult['total'];
  memory: LoadResult['memory'];
}

export function recordLoad(result: LoadResult, dataset: string, command: string): LoadRecord {
  return {
    measuredAt: result.startedAt.toISOString(),
    command,
    dataset,
    durationS: result.durationS,
    warmupS: result.warmupS,
    connections: result.connections,
    loadAverage: result.loadAverage,
    scenarios: result.scenarios,
    total: result.total,
    memory: result.memory
  };
}

export function describeDataset(size: DatasetSize, demo: boolean): string {
  return (
    `${demo ? 'demo data' : 'generated dataset'}: ${size.organizations} organisations, ` +
    `${size.partnerships} partnerships (${size.confirmedPartnerships} confirmed), ${size.networks} networks, ${size.grants} grants`
  );
}

const n = (value: number, digits = 1) => value.toFixed(digits);
const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' / ');

function memoryRow(name: string, change: MemoryChange | null): string {
  return change
    ? `| ${name} | ${n(change.beforeMiB, 0)} | ${n(change.afterMiB, 0)} | ${change.growthPct >= 0 ? '+' : ''}${n(change.growthPct)} % |`
    : `| ${name} | n/a | n/a | not our process (external) |`;
}

export function renderLoadSection(record: LoadRecord): string {
  const rows = record.scenarios.map(
    (s) =>
      `| ${s.title} | ${s.connections} | ${s.requests} | ${n(s.requestsPerSecond)} | ${n(s.latency.p50, 0)} | ${n(s.latency.p99, 0)} | ${n(s.latency.max, 0)} | ${s.errors} |`
  );
  return [
    LOAD_START,
    '## Under load (`npm run load`)',
    '',
    `Measured ${record.measuredAt} with \`${record.command}\`: ${record.connections} concurrent clients for ` +
      `${record.durationS} s against the built app on loopback (autocannon), rate limits raised for the run` +
      (record.warmupS ? `, after ${record.warmupS} s of the same mix that is not measured` : '') +
      '. ' +
      `Dataset — ${record.dataset}. Load average (1 / 5 / 15 min) before ${load(record.loadAverage.before)}, ` +
      `after ${load(record.loadAverage.after)}.`,
    '',
    '| Scenario | clients | requests | requests/s | p50 (ms) | p99 (ms) | max (ms) | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `| **all** | ${record.total.connections} | ${record.total.requests} | ${n(record.total.requestsPerSecond)} | | | | ${record.total.errors} |`,
    '',
    '| Resident memory | before (MiB) | after (MiB) | growth |',
    '| --- | ---: | ---: | ---: |',
    memoryRow('app (node build)', record.memory.app),
    memoryRow('Neo4j', record.memory.neo4j),
    '',
    LOAD_END
  ].join('\n');
}

/** The report with its load section replaced, or appended when it has none yet. */
export function mergeLoadSection(report: string | null, section: string): string {
  const text = report ?? '';
  const start = text.indexOf(LOAD_START);
  const end = text.indexOf(LOAD_END);
  if (start !== -1 && end > start) return text.slice(0, start) + section + text.slice(end + LOAD_END.length);
  return `${text.replace(/\s*$/, '')}${text.trim() ? '\n\n' : ''}${section}\n`;
}

function parseObject(json: string | null): Record<string, unknown> {
  try {
    const parsed: unknown = json ? JSON.parse(json) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Not JSON (hand-edited?): start afresh rather than fail after a minute of load.
  }
  return {};
}

/** The `load` entry of a docs/benchmarks.json text, or null. */
export function loadRecordIn(json: string | null): LoadRecord | null {
  return (parseObject(json).load as LoadRecord | undefined) ?? null;
}

/** docs/benchmarks.json with its `load` entry set (none when null), everything else (the bench's record) kept. */
export function mergeLoadRecord(json: string | null, record: LoadRecord | null): string {
  const { load: _previous, ...rest } = parseObject(json);
  return `${JSON.stringify(record ? { ...rest, load: record } : rest, null, 2)}\n`;
}
