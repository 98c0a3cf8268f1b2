/**
 * Keyset ("seek") paging: a page starts after the sort key of the last row the client saw, not after a row count,
 * so rows inserted or removed before that point shift nothing — no row is skipped or repeated between pages, and
 * deep pages cost what the first one does (issue #14, finding 9; decision 0030).
 *
 * A cursor is opaque to clients: base64url of JSON `[connection, ...sort key]`. The connection name is checked on
 * decode, so a cursor from another connection (or another ordering of this one) is refused instead of silently
 * positioning somewhere else.
 */
import { Prisma } from '../db/generated/client';

export type KeyValue = string | number;

export function encodeKeysetCursor(connection: string, key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([connection, ...key])).toString('base64url');
}

/** The sort key in `cursor`, or null when it is not a cursor of `connection` with `arity` key values. */
export function decodeKeysetCursor(cursor: string, connection: string, arity: number): KeyValue[] | null {
  if (cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== arity + 1 || parsed[0] !== connection) return null;
  const key = parsed.slice(1);
  return key.every((v) => typeof v === 'string') ? key : null;
}

/** A cursor whose key values do not fit the connection's sort columns (forged or from an older version). */
export class CursorMismatchError extends Error {
  constructor() {
    super('cursor does not fit this connection');
    this.name = 'CursorMismatchError';
  }
}

function roundTrips(value: string, iso: string): boolean {
  const date = new Date(iso);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso.slice(0, 19));
}

/**
 * Whether a cursor's value is a literal of the column's type, checked before it reaches SQL: a forged cursor must
 * be a BAD_USER_INPUT naming the argument, not a PostgreSQL cast error (which the API would mask as unexpected).
 */
const FITS: Record<string, (v: string) => boolean> = {
  text: () => true,
  int: (v) => /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= 2 ** 31 - 1,
  real: (v) => /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v) && Number.isFinite(Number(v)),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && roundTrips(v, `${v}T00:00:00Z`),
  // PostgreSQL's text form of timestamp(3): "2026-12-07 00:31:21.123" (fraction without trailing zeros).
  'timestamp(3)': (v) => {
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,3})?$/.exec(v);
    return m !== null && roundTrips(v, `${m[1]}T${m[2]}${m[3] ?? ''}Z`);
  }
};

export interface KeyColumn {
  /** The sort expression, e.g. Prisma.sql`g."awardDate"`. Must be NOT NULL. */
  sql: Prisma.Sql;
  direction: 'ASC' | 'DESC';
  /** PostgreSQL type the cursor's value is cast to, e.g. 'date', 'text', 'int'. */
  type: string;
}

/**
 * `ORDER BY` for the columns, reversed when paging backwards (the caller reverses the rows it gets back).
 * The last column must make the order total (an id), or rows with equal keys could be skipped.
 */
export function keysetOrderSql(columns: readonly KeyColumn[], backwards: boolean): Prisma.Sql {
  return Prisma.join(
    columns.map((c) => {
      const descending = (c.direction === 'DESC') !== backwards;
      return Prisma.sql`${c.sql} ${Prisma.raw(descending ? 'DESC' : 'ASC')}`;
    }),
    ', '
  );
}

/**
 * Rows strictly after `key` in the order of `columns` (before it when paging backwards), for mixed directions:
 * (c1 ≻ v1) OR (c1 = v1 AND c2 ≻ v2) OR … where ≻ is > for ascending and < for descending columns.
 */
export function keysetAfterSql(
  columns: readonly KeyColumn[],
  key: readonly KeyValue[],
  backwards: boolean
): Prisma.Sql {
  const fits = key.length === columns.length && columns.every((c, i) => FITS[c.type]?.(String(key[i])) === true);
  if (!fits) throw new CursorMismatchError();
  const value = (i: number) => Prisma.sql`CAST(${key[i]} AS ${Prisma.raw(columns[i].type)})`;
  const alternatives = columns.map((column, i) => {
    const ascending = (column.direction === 'ASC') !== backwards;
    const equalBefore = columns.slice(0, i).map((c, j) => Prisma.sql`${c.sql} = ${value(j)}`);
    const beyond = Prisma.sql`${column.sql} ${Prisma.raw(ascending ? '>' : '<')} ${value(i)}`;
    return Prisma.sql`(${Prisma.join([...equalBefore, beyond], ' AND ')})`;
  });
  return Prisma.sql`(${Prisma.join(alternatives, ' OR ')})`;
}
