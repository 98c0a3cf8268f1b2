/**
 * npx tsx tools/cli/coalition-profile.ts [--inputs 40] [--seed 42]
 *
 * Where a coalition's time goes, on the benchmark's stores and dataset (run `npm run bench -- --setup-only` first):
 * for the benchmark's own inputs (3 themes × 8 countries, same seed), the candidate statement, the tie statement,
 * the pool before and after pruning dominated candidates, and each solve (best, then alternatives) with how it
 * ended. Prints medians and p95 per phase; no app server, no HTTP — the service code only.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import pg from 'pg';
import { getDriver, graphDatabase } from '../../src/lib/server/platform/neo4j';
import { fetchCandidates } from '../../src/lib/server/matchmaking/coalition';
import { solveExact } from '../../src/lib/server/matchmaking/exact-cover';
import { undominated } from '../../src/lib/server/matchmaking/prune-dominated';
import { EXACT_LIMITS } from '../../src/lib/server/matchmaking/select-coalition';
import { loadInputPools } from '../bench/pools';
import { coalitionQuestion } from '../bench/questions/coalition';
import { startBenchServices } from '../bench/services';
import { summarize } from '../bench/stats';
import { ANONYMOUS } from '../bench/visibility';
import { Rng } from '../seed/random';

const ALTERNATIVES = 3;

async function main() {
  const { values } = parseArgs({ options: { inputs: { type: 'string' }, seed: { type: 'string' } } });
  const inputs = Number(values.inputs ?? 40);
  const seed = Number(values.seed ?? 42);
  const log = (line: string) => console.error(`[profile] ${line}`);
  const services = await startBenchServices({ root: resolve('.'), log });
  const sql = new pg.Pool({ connectionString: services.databaseUrl, max: 1 });
  const phases = new Map<string, number[]>();
  const record = (phase: string, value: number) => phases.set(phase, [...(phases.get(phase) ?? []), value]);
  const endings = new Map<string, number>();
  try {
    const pools = await loadInputPools(sql, getDriver(), graphDatabase());
    const rng = new Rng(seed);
    for (let n = 0; n < inputs; n++) {
      const { themes, countries } = coalitionQuestion.pick(rng, pools);
      const lists = { themes, countries, include: [], exclude: [] };
      const session = getDriver().session({ database: graphDatabase(), defaultAccessMode: neo4j.session.READ });
      let started = performance.now();
      const fetched = await session.executeRead((tx) => fetchCandidates(tx, ANONYMOUS, lists));
      await session.close();
      record('candidates + ties (ms)', performance.now() - started);
      record('pool', fetched.candidates.length);
      record('ties in pool', fetched.ties.length);
      record('pool after pruning', undominated({ ...fetched, ...lists }).length);
      const differFrom: string[][] = [];
      for (let a = 0; a <= ALTERNATIVES; a++) {
        started = performance.now();
        const { maxNodes, timeLimitSeconds } = EXACT_LIMITS;
        const outcome = await solveExact({ ...fetched, ...lists, differFrom, maxNodes, timeLimitSeconds });
        record(a === 0 ? 'solve best (ms)' : 'solve alternative (ms)', performance.now() - started);
        const ending = `${a === 0 ? 'best' : 'alternative'} ${outcome.status}`;
        endings.set(ending, (endings.get(ending) ?? 0) + 1);
        if (outcome.status !== 'optimal' && outcome.status !== 'limit-reached') break;
        differFrom.push(outcome.members);
      }
    }
  } finally {
    await sql.end();
    await services.stop();
  }
  for (const [phase, samples] of phases) {
    const s = summarize(samples);
    console.log(`${phase.padEnd(26)} p50 ${s.p50.toFixed(1).padStart(7)}  p95 ${s.p95.toFixed(1).padStart(7)}`);
  }
  for (const [ending, count] of endings) console.log(`${ending.padEnd(26)} ${count}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
