/**
 * npm run bench -- [--runs 200] [--warmup 20] [--quick] [--out docs/benchmarks.md] [--orgs 20000] [--seed 42]
 *                   [--setup-only] [--no-build] [--only directory,profile,…]
 *
 * Latency of the five questions of issue #4 (directory search, profile, recommendations, coalition, gap matrix)
 * through the real GraphQL HTTP endpoint and as raw Cypher/SQL, on the generated 20k-organisation dataset:
 *   1. its own stores (tools/bench/services.ts): DATABASE_URL / NEO4J_URI when set, else PostgreSQL
 *      database `atlas_bench` on 127.0.0.1:5432 and a local Neo4j with data in DATA_DIR/bench/neo4j;
 *   2. the dataset, seeded like `npm run seed -- --orgs N` or reused when already there (tools/bench/dataset.ts);
 *   3. the built app (`node build`, built first if stale) on a free port, with rate limits raised;
 *   4. the measurement (tools/bench/run.ts) and docs/benchmarks.md, whose hand-written part is kept.
 *   --quick       20 runs after 3 warm-up runs: a smoke run, not numbers to publish.
 *   --setup-only  stops after step 2 (prepare the dataset ahead of a measurement).
 *   --no-build    measures the app already in build/ as it is (built by CI, or by someone else on a shared
 *                 checkout whose build you must not replace) instead of rebuilding it when stale. It runs from a
 *                 copy (DATA_DIR/bench/app/build), so a rebuild of build/ during the run cannot swap its files.
 *   --only        measures only the questions with these keys (directory, profile, recommendations, coalition,
 *                 gap-matrix); the report then has only their rows, so publish such a run with --out elsewhere.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getDb } from '../../src/lib/server/platform/db';
import { warmAnalytics } from '../../src/lib/server/analytics/warm';
import { isStale, latestRankingModel, refreshRankingModel } from '../../src/lib/server/matchmaking/ranking/store';
import { ensureDataset, ensureGapMatrix } from '../bench/dataset';
import { compareRuns, parseRecord, recordRun } from '../bench/history';
import { mergeReport, meetsTarget, renderReport } from '../bench/report';
import { runBenchmark } from '../bench/run';
import { loadRecordIn, mergeLoadRecord } from '../load/report';
import { QUESTIONS } from '../bench/questions/index';
import { startMeasuredApp } from '../bench/measured-app';
import { startBenchServices } from '../bench/services';
import { runCli, stoppingOnSignal, UsageError } from '../process/run-cli';

const USAGE =
  'usage: npm run bench -- [--runs <n>] [--warmup <n>] [--quick] [--out <file>] [--orgs <n>] [--seed <n>] [--setup-only] [--no-build] [--only <question,…>]';

const log = (line: string) => console.error(`[bench] ${line}`);

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name}: "${value}" is not a whole number ≥ ${min}`);
  return n;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string' },
      only: { type: 'string' },
      warmup: { type: 'string' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string', default: 'docs/benchmarks.md' },
      orgs: { type: 'string' },
      seed: { type: 'string' },
      'setup-only': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  if (values.help || positionals.length > 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const runs = wholeNumber('runs', values.runs, values.quick ? 20 : 200, 1);
  const warmup = wholeNumber('warmup', values.warmup, values.quick ? 3 : 20, 0);
  const orgs = wholeNumber('orgs', values.orgs, 20_000, 2);
  const seed = wholeNumber('seed', values.seed, 42, 0);
  // A subset of the questions (their keys), e.g. to measure one change without waiting for the others.
  const keys = values.only
    ?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = keys?.filter((k) => !QUESTIONS.some((q) => q.key === k)) ?? [];
  if (unknown.length > 0) {
    throw new UsageError(
      `--only: unknown question ${unknown.join(', ')} (known: ${QUESTIONS.map((q) => q.key).join(', ')})`
    );
  }
  const questions = keys ? QUESTIONS.filter((q) => keys.includes(q.key)) : undefined;
  const root = resolve(process.env.ATLAS_ROOT ?? process.cwd());
  const out = resolve(root, values.out!);
  if (values['no-build'] && !existsSync(join(root, 'build', 'index.js'))) {
    throw new UsageError('--no-build: there is no build/index.js to measure (npm run build first)');
  }

  const services = await startBenchServices({ root, log });
  let stopApp: (() => Promise<void>) | undefined;
  const stopAll = async () => {
    await stopApp?.();
    await services.stop();
  };
  // Ctrl-C: stop the app server and the Neo4j this command started, then leave.
  return stoppingOnSignal(stopAll, async () => {
    const { size } = await ensureDataset(getDb(), { orgs, seed, log });
    const matrixMs = await ensureGapMatrix();
    if (matrixMs !== null)
      log(`computed the gap matrix for anonymous visitors in ${Math.round(matrixMs)} ms (now cached)`);
    // The app warms every level's analytics when it starts (analytics/warm.ts); done here first, that warm-up only
    // reads the cache instead of computing (Neo4j and GDS busy on the shared cores) while the questions are timed.
    const warmStarted = performance.now();
    const warmed = await warmAnalytics({ log });
    log(
      `analytics of every visibility level cached (${warmed.length} entries) in ${Math.round(performance.now() - warmStarted)} ms`
    );
    // Likewise the learned ranking: the app would refit a stale model in the background (decision 0036) — minutes of
    // CPU on this dataset, competing with the timed questions — so it is refitted here, before the app starts.
    if (isStale(await latestRankingModel())) {
      const fitStarted = performance.now();
      await refreshRankingModel({ log: (line) => log(`ranking ${line}`) });
      log(`ranking model refitted in ${Math.round(performance.now() - fitStarted)} ms`);
    }
    if (values['setup-only']) {
      log(`dataset ready: ${size.organizations} organisations, ${size.partnerships} partnerships`);
      return 0;
    }

    const app = await startMeasuredApp({ root, services, noBuild: values['no-build'], copyFolder: 'bench', log });
    stopApp = app.stop;
    log(`app server ${app.url} (pid ${app.pid}); measuring ${runs} runs after ${warmup} warm-up runs per question`);

    const result = await runBenchmark({
      endpoint: `${app.url}/graphql`,
      databaseUrl: services.databaseUrl,
      runs,
      warmup,
      seed,
      pids: { app: app.pid, neo4j: services.neo4jPid },
      questions,
      log
    });

    const args = process.argv.slice(2);
    const command = ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' ');
    const previous = await readFile(out, 'utf8').catch(() => null);
    await writeFile(out, mergeReport(renderReport(result, size, command), previous));
    // The figures as JSON next to the report, and what changed since the run recorded there before.
    const jsonOut = out.replace(/\.md$/, '') + '.json';
    const record = recordRun(result, size, command);
    const previousJson = await readFile(jsonOut, 'utf8').catch(() => null);
    const changes = compareRuns(parseRecord(previousJson), record);
    // The `load` entry belongs to `npm run load` (tools/load/report.ts): kept as it is.
    await writeFile(jsonOut, mergeLoadRecord(`${JSON.stringify(record, null, 2)}\n`, loadRecordIn(previousJson)));

    for (const q of result.questions) {
      const ok = meetsTarget(q);
      console.log(
        `${q.title.padEnd(42)} API p50 ${q.api.p50.toFixed(1).padStart(7)} ms  p95 ${q.api.p95.toFixed(1).padStart(7)} ms ` +
          `(target ${q.targetP95Ms}${ok.latency ? ' met' : ' MISSED'})  raw p95 ${q.rawLatency.p95.toFixed(1).padStart(7)} ms  ` +
          `ratio ${q.ratioP95?.toFixed(2) ?? 'n/a'}×${ok.ratio ? '' : ' (over 1.5×)'}`
      );
    }
    const mem = result.memory;
    console.log(
      `peak RSS: app ${mem.app ? `${mem.app.peakMiB.toFixed(0)} MiB` : 'n/a'}, Neo4j ${mem.neo4j ? `${mem.neo4j.peakMiB.toFixed(0)} MiB` : 'n/a'}`
    );
    for (const line of changes) console.log(line);
    console.log(`report written to ${out} and ${jsonOut}`);
    return 0;
  });
}

runCli(main, 'bench', USAGE);
