/**
 * The two stores on local defaults, shared by `npm start` and the command-line tools (local-services.ts):
 * DATABASE_URL / NEO4J_URI when set; otherwise the embedded PostgreSQL (PGlite, DATA_DIR/pglite) and the local
 * Neo4j from graph/ (DATA_DIR/neo4j). What is started is registered with `shutdown`, so Ctrl-C stops it.
 */
import { join, resolve } from 'node:path';
import type { Env } from '../../src/lib/server/env';
import type { Shutdown } from '../process/shutdown';
import { isPortTaken } from '../process/ports';
import { startEmbeddedPostgres } from './embedded-postgres';
import { atlasRoot, ensureNeo4jJars, startLocalNeo4j } from './local-neo4j';

export interface LocalStores {
  databaseUrl: string;
  /** Empty when Neo4j was not asked for. */
  neo4jUri: string;
  /** What this call started (and `shutdown` will stop). */
  started: { postgres: boolean; neo4j: boolean };
}

export interface LocalStoresOptions {
  config: Env;
  shutdown: Shutdown;
  log: (line: string) => void;
  /**
   * Use an embedded PostgreSQL / local Neo4j that already answers on its port (a running `npm start`) instead of
   * starting another — what tools want. `npm start` itself starts its own.
   */
  reuseRunning: boolean;
  /** Skip Neo4j entirely (a tool that only needs PostgreSQL). */
  neo4j?: boolean;
}

export async function startLocalStores(opts: LocalStoresOptions): Promise<LocalStores> {
  const { config, shutdown, log } = opts;
  const dataDir = resolve(atlasRoot(), config.DATA_DIR);
  const started = { postgres: false, neo4j: false };

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    if (opts.reuseRunning && (await isPortTaken(config.PGLITE_PORT))) {
      log(`using the embedded PostgreSQL already running on port ${config.PGLITE_PORT}`);
      databaseUrl = `postgresql://postgres@127.0.0.1:${config.PGLITE_PORT}/postgres?connection_limit=1`;
    } else {
      log(`starting embedded PostgreSQL (PGlite) with data in ${join(config.DATA_DIR, 'pglite')}`);
      const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pglite'), port: config.PGLITE_PORT });
      shutdown.add('embedded PostgreSQL', pg.stop);
      databaseUrl = pg.url;
      started.postgres = true;
    }
  }

  let neo4jUri = config.NEO4J_URI ?? '';
  if (!neo4jUri && opts.neo4j !== false) {
    if (opts.reuseRunning && (await isPortTaken(config.NEO4J_BOLT_PORT))) {
      log(`using the Neo4j already running on port ${config.NEO4J_BOLT_PORT}`);
      neo4jUri = `bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}`;
    } else {
      await ensureNeo4jJars();
      log(`starting Neo4j with data in ${join(config.DATA_DIR, 'neo4j')}`);
      const neo4j = await startLocalNeo4j({
        dataDir: join(dataDir, 'neo4j'),
        boltPort: config.NEO4J_BOLT_PORT,
        password: config.NEO4J_PASSWORD,
        heap: config.NEO4J_HEAP,
        log: (line) => config.LOG_LEVEL === 'debug' && log(`neo4j: ${line}`)
      });
      shutdown.add('Neo4j', neo4j.stop);
      neo4jUri = neo4j.uri;
      started.neo4j = true;
    }
  }

  // The clients (Prisma, Neo4j driver) read env() lazily, after this.
  process.env.DATABASE_URL = databaseUrl;
  if (neo4jUri) process.env.NEO4J_URI = neo4jUri;
  return { databaseUrl, neo4jUri, started };
}
