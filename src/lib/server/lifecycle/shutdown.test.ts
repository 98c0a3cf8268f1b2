/**
 * Work still running when the server shut down (a start-up warm-up between two queries) used to reopen a fresh
 * PostgreSQL pool or Neo4j driver through getDb()/getDriver() after shutdown had closed them, and those sockets
 * kept the process alive until the safety timer (decision 0052's first-screen warm-up did exactly that).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { releaseServerResources } from './shutdown';
import { getDb } from '../platform/db';
import { getDriver } from '../platform/neo4j';
import { StoreClientsClosedError } from '../platform/store-clients-closed';

afterEach(() => vi.unstubAllEnvs());

describe('releaseServerResources', () => {
  it('runs the steps in order, then no store client can be opened again', async () => {
    // Configured stores: without the guard both calls below would create a client (neither connects eagerly).
    vi.stubEnv('DATABASE_URL', 'postgresql://127.0.0.1:5432/test');
    vi.stubEnv('NEO4J_URI', 'bolt://127.0.0.1:7687');
    const order: string[] = [];
    const lines: string[] = [];
    await releaseServerResources(
      [
        { name: 'first', stop: async () => void order.push('first') },
        { name: 'second', stop: async () => void order.push('second') }
      ],
      (line) => lines.push(line)
    );
    expect(order).toEqual(['first', 'second']);
    expect(lines).toEqual([]);
    expect(() => getDb()).toThrow(StoreClientsClosedError);
    expect(() => getDriver()).toThrow(StoreClientsClosedError);
  });
});
