/**
 * The driver adapter the Prisma CLI (Wasm schema engine) uses, and the fixes it needs with @prisma/adapter-pg
 * 6.19.3. Used only by prisma.config.ts — the app builds its own plain adapter in src/lib/server/platform/db.ts.
 * Background and measurements: /work/shared/research/prisma-offline.md.
 */
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils';

/**
 * The schema engine reads PostgreSQL catalogs, whose columns use types adapter-pg refuses to deserialize
 * ("Column type 'name' could not be deserialized", prisma/orm#27403). Relabelling them as text / text[] in the
 * row description, before the query picks its parsers, makes both the parsed values and the reported column
 * types plain text. The one-byte `"char"` (pg_constraint.contype, pg_class.relkind …) must reach the engine as
 * a Character column: read as text, the describer panics (`RuntimeError: unreachable`) on CHECK constraints.
 */
const CATALOG_OIDS_AS_TEXT = new Set([
  19, // name
  24, // regproc
  194, // pg_node_tree
  2205, // regclass
  2206 // regtype
]);
const CHAR = 18;
const TEXT = 25;
const NAME_ARRAY = 1003;
const TEXT_ARRAY = 1009;

interface FieldDescription {
  dataTypeID: number;
  catalogChar?: boolean;
}

export class CatalogTextClient extends pg.Client {
  _handleRowDescription(msg: { fields: FieldDescription[] }): void {
    for (const field of msg.fields) {
      if (CATALOG_OIDS_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT;
      else if (field.dataTypeID === NAME_ARRAY) field.dataTypeID = TEXT_ARRAY;
      else if (field.dataTypeID === CHAR) {
        field.dataTypeID = TEXT;
        field.catalogChar = true;
      }
    }
    // @ts-expect-error — private in pg's typings, present in pg 8.x (lib/client.js)
    super._handleRowDescription(msg);
  }
}

type Queryable = {
  performIO(query: object): Promise<{ fields: FieldDescription[] } | unknown[]>;
  queryRaw(query: object): Promise<{ columnTypes: number[] }>;
};
const patchedQueryables = new WeakSet<object>();

/**
 * adapter-pg has no column type for `"char"`: report the columns CatalogTextClient marked as Character.
 * Patches adapter-pg's shared queryable prototype (plain connections and transactions) — CLI process only.
 */
function reportCatalogCharAsCharacter(adapter: object): void {
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as Queryable;
  if (patchedQueryables.has(proto)) return;
  patchedQueryables.add(proto);
  const { performIO, queryRaw } = proto;
  const charColumns = new WeakMap<object, number[]>();
  proto.performIO = async function (this: Queryable, query) {
    const result = await performIO.call(this, query);
    // A multi-statement script (a whole migration) yields an array of results and no row description.
    const fields = Array.isArray(result) ? [] : result.fields;
    const indexes = fields.flatMap((field, i) => (field.catalogChar ? [i] : []));
    if (indexes.length > 0) charColumns.set(query, indexes);
    return result;
  };
  proto.queryRaw = async function (this: Queryable, query) {
    const resultSet = await queryRaw.call(this, query);
    for (const i of charColumns.get(query) ?? []) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
    return resultSet;
  };
}

/** The same URL pointing at another database on the same server (keeps user, password, host, sslmode …). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** `connection_limit` (Prisma's URL parameter, set on the embedded PGlite URL) becomes the pool size. */
function poolConfig(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  const limit = url.searchParams.get('connection_limit');
  url.searchParams.delete('connection_limit');
  return {
    connectionString: url.toString(),
    ...(limit ? { max: Number(limit) } : {}),
    Client: CatalogTextClient,
    // The CLI must exit as soon as its work is done: idle connections must not keep it alive.
    allowExitOnIdle: true,
    idleTimeoutMillis: 1_000
  };
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;

async function currentDatabase(adapter: Adapter): Promise<string> {
  const result = await adapter.queryRaw({ sql: 'SELECT current_database()', args: [], argTypes: [] });
  return String(result.rows[0]?.[0]);
}

/** Shadow databases made on this host: `prisma_shadow_<host hash>_<pid>_<random>`. */
const SHADOW_PREFIX = `prisma_shadow_${createHash('sha256').update(hostname()).digest('hex').slice(0, 8)}_`;

/**
 * A CLI run that crashes (a Wasm panic, Ctrl-C) never disposes its shadow database. Drop the ones whose
 * creating process, on this host, is gone — never another host's or a running process's.
 */
async function dropAbandonedShadowDatabases(main: Adapter): Promise<void> {
  const result = await main.queryRaw({
    sql: `SELECT datname::text FROM pg_database WHERE starts_with(datname::text, '${SHADOW_PREFIX}')`,
    args: [],
    argTypes: []
  });
  for (const [datname] of result.rows as [string][]) {
    const pid = Number(datname.slice(SHADOW_PREFIX.length).split('_')[0]);
    if (Number.isInteger(pid) && !isProcessAlive(pid)) {
      await main.executeScript(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => {});
    }
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * adapter-pg's own shadow database handling is unsafe with a connection string (pg lets the string's database
 * win, so the "shadow" pool connects to the main database) and drops the shadow before closing its pool.
 * This factory creates a shadow database next to the main one, checks it really is connected to it, and on
 * dispose closes the shadow pool first, then drops the database.
 * With `shadowDatabaseUrl` it uses that database as is (Prisma resets it) and creates nothing.
 */
export class CliPgAdapterFactory extends PrismaPg {
  constructor(
    private readonly databaseUrl: string,
    private readonly shadowDatabaseUrl?: string
  ) {
    super(poolConfig(databaseUrl));
  }

  override async connect() {
    const adapter = await super.connect();
    reportCatalogCharAsCharacter(adapter);
    return adapter;
  }

  override async connectToShadowDb() {
    if (this.shadowDatabaseUrl) return new CliPgAdapterFactory(this.shadowDatabaseUrl).connect();

    const main = await this.connect();
    await dropAbandonedShadowDatabases(main);
    const name = `${SHADOW_PREFIX}${process.pid}_${randomUUID().slice(0, 8)}`;
    let shadow: Adapter | undefined;
    try {
      await main.executeScript(`CREATE DATABASE "${name}"`);
      shadow = await new CliPgAdapterFactory(withDatabase(this.databaseUrl, name)).connect();
      const connectedTo = await currentDatabase(shadow);
      if (connectedTo !== name) {
        throw new Error(
          `The server connected the shadow database pool to "${connectedTo}" instead of "${name}" ` +
            '(PGlite ignores database names). Set SHADOW_DATABASE_URL to a separate, disposable database.'
        );
      }
    } catch (error) {
      await shadow?.dispose().catch(() => {});
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`).catch(() => {});
      await main.dispose();
      throw error;
    }
    const closeShadowPool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      try {
        await closeShadowPool();
        await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      } finally {
        await main.dispose();
      }
    };
    return shadow;
  }
}

/**
 * The Wasm schema engine and pg leave long timers behind (10–60 s) that keep the CLI alive after it printed its
 * result. Long timers in the CLI process do nothing we wait for, so they must not hold the event loop open.
 */
export function unrefLongTimers(thresholdMs = 10_000): void {
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const original = globalThis[name];
    const patched = (handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
      const timer = original(handler, delay, ...args);
      if ((delay ?? 0) >= thresholdMs) timer.unref();
      return timer;
    };
    globalThis[name] = Object.assign(patched, original) as never;
  }
}
