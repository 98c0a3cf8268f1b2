import type { VisibilityParams } from '../access/viewer';
import type { PrismaClient } from '../db/generated/client';

/** One exported row: its sort key and its cells by column name (the writer orders them by the format). */
export interface ExportRow {
  key: string;
  cells: Record<string, string | number | null | undefined>;
}

export interface ExportContext {
  db: PrismaClient;
  v: VisibilityParams;
}

export type RowSource = (ctx: ExportContext) => Promise<ExportRow[]>;
