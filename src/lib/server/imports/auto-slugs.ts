import { takenSlugs } from './references';
import type { SqlSession } from './sql-session';

/**
 * Slugs for new rows whose slug cell is empty: the name's slug, or `<slug>-2`, `-3` … when that is taken in the
 * database or earlier in the file. Deterministic for a given file and database, and one query per window of
 * 20 suffixes rather than one per row.
 */
export async function assignSlugs(
  db: SqlSession,
  table: 'Organization' | 'Network',
  wanted: readonly { key: number; base: string }[],
  usedInFile: Set<string>
): Promise<Map<number, string>> {
  const assigned = new Map<number, string>();
  let pending = [...wanted];
  for (let from = 1; pending.length > 0; from += 20) {
    const candidatesOf = (base: string) =>
      Array.from({ length: 20 }, (_, i) => (from + i === 1 ? base : `${base}-${from + i}`));
    const taken = await takenSlugs(db, table, [...new Set(pending.flatMap((w) => candidatesOf(w.base)))]);
    const unresolved: typeof pending = [];
    for (const item of pending) {
      const free = candidatesOf(item.base).find((c) => !taken.has(c) && !usedInFile.has(c));
      if (free === undefined) {
        unresolved.push(item);
      } else {
        assigned.set(item.key, free);
        usedInFile.add(free);
      }
    }
    pending = unresolved;
  }
  return assigned;
}
