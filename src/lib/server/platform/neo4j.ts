import { GraphQLError } from 'graphql';
import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { parseEnv } from '../env';
import { countingRuns } from './graph-query-counter';
import { isGraphUnavailable, readTxOn } from './graph-transaction';
import { ReadBreaker } from './read-breaker';
import { assertMayOpenStoreClient } from './store-clients-closed';

/**
 * The one Neo4j driver per process (it pools connections); sessions are opened per unit of work, always naming
 * the database (NEO4J_DATABASE): on Aura or a cluster that saves a home-database lookup per session, and it keeps
 * the app off whatever the server's default database happens to be.
 */
let driver: Driver | undefined;
let database: string | undefined;

/**
 * Same schema as env(), but read when the driver is created rather than from env()'s cache: `npm start`, the CLIs
 * and the test setup start a local Neo4j and only then set NEO4J_URI / NEO4J_PASSWORD in process.env.
 */
function graphEnv() {
  return parseEnv(process.env);
}

export function getDriver(): Driver {
  if (!driver) {
    assertMayOpenStoreClient('Neo4j');
    const config = graphEnv();
    database = config.NEO4J_DATABASE;
    if (!config.NEO4J_URI) throw new Error('NEO4J_URI is not set (npm start sets it when it runs the local Neo4j)');
    driver = neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), {
      // Down or unroutable Neo4j: fail within seconds, not the driver's 30 s/60 s defaults (the projector retries).
      // Not tighter: on a busy 2-core CI box a healthy local Neo4j can take over a second to accept and log in.
      // /readyz does not depend on these: isGraphReachable() caps itself at 2 s.
      connectionTimeout: 3_000,
      connectionAcquisitionTimeout: 5_000,
      maxConnectionPoolSize: 50,
      // Counts, degrees and amounts come back as JS numbers (all far below 2^53), not neo4j Integer objects.
      disableLosslessIntegers: true
    });
  }
  return driver;
}

export function graphDatabase(): string {
  return database ?? graphEnv().NEO4J_DATABASE;
}

export async function closeDriver(): Promise<void> {
  const current = driver;
  driver = undefined;
  database = undefined;
  await current?.close();
}

/**
 * A read that needs Neo4j while Neo4j cannot be used (down, unreachable, refusing us). A GraphQLError with a
 * stable code, so /graphql answers it to the client instead of masking it, and pages can tell it from a bug.
 * The cause stays in the server log: its text names hosts and ports.
 */
export class GraphUnavailableError extends GraphQLError {
  constructor() {
    super('The partnership graph is temporarily unavailable. Please try again in a moment.', {
      extensions: { code: 'GRAPH_UNAVAILABLE' }
    });
    this.name = 'GraphUnavailableError';
  }
}

/** Shared by every graph read of this process (see read-breaker.ts); logs only when it opens or closes. */
export const graphReadBreaker = new ReadBreaker({
  onChange: (state, failures) =>
    console.warn(
      state === 'open'
        ? `[graph] reads fail fast with GRAPH_UNAVAILABLE after ${failures} consecutive connection failures; probing again shortly`
        : '[graph] Neo4j answers again: graph reads resume'
    )
});

/**
 * One read transaction in its own session. Transient errors inside a reachable Neo4j are retried a few times;
 * an unreachable Neo4j is NOT: `executeRead` would retry it for its 30 s window, so every graph-backed read hung
 * while Neo4j was down (issue 14, finding 7). It fails at once (or after connectionTimeout) with GRAPH_UNAVAILABLE,
 * and once the breaker has opened, without trying at all.
 */
export async function readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  if (!graphReadBreaker.tryAcquire()) throw new GraphUnavailableError();
  try {
    // A Transaction offers everything a ManagedTransaction does (run); the types differ only by private members.
    const result = await readTxOn(getDriver(), (tx) => work(tx as unknown as ManagedTransaction));
    graphReadBreaker.succeeded();
    return result;
  } catch (error) {
    if (!isGraphUnavailable(error)) {
      // Neo4j answered (a query or data error): it is up, whatever this read's problem is.
      graphReadBreaker.succeeded();
      throw error;
    }
    graphReadBreaker.failed();
    console.warn(`[graph] read failed, Neo4j unavailable: ${(error as Error).message.split('\n')[0]}`);
    throw new GraphUnavailableError();
  }
}

/** One write transaction in its own session (retried by the driver on transient errors: keep `work` idempotent). */
export async function writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = getDriver().session({ database: graphDatabase(), defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite((tx) => work(countingRuns(tx)));
  } finally {
    await session.close();
  }
}

/** One read transaction running one parameterised query; the records as plain objects. */
export async function readRows<T extends RecordShape>(cypher: string, params: Record<string, unknown>): Promise<T[]> {
  return readTx(async (tx) => {
    const result = await tx.run<T>(cypher, params);
    return result.records.map((record) => record.toObject());
  });
}

const PROBE_TIMEOUT_MS = 2_000;

/** Readiness probe: `RETURN 1` on the app's database, answered (ok or not) within ~2 s, saying why it failed. */
export async function isGraphReachable(): Promise<{ ok: boolean; reason?: string }> {
  let session;
  try {
    session = getDriver().session({ database: graphDatabase(), defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      session.run('RETURN 1', {}, { timeout: PROBE_TIMEOUT_MS }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS);
        timer.unref();
      })
    ]).finally(() => clearTimeout(timer));
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `Neo4j unreachable: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    // Don't let a hung close hold up the probe.
    void session?.close().catch(() => undefined);
  }
}
