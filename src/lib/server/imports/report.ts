import type { ImportKind } from './columns';

/**
 * One reason a file was rejected. `line` is the physical line in the file (the header is line 1; a quoted cell
 * with line breaks makes later rows start further down), `column` the header name. File-level problems (size,
 * header, CSV syntax) have line 1 or the line the parser stopped at, and no column when none applies.
 */
export interface ImportIssue {
  line: number;
  column?: string;
  reason: string;
}

export interface OwnerEditOverwrite {
  line: number;
  name: string;
  columns: string[];
}

export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
}

export interface ImportReport {
  kind: ImportKind;
  ok: boolean;
  dryRun: boolean;
  counts: ImportCounts;
  /** Kept in file order; capped at MAX_KEPT_ISSUES (errorCount has the true total). */
  issues: ImportIssue[];
  errorCount: number;
  /** Rows that took over an organisation whose external id was set in the app, as the admin confirmed (--adopt). */
  adopted: { line: number; externalId: string; name: string }[];
  /** Rows that set columns the organisation itself last edited in the app (decision 0029): written, and named. */
  ownerEdits: OwnerEditOverwrite[];
  /**
   * Outbox rows written in the import transaction (one per written row), and whether a full graph rebuild would
   * be faster than draining them (large imports; see REBUILD_THRESHOLD).
   */
  projection: { outboxRows: number; rebuildRecommended: boolean };
  timings: { parseMs: number; validateMs: number; writeMs: number; totalMs: number };
}

/** A file with a million bad rows must not take a million issues of memory; the count stays exact. */
export const MAX_KEPT_ISSUES = 10_000;

export class IssueCollector {
  readonly issues: ImportIssue[] = [];
  count = 0;

  add(line: number, column: string | undefined, reason: string): void {
    this.count += 1;
    if (this.issues.length < MAX_KEPT_ISSUES) this.issues.push(column ? { line, column, reason } : { line, reason });
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** Issues in file order: by line, then by the column's position in the format (file-level ones first). */
  sorted(columnOrder: readonly string[] = []): ImportIssue[] {
    const position = (issue: ImportIssue) => (issue.column === undefined ? -1 : columnOrder.indexOf(issue.column));
    return [...this.issues].sort((a, b) => a.line - b.line || position(a) - position(b));
  }
}

/** Thrown for problems that stop reading the file at once (too large, bad header, broken CSV syntax). */
export class FileRejected extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(issues.map((i) => i.reason).join('; '));
  }
}

/** The human-readable report the CLI prints: counts, then the first `limit` issues. */
export function formatReport(report: ImportReport, limit = 50): string {
  const lines: string[] = [];
  const { counts } = report;
  if (report.ok) {
    const verb = report.dryRun ? 'would be valid' : 'imported';
    lines.push(
      `${report.kind}: ${counts.rows} rows ${verb}` +
        (report.dryRun ? ' (dry run, nothing written)' : ` — ${counts.created} created, ${counts.updated} updated`)
    );
    for (const a of report.adopted) {
      lines.push(`  line ${a.line}: took over "${a.name}" (external id "${a.externalId}" was set in the app; --adopt)`);
    }
    for (const o of report.ownerEdits) {
      lines.push(
        `  line ${o.line}: ${report.dryRun ? 'would set' : 'set'} ${o.columns.join(', ')} of "${o.name}", which the organisation had edited itself`
      );
    }
  } else {
    lines.push(
      `${report.kind}: REJECTED — ${report.errorCount} error${report.errorCount === 1 ? '' : 's'} in ${counts.rows} rows; nothing was written.`
    );
    for (const issue of report.issues.slice(0, limit)) {
      lines.push(`  line ${issue.line}${issue.column ? `, column "${issue.column}"` : ''}: ${issue.reason}`);
    }
    if (report.errorCount > limit) lines.push(`  … and ${report.errorCount - limit} more`);
  }
  return lines.join('\n');
}
