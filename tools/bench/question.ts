import type { Driver } from 'neo4j-driver';
import type pg from 'pg';
import type { Rng } from '../seed/random';
import type { InputPools } from './pools';

/** What the raw baselines talk to: PostgreSQL through `pg`, Neo4j through the driver — no Prisma, no GraphQL. */
export interface RawClients {
  sql: pg.Pool;
  neo4j: Driver;
  database: string;
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * One benchmark question, asked two ways with the same input: through the GraphQL HTTP endpoint, and as the
 * Cypher/SQL the resolvers boil down to, written directly. Both produce a fingerprint of their answer (ids,
 * counts); the runner compares them on the warm-up runs, so a benchmark of a wrong or empty answer fails loudly.
 */
export interface Question<I> {
  key: string;
  title: string;
  /** The p95 the issue asks for on this machine (milliseconds). */
  targetP95Ms: number;
  /** How the input varies from run to run, for the report. */
  inputs: string;
  /** What the raw baseline runs, for the report. */
  raw: string;
  pick(rng: Rng, pools: InputPools): I;
  request(input: I): GraphQLRequest;
  /** Fingerprint of the API's `data`. Throws when the answer is unusable (e.g. empty where it cannot be). */
  apiAnswer(data: unknown, input: I): string;
  /** Runs the raw baseline and returns the fingerprint of its answer. */
  runRaw(input: I, clients: RawClients): Promise<string>;
}

export type AnyQuestion = Question<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** k distinct items, drawn without replacement (k is capped at the list's length). */
export function pickDistinct<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}
