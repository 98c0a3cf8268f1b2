/**
 * The benchmark core: for each question, `warmup + runs` inputs drawn with a seeded RNG, each asked through the
 * GraphQL HTTP endpoint and as raw Cypher/SQL, one request at a time (latency, not throughput). API and raw
 * alternate which goes first, so neither always finds the caches warmed by the other. Every pair of answers is
 * compared; a difference stops the benchmark. Peak memory of the app and Neo4j is sampled over the whole phase.
 *
 * Used by `npm run bench` (tools/cli/bench.ts) against the built app, and by the smoke test against an in-process
 * server on a tiny dataset.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { getDriver, graphDatabase } from '../../src/lib/server/platform/neo4j';
import { Rng } from '../seed/random';
import { postGraphQL } from './api-client';
import { describeMachine, type Machine } from './machine';
import { PeakMemorySampler, type MemoryPeak } from './memory';
import { loadInputPools, type InputPools } from './pools';
import type { AnyQuestion, RawClients } from './question';
import { QUESTIONS } from './questions/index';
import { overheadRatio, summarize, type LatencySummary } from './stats';

export interface BenchmarkOptions {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4123/graphql. */
  endpoint: string;
  /** The PostgreSQL the app uses (the raw baselines connect to it with pg). Neo4j: the process's driver. */
  databaseUrl: string;
  runs: number;
  warmup: number;
  seed: number;
  /** Processes to sample peak memory from; null when not ours to read (an external Neo4j). */
  pids: { app: number | null; neo4j: number | null };
  questions?: readonly AnyQuestion[];
  log?: (line: string) => void;
}

export interface QuestionResult {
  key: string;
  title: string;
  targetP95Ms: number;
  inputs: string;
  raw: string;
  api: LatencySummary;
  rawLatency: LatencySummary;
  ratioP50: number | null;
  ratioP95: number | null;
  /** Distinct inputs among the measured runs (how much the input varied). */
  distinctInputs: number;
}

export interface BenchmarkResult {
  startedAt: Date;
  finishedAt: Date;
  runs: number;
  warmup: number;
  seed: number;
  machine: Machine;
  pools: { themes: number; countries: number; profiles: number; profilePartners: number; organizations: number };
  questions: QuestionResult[];
  /** `{ apiVersion }` through the same endpoint: what every request pays before any resolver reads data. */
  floor: LatencySummary;
  memory: { app: MemoryPeak | null; neo4j: MemoryPeak | null };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** A seed per question, so adding a question does not change the inputs of the others. */
function questionSeed(seed: number, key: string): number {
  let h = seed | 0;
  for (const ch of key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

async function measureQuestion(
  question: AnyQuestion,
  options: BenchmarkOptions,
  pools: InputPools,
  clients: RawClients
): Promise<QuestionResult> {
  const log = options.log ?? (() => {});
  const rng = new Rng(questionSeed(options.seed, question.key));
  const total = options.warmup + options.runs;
  const inputs = Array.from({ length: total }, () => question.pick(rng, pools));
  const apiMs: number[] = [];
  const rawMs: number[] = [];

  for (let i = 0; i < total; i++) {
    const input = inputs[i];
    const api = () =>
      timed(async () => question.apiAnswer(await postGraphQL(options.endpoint, question.request(input)), input));
    const raw = () => timed(() => question.runRaw(input, clients));
    const apiFirst = i % 2 === 0;
    const ask = async () => {
      const first = await (apiFirst ? api() : raw());
      const second = await (apiFirst ? raw() : api());
      return apiFirst ? [first, second] : [second, first];
    };
    // No second chance, not even in warm-up: the coalition solver's budget is a node count, not time, so a cold
    // or loaded process answers as a warm one does.
    const [a, r] = await ask();
    if (a.value !== r.value) {
      throw new Error(
        `${question.key}: the API and the raw query answered differently for ${JSON.stringify(input)}:\n` +
          `  API: ${a.value.slice(0, 300)}\n  raw: ${r.value.slice(0, 300)}`
      );
    }
    if (i >= options.warmup) {
      apiMs.push(a.ms);
      rawMs.push(r.ms);
    }
    if ((i + 1) % 50 === 0 || i + 1 === total) log(`${question.key}: ${i + 1}/${total}`);
  }

  const api = summarize(apiMs);
  const rawLatency = summarize(rawMs);
  return {
    key: question.key,
    title: question.title,
    targetP95Ms: question.targetP95Ms,
    inputs: question.inputs,
    raw: question.raw,
    api,
    rawLatency,
    ratioP50: overheadRatio(api.p50, rawLatency.p50),
    ratioP95: overheadRatio(api.p95, rawLatency.p95),
    distinctInputs: new Set(inputs.slice(options.warmup).map((input) => JSON.stringify(input))).size
  };
}

/** The API's fixed cost per request (HTTP, yoga, limits, the rate-limit counter): a query that reads no data. */
async function measureFloor(options: BenchmarkOptions): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let i = 0; i < options.warmup + options.runs; i++) {
    const { ms, value } = await timed(() => postGraphQL(options.endpoint, { query: '{ apiVersion }', variables: {} }));
    if (!(value as { apiVersion?: string }).apiVersion) throw new Error('floor: { apiVersion } came back empty');
    if (i >= options.warmup) samples.push(ms);
  }
  return summarize(samples);
}

export async function runBenchmark(options: BenchmarkOptions): Promise<BenchmarkResult> {
  if (!Number.isInteger(options.runs) || options.runs < 1)
    throw new Error(`runs: must be a whole number ≥ 1, got ${options.runs}`);
  if (!Number.isInteger(options.warmup) || options.warmup < 0)
    throw new Error(`warmup: must be a whole number ≥ 0, got ${options.warmup}`);
  const log = options.log ?? (() => {});
  const url = new URL(options.databaseUrl);
  url.searchParams.delete('connection_limit'); // Prisma's parameter; pg would pass it to the server
  // The app's own pool holds several connections too; two are enough for one-at-a-time raw queries.
  // The app's session settings (src/lib/server/platform/db.ts), so raw and API run the same plans.
  const sql = new pg.Pool({ connectionString: url.toString(), max: 2, options: '-c jit=off -c random_page_cost=1.1' });
  const clients: RawClients = { sql, neo4j: getDriver(), database: graphDatabase() };
  const samplers: { app: PeakMemorySampler | null; neo4j: PeakMemorySampler | null } = { app: null, neo4j: null };
  try {
    const pools = await loadInputPools(sql, clients.neo4j, clients.database);
    log(
      `inputs: ${pools.themes.length} themes, ${pools.countries.length} countries, ${pools.profiles.length} organisations ` +
        `with ${pools.profiles[0]!.partners} partners, ${pools.organizations.length} organisations`
    );
    const machine = await describeMachine(sql, clients.neo4j, clients.database);
    const startedAt = new Date();
    samplers.app = options.pids.app === null ? null : new PeakMemorySampler(options.pids.app);
    samplers.neo4j = options.pids.neo4j === null ? null : new PeakMemorySampler(options.pids.neo4j);

    const floor = await measureFloor(options);
    log(`floor ({ apiVersion }): p50 ${floor.p50.toFixed(1)} ms`);
    const questions: QuestionResult[] = [];
    for (const question of options.questions ?? QUESTIONS)
      questions.push(await measureQuestion(question, options, pools, clients));

    const memory = { app: samplers.app?.stop() ?? null, neo4j: samplers.neo4j?.stop() ?? null };
    machine.loadAfter = loadavg();
    return {
      startedAt,
      finishedAt: new Date(),
      runs: options.runs,
      warmup: options.warmup,
      seed: options.seed,
      machine,
      pools: {
        themes: pools.themes.length,
        countries: pools.countries.length,
        profiles: pools.profiles.length,
        profilePartners: pools.profiles[0]!.partners,
        organizations: pools.organizations.length
      },
      questions,
      floor,
      memory
    };
  } finally {
    samplers.app?.stop();
    samplers.neo4j?.stop();
    await sql.end();
  }
}
