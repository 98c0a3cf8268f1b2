import type { PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { loadReferenceData } from '../validation/reference';
import { enqueueImportChanges } from './outbox-bulk';
import type { ImportKind } from './columns';
import { readCsv, type CsvInput } from './csv-source';
import type { KindImporter } from './kind';
import { FileRejected, IssueCollector, type ImportReport } from './report';
import { organizationsImporter } from './organizations';
import { networksImporter } from './networks';
import { networkMembershipsImporter } from './network-memberships';
import { partnershipsImporter } from './partnerships';
import { grantsImporter } from './grants';

const IMPORTERS: Record<ImportKind, KindImporter<unknown>> = {
  organizations: organizationsImporter as KindImporter<unknown>,
  networks: networksImporter as KindImporter<unknown>,
  'network-memberships': networkMembershipsImporter as KindImporter<unknown>,
  partnerships: partnershipsImporter as KindImporter<unknown>,
  grants: grantsImporter as KindImporter<unknown>
};

export type ImportPhase = 'read' | 'validate' | 'write';

export interface ImportOptions {
  db?: PrismaClient;
  /** Provenance for partnerships and grants whose source cell is empty. */
  source?: string | null;
  /** Validate everything and report, write nothing. */
  dryRun?: boolean;
  maxBytes?: number;
  /** External ids set in the app that the admin confirms this import may take over (organisations). */
  adopt?: readonly string[];
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

/**
 * Above this many changed rows the caller should rebuild the graph rather than drain the outbox: draining
 * re-reads and projects rows in batches of 500, a rebuild streams whole tables (and marks the import's outbox
 * rows processed). The outbox rows are written either way, so a crash before the rebuild loses nothing.
 */
export const REBUILD_THRESHOLD = 20_000;

const ANALYZE_THRESHOLD = 5_000;

/** A transaction that writes 200k rows needs minutes on a small machine, not Prisma's default 5 seconds. */
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;

function constraintMessage(error: unknown): string | null {
  const text = String((error as Error)?.message ?? error);
  const code = (error as { code?: string; meta?: { code?: string } })?.meta?.code ?? (error as { code?: string })?.code;
  if (code === '23505' || code === 'P2002' || /unique constraint|duplicate key/i.test(text)) {
    return 'a row in the file clashes with a row written to the database while the import ran (unique constraint); run the import again';
  }
  if (code === '23503' || code === 'P2003' || /foreign key/i.test(text)) {
    return 'a row references something deleted from the database while the import ran (foreign key); run the import again';
  }
  return null;
}

/**
 * Imports one CSV file of one kind, all or nothing: every row is validated first (field rules, references,
 * duplicates) and only a file without a single problem is written, in one transaction, together with its
 * outbox rows. The report lists every problem by line and column.
 */
export async function importCsv(kind: ImportKind, input: CsvInput, options: ImportOptions = {}): Promise<ImportReport> {
  const importer = IMPORTERS[kind];
  const db = options.db ?? getDb();
  const issues = new IssueCollector();
  const adopted: ImportReport['adopted'] = [];
  const ownerEdits: ImportReport['ownerEdits'] = [];
  const started = performance.now();
  const timings = { parseMs: 0, validateMs: 0, writeMs: 0, totalMs: 0 };
  const report = (
    ok: boolean,
    counts: ImportReport['counts'],
    projection: ImportReport['projection'] = { outboxRows: 0, rebuildRecommended: false }
  ): ImportReport => {
    timings.totalMs = Math.round(performance.now() - started);
    return {
      kind,
      ok,
      dryRun: options.dryRun ?? false,
      counts,
      issues: issues.sorted(importer.columns.map((c) => c.name)),
      errorCount: issues.count,
      adopted,
      ownerEdits,
      projection,
      timings
    };
  };

  let parsed: Awaited<ReturnType<typeof readCsv>>;
  try {
    parsed = await readCsv(input, importer.columns, issues, {
      maxBytes: options.maxBytes,
      onBytes: (read, total) => options.onProgress?.('read', read, total)
    });
  } catch (error) {
    if (!(error instanceof FileRejected)) throw error;
    for (const issue of error.issues) issues.add(issue.line, issue.column, issue.reason);
    timings.parseMs = Math.round(performance.now() - started);
    return report(false, { rows: 0, created: 0, updated: 0 });
  }
  timings.parseMs = Math.round(performance.now() - started);
  const { header, rows, recordCount: total } = parsed;

  const validateStart = performance.now();
  const prepared = await importer.prepare(rows, {
    db,
    ref: await loadReferenceData(db),
    issues,
    present: new Set(header),
    source: options.source?.trim() || null,
    adopt: new Set(options.adopt ?? []),
    adopted,
    ownerEdits,
    onRows: (done) => options.onProgress?.('validate', done, rows.length)
  });
  timings.validateMs = Math.round(performance.now() - validateStart);
  const rowCount = rows.length;
  rows.length = 0; // the prepared rows hold everything the write needs: let the parsed cells go (200k rows ≈ 200 MB)
  if (!issues.empty) return report(false, { rows: total, created: 0, updated: 0 });
  if (options.dryRun) return report(true, { rows: total, created: 0, updated: 0 });

  const writeStart = performance.now();
  try {
    const result = await db.$transaction(
      async (tx) => {
        const written = await importer.write(tx, prepared, {
          onRows: (done) => options.onProgress?.('write', done, rowCount)
        });
        await enqueueImportChanges(tx, written.changes);
        return written;
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 }
    );
    // Fresh statistics after a large import: with the old ones (say, an empty table) the planner picks plans
    // for a few rows and every later query on these tables pays for it until autovacuum gets round to them.
    if (result.changes.length >= ANALYZE_THRESHOLD) {
      for (const table of [...importer.tables, 'Outbox']) {
        await db.$executeRawUnsafe(`ANALYZE "${table}"`).catch(() => {}); // only an optimisation: the data is in
      }
    }
    timings.writeMs = Math.round(performance.now() - writeStart);
    return report(
      true,
      { rows: total, created: result.created, updated: result.updated },
      { outboxRows: result.changes.length, rebuildRecommended: result.changes.length > REBUILD_THRESHOLD }
    );
  } catch (error) {
    const message = constraintMessage(error);
    if (!message) throw error;
    issues.add(1, undefined, message);
    timings.writeMs = Math.round(performance.now() - writeStart);
    return report(false, { rows: total, created: 0, updated: 0 });
  }
}
