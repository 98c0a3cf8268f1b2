import { badArgument } from './input-errors';
import { cursorToOffset, resolveArrayConnection } from '@pothos/plugin-relay';

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
 * that asked for 500 rows and got 100 might believe it has everything. Cursors are opaque offsets.
 */
export function checkPageArgs(args: PageArgs): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value == null) continue;
    if (value < 0) throw badArgument(name, 'must not be negative');
    if (value > MAX_PAGE_SIZE) throw badArgument(name, `must be at most ${MAX_PAGE_SIZE} (got ${value})`);
  }
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
