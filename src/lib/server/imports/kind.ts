import type { Change } from '../projection/outbox';
import type { ReferenceData } from '../validation/reference';
import type { Column } from './columns';
import type { CsvRow } from './csv-source';
import type { UniqueInFile } from './file-keys';
import type { IssueCollector, OwnerEditOverwrite } from './report';
import type { SqlSession } from './sql-session';

/**
 * What each import kind (one file per kind in this folder) provides: its columns, a validation pass that reads
 * the database but writes nothing, and a write pass. The import streams the file in batches; both passes run
 * per batch inside the import's single transaction, so a batch sees what the batches before it wrote.
 */
export interface PrepareContext {
  /** The import's transaction (reads see the earlier batches' writes). */
  db: SqlSession;
  ref: ReferenceData;
  issues: IssueCollector;
  /** Columns present in the file's header: absent optional columns leave existing values unchanged. */
  present: ReadonlySet<string>;
  /** `--source`: provenance for rows whose source cell is empty (partnerships, grants). */
  source: string | null;
  /** `--adopt`: external ids set in the app that an admin confirms this import may take over (issue #14). */
  adopt: ReadonlySet<string>;
  /** Filled by prepare: the rows that take over such an organisation, for the report. */
  adopted: { line: number; externalId: string; name: string }[];
  /** Filled by prepare: rows that set columns the organisation edited itself, for the report. */
  ownerEdits: OwnerEditOverwrite[];
  onRows?: (done: number) => void;
}

export interface WriteContext {
  onRows?: (done: number) => void;
}

export interface WriteResult {
  created: number;
  updated: number;
  changes: Change[];
}

export interface KindImporter<P> {
  columns: readonly Column[];
  /** Tables it writes: analysed after a large import so the planner sees the new row counts. */
  tables: readonly string[];
  /** Values that may appear once per file: checked across batches (each batch's prepare checks within it). */
  uniqueInFile: readonly UniqueInFile[];
  prepare(rows: CsvRow[], ctx: PrepareContext): Promise<P>;
  write(tx: SqlSession, prepared: P, ctx: WriteContext): Promise<WriteResult>;
}

/** Reports progress every `step` rows, and once at the end. */
export function progressEvery(onRows: ((done: number) => void) | undefined, total: number, step = 1_000) {
  return (i: number) => {
    if (onRows && ((i + 1) % step === 0 || i + 1 === total)) onRows(i + 1);
  };
}
