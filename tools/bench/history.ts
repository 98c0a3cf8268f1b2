/**
 * The machine-readable record of a bench run (docs/benchmarks.json next to the Markdown report) and the change
 * against the run recorded before it, printed at the end of `npm run bench`. One run is kept: the previous file
 * is what this run compares with, then it is replaced.
 */
import type { DatasetSize } from './dataset';
import type { BenchmarkResult } from './run';

export interface RecordedQuestion {
  key: string;
  title: string;
  targetP95Ms: number;
  api: { p50: number; p95: number };
  raw: { p50: number; p95: number };
  ratioP95: number | null;
}

export interface RecordedRun {
  measuredAt: string;
  command: string;
  runs: number;
  warmup: number;
  seed: number;
  dataset: DatasetSize;
  loadAverage: { before: number[]; after: number[] } | null;
  questions: RecordedQuestion[];
}

export function recordRun(result: BenchmarkResult, dataset: DatasetSize, command: string): RecordedRun {
  const { loadBefore, loadAfter } = result.machine;
  return {
    measuredAt: result.startedAt.toISOString(),
    command,
    runs: result.runs,
    warmup: result.warmup,
    seed: result.seed,
    dataset,
    loadAverage: loadAfter ? { before: loadBefore, after: loadAfter } : null,
    questions: result.questions.map((q) => ({
      key: q.key,
      title: q.title,
      targetP95Ms: q.targetP95Ms,
      api: { p50: q.api.p50, p95: q.api.p95 },
      raw: { p50: q.rawLatency.p50, p95: q.rawLatency.p95 },
      ratioP95: q.ratioP95
    }))
  };
}

/** A previous record, or null when there is none or it is not one (a hand-edited or older file). */
export function parseRecord(text: string | null): RecordedRun | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<RecordedRun>;
    return Array.isArray(value.questions) && typeof value.measuredAt === 'string' ? (value as RecordedRun) : null;
  } catch {
    return null;
  }
}

const change = (before: number, after: number) => {
  const pct = before > 0 ? ((after - before) / before) * 100 : 0;
  return `${before.toFixed(1)} → ${after.toFixed(1)} ms (${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(0)} %)`;
};

/** One line per question present in both runs: API p95 and raw p95 before → after, with the relative change. */
export function compareRuns(previous: RecordedRun | null, current: RecordedRun): string[] {
  if (!previous) return ['no previous run recorded: nothing to compare with'];
  const before = new Map(previous.questions.map((q) => [q.key, q]));
  const lines = [`change against the run of ${previous.measuredAt} (${previous.command}):`];
  for (const q of current.questions) {
    const old = before.get(q.key);
    if (!old) {
      lines.push(`  ${q.title}: new question`);
      continue;
    }
    lines.push(`  ${q.title}: API p95 ${change(old.api.p95, q.api.p95)}; raw p95 ${change(old.raw.p95, q.raw.p95)}`);
  }
  if (previous.dataset.organizations !== current.dataset.organizations) {
    lines.push(
      `  (datasets differ: ${previous.dataset.organizations} organisations then, ${current.dataset.organizations} now)`
    );
  }
  return lines;
}
