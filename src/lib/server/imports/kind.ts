import type { Prisma, PrismaClient } from '../db/generated/client';
import type { Change } from '../projection/outbox';
import type { ReferenceData } from '../validation/reference';
import type { Column } from './columns';
import type { CsvRow } from './csv-source';
import type { IssueCollector, OwnerEditOverwrite } from './report';

/**
 * What each import kind (one file per kind in this folder) provides: its columns, a validation pass that reads
 * the database but writes nothing, and a write pass that runs inside the import's single transaction.
 */
export interface PrepareContext {
  db: PrismaClient;
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
  prepare(rows: CsvRow[], ctx: PrepareContext): Promise<P>;
  write(tx: Prisma.TransactionClient, prepared: P, ctx: WriteContext): Promise<WriteResult>;
}

/** Reports progress every `step` rows, and once at the end. */
export function progressEvery(onRows: ((done: number) => void) | undefined, total: number, step = 1_000) {
  return (i: number) => {
    if (onRows && ((i + 1) % step === 0 || i + 1 === total)) onRows(i + 1);
  };
}
