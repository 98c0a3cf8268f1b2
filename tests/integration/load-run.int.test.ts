/**
 * `npm run load` (tools/load), each scenario until a dozen requests were answered: the built app (`node build`) on this file's database and the
 * test Neo4j with a small generated dataset, every scenario of the mix and the signed-in writer at once. It
 * checks that nothing failed and that the report holds a row per scenario with consistent figures — never how
 * fast anything is — and that the run leaves the data as it found it (writer removed, edited field restored).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { warmAnalytics } from '../../src/lib/server/analytics/warm';
import { ensureDataset } from '../../tools/bench/dataset';
import { recordLoad, renderLoadSection } from '../../tools/load/report';
import { runLoad, type LoadResult } from '../../tools/load/run';
import { SCENARIOS } from '../../tools/load/scenarios';
import type { AppServer } from '../../tools/process/app-server';
import { privateAppBuild } from '../../tools/process/build';
import { startBuiltApp, UNLIMITED_RATE_LIMITS } from '../factories/built-app';

const CONNECTIONS = 8;
let app: AppServer | undefined;
let result: LoadResult;
let edited: { id: string; hqCity: string | null };
let build: ReturnType<typeof privateAppBuild> | undefined;

beforeAll(async () => {
  const log = (line: string) => console.log(`[load test] ${line}`);
  await ensureDataset(getDb(), { orgs: 60, seed: 9, log });
  await warmAnalytics({ log });
  edited = await getDb().organization.findFirstOrThrow({
    where: { archivedAt: null },
    orderBy: { id: 'asc' },
    select: { id: true, hqCity: true }
  });
  const root = process.cwd();
  build = privateAppBuild(root, log);
  app = await startBuiltApp(build.buildDir, UNLIMITED_RATE_LIMITS);
  result = await runLoad({
    baseUrl: app.url,
    databaseUrl: process.env.DATABASE_URL!,
    db: getDb(),
    durationS: 4,
    requestsPerScenario: 12, // each scenario runs until 12 of its requests were answered, however slow the machine
    connections: CONNECTIONS,
    writeEveryS: 1,
    seed: 5,
    pids: { app: app.pid, neo4j: null },
    log
  });
}, 900_000);

afterAll(async () => {
  await app?.stop();
  build?.remove();
});

describe('npm run load (a few seconds on a small dataset)', () => {
  it('sends every scenario and the write, with no error of any kind', () => {
    expect(result.scenarios.map((s) => s.key)).toEqual([...SCENARIOS.map((s) => s.key), 'write']);
    for (const s of result.scenarios) {
      expect(s.requests, s.key).toBeGreaterThan(0);
      expect(s.errors, s.key).toBe(0);
    }
    expect(result.total.errors).toBe(0);
    expect(result.total.connections).toBe(CONNECTIONS);
  });

  it('reports consistent figures: sums, ordered percentiles, memory of the app only', () => {
    expect(result.total.requests).toBe(result.scenarios.reduce((sum, s) => sum + s.requests, 0));
    for (const s of result.scenarios) {
      expect(s.requestsPerSecond, s.key).toBeGreaterThan(0);
      expect(s.latency.p50, s.key).toBeLessThanOrEqual(s.latency.p99);
      expect(s.latency.p99, s.key).toBeLessThanOrEqual(s.latency.max);
    }
    expect(result.memory.app!.beforeMiB).toBeGreaterThan(0);
    expect(result.memory.app!.afterMiB).toBeGreaterThan(0);
    expect(result.memory.neo4j).toBeNull(); // the test's Neo4j is not the run's to measure
    expect(result.loadAverage.after).toHaveLength(3);
    const section = renderLoadSection(recordLoad(result, 'test data', 'test'));
    for (const s of result.scenarios) expect(section).toContain(`| ${s.title} | ${s.connections} | ${s.requests} |`);
  });

  it('leaves the data as it found it: the writer is gone and the edited field is back', async () => {
    expect(await getDb().user.count({ where: { email: 'load-writer@atlas.invalid' } })).toBe(0);
    const after = await getDb().organization.findUniqueOrThrow({ where: { id: edited.id }, select: { hqCity: true } });
    expect(after.hqCity).toBe(edited.hqCity);
  });
});
