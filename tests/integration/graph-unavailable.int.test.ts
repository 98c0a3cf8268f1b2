/**
 * Issue 14, finding 7 (Neo4j side): with Neo4j down every graph-backed read waited until the client gave up
 * (10 s): `executeRead` retries "service unavailable" for its 30 s window. readTx now fails at once with the typed
 * GraphQL error GRAPH_UNAVAILABLE (a GraphQLError, which /graphql passes through instead of "Unexpected error.").
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeDriver, GraphUnavailableError, readTx } from '../../src/lib/server/platform/neo4j';
import { freePort } from '../../tools/process/ports';

const liveUri = process.env.NEO4J_URI;

/** Points the process's driver at a port nobody listens on (the "Neo4j is down" of a test). */
async function useDeadNeo4j() {
  await closeDriver();
  process.env.NEO4J_URI = `bolt://127.0.0.1:${await freePort()}`;
}

afterAll(async () => {
  await closeDriver();
  process.env.NEO4J_URI = liveUri;
});

describe('reads when Neo4j is unreachable', () => {
  it('readTx answers at once with GRAPH_UNAVAILABLE instead of retrying for 30 s', async () => {
    expect(await readTx(async (tx) => (await tx.run('RETURN 1 AS one')).records[0].get('one'))).toBe(1);
    await useDeadNeo4j();
    const startedAt = Date.now();
    const error = await readTx((tx) => tx.run('RETURN 1')).catch((e: unknown) => e);
    const seconds = (Date.now() - startedAt) / 1000;
    console.log(`[graph-unavailable] readTx failed after ${seconds.toFixed(2)} s`);
    expect(error).toBeInstanceOf(GraphUnavailableError);
    expect((error as GraphUnavailableError).extensions.code).toBe('GRAPH_UNAVAILABLE');
    // Generous for a loaded machine; before the fix this took the driver's 30 s retry window.
    expect(seconds).toBeLessThan(15);
  }, 60_000);
});
