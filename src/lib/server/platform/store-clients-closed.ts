/**
 * Once the server shuts down, no new PostgreSQL pool or Neo4j driver may be opened. getDb() and getDriver()
 * create their client on first use, so work still running when shutdown closed them (a start-up warm-up, a
 * refit between two queries) would otherwise open a fresh pool or driver after the close — and its sockets keep
 * the process alive until the shutdown safety timer (issue 14, finding 10; what the first-screen warm-up of
 * decision 0052 did). Such work now fails with this error instead, which it treats like any other failure.
 * Only the server's shutdown sets this: tests and CLIs close and reopen their clients freely.
 */
let reason: string | undefined;

export class StoreClientsClosedError extends Error {
  constructor(store: string, why: string) {
    super(`${store}: no new connections, ${why}`);
    this.name = 'StoreClientsClosedError';
  }
}

/** From now on, for the rest of the process, getDb() and getDriver() refuse to open a new client. */
export function refuseNewStoreClients(why: string): void {
  reason = why;
}

/** Throws when shutdown has begun; called before a store's client is created. */
export function assertMayOpenStoreClient(store: string): void {
  if (reason) throw new StoreClientsClosedError(store, reason);
}
