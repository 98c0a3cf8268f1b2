/**
 * PGlite 0.4.5 keeps every protocol message a wire client received, for the life of the process.
 *
 * Its write callback parses each chunk PostgreSQL sends and appends the parsed messages (DataRow objects with their
 * field values included) to a private list. `execProtocol` and `execProtocolStream` empty that list before and after
 * each call, but `execProtocolRawStream` — the only call pglite-socket makes — never does, so every row a client
 * ever read stays in the JS heap. Measured (decision 0050): +1.7 GB of heap after 300 rounds of directory-like
 * queries; `npm start` went from ~500 MB to 1.5 GB in a few minutes of use and never gave it back.
 *
 * After each raw stream call we make an `execProtocol` call that empties the list and runs nothing in PostgreSQL:
 * PGlite returns at once for a Terminate message (`X`) without handing it to the backend. It runs inside the
 * socket server's exclusive section (the wrapped call's), so no client message comes in between.
 * Remove this when PGlite clears the list itself (check with tools/local-stores/embedded-postgres-memory.test.ts).
 */
import type { PGlite } from '@electric-sql/pglite';

const TERMINATE = new Uint8Array([0x58, 0, 0, 0, 4]);

export function dropStreamedMessages(db: PGlite): void {
  const rawStream = db.execProtocolRawStream.bind(db);
  db.execProtocolRawStream = async (...args: Parameters<PGlite['execProtocolRawStream']>) => {
    try {
      return await rawStream(...args);
    } finally {
      await db.execProtocol(TERMINATE, { syncToFs: false, throwOnError: false });
    }
  };
}
