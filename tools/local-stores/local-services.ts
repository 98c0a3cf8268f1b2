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
import { parseEnv } from '../../src/lib/server/env';
import { Shutdown } from '../process/shutdown';
import { deployMigrations } from '../../src/lib/server/db/migrate';
import { closeDb } from '../../src/lib/server/platform/db';
import { applyGraphMigrations } from '../../src/lib/server/platform/graph-migrations';
import { closeDriver } from '../../src/lib/server/platform/neo4j';
import { startLocalStores, type LocalStores } from './local-stores';

export type LocalServices = LocalStores;

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
  const shutdown = new Shutdown();
  shutdown.onSignals(log, 130);
  shutdown.add('database clients', async () => {
    await closeDb();
    await closeDriver();
  });

  try {
    const stores = await startLocalStores({ config, shutdown, log, reuseRunning: true, neo4j: opts.neo4j });
    // A store this call started may be brand new: bring it to the current schema, as `npm start` would.
    if (stores.started.postgres) await deployMigrations(stores.databaseUrl);
    if (stores.started.neo4j) await applyGraphMigrations();
    return await fn(stores);
  } finally {
    await shutdown.run(() => {});
  }
}
