import { getDb } from '../platform/db';
import { drainOutbox } from '../projection/projector';
import { rebuildGraph, type RebuildProgress } from '../projection/rebuild';
import { refreshPlannerStatistics } from './planner-statistics';
import type { ImportReport } from './report';

/**
 * After a successful import: bring Neo4j up to date — drain the outbox rows the import wrote or, for large
 * imports, rebuild the graph from PostgreSQL (faster; it marks those outbox rows processed) after refreshing
 * PostgreSQL's statistics (planner-statistics.ts: a bulk load leaves them stale). A Neo4j failure is not an import
 * failure: the data and its outbox rows are committed, and the projector catches up later.
 */
export async function catchUpGraph(
  report: Pick<ImportReport, 'projection'>,
  log: (line: string) => void,
  onProgress?: (progress: RebuildProgress) => void
): Promise<void> {
  const started = performance.now();
  try {
    if (report.projection.outboxRows === 0) return;
    if (!report.projection.rebuildRecommended) {
      const projected = await drainOutbox({ log });
      log(`graph: projected ${projected} change(s) in ${Math.round(performance.now() - started)} ms`);
    } else {
      await refreshPlannerStatistics(getDb(), log);
      log(`graph: ${report.projection.outboxRows} changed rows — rebuilding the graph (faster than the outbox)…`);
      const summary = await rebuildGraph({ onProgress });
      const total = Object.values(summary.projected).reduce((a, b) => a + b, 0);
      log(`graph: rebuilt (${total} rows projected) in ${Math.round(summary.durationMs)} ms`);
    }
  } catch (error) {
    log(
      `graph: could not update Neo4j now (${(error as Error).message}); the data is saved in PostgreSQL — ` +
        'the projector catches up when the app runs, or run `npm run graph:rebuild`'
    );
  }
}
