import type { VerifyReport } from './verify';

/** The `graph:verify` summary: one row per entity, the pending outbox, then up to `maxExamples` drift examples. */
export function formatVerifyReport(report: VerifyReport, maxExamples = 20): string {
  const header = ['entity', 'postgres', 'neo4j', 'drift'];
  const rows = Object.entries(report.counts).map(([entity, c]) => [
    entity,
    String(c.postgres),
    String(c.neo4j),
    String(report.driftByEntity[entity] ?? 0)
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');

  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line), ''];
  out.push(`pending outbox rows: ${report.pendingOutbox}`);
  if (report.driftCount > 0) {
    const shown = report.drift.slice(0, maxExamples);
    out.push('', `drift (${shown.length} of ${report.driftCount}):`);
    for (const d of shown) out.push(`  ${d.entity} ${d.id}: ${d.problem}`);
    if (report.pendingOutbox > 0) {
      out.push('', 'Pending outbox rows may explain some of it: run again once the projector has caught up.');
    }
    out.push('Repair: npm run graph:rebuild');
  }
  out.push(
    '',
    report.ok ? `OK: both stores agree (${(report.durationMs / 1000).toFixed(1)} s)` : 'DRIFT: the stores disagree'
  );
  return out.join('\n');
}
