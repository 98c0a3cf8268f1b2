/**
 * tsx tools/cli/db.ts <migrate|deploy|reset|status> [prisma options]
 *
 *   migrate  prisma migrate dev: new migration from schema changes, applied to a development PostgreSQL
 *            (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/atlas_dev, created when missing).
 *            Extra options go to Prisma: --name <name>, --create-only.
 *   deploy   prisma migrate deploy, then loads (inserts or updates) the countries and themes that imports and
 *            profiles refer to. --no-reference skips that (--reference, the former opt-in, is still accepted).
 *   status   prisma migrate status (exit 1 when migrations are pending).
 *   reset    prisma migrate reset --force, then loads countries and themes.
 *
 * deploy, status and reset use DATABASE_URL, or else the embedded PGlite in $DATA_DIR/pglite: started for the
 * command, or reused through its port when a running app has it open.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { redact, runPrisma } from '../../src/lib/server/db/migrate';
import { env } from '../../src/lib/server/env';

// Prisma Client and PGlite take seconds to load: imported only by the paths that use them.
const loadDb = () => import('../../src/lib/server/platform/db');

const DEV_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/atlas_dev';
const COMMANDS = ['migrate', 'deploy', 'reset', 'status'] as const;
type Command = (typeof COMMANDS)[number];

interface Target {
  url: string;
  label: string;
  release(): Promise<void>;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command as Command)) {
    console.error(`usage: tsx tools/cli/db.ts <${COMMANDS.join('|')}> [options]`);
    return 2;
  }
  // Reference data by default: a database without countries rejects every import ("GB is not a known country
  // code"), and loading is idempotent, so there is no reason to make operators remember a flag.
  const loadReference = (command === 'deploy' && !rest.includes('--no-reference')) || command === 'reset';
  const prismaArgs = rest.filter((a) => a !== '--reference' && a !== '--no-reference');

  if (command === 'migrate') return migrateDev(prismaArgs);

  const target = await openTarget();
  const onSignal = () => void target.release().finally(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    console.log(`${command}: ${target.label}`);
    const args =
      command === 'reset'
        ? ['migrate', 'reset', '--force', '--skip-generate', ...prismaArgs]
        : ['migrate', command, ...prismaArgs];
    const result = await runPrisma(args, { databaseUrl: target.url, stdio: 'inherit' });
    console.log(`prisma migrate ${command}: exit ${result.code} after ${(result.durationMs / 1000).toFixed(1)} s`);
    if (result.code !== 0 || !loadReference) return result.code;
    const [{ createDb }, { upsertReferenceData }] = await Promise.all([
      loadDb(),
      import('../../prisma/reference/load')
    ]);
    const { db, close } = createDb(target.url);
    try {
      const loaded = await upsertReferenceData(db);
      console.log(`reference data: countries ${format(loaded.countries)}, themes ${format(loaded.themes)}`);
    } finally {
      await close();
    }
    return 0;
  } finally {
    await target.release();
  }
}

function format({ created, updated }: { created: number; updated: number }): string {
  return `${created} created, ${updated} updated`;
}

async function openTarget(): Promise<Target> {
  const { DATABASE_URL, DATA_DIR, PGLITE_PORT } = env();
  if (DATABASE_URL) return { url: DATABASE_URL, label: redact(DATABASE_URL), release: async () => {} };

  const dataDir = join(DATA_DIR, 'pglite');
  const { DataDirLockedError, startEmbeddedPostgres } = await import('../local-stores/embedded-postgres');
  try {
    const embedded = await startEmbeddedPostgres({ dataDir, port: PGLITE_PORT });
    return { url: embedded.url, label: `embedded PGlite in ${dataDir}`, release: embedded.stop };
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    // A running app holds the directory: go through its socket server instead.
    const url = `postgresql://postgres@127.0.0.1:${PGLITE_PORT}/postgres?connection_limit=1`;
    if (!(await (await loadDb()).isDbReachable(url)).ok) throw error;
    return { url, label: `embedded PGlite served by process ${error.ownerPid}`, release: async () => {} };
  }
}

async function migrateDev(prismaArgs: string[]): Promise<number> {
  const url = env().DATABASE_URL ?? DEV_DATABASE_URL;
  await createDatabaseIfMissing(url);
  // Prisma 6.19's Wasm engine cannot evaluate a new migration after applying pending ones in the same run
  // ("PostgreSQL shadow DB must be provided through an external factory"): apply them first.
  const deployed = await runPrisma(['migrate', 'deploy'], { databaseUrl: url });
  if (deployed.code !== 0) {
    console.error(deployed.output);
    return deployed.code;
  }
  const { MIGRATIONS_DIR } = await loadDb();
  const before = new Set(migrationNames(MIGRATIONS_DIR));
  const result = await runPrisma(['migrate', 'dev', ...prismaArgs], { databaseUrl: url, stdio: 'inherit' });
  const created = migrationNames(MIGRATIONS_DIR).filter((name) => !before.has(name));
  // Prisma 6.19.3 frees its Wasm engine twice after `migrate dev --create-only` ("null pointer passed to
  // rust", exit 1) once the migration file is written: that is a success.
  if (result.code !== 0 && prismaArgs.includes('--create-only') && created.length > 0) {
    console.log(
      `Created ${created.join(', ')} (the "null pointer passed to rust" above is a known Prisma 6.19 quirk).`
    );
    return 0;
  }
  return result.code;
}

function migrationNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

async function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  url.searchParams.delete('connection_limit');
  const admin = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      console.log(`created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
);
