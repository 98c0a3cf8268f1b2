/**
 * A query that needs more memory than Neo4j allows one transaction is the query's problem, not Neo4j's: it must
 * fail alone — no retries, no open circuit breaker (which would fail every other graph read with
 * GRAPH_UNAVAILABLE), no "Neo4j unavailable" in the log. Found by the 200k bench: the density analytics hit the
 * limit, Neo4j reported it as a TransientError.General, and it was taken for an outage.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphReadBreaker, GraphUnavailableError, readRows } from '../../src/lib/server/platform/neo4j';
import { isGraphUnavailable, isOverMemoryLimit } from '../../src/lib/server/platform/graph-transaction';
import { maskResolverError } from '../../src/lib/server/graphql/mask-error';
import { GraphQLError } from 'graphql';

// Well over the local Neo4j's 256 MiB per transaction (graph/…/LocalNeo4j.java): 40M integers in one list.
const TOO_LARGE = 'UNWIND range(1, 40000000) AS i WITH collect(i) AS xs RETURN size(xs) AS n';

afterEach(() => vi.restoreAllMocks());

describe('a query over the transaction memory limit', () => {
  it('fails by itself: the breaker stays closed and the next read answers', async () => {
    const warn = vi.spyOn(console, 'warn');
    let caught: unknown;
    for (let i = 0; i < 4; i++) {
      caught = await readRows(TOO_LARGE, {}).catch((error: unknown) => error);
      expect(caught).not.toBeInstanceOf(GraphUnavailableError);
    }
    expect(isOverMemoryLimit(caught)).toBe(true);
    expect(isGraphUnavailable(caught)).toBe(false);
    expect(graphReadBreaker.state).toBe('closed');
    expect(warn.mock.calls.flat().join('\n')).not.toMatch(/Neo4j unavailable/);
    expect(await readRows<{ one: number }>('RETURN 1 AS one', {})).toHaveLength(1);
  });

  it('reaches the client as REQUEST_TOO_LARGE, not as "Unexpected error."', async () => {
    const cause = await readRows(TOO_LARGE, {}).catch((error: unknown) => error);
    const located = new GraphQLError((cause as Error).message, {
      path: ['proposeCoalition'],
      originalError: cause as Error
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const shown = maskResolverError(located, 'Unexpected error.') as GraphQLError;
    expect(shown.extensions).toEqual({ code: 'REQUEST_TOO_LARGE' });
    expect(shown.message).toMatch(/fewer themes, countries or organisations/);
    expect(shown.path).toEqual(['proposeCoalition']);
  });
});
