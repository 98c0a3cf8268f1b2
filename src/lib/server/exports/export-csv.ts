import type { VisibilityParams } from '../access/viewer';
import type { PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { COLUMNS, type ImportKind } from '../imports/columns';
import { byKey, csvLine } from './csv-writer';
import type { RowSource } from './kind';
import { grantRows } from './grants';
import { networkMembershipRows } from './network-memberships';
import { networkRows } from './networks';
import { organizationRows } from './organizations';
import { partnershipRows } from './partnerships';

const SOURCES: Record<ImportKind, RowSource> = {
  organizations: organizationRows,
  networks: networkRows,
  'network-memberships': networkMembershipRows,
  partnerships: partnershipRows,
  grants: grantRows
};

export interface ExportOptions {
  db?: PrismaClient;
  /** Receives the file in pieces (header, then batches of lines); awaited, so a slow stream applies back-pressure. */
  write: (chunk: string) => void | Promise<void>;
}

/**
 * Writes one kind as CSV in exactly the import format (same columns, same order, same cell formats), rows
 * sorted by their key, so that export → import into an empty database → export gives the same bytes.
 * Visibility is applied in the queries for `v` (see each kind's file). Returns the number of rows written.
 */
export async function exportCsv(kind: ImportKind, v: VisibilityParams, options: ExportOptions): Promise<number> {
  const db = options.db ?? getDb();
  const columns = COLUMNS[kind].map((c) => c.name);
  const rows = (await SOURCES[kind]({ db, v })).sort(byKey);
  await options.write(csvLine(columns));
  let batch = '';
  for (const [i, row] of rows.entries()) {
    batch += csvLine(
      columns.map((c) => row.cells[c]),
      columns
    );
    if ((i + 1) % 2_000 === 0) {
      await options.write(batch);
      batch = '';
    }
  }
  if (batch) await options.write(batch);
  return rows.length;
}

/** The whole file as a string (tests, small exports, HTTP responses). */
export async function exportCsvText(kind: ImportKind, v: VisibilityParams, db?: PrismaClient): Promise<string> {
  let text = '';
  await exportCsv(kind, v, { db, write: (chunk) => void (text += chunk) });
  return text;
}
