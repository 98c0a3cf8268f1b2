/**
 * Zero-setup PostgreSQL for local use: PGlite (PostgreSQL 17 in Wasm) stored in a directory and served over the
 * wire protocol by pglite-socket, so Prisma, its CLI and psql talk to it like to any server.
 * Pinned: @electric-sql/pglite 0.4.5 and pglite-socket 0.1.5 (0.5.x breaks Prisma's schema engine).
 *
 * PGlite is one PostgreSQL backend: every client connection shares one session. pglite-socket 0.1.5 accepts
 * several connections (maxConnections, default 1) and queues their messages, holding the others back while one
 * is inside a transaction, but it interleaves the messages of concurrent extended-protocol queries
 * (parse/bind/execute): with a Prisma pool of 5, 96 of 249 concurrent queries returned another query's rows.
 * The URL therefore carries `connection_limit=1`, which createDb() (src/lib/server/platform/db.ts) and the Prisma CLI
 * adapter (prisma/cli-adapter.ts) turn into a pool of one: queries queue in the app, not in the socket server.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { dropStreamedMessages } from './pglite-stream-messages';

export interface EmbeddedPostgres {
  /** postgresql://postgres@127.0.0.1:<port>/postgres?connection_limit=1 — database name and password are ignored. */
  url: string;
  /** Pool size every client of this server must keep to (see the module comment). */
  maxConnections: 1;
  /** Closes the socket server, then PGlite (flushes the data directory), then removes the lock. Idempotent. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory holding the database files; created when missing. Never opened by two processes at once. */
  dataDir: string;
  /** 0 picks a free port (the returned URL has the real one). */
  port: number;
  host?: string;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  const releaseLock = acquireLock(dataDir);
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    // Without it every row a client reads stays in the heap (pglite-stream-messages.ts, decision 0050).
    dropStreamedMessages(db);
    // Sockets beyond the first are kept for tools (psql, the Prisma CLI) used next to a running app,
    // each with its own pool of one. Concurrent use still interleaves: see the module comment.
    server = new PGLiteSocketServer({ db, host, port: options.port, maxConnections: 8 });
    await listen(server);
  } catch (error) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    releaseLock();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Embedded PostgreSQL: port ${host}:${options.port} is already in use (set PGLITE_PORT).`, {
        cause: error
      });
    }
    throw error;
  }

  const [pglite, socketServer] = [db, server];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      try {
        await socketServer.stop();
      } finally {
        try {
          await pglite.close();
        } finally {
          releaseLock();
        }
      }
    })());

  const port = socketServer.getServerConn().split(':').pop();
  return {
    url: `postgresql://postgres@${host}:${port}/postgres?connection_limit=1`,
    maxConnections: 1,
    stop
  };
}

/** server.start() never settles when listening fails (EADDRINUSE): the error only comes as an event. */
function listen(server: PGLiteSocketServer): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const onError = (event: Event) => reject((event as CustomEvent<Error>).detail);
    server.addEventListener('error', onError, { once: true });
    server.start().then(() => {
      server.removeEventListener('error', onError);
      resolvePromise();
    }, reject);
  });
}

/** The data directory is open in another live process (whose socket server may be reachable). */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
    readonly lockPath: string
  ) {
    super(
      `Embedded PostgreSQL: ${dataDir} is already open in process ${ownerPid} (lock file ${lockPath}). ` +
        'Stop that process first (Ctrl-C), or point DATABASE_URL at a PostgreSQL server.'
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * `<dataDir>.lock` holds the owner's pid. Two PGlite instances on one directory corrupt it, so a live owner is
 * a hard error; a lock left by a dead process (kill -9, crash) is taken over.
 */
function acquireLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        process.removeListener('exit', release);
        if (readOwner(lockPath) === process.pid) rmSync(lockPath, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      if (owner !== undefined && isProcessAlive(owner)) throw new DataDirLockedError(dataDir, owner, lockPath);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Embedded PostgreSQL: could not take the lock ${lockPath}`);
}

function readOwner(lockPath: string): number | undefined {
  try {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
