/**
 * The chaos run's own PostgreSQL database, so freezing it never touches anyone else's data or sessions:
 *   - DATABASE_URL set: a new database `atlas_chaos_<id>` on that server (the role must be allowed to create
 *     databases), dropped afterwards;
 *   - unset: the embedded PostgreSQL (PGlite) in a temporary directory, removed afterwards.
 * Either way migrated and loaded with the reference data (countries, themes), as `npm run db:deploy` would.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { upsertReferenceData } from '../../prisma/reference/load';
import { createDb } from '../../src/lib/server/platform/db';
import { deployMigrations } from '../../src/lib/server/db/migrate';
import { startEmbeddedPostgres } from '../local-stores/embedded-postgres';

export interface ChaosDatabase {
  url: string;
  /** What it is, for the log (no password). */
  description: string;
  /** Call after every client of it has closed. */
  dispose(): Promise<void>;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  url.searchParams.delete('connection_limit');
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function prepare(url: string): Promise<void> {
  await deployMigrations(url);
  // An explicit timeout keeps createDb() from reading env(), whose cache would pin DATABASE_URL to the server's
  // URL before the CLI points it at this database.
  const { db, close } = createDb(url, { statementTimeoutMs: 0 });
  try {
    await upsertReferenceData(db);
  } finally {
    await close();
  }
}

export async function createChaosDatabase(serverUrl: string | undefined): Promise<ChaosDatabase> {
  if (serverUrl) {
    const name = `atlas_chaos_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    await onServer(serverUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const drop = () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    try {
      await prepare(url.toString());
    } catch (error) {
      await drop().catch(() => {});
      throw error;
    }
    return { url: url.toString(), description: `database ${name} on ${url.host}`, dispose: drop };
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-chaos-pglite-'));
  const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pglite'), port: 0 });
  const dispose = async () => {
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await prepare(embedded.url);
  } catch (error) {
    await dispose().catch(() => {});
    throw error;
  }
  return { url: embedded.url, description: `embedded PostgreSQL in ${dataDir}`, dispose };
}
