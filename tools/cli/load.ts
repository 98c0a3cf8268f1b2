/**
 * npm run load -- [--duration 60] [--warmup 60] [--connections 20] [--write-every 3] [--demo | --orgs 20000] [--seed 42]
 *                  [--out docs/benchmarks.md] [--no-build]
 *
 * Throughput under concurrent clients (issue 13, point 5): the built app on loopback, driven by autocannon for
 * `--duration` seconds with `--connections` clients over a mix of directory searches, profiles, recommendations,
 * coalitions and dashboard pages, plus one signed-in client editing a profile every `--write-every` seconds
 * (tools/load/scenarios.ts). Rate limits are raised for the run. Reports requests/s, p50/p99 and errors per
 * scenario, and the resident memory of the app and Neo4j before and after, into a section of docs/benchmarks.md
 * and the `load` entry of docs/benchmarks.json.
 *
 * Stores as for `npm run bench` (tools/bench/services.ts): DATABASE_URL / NEO4J_URI when set; else the bench's
 * `atlas_bench` with its generated dataset (`--orgs`, default 20,000), or with `--demo` the demo data in its own
 * database `atlas_load_demo` (and DATA_DIR/load-demo/neo4j).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getDb } from '../../src/lib/server/platform/db';
import { warmAnalytics } from '../../src/lib/server/analytics/warm';
import { rebuildGraph } from '../../src/lib/server/projection/rebuild';
import { datasetSize, ensureDataset } from '../bench/dataset';
import { startMeasuredApp } from '../bench/measured-app';
import { BENCH_STORE, startBenchServices } from '../bench/services';
import { describeDataset, mergeLoadRecord, mergeLoadSection, recordLoad, renderLoadSection } from '../load/report';
import { runLoad } from '../load/run';
import { seedDemoIfEmpty } from '../seed/demo';
import { runCli, stoppingOnSignal, UsageError } from '../process/run-cli';

const USAGE =
  'usage: npm run load -- [--duration <s>] [--warmup <s>] [--connections <n>] [--write-every <s>] [--demo | --orgs <n>] [--seed <n>] [--out <file>] [--no-build]';

const log = (line: string) => console.error(`[load] ${line}`);

function number(name: string, value: string | undefined, fallback: number, min: number, whole = true): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isFinite(n) || n < min || (whole && !Number.isInteger(n))) {
    throw new UsageError(`--${name}: "${value}" is not a ${whole ? 'whole ' : ''}number ≥ ${min}`);
  }
  return n;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'write-every': { type: 'string' },
      demo: { type: 'boolean', default: false },
      orgs: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string', default: 'docs/benchmarks.md' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  if (values.help || positionals.length > 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.demo && values.orgs !== undefined) throw new UsageError('--demo and --orgs: choose one dataset');
  const durationS = number('duration', values.duration, 60, 1);
  // 60 s: the app's resident memory climbs for about a minute under this mix before it levels off (354 → ~520 MiB,
  // then flat within ±2 % for the next three minutes of a 240 s run, 2026-12-08); read earlier, "growth" was warm-up.
  const warmupS = number('warmup', values.warmup, 60, 0);
  const connections = number('connections', values.connections, 20, 6); // one per scenario and the writer
  const writeEveryS = number('write-every', values['write-every'], 3, 0.1, false);
  const orgs = number('orgs', values.orgs, 20_000, 2);
  const seed = number('seed', values.seed, 42, 0);
  const root = resolve(process.env.ATLAS_ROOT ?? process.cwd());
  const out = resolve(root, values.out!);
  if (values['no-build'] && !existsSync(join(root, 'build', 'index.js'))) {
    throw new UsageError('--no-build: there is no build/index.js to run (npm run build first)');
  }

  const services = await startBenchServices({
    root,
    log,
    store: values.demo ? { database: 'atlas_load_demo', folder: 'load-demo' } : BENCH_STORE
  });
  let stopApp: (() => Promise<void>) | undefined;
  const stopAll = async () => {
    await stopApp?.();
    await services.stop();
  };
  // Ctrl-C: stop the app server and the Neo4j this command started, then leave.
  return stoppingOnSignal(stopAll, async () => {
    const db = getDb();
    let size;
    if (values.demo) {
      if (await seedDemoIfEmpty(log, db)) log('seeded the demo data');
      size = await datasetSize(db);
      if (size.graphOrganizations !== size.organizations || size.graphPartnerships !== size.partnerships) {
        log('rebuilding the graph from PostgreSQL…');
        await rebuildGraph({ db });
        size = await datasetSize(db);
      }
    } else {
      size = (await ensureDataset(db, { orgs, seed, log })).size;
    }
    // What the app would compute on its first dashboard request is computed here, before the clock starts.
    await warmAnalytics({ log });

    const app = await startMeasuredApp({ root, services, noBuild: values['no-build'], copyFolder: 'load', log });
    stopApp = app.stop;
    log(`app server ${app.url} (pid ${app.pid})`);

    const result = await runLoad({
      baseUrl: app.url,
      databaseUrl: services.databaseUrl,
      db,
      durationS,
      warmupS,
      connections,
      writeEveryS,
      seed,
      pids: { app: app.pid, neo4j: services.neo4jPid },
      log
    });

    const args = process.argv.slice(2);
    const command = ['npm run load', ...(args.length ? ['--', ...args] : [])].join(' ');
    const record = recordLoad(result, describeDataset(size, values.demo), command);
    await writeFile(out, mergeLoadSection(await readFile(out, 'utf8').catch(() => null), renderLoadSection(record)));
    const jsonOut = out.replace(/\.md$/, '') + '.json';
    await writeFile(jsonOut, mergeLoadRecord(await readFile(jsonOut, 'utf8').catch(() => null), record));

    for (const s of result.scenarios) {
      console.log(
        `${s.title.padEnd(46)} ${s.requestsPerSecond.toFixed(1).padStart(7)} req/s  p50 ${s.latency.p50.toFixed(0).padStart(6)} ms  ` +
          `p99 ${s.latency.p99.toFixed(0).padStart(6)} ms  errors ${s.errors}`
      );
    }
    const mem = (m: (typeof result.memory)['app']) =>
      m ? `${m.beforeMiB.toFixed(0)} → ${m.afterMiB.toFixed(0)} MiB (${m.growthPct.toFixed(1)} %)` : 'n/a';
    console.log(
      `all: ${result.total.requestsPerSecond.toFixed(1)} req/s, ${result.total.errors} errors; ` +
        `RSS app ${mem(result.memory.app)}, Neo4j ${mem(result.memory.neo4j)}; ` +
        `load average ${result.loadAverage.before.map((v) => v.toFixed(2)).join('/')} → ${result.loadAverage.after.map((v) => v.toFixed(2)).join('/')}`
    );
    console.log(`report written to ${out} and ${jsonOut}`);
    return result.total.errors === 0 ? 0 : 1;
  });
}

runCli(main, 'load', USAGE);
