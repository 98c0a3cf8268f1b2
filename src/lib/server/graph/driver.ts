import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { parseEnv } from '../env';

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

/** One read transaction in its own session (retried by the driver on transient errors). */
export async function readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = getDriver().session({ database: graphDatabase(), defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work);
  } finally {
    await session.close();
  }
}

/** One write transaction in its own session (retried by the driver on transient errors: keep `work` idempotent). */
export async function writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = getDriver().session({ database: graphDatabase(), defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
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
