import type { SqlSession } from './sql-session';

/**
 * Set-based writes for imports: one statement per chunk of rows, the rows travelling as ONE jsonb parameter
 * expanded by jsonb_to_recordset. This keeps 200k-row imports to a few dozen round trips, stays far below
 * PostgreSQL's 65,535-parameter limit, and needs no per-column array juggling (enum arrays included).
 * Table and column names come from the code, never from the file; values only ever travel as the parameter.
 */

export interface BulkColumn {
  /** Column name in the table (quoted in SQL). */
  name: string;
  /** Type of the field in the jsonb record (text, integer, date, timestamp(3), text[], numeric). */
  type: string;
  /** Optional cast to the column's type, e.g. `"OrganizationType"` or `"WorkLevel"[]`. */
  cast?: string;
}

export type BulkRow = Record<string, unknown>;

export const CHUNK_ROWS = 5_000;

function q(name: string): string {
  return `"${name}"`;
}

function recordType(columns: readonly BulkColumn[]): string {
  return columns.map((c) => `${q(c.name)} ${c.type}`).join(', ');
}

function valueOf(c: BulkColumn): string {
  return c.cast ? `r.${q(c.name)}::${c.cast}` : `r.${q(c.name)}`;
}

export function* chunks<T>(items: readonly T[], size = CHUNK_ROWS): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** JSON that keeps Dates as ISO strings (jsonb_to_recordset parses them into date/timestamp fields). */
function payload(rows: readonly BulkRow[]): string {
  return JSON.stringify(rows);
}

/**
 * INSERT rows; `extra` adds constant SQL expressions (e.g. `"createdAt" = now()`), `onConflict` an optional
 * ON CONFLICT clause for idempotent join-table inserts.
 */
export async function bulkInsert(
  tx: SqlSession,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly BulkRow[],
  options: { extra?: Record<string, string>; onConflict?: string; onChunk?: (n: number) => void } = {}
): Promise<number> {
  if (rows.length === 0) return 0;
  const extra = Object.entries(options.extra ?? {});
  const names = [...columns.map((c) => q(c.name)), ...extra.map(([name]) => q(name))].join(', ');
  const values = [...columns.map(valueOf), ...extra.map(([, sql]) => sql)].join(', ');
  const sql =
    `INSERT INTO ${q(table)} (${names}) SELECT ${values} ` +
    `FROM jsonb_to_recordset($1::jsonb) AS r(${recordType(columns)})` +
    (options.onConflict ? ` ${options.onConflict}` : '');
  let written = 0;
  for (const chunk of chunks(rows)) {
    written += await tx.$executeRawUnsafe(sql, payload(chunk));
    options.onChunk?.(chunk.length);
  }
  return written;
}

/**
 * UPDATE rows matched by `key` (a text column, usually "id"), setting every other listed column — only where
 * something differs, so re-importing an unchanged file rewrites no row (no index churn, updatedAt kept).
 */
export async function bulkUpdate(
  tx: SqlSession,
  table: string,
  key: string,
  columns: readonly BulkColumn[],
  rows: readonly BulkRow[],
  options: { extra?: Record<string, string>; onChunk?: (n: number) => void } = {}
): Promise<number> {
  const changing = columns.filter((c) => c.name !== key);
  if (rows.length === 0 || changing.length === 0) return 0;
  const set = [
    ...changing.map((c) => `${q(c.name)} = ${valueOf(c)}`),
    ...Object.entries(options.extra ?? {}).map(([name, sql]) => `${q(name)} = ${sql}`)
  ].join(', ');
  const differs =
    `(${changing.map((c) => `t.${q(c.name)}`).join(', ')}, NULL) IS DISTINCT FROM ` +
    `(${changing.map(valueOf).join(', ')}, NULL)`;
  const withKey = columns.some((c) => c.name === key) ? columns : [{ name: key, type: 'text' }, ...columns];
  const sql =
    `UPDATE ${q(table)} AS t SET ${set} ` +
    `FROM jsonb_to_recordset($1::jsonb) AS r(${recordType(withKey)}) WHERE t.${q(key)} = r.${q(key)} AND ${differs}`;
  let written = 0;
  for (const chunk of chunks(rows)) {
    written += await tx.$executeRawUnsafe(sql, payload(chunk));
    options.onChunk?.(chunk.length);
  }
  return written;
}

/**
 * Makes the link rows (a join table such as OrganizationTheme) of `parents` exactly `links`: deletes the links
 * no longer wanted, inserts the missing ones, leaves the rest untouched — a re-import of the same file writes
 * nothing. `links` must only name parents from `parents`.
 */
export async function bulkReplaceLinks(
  tx: SqlSession,
  table: string,
  parentColumn: string,
  childColumn: string,
  parents: readonly string[],
  links: readonly BulkRow[]
): Promise<void> {
  const byParent = new Map<string, BulkRow[]>();
  for (const link of links) {
    const parent = link[parentColumn] as string;
    (byParent.get(parent) ?? byParent.set(parent, []).get(parent)!).push(link);
  }
  const p = q(parentColumn);
  const c = q(childColumn);
  for (const chunk of chunks(parents)) {
    const wanted = chunk.flatMap((id) => byParent.get(id) ?? []);
    await tx.$executeRawUnsafe(
      `DELETE FROM ${q(table)} AS t WHERE t.${p} = ANY($1::text[]) AND NOT EXISTS (
         SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS r(${p} text, ${c} text) WHERE r.${p} = t.${p} AND r.${c} = t.${c})`,
      chunk,
      payload(wanted)
    );
  }
  await bulkInsert(
    tx,
    table,
    [
      { name: parentColumn, type: 'text' },
      { name: childColumn, type: 'text' }
    ],
    links,
    { onConflict: 'ON CONFLICT DO NOTHING' }
  );
}
