/**
 * Databases for integration tests on a real PostgreSQL server: one template per test run (migrated, reference
 * data loaded), then a fresh copy per test file or test — `CREATE DATABASE … TEMPLATE` takes tens of
 * milliseconds where migrating takes seconds.
 *
 * Admin connection: DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres. The role must be allowed
 * to create databases. PGlite cannot serve here (it ignores database names): the helpers check and refuse.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { upsertReferenceData } from '../../prisma/reference/load';
import { createDb } from '../../src/lib/server/platform/db';
import { deployMigrations } from '../../src/lib/server/db/migrate';

export const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export function adminUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
}

/** The admin URL pointing at another database (user, password, host, options kept). */
export function databaseUrl(name: string, baseUrl = adminUrl()): string {
  const url = new URL(baseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  url.searchParams.delete('connection_limit');
  return url.toString();
}

/** `<prefix>_<base-36 creation time>_<random>`: unique per run and datable for cleanup. */
function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

async function withAdmin<T>(baseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres', baseUrl), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function assertConnectedTo(name: string, baseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(name, baseUrl), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    if (rows[0]?.db !== name) {
      throw new Error(
        `The server at ${new URL(baseUrl).host} connected to "${rows[0]?.db}" when asked for "${name}": ` +
          'it ignores database names (PGlite?). Integration tests need PostgreSQL: set DATABASE_URL to one.'
      );
    }
  } finally {
    await client.end();
  }
}

/**
 * Once per test run: `atlas_template_<id>` with all migrations and the reference data (countries, themes, and
 * their outbox rows). Returns the template's name. Nothing may stay connected to it, or copies fail.
 */
export async function createTemplateDatabase(baseUrl = adminUrl()): Promise<string> {
  const name = uniqueName('atlas_template');
  await withAdmin(baseUrl, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  try {
    await assertConnectedTo(name, baseUrl);
    const url = databaseUrl(name, baseUrl);
    await deployMigrations(url);
    const { db, close } = createDb(url);
    try {
      await upsertReferenceData(db);
    } finally {
      await close();
    }
    return name;
  } catch (error) {
    await dropDatabase(name, baseUrl).catch(() => {});
    throw error;
  }
}

export interface IsolatedDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** The handle both creators return: its URL and a drop() that waits for its clients to leave first. */
function droppableDatabase(name: string, baseUrl: string): IsolatedDatabase {
  return {
    name,
    url: databaseUrl(name, baseUrl),
    drop: async () => {
      await waitForNoConnections(name, baseUrl);
      await dropDatabase(name, baseUrl);
    }
  };
}

/** An empty database, `atlas_test_<id>`, as an operator's fresh DATABASE_URL would be. */
export async function createEmptyDatabase(baseUrl = adminUrl()): Promise<IsolatedDatabase> {
  const name = uniqueName('atlas_test');
  await withAdmin(baseUrl, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  return droppableDatabase(name, baseUrl);
}

/** A fresh copy of the template, `atlas_test_<id>`. Call drop() when done (after closing its clients). */
export async function createIsolatedDatabase(templateName: string, baseUrl = adminUrl()): Promise<IsolatedDatabase> {
  const name = uniqueName('atlas_test');
  await withAdmin(baseUrl, (c) =>
    c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(templateName)}`)
  );
  return droppableDatabase(name, baseUrl);
}

/**
 * pg's pool.end() resolves before its sockets are gone; dropping WITH (FORCE) at that moment kills a closing
 * connection and the client reports an unhandled 57P01. Waiting (up to 5 s) for the clients to leave avoids that.
 */
export async function waitForNoConnections(name: string, baseUrl = adminUrl()): Promise<void> {
  await withAdmin(baseUrl, async (c) => {
    for (let i = 0; i < 50; i += 1) {
      const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}

/** Drops the database even while something is still connected to it (WITH (FORCE), PostgreSQL 13+). */
export async function dropDatabase(name: string, baseUrl = adminUrl()): Promise<void> {
  await withAdmin(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}

/**
 * Drops atlas_template_* and atlas_test_* databases left by runs that crashed, judged by the creation time in
 * their names. The age limit keeps other runs sharing the server (other developers, CI) safe.
 */
export async function dropStaleTestDatabases(options: { olderThanMs?: number; baseUrl?: string } = {}) {
  const { olderThanMs = 6 * 60 * 60 * 1000, baseUrl = adminUrl() } = options;
  const names = await withAdmin(baseUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^atlas_(template|test)_[0-9a-z]+_[0-9a-f]+$'`
    );
    return rows.map((r) => r.datname);
  });
  const stale = names.filter((n) => Date.now() - parseInt(n.split('_')[2], 36) > olderThanMs);
  for (const name of stale) await dropDatabase(name, baseUrl);
  return stale;
}
