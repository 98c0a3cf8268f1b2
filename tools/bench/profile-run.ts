/**
 * The frame the `tools/cli/*-profile.ts` commands share: `--inputs` and `--seed`, the benchmark's stores and input
 * pools (run `npm run bench -- --setup-only` first), a sample recorder and read transactions on the graph; whatever
 * it started is stopped when the work ends, however it ends.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import pg from 'pg';
import { getDriver, graphDatabase } from '../../src/lib/server/platform/neo4j';
import { loadInputPools, type InputPools } from './pools';
import { startBenchServices } from './services';
import { Rng } from '../seed/random';

export interface ProfileRun {
  inputs: number;
  rng: Rng;
  pools: InputPools;
  log: (line: string) => void;
  /** Samples per key, in the order keys were first recorded. */
  samples: Map<string, number[]>;
  record: (key: string, value: number) => void;
  inRead: <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;
}

export async function profileRun<T>(work: (run: ProfileRun) => Promise<T>): Promise<T> {
  const { values } = parseArgs({ options: { inputs: { type: 'string' }, seed: { type: 'string' } } });
  const log = (line: string) => console.error(`[profile] ${line}`);
  const services = await startBenchServices({ root: resolve('.'), log });
  const sql = new pg.Pool({ connectionString: services.databaseUrl, max: 1 });
  const samples = new Map<string, number[]>();
  try {
    return await work({
      inputs: Number(values.inputs ?? 40),
      rng: new Rng(Number(values.seed ?? 42)),
      pools: await loadInputPools(sql, getDriver(), graphDatabase()),
      log,
      samples,
      record: (key, value) => samples.set(key, [...(samples.get(key) ?? []), value]),
      inRead: async (work) => {
        const session = getDriver().session({ database: graphDatabase(), defaultAccessMode: neo4j.session.READ });
        try {
          return await session.executeRead(work);
        } finally {
          await session.close();
        }
      }
    });
  } finally {
    await sql.end();
    await services.stop();
  }
}
