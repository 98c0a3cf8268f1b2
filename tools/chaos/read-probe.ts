/**
 * Reads the graph the way every graph-backed page and resolver does (readTx, with the shared read breaker) while
 * Neo4j is down, and records how long each read took to answer and whether it failed with the typed
 * GRAPH_UNAVAILABLE error — a read that hangs or fails with anything else is what the chaos run must catch.
 */
import { GraphUnavailableError, readTx } from '../../src/lib/server/platform/neo4j';

export interface ReadSample {
  ms: number;
  outcome: 'ok' | 'graph-unavailable' | 'other-error';
  message?: string;
}

export interface ReadProbe {
  stop(): Promise<ReadSample[]>;
}

export function startReadProbe(intervalMs: number): ReadProbe {
  const samples: ReadSample[] = [];
  let stopped = false;
  const running = (async () => {
    while (!stopped) {
      const startedAt = Date.now();
      try {
        await readTx((tx) => tx.run('MATCH (o:Organization) RETURN count(o) AS n'));
        samples.push({ ms: Date.now() - startedAt, outcome: 'ok' });
      } catch (error) {
        samples.push({
          ms: Date.now() - startedAt,
          outcome: error instanceof GraphUnavailableError ? 'graph-unavailable' : 'other-error',
          message: (error as Error).message.split('\n')[0]
        });
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await running;
      return samples;
    }
  };
}
