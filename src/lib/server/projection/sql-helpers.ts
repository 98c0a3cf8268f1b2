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

/**
 * The two reads every projector makes: rows by id (what the outbox names) and the next page after an id (what a
 * rebuild walks), from one `SELECT … FROM <table> <alias>` and its key column (a constant such as 'o.id').
 */
export function keyedLoaders<R>(selectFrom: Prisma.Sql, keyColumn: string) {
  const key = Prisma.raw(keyColumn);
  const query = (where: Prisma.Sql, limit: Prisma.Sql) =>
    Prisma.sql`${selectFrom} WHERE ${where} ORDER BY ${key} ${limit}`;
  return {
    load(db: Sql, ids: string[]): Promise<R[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.$queryRaw<R[]>(query(Prisma.sql`${key} = ANY(${ids}::text[])`, Prisma.empty));
    },
    loadPage(db: Sql, afterId: string, limit: number): Promise<R[]> {
      return db.$queryRaw<R[]>(query(Prisma.sql`${key} > ${afterId}`, Prisma.sql`LIMIT ${limit}`));
    }
  };
}
