import { AsyncLocalStorage } from 'node:async_hooks';
import type { RecordShape } from 'neo4j-driver';
import { readTx } from './neo4j';

/**
 * Every Cypher read the API makes goes through `graphRead`, which counts it: tests wrap an operation in
 * `withGraphQueryCounter` to prove the number of Neo4j round trips does not grow with the page size (N+1 guard),
 * the graph twin of `withQueryCounter` in db.ts.
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

/** One read transaction running one parameterised query; the records as plain objects. */
export async function graphRead<T extends RecordShape>(cypher: string, params: Record<string, unknown>): Promise<T[]> {
  for (let c = counters.getStore(); c; c = c.parent) c.graphQueries++;
  return readTx(async (tx) => {
    const result = await tx.run<T>(cypher, params);
    return result.records.map((record) => record.toObject());
  });
}
