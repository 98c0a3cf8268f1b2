import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Every Cypher statement the app sends goes through the session helpers of this folder (readTx, writeTx, readRows,
 * readTxOn, writeTxOn), and each one counts here: tests wrap an operation in `withGraphQueryCounter` to prove the
 * number of Neo4j round trips does not grow with the page size (N+1 guard), the graph twin of `withQueryCounter`
 * in db.ts.
 */
interface Counter {
  graphQueries: number;
  parent?: Counter;
}
const counters = new AsyncLocalStorage<Counter>();

export async function withGraphQueryCounter<T>(fn: () => Promise<T>): Promise<{ result: T; graphQueries: number }> {
  const counter: Counter = { graphQueries: 0, parent: counters.getStore() };
  const result = await counters.run(counter, fn);
  return { result, graphQueries: counter.graphQueries };
}

function countGraphQuery(): void {
  for (let c = counters.getStore(); c; c = c.parent) c.graphQueries++;
}

/** The same transaction, with each `run` counted in the caller's counter (the statement is one round trip). */
export function countingRuns<Tx extends { run: (...args: never[]) => unknown }>(tx: Tx): Tx {
  const run = tx.run.bind(tx) as (...args: unknown[]) => unknown;
  tx.run = ((...args: unknown[]) => {
    countGraphQuery();
    return run(...args);
  }) as Tx['run'];
  return tx;
}
