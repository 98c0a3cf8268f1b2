/**
 * "Connect, or start the local defaults" for command-line tools (graph:rebuild, graph:verify, seed, import,
 * export …), the same way `npm start` does:
 *   - DATABASE_URL set → use it. Unset → if the embedded PostgreSQL of a running `npm start` answers on
 *     PGLITE_PORT, use it; otherwise start the embedded PostgreSQL (PGlite, data in DATA_DIR/pglite).
 *   - NEO4J_URI set → use it. Unset → if a local Neo4j answers on NEO4J_BOLT_PORT, use it; otherwise start the
 *     local Neo4j from graph/ (data in DATA_DIR/neo4j).
 * What it starts it also migrates (a first run on an empty DATA_DIR works), and stops afterwards — also on
 * Ctrl-C. The Prisma client and the Neo4j driver are closed before the services stop.
 *
 * Call it before anything reads env(): it sets process.env.DATABASE_URL / NEO4J_URI for the clients to pick up.
 */
import { join, resolve } from 'node:path';
import { parseEnv } from '../env';
import { Shutdown } from './shutdown';
import { isPortTaken } from './ports';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { deployMigrations } from '../db/migrate';
import { closeDb } from '../db';
import { atlasRoot, ensureNeo4jJars, startLocalNeo4j } from '../graph/local-neo4j';
import { applyGraphMigrations } from '../graph/migrations';
import { closeDriver } from '../graph/driver';

export interface LocalServices {
  databaseUrl: string;
  neo4jUri: string;
  /** What this call started (and will stop), for messages. */
  started: { postgres: boolean; neo4j: boolean };
}

export interface LocalServicesOptions {
  /** Progress lines (default: `[atlas] …` on stderr, so stdout stays clean for a command's own output). */
  log?: (line: string) => void;
  /** Skip Neo4j entirely (a tool that only needs PostgreSQL). */
  neo4j?: boolean;
}

export async function withLocalServices<T>(
  fn: (services: LocalServices) => Promise<T>,
  opts: LocalServicesOptions = {}
): Promise<T> {
  const log = opts.log ?? ((line: string) => console.error(`[atlas] ${line}`));
  // Parsed without caching: process.env gains DATABASE_URL/NEO4J_URI below, before any client reads env().
  const config = parseEnv(process.env);
  const dataDir = resolve(atlasRoot(), config.DATA_DIR);
  const shutdown = new Shutdown();
  shutdown.onSignals(log, 130);
  shutdown.add('database clients', async () => {
    await closeDb();
    await closeDriver();
  });

  try {
    const started = { postgres: false, neo4j: false };

    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      if (await isPortTaken(config.PGLITE_PORT)) {
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
      if (await isPortTaken(config.NEO4J_BOLT_PORT)) {
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

    process.env.DATABASE_URL = databaseUrl;
    if (neo4jUri) process.env.NEO4J_URI = neo4jUri;

    // A store this call started may be brand new: bring it to the current schema, as `npm start` would.
    if (started.postgres) await deployMigrations(databaseUrl);
    if (started.neo4j) await applyGraphMigrations();

    return await fn({ databaseUrl, neo4jUri, started });
  } finally {
    await shutdown.run(() => {});
  }
}
