import { describe, expect, it } from 'vitest';
import { Prisma } from '../db/generated/client';
import { CursorMismatchError, decodeKeysetCursor, encodeKeysetCursor, keysetAfterSql, type KeyColumn } from './keyset';

const columns: KeyColumn[] = [
  { sql: Prisma.sql`g."awardDate"`, direction: 'DESC', type: 'date' },
  { sql: Prisma.sql`g.id`, direction: 'ASC', type: 'text' }
];

describe('keyset cursors', () => {
  it('round-trips a sort key and refuses cursors of another connection or shape', () => {
    const cursor = encodeKeysetCursor('grants', ['2024-05-01', 'abc']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeysetCursor(cursor, 'grants', 2)).toEqual(['2024-05-01', 'abc']);
    expect(decodeKeysetCursor(cursor, 'networks', 2)).toBeNull();
    expect(decodeKeysetCursor(cursor, 'grants', 3)).toBeNull();
    expect(decodeKeysetCursor('garbage', 'grants', 2)).toBeNull();
    expect(decodeKeysetCursor(Buffer.from('arrayconnection:3').toString('base64'), 'grants', 2)).toBeNull();
    expect(decodeKeysetCursor(encodeKeysetCursor('grants', [5, 'abc']), 'grants', 2)).toBeNull();
  });

  it('seeks past the key with the right comparison per direction, flipped when paging backwards', () => {
    const forward = keysetAfterSql(columns, ['2024-05-01', 'abc'], false);
    expect(forward.sql).toBe(
      '((g."awardDate" < CAST(? AS date)) OR (g."awardDate" = CAST(? AS date) AND g.id > CAST(? AS text)))'
    );
    expect(forward.values).toEqual(['2024-05-01', '2024-05-01', 'abc']);
    expect(keysetAfterSql(columns, ['2024-05-01', 'abc'], true).sql).toContain('g."awardDate" > CAST(? AS date)');
  });

  it('refuses key values that are no literal of the column type before they reach SQL', () => {
    for (const bad of ['2024-13-45', '2024-02-30', "2024-01-01'; --", '']) {
      expect(() => keysetAfterSql(columns, [bad, 'abc'], false), bad).toThrow(CursorMismatchError);
    }
    const typed: KeyColumn[] = [
      { sql: Prisma.sql`score`, direction: 'DESC', type: 'real' },
      { sql: Prisma.sql`n`, direction: 'DESC', type: 'int' },
      { sql: Prisma.sql`t`, direction: 'ASC', type: 'timestamp(3)' }
    ];
    expect(() => keysetAfterSql(typed, ['0.0607927', '12', '2026-12-07 00:31:21.12'], false)).not.toThrow();
    expect(() => keysetAfterSql(typed, ['NaN', '12', '2026-12-07 00:31:21'], false)).toThrow(CursorMismatchError);
    expect(() => keysetAfterSql(typed, ['1', '99999999999', '2026-12-07 00:31:21'], false)).toThrow(
      CursorMismatchError
    );
    expect(() => keysetAfterSql(typed, ['1', '2', '2026-12-07T25:00:00'], false)).toThrow(CursorMismatchError);
  });
});
