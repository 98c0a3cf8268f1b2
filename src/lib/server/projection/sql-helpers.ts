import { Prisma } from '../db/generated/client';
import type { Sql } from './types';

/**
 * Count and existence checks shared by the projectors. `table` and `idColumn` are constants from the projector
 * files, never input, so quoting them into the statement is safe.
 */
export function tableChecks(table: string, idColumn = 'id') {
  const from = Prisma.raw(`"${table}"`);
  const id = Prisma.raw(`"${idColumn}"`);
  return {
    async countPostgres(db: Sql): Promise<number> {
      const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${from}`;
      return row.n;
    },
    async existingIds(db: Sql, ids: string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db.$queryRaw<{ id: string }[]>`
        SELECT ${id}::text AS id FROM ${from} WHERE ${id} = ANY(${ids}::text[])`;
      return rows.map((r) => r.id);
    }
  };
}
