import { badArgument } from './input-errors';
import { cursorToOffset, resolveArrayConnection } from '@pothos/plugin-relay';
import {
  CursorMismatchError,
  decodeKeysetCursor,
  encodeKeysetCursor,
  type KeyValue
} from '../src/lib/server/pagination/keyset';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/**
 * Page sizes above the maximum are refused with an error naming the argument, not silently truncated: a client
 * that asked for 500 rows and got 100 might believe it has everything.
 */
function checkPageSizes(args: PageArgs): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value == null) continue;
    if (value < 0) throw badArgument(name, 'must not be negative');
    if (value > MAX_PAGE_SIZE) throw badArgument(name, `must be at most ${MAX_PAGE_SIZE} (got ${value})`);
  }
}

/** Page sizes, and cursors as the opaque offsets of connections over short in-memory lists and offset pages. */
export function checkPageArgs(args: PageArgs): void {
  checkPageSizes(args);
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    let offset: number;
    try {
      offset = cursorToOffset(cursor);
    } catch {
      throw badArgument(name, 'is not a cursor from this connection');
    }
    if (!Number.isInteger(offset) || offset < 0) throw badArgument(name, 'is not a cursor from this connection');
  }
}

/** A connection over a list already in memory (e.g. one organisation's partnerships from a loader). */
export function arrayConnection<T>(args: PageArgs, items: T[]) {
  checkPageArgs(args);
  return resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }, items);
}

/** Which way a keyset page reads, and from where (see src/lib/server/pagination/keyset.ts). */
export interface KeysetRequest {
  key: KeyValue[] | null;
  backwards: boolean;
  /** Rows to fetch: the page size plus one, to learn whether there is more. */
  limit: number;
}

/** A row of a keyset page and its sort key (what its cursor carries). */
export interface KeyedNode<T> {
  node: T;
  key: KeyValue[];
}

/**
 * A connection paged by sort key. `fetch` returns up to `limit` rows, with their sort keys, in the requested
 * direction's order (the reversed order when `backwards`). Forward (`first`/`after`) and backward (`last`/`before`)
 * paging are supported, not both at once: one page has one direction.
 */
export async function keysetConnection<T>(
  args: PageArgs,
  opts: {
    /** Names the connection (and its ordering) inside the cursor, so a foreign cursor is refused. */
    connection: string;
    arity: number;
    fetch: (request: KeysetRequest) => Promise<KeyedNode<T>[]>;
  }
) {
  checkPageSizes(args);
  const backwards = args.last != null || args.before != null;
  if (backwards && (args.first != null || args.after != null)) {
    const field = args.last != null ? 'last' : 'before';
    throw badArgument(field, 'cannot be combined with first/after: page forwards or backwards');
  }
  const cursorField = backwards ? 'before' : 'after';
  const cursor = args[cursorField];
  let key: KeyValue[] | null = null;
  if (cursor != null) {
    key = decodeKeysetCursor(cursor, opts.connection, opts.arity);
    if (!key) throw badArgument(cursorField, 'is not a cursor from this connection');
  }
  const size = (backwards ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  let fetched: KeyedNode<T>[] = [];
  try {
    if (size > 0) fetched = await opts.fetch({ key, backwards, limit: size + 1 });
  } catch (error) {
    if (error instanceof CursorMismatchError) throw badArgument(cursorField, 'is not a cursor from this connection');
    throw error;
  }
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (backwards) rows.reverse();
  const edges = rows.map(({ node, key }) => ({ node, cursor: encodeKeysetCursor(opts.connection, key) }));
  return {
    edges,
    pageInfo: {
      // Going one way we know for sure whether more lies ahead; behind us lies at least the cursor's own row.
      hasNextPage: backwards ? key !== null : more,
      hasPreviousPage: backwards ? more : key !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null
    }
  };
}
