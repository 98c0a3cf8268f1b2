import { drainOutbox } from '../projection/projector';
import { rebuildGraph } from '../projection/rebuild';
import type { ImportReport } from './report';

/**
 * After a successful import: bring Neo4j up to date the way the report says — drain the outbox rows the import
 * wrote, or (for large imports, which wrote none) rebuild the graph from PostgreSQL. A Neo4j failure is not an
 * import failure: the data is committed, the projector loop or `npm run graph:rebuild` catches up later.
 */
export async function catchUpGraph(report: ImportReport, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  try {
    if (report.projection.mode === 'outbox') {
      const projected = await drainOutbox({ log });
      log(`graph: projected ${projected} change(s) in ${Math.round(performance.now() - started)} ms`);
    } else if (report.projection.mode === 'rebuild') {
      log(`graph: ${report.projection.reason}; rebuilding…`);
      const summary = await rebuildGraph();
      const total = Object.values(summary.projected).reduce((a, b) => a + b, 0);
      log(`graph: rebuilt (${total} rows projected) in ${Math.round(summary.durationMs)} ms`);
    }
  } catch (error) {
    log(
      `graph: could not update Neo4j now (${(error as Error).message}); the data is saved in PostgreSQL — ` +
        'the app catches up when it starts, or run `npm run graph:rebuild`'
    );
  }
}
