/**
 * Keyset paging by id: exports read tables of 200k rows without holding one huge result or using OFFSET.
 * `fetch(after)` returns the next page of rows with id > after, ordered by id.
 */
export const PAGE_SIZE = 5_000;

export async function* pagesById<T extends { id: string }>(fetch: (after: string | undefined) => Promise<T[]>) {
  let after: string | undefined;
  for (;;) {
    const page = await fetch(after);
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE_SIZE) return;
    after = page[page.length - 1]!.id;
  }
}

/** The Prisma arguments for one page after `after`, within `where` (a visibility filter, say). */
export function pageArgs<W extends object>(after: string | undefined, where?: W) {
  const conditions = [...(where ? [where] : []), ...(after === undefined ? [] : [{ id: { gt: after } }])];
  return {
    take: PAGE_SIZE,
    orderBy: { id: 'asc' as const },
    where: { AND: conditions } as W
  };
}
