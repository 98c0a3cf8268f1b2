/**
 * The benchmark's own stores, so its 20k-organisation dataset never mixes with `npm start`'s data or a test run:
 *   PostgreSQL — DATABASE_URL when set; otherwise database `atlas_bench` on the machine's server
 *                (postgresql://postgres@127.0.0.1:5432), created on first use.
 *   Neo4j      — NEO4J_URI when set (its process is then not ours: no memory figure); otherwise the local Neo4j
 *                with data in DATA_DIR/bench/neo4j on a free port (Community Edition has one user database, so a
 *                dedicated data folder is the only way to keep the bench graph apart).
 * Both get their migrations applied and PostgreSQL its reference data (countries, themes) loaded, the way
 * `npm run db:deploy` does — both idempotent; without the reference data every generated organisation is
 * rejected ("UA is not a known country code"). Call before anything reads env(): it sets
 * process.env.DATABASE_URL / NEO4J_URI for the clients to pick up.
 */
import { join, resolve } from 'node:path';
import pg from 'pg';
import { parseEnv } from '../../src/lib/server/env';
import { deployMigrations, redact } from '../../src/lib/server/db/migrate';
import { closeDb, createDb } from '../../src/lib/server/platform/db';
import { upsertReferenceData } from '../../prisma/reference/load';
import { closeDriver } from '../../src/lib/server/platform/neo4j';
import { ensureNeo4jJars, startLocalNeo4j } from '../local-stores/local-neo4j';
import { applyGraphMigrations } from '../../src/lib/server/platform/graph-migrations';
import { freePort } from '../process/ports';

export const BENCH_DATABASE = 'atlas_bench';
export const DEFAULT_PG_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface BenchServices {
  databaseUrl: string;
  neo4jUri: string;
  /** The Neo4j process id when this call started it (memory is sampled from /proc); null for an external one. */
  neo4jPid: number | null;
  /** Closes the clients, then stops what this call started. */
  stop(): Promise<void>;
}

/** `postgresql://…/postgres` → the same server, database `name`. */
function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

async function ensureDatabase(serverUrl: string, name: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `cannot reach PostgreSQL at ${redact(serverUrl)} (${(error as Error).message}): start it or set DATABASE_URL`,
      { cause: error }
    );
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      // A database name cannot be a parameter; this one is our constant, quoted as an identifier.
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      log(`created PostgreSQL database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Migrations, then countries and themes, exactly as `npm run db:deploy` leaves a database: a fresh one (or one
 * migrated before the reference data grew) is ready for the generated dataset afterwards.
 */
export async function prepareBenchDatabase(
  databaseUrl: string,
  opts: { root: string; log: (line: string) => void }
): Promise<void> {
  await deployMigrations(databaseUrl, { cwd: opts.root });
  const { db, close } = createDb(databaseUrl);
  try {
    const { countries, themes } = await upsertReferenceData(db);
    opts.log(
      `reference data: countries ${countries.created} created, ${countries.updated} updated; ` +
        `themes ${themes.created} created, ${themes.updated} updated`
    );
  } finally {
    await close();
  }
}

/** Which PostgreSQL database and DATA_DIR folder (for the local Neo4j) hold a dataset: the bench's by default. */
export interface StoreNames {
  database: string;
  folder: string;
}

export const BENCH_STORE: StoreNames = { database: BENCH_DATABASE, folder: 'bench' };

export async function startBenchServices(opts: {
  root: string;
  log: (line: string) => void;
  /** Another dataset's stores (`npm run load -- --demo` keeps the demo data apart from the bench's). */
  store?: StoreNames;
}): Promise<BenchServices> {
  const store = opts.store ?? BENCH_STORE;
  const config = parseEnv(process.env);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    await closeDb();
    await closeDriver();
    for (const step of stops.reverse()) await step();
  };

  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      await ensureDatabase(DEFAULT_PG_SERVER, store.database, opts.log);
      databaseUrl = withDatabase(DEFAULT_PG_SERVER, store.database);
    }
    opts.log(`PostgreSQL: ${redact(databaseUrl)}`);

    let neo4jUri = config.NEO4J_URI;
    let neo4jPid: number | null = null;
    if (!neo4jUri) {
      await ensureNeo4jJars();
      const dataDir = join(resolve(opts.root, config.DATA_DIR), store.folder, 'neo4j');
      opts.log(`starting Neo4j with data in ${dataDir}`);
      const neo4j = await startLocalNeo4j({
        dataDir,
        boltPort: await freePort(),
        password: config.NEO4J_PASSWORD,
        heap: config.NEO4J_HEAP,
        // Full JIT even under Vitest: the default C1-only mode for tests would make every query slower.
        jvmArgs: []
      });
      stops.push(neo4j.stop);
      neo4jUri = neo4j.uri;
      neo4jPid = neo4j.pid;
    }
    opts.log(`Neo4j: ${neo4jUri}`);

    // Before anything reads env(): it is parsed once per process (createDb reads it too), so both URLs must be
    // in place before the first client is made.
    process.env.DATABASE_URL = databaseUrl;
    process.env.NEO4J_URI = neo4jUri;
    await prepareBenchDatabase(databaseUrl, opts);
    await applyGraphMigrations();
    return { databaseUrl, neo4jUri, neo4jPid, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
