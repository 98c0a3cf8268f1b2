import type { PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { loadReferenceData } from '../validation/reference';
import { enqueueImportChanges } from './outbox-bulk';
import type { ImportKind } from './columns';
import { csvBatches, type CsvInput } from './csv-source';
import { FileKeys } from './file-keys';
import { inTransaction } from './sql-session';
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

/** Thrown inside the import's transaction to roll it back: the file has problems, or this is a dry run. */
class NothingToKeep extends Error {}

/**
 * Imports one CSV file of one kind, all or nothing, in memory bounded by one batch whatever the file's size.
 * The file streams through csv-parse; each batch of rows is validated (field rules, references, repeats within
 * the file — across batches through FileKeys) and, while no problem has been found, written with its outbox
 * rows — all in ONE transaction, committed only when the whole file is clean (decision 0031). After the first
 * problem later batches are still validated, so the report lists every problem by line and column, and the
 * transaction is rolled back.
 */
export async function importCsv(kind: ImportKind, input: CsvInput, options: ImportOptions = {}): Promise<ImportReport> {
  const importer = IMPORTERS[kind];
  const db = options.db ?? getDb();
  const issues = new IssueCollector();
  const adopted: ImportReport['adopted'] = [];
  const ownerEdits: ImportReport['ownerEdits'] = [];
  const started = performance.now();
  const timings = { parseMs: 0, validateMs: 0, writeMs: 0, totalMs: 0 };
  const counts = { rows: 0, created: 0, updated: 0 };
  let outboxRows = 0;
  const report = (ok: boolean): ImportReport => {
    timings.totalMs = Math.round(performance.now() - started);
    timings.parseMs = Math.max(0, timings.totalMs - timings.validateMs - timings.writeMs);
    const kept = ok && !options.dryRun;
    return {
      kind,
      ok,
      dryRun: options.dryRun ?? false,
      counts: kept ? counts : { rows: counts.rows, created: 0, updated: 0 },
      issues: issues.sorted(importer.columns.map((c) => c.name)),
      errorCount: issues.count,
      adopted,
      ownerEdits,
      projection: kept
        ? { outboxRows, rebuildRecommended: outboxRows > REBUILD_THRESHOLD }
        : { outboxRows: 0, rebuildRecommended: false },
      timings
    };
  };
  const since = (start: number) => Math.round(performance.now() - start);

  const ref = await loadReferenceData(db);
  try {
    await inTransaction(db, async (tx) => {
      const fileKeys = await FileKeys.open(tx);
      const batches = csvBatches(input, importer.columns, issues, {
        maxBytes: options.maxBytes,
        onBytes: (read, total) => options.onProgress?.('read', read, total)
      });
      let validated = 0;
      for await (const batch of batches) {
        counts.rows = batch.recordCount;
        const validateStart = performance.now();
        const rows = await fileKeys.dropRepeats(batch.rows, importer.uniqueInFile, issues);
        const prepared = await importer.prepare(rows, {
          db: tx,
          ref,
          issues,
          present: new Set(batch.header),
          source: options.source?.trim() || null,
          adopt: new Set(options.adopt ?? []),
          adopted,
          ownerEdits,
          onRows: (done) => options.onProgress?.('validate', validated + done, validated + rows.length)
        });
        validated += rows.length;
        timings.validateMs += since(validateStart);
        if (!issues.empty || options.dryRun) continue;

        const writeStart = performance.now();
        const written = await importer.write(tx, prepared, {
          onRows: (done) => options.onProgress?.('write', counts.created + counts.updated + done, validated)
        });
        await enqueueImportChanges(tx, written.changes);
        counts.created += written.created;
        counts.updated += written.updated;
        outboxRows += written.changes.length;
        timings.writeMs += since(writeStart);
      }
      if (!issues.empty || options.dryRun) throw new NothingToKeep();
    });
  } catch (error) {
    if (error instanceof NothingToKeep) return report(issues.empty);
    if (error instanceof FileRejected) {
      for (const issue of error.issues) issues.add(issue.line, issue.column, issue.reason);
      return report(false);
    }
    const message = constraintMessage(error);
    if (!message) throw error;
    issues.add(1, undefined, message);
    return report(false);
  }
  // Fresh statistics after a large import: with the old ones (say, an empty table) the planner picks plans
  // for a few rows and every later query on these tables pays for it until autovacuum gets round to them.
  if (outboxRows >= ANALYZE_THRESHOLD) {
    for (const table of [...importer.tables, 'Outbox']) {
      await db.$executeRawUnsafe(`ANALYZE "${table}"`).catch(() => {}); // only an optimisation: the data is in
    }
  }
  return report(true);
}
