/**
 * The load run: the scenarios of tools/load/scenarios.ts, each driven by its own autocannon instance with its
 * share of the clients (so every scenario gets its own requests/s and percentiles), all at once for `durationS`,
 * plus one client writing every few seconds. Resident memory of the app and Neo4j is read before and after.
 *
 * Used by `npm run load` (tools/cli/load.ts) against the built app, and by its integration test for a few seconds.
 */
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { getDriver, graphDatabase } from '../../src/lib/server/platform/neo4j';
import type { PrismaClient } from '../../src/lib/server/db/generated/client';
import { statusKiB } from '../bench/memory';
import { loadInputPools } from '../bench/pools';
import { percentile } from '../bench/stats';
import { Rng } from '../seed/random';
import { SCENARIOS, type Scenario } from './scenarios';
import {
  memoryChange,
  scenarioFigures,
  splitConnections,
  totals,
  type LoadTotals,
  type MemoryChange,
  type ScenarioFigures
} from './summary';
import { createWriterAccount, writeEvery, writeOnce } from './writer';

export interface LoadOptions {
  /** The app's base URL, e.g. http://127.0.0.1:4123. */
  baseUrl: string;
  /** The PostgreSQL the app uses (input pools are read from it). */
  databaseUrl: string;
  db: PrismaClient;
  durationS: number;
  /**
   * Seconds of the same mix (no writer) before the "before" memory reading and the measured phase: first-use
   * allocations (compiled routes, caches, the solver's WebAssembly, pools filling) are then not counted as growth.
   * 0 skips it.
   */
  warmupS?: number;
  /**
   * Instead of a duration: each scenario runs until this many of its requests were answered (tests wait for
   * answers, not for a time a slow machine may not meet). durationS is then only the divisor of the write rate.
   */
  requestsPerScenario?: number;
  /** All clients, the writer included. */
  connections: number;
  writeEveryS: number;
  seed: number;
  pids: { app: number | null; neo4j: number | null };
  log?: (line: string) => void;
}

export interface LoadResult {
  startedAt: Date;
  durationS: number;
  warmupS: number;
  connections: number;
  writeEveryS: number;
  loadAverage: { before: number[]; after: number[] };
  scenarios: ScenarioFigures[];
  total: LoadTotals;
  memory: { app: MemoryChange | null; neo4j: MemoryChange | null };
}

const rss = (pid: number | null) => (pid === null ? null : statusKiB(pid, 'VmRSS'));

function drive(
  scenario: Scenario,
  connections: number,
  options: LoadOptions,
  pools: Awaited<ReturnType<typeof loadInputPools>>,
  seed: number,
  warmupS?: number
): Promise<ScenarioFigures> {
  const rng = new Rng(seed);
  let failedBodies = 0;
  const first = scenario.next(rng, pools);
  return autocannon({
    url: options.baseUrl,
    connections,
    ...(warmupS !== undefined
      ? { duration: warmupS }
      : options.requestsPerScenario
        ? { amount: Math.max(options.requestsPerScenario, connections) }
        : { duration: options.durationS }),
    // Well past anything a visitor would wait for: a slow answer shows in p99, only a stuck one is an error.
    timeout: 30,
    requests: [
      {
        method: first.method,
        path: first.path,
        headers: first.headers,
        body: first.body,
        setupRequest: (request) => ({ ...request, ...scenario.next(rng, pools) }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && scenario.failed(body)) failedBodies += 1;
        }
      }
    ]
  }).then((result) => scenarioFigures({ key: scenario.key, title: scenario.title, connections }, result, failedBodies));
}

function writerFigures(outcomes: { ms: number; ok: boolean }[], durationS: number): ScenarioFigures {
  if (!(durationS > 0)) throw new Error(`write: the run lasted ${durationS} s`);
  const ms = outcomes.map((o) => o.ms);
  return {
    key: 'write',
    title: 'Profile edit (updateOrganization, signed in)',
    connections: 1,
    requests: outcomes.length,
    requestsPerSecond: outcomes.length / durationS,
    latency:
      ms.length === 0
        ? { p50: 0, p99: 0, max: 0 }
        : { p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms) },
    errors: outcomes.filter((o) => !o.ok).length
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (!(options.durationS > 0)) throw new Error(`duration: must be more than 0 seconds, got ${options.durationS}`);
  if (!(options.writeEveryS > 0))
    throw new Error(`write-every: must be more than 0 seconds, got ${options.writeEveryS}`);
  const log = options.log ?? (() => {});
  const readers = splitConnections(
    options.connections - 1,
    SCENARIOS.map((s) => s.weight)
  );
  const url = new URL(options.databaseUrl);
  url.searchParams.delete('connection_limit'); // Prisma's parameter; pg would pass it to the server
  const sql = new pg.Pool({ connectionString: url.toString(), max: 2 });
  const account = await createWriterAccount(options.db);
  try {
    const pools = await loadInputPools(sql, getDriver(), graphDatabase());
    log(
      `mix: ${SCENARIOS.map((s, i) => `${s.key} ${readers[i]}`).join(', ')}, write 1 (every ${options.writeEveryS} s); ` +
        `${options.durationS} s`
    );
    if (options.warmupS && options.warmupS > 0) {
      log(`warm-up: ${options.warmupS} s of the same mix, not measured`);
      await Promise.all(
        SCENARIOS.map((scenario, i) =>
          drive(scenario, readers[i]!, options, pools, options.seed + 100 + i, options.warmupS)
        )
      );
    }
    const before = { app: rss(options.pids.app), neo4j: rss(options.pids.neo4j) };
    const loadBefore = loadavg();
    const startedAt = new Date();
    const stopWriting = new AbortController();
    const writing = writeEvery(options.baseUrl, account, options.writeEveryS * 1000, stopWriting.signal);
    const reads = await Promise.all(
      SCENARIOS.map((scenario, i) => drive(scenario, readers[i]!, options, pools, options.seed + i))
    );
    stopWriting.abort();
    const writes = await writing;
    const measuredS = options.requestsPerScenario ? (Date.now() - startedAt.getTime()) / 1000 : options.durationS;
    const after = { app: rss(options.pids.app), neo4j: rss(options.pids.neo4j) };
    const scenarios = [...reads, writerFigures(writes, measuredS)];
    return {
      startedAt,
      durationS: measuredS,
      warmupS: options.warmupS ?? 0,
      connections: options.connections,
      writeEveryS: options.writeEveryS,
      loadAverage: { before: loadBefore, after: loadavg() },
      scenarios,
      total: totals(scenarios),
      memory: { app: memoryChange(before.app, after.app), neo4j: memoryChange(before.neo4j, after.neo4j) }
    };
  } finally {
    // Put the edited field back, then remove the run's member.
    await writeOnce(options.baseUrl, account, account.originalCity).catch(() => undefined);
    await account.remove();
    await sql.end();
  }
}
